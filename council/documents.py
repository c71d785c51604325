"""Documents as PDF: render a template with WeasyPrint, store the result once, serve it from storage.

Generic machinery for every app's documents (the decision record, the scrutiny briefing report):
nothing here knows about a particular kind of document. A document is a Django template that
extends `documents/base.html`; the same template and context that make the HTML page make the PDF.

WeasyPrint fetches nothing but the project's own static files (`council.pdf_engine`'s fetcher): no
network, no file system, no data: URLs. User text reaches the template escaped, as on the HTML page.

WeasyPrint itself is imported only when a PDF is rendered (`council.pdf_engine`): it is most of
the time and memory of starting Django, and only the task worker and the staff previews render.
"""

import hashlib
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import parse_etags

# Relative URLs in a document (/static/..., links to the site's pages) resolve against this.
# Links in the PDF then point at the real site; only /static/ is ever fetched, from disk.
DOCUMENTS_DIR = "documents"
PDF_VARIANT = "pdf/ua-1"
CACHE_FOREVER = "public, max-age=31536000, immutable"
# A visitor who asks for a public PDF before the worker stored it is told to come back this much later.
PDF_RETRY_AFTER_SECONDS = 300

CONTENT_TYPES = {
    ".css": "text/css",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
}


# Event actions of a record's history when its public PDF fails to render and when it is retried
# (not workflow moves: the record's status does not change). Their labels read "Render failed"
# and "Rendering retried".
RENDER_FAILED = "render_failed"
WATERMARK = "DRAFT"  # across every page of a record that is not yet public
RENDERING_RETRIED = "rendering_retried"


def failure_text(exc):
    """What went wrong, short enough to show on a staff page: the exception's type and message."""
    message = str(exc).strip()
    return (f"{type(exc).__name__}: {message}" if message else type(exc).__name__)[:1000]


class FetchRefused(ValueError):
    """A document asked for something that is not one of the project's static files."""


def base_url():
    return settings.SITE_URL.rstrip("/") + "/"


def _static_name(url):
    """The static file name a URL asks for, or FetchRefused."""
    parts = urlsplit(url)
    origin = urlsplit(base_url())
    if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
        raise FetchRefused(f"Refused to fetch {url!r}: documents may only use the site's static files")
    path = unquote(parts.path)
    if not path.startswith(settings.STATIC_URL):
        raise FetchRefused(f"Refused to fetch {url!r}: not under {settings.STATIC_URL}")
    name = path[len(settings.STATIC_URL) :]
    normalised = posixpath.normpath(name)
    if not name or normalised != name or normalised.startswith(("../", "/")) or "\\" in name:
        raise FetchRefused(f"Refused to fetch {url!r}: not a plain static file name")
    return name


def static_path(url):
    """The file on disk for a static URL: from the finders (development), else the collected files."""
    name = _static_name(url)
    found = finders.find(name)
    if found:
        return found
    try:
        if staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
    except NotImplementedError:  # a storage with no local files
        pass
    raise FetchRefused(f"Refused to fetch {url!r}: no such static file")


def render_html(template_name, context, *, title, author, subject, lang="en-GB", watermark=None):
    """The document as HTML: the template, with the document's metadata in its context."""
    document = {"title": title, "author": author, "subject": subject, "lang": lang, "watermark": watermark}
    return render_to_string(template_name, {**context, "document": document})


def render_pdf(template_name, context, *, title, author, subject, lang="en-GB", watermark=None):
    """A4, tagged (PDF/UA-1) PDF of `template_name` rendered with `context`, as bytes.

    `title`, `author`, `subject` and `lang` go into the PDF's metadata (A11Y-2, A11Y-4);
    `watermark` (e.g. "DRAFT") is printed across every page.
    """
    html = render_html(
        template_name, context, title=title, author=author, subject=subject, lang=lang, watermark=watermark
    )
    from council import pdf_engine  # WeasyPrint, loaded by the first render (see the docstring)

    return pdf_engine.write_pdf(html, base_url=base_url(), pdf_variant=PDF_VARIANT)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def store_pdf(data, name):
    """Store a rendered document under documents/ in the default storage, never overwriting.

    Returns (storage name, SHA-256 hex digest, size in bytes).
    """
    stored = default_storage.save(posixpath.join(DOCUMENTS_DIR, name), ContentFile(data))
    return stored, sha256(data), len(data)


def serve_stored(request, name, *, sha256_hex, filename):
    """A stored document as an inline PDF download, cached for good and validated by its SHA-256."""
    etag = f'"{sha256_hex}"'
    headers = {"ETag": etag, "Cache-Control": CACHE_FOREVER}
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match and (etag in parse_etags(if_none_match) or if_none_match.strip() == "*"):
        response = HttpResponseNotModified()
    else:
        try:
            handle = default_storage.open(name, "rb")
        except FileNotFoundError as exc:
            raise Http404("The stored document is missing") from exc
        response = FileResponse(handle, content_type="application/pdf", as_attachment=False, filename=filename)
    for key, value in headers.items():
        response[key] = value
    return response


def serve_public_pdf(request, item, *, filename):
    """A published item's public PDF, as the worker stored it. Never rendered in the request: a render
    here would make a visitor wait seconds and turn a WeasyPrint failure into a 500. Publication
    queued the render; a failure is on Democratic Support's work list to try again."""
    if not item.public_pdf_sha256:
        response = render(request, "documents/pdf_not_ready.html", status=503)
        response["Retry-After"] = str(PDF_RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return serve_stored(request, item.public_pdf.name, sha256_hex=item.public_pdf_sha256, filename=filename)


def delete_stored(name):
    """Remove a stored document nobody refers to (the loser of a race to store it)."""
    default_storage.delete(name)


# What an uploaded file may be, by its extension, and the type it is served as: the upload's
# checks (records.forms_appendices) matched the extension to the content's first bytes, so this is what the
# content is, whatever the uploading browser declared.
ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}


def attachment_content_type(item):
    """The type of an uploaded file, from the name it was checked and stored under (then the
    original name, for files stored before the check); anything else is a plain download."""
    for name in (item.file.name, item.original_filename):
        extension = posixpath.splitext(name or "")[1].lower()
        if extension in ATTACHMENT_TYPES:
            return ATTACHMENT_TYPES[extension]
    return "application/octet-stream"


def serve_attachment(item):
    """A private uploaded file (an appendix) as a download, once the caller has checked who may have it.

    `item` has `file`, `original_filename` and `content_type`. A missing file is a 404, not a 500.
    """
    if not item.file:
        raise Http404("There is no file")
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing") from exc
    filename = item.original_filename or posixpath.basename(item.file.name)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=attachment_content_type(item))
