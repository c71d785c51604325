"""Static files as production stores them (config.storage): hashed names all the way down, so the
browser fetches GOV.UK Frontend's JavaScript once (the page's script tag and init.js's import name
the same hashed file). scripts/production_check.sh checks the same through gunicorn."""

import re
import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage

from config.storage import StaticFilesStorage

JS = Path(settings.BASE_DIR) / "static" / "js"


def test_init_js_imports_govuk_frontend_by_its_hashed_name(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(JS, source / "js")
    storage = StaticFilesStorage(location=tmp_path / "root", base_url="/static/")
    found = FileSystemStorage(location=source)
    paths = {f"js/{p.name}": (found, f"js/{p.name}") for p in (source / "js").iterdir()}
    for path in paths:
        with found.open(path) as handle:
            storage.save(path, handle)
    list(storage.post_process(paths))

    hashed_frontend = storage.stored_name("js/govuk-frontend.min.js")
    assert re.fullmatch(r"js/govuk-frontend\.min\.[0-9a-f]{12}\.js", hashed_frontend)
    init = (tmp_path / "root" / storage.stored_name("js/init.js")).read_text()
    imports = re.findall(r"""from\s*["']([^"']+)["']""", init)
    assert imports == [f"./{Path(hashed_frontend).name}"]
