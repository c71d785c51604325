"""A web process starts without WeasyPrint: only rendering a PDF loads it (council.pdf_engine).

WeasyPrint and its font libraries were about 40% of the time and a fifth of the memory of starting
Django (1.8 s and 92 MB against 1.1 s and 73 MB on this project's CI machine), paid by every gunicorn
worker and management command, though only the task worker and staff previews render.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STARTED = (
    "import sys, config.wsgi; from django.urls import get_resolver; "
    "get_resolver().url_patterns; from django.contrib import admin; admin.site.get_urls(); "
    "print('started with weasyprint' if 'weasyprint' in sys.modules else 'started without weasyprint'); "
    "from council.documents import render_pdf; "
    "pdf = render_pdf('documents/base.html', {}, title='T', author='A', subject='S'); "
    "print('rendered', pdf[:5].decode(), 'with weasyprint' if 'weasyprint' in sys.modules else 'without')"
)


def test_django_starts_without_weasyprint_and_loads_it_to_render():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update({"DJANGO_DEBUG": "true", "DATABASE_URL": "sqlite:///:memory:"})
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {STARTED}"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["started without weasyprint", "rendered %PDF- with weasyprint"]
