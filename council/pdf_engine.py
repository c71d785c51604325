"""WeasyPrint, and the URL fetcher that lets it read the project's static files and nothing else.

Imported by `council.documents.render_pdf` when it first renders, never at start-up: WeasyPrint and
its fonts libraries are about 40% of the time and much of the memory of starting Django, and a web
process that never renders (the public site) should not pay for them.
"""

import posixpath

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from council.documents import CONTENT_TYPES, static_path


class StaticOnlyFetcher(URLFetcher):
    """WeasyPrint's URL fetcher, allowed to read the project's static files and nothing else."""

    def fetch(self, url, headers=None):
        path = static_path(url)
        with open(path, "rb") as handle:
            body = handle.read()
        content_type = CONTENT_TYPES.get(posixpath.splitext(path)[1].lower(), "application/octet-stream")
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


static_only_fetcher = StaticOnlyFetcher(fail_on_errors=False)


def write_pdf(html, *, base_url, pdf_variant):
    return HTML(string=html, base_url=base_url, url_fetcher=static_only_fetcher).write_pdf(pdf_variant=pdf_variant)
