"""The PDFs' fonts ship with the product: a server with no fonts installed renders the same fonts.

A separate process with fontconfig pointed at an empty configuration (no system fonts at all)
renders text through the project's print.css and fetcher; the PDF must embed the bundled
Liberation Sans faces and DejaVu Sans Bold for the tick.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RENDER = r"""
import io, json
import django
django.setup()
import pypdf
from weasyprint import HTML
from council import documents, pdf_engine
html = ('<html lang="en-GB"><head><link rel="stylesheet" href="/static/css/print.css"></head><body>'
        '<p>Decision <b>bold</b> <i>italic</i> <b><i>both</i></b> <span class="app-tick"></span></p></body></html>')
pdf = HTML(string=html, base_url=documents.base_url(), url_fetcher=pdf_engine.static_only_fetcher).write_pdf()
from fontTools.ttLib import TTFont
fonts = set()
for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        program = font["/FontDescriptor"]["/FontFile2"].get_data()
        names = TTFont(io.BytesIO(program))["name"]
        fonts.add(f"{names.getDebugName(1)} {names.getDebugName(2)}")  # family and style of the embedded font
print(json.dumps(sorted(fonts)))
"""


def test_pdf_embeds_the_bundled_fonts_on_a_server_without_fonts(tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "true",
        "DJANGO_LOG_FORMAT": "text",
        "FONTCONFIG_FILE": str(config),
    }
    result = subprocess.run(
        [sys.executable, "-c", RENDER], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    fonts = json.loads(result.stdout.strip().splitlines()[-1])
    assert fonts == [
        "DejaVu Sans Bold",
        "Liberation Sans Bold",
        "Liberation Sans Bold Italic",
        "Liberation Sans Italic",
        "Liberation Sans Regular",
    ]
