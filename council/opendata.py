"""What every kind of public record's open data shares: the licence, absolute links, Atom feeds.

decisions/opendata.py and scrutiny/opendata.py give each record's public fields, each as a table
`name -> (type, description)` in one convention: "string", "integer", "number", "boolean", "date",
"date-time", "time", a nested object's name or "list of ...", and "?" at the end when null is
allowed (api/openapi_schemas.py builds the OpenAPI schemas from them). The downloads, feeds and the
API (api/) take the licence and links from here, and the downloads their streamed CSV and JSON.
"""

import csv
import json

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import StreamingHttpResponse
from django.utils import feedgenerator, timezone

from council.models import CouncilSettings

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def absolute(path):
    """A path on this site as a full address (DJANGO_SITE_URL): stable identifiers, links in data."""
    return settings.SITE_URL.rstrip("/") + path


def iso(value):
    """A date or time as open data gives it: ISO 8601, or None when there is none."""
    return value.isoformat() if value else None


# OWASP's CSV injection guidance: a cell a spreadsheet would read as a formula starts with one of
# these; a leading single quote makes it text. Only text is touched (amounts stay numbers), and
# only in CSV: the JSON carries the words as they are.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """`value` as a CSV cell no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_value(value):
    """A cell of every CSV download: yes or no for a boolean, a list as its items joined by commas,
    and text no spreadsheet runs as a formula."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value)
    return csv_cell(value)


def with_licence(response):
    """The licence as an HTTP Link header, for a download."""
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


class PublicFeed(Feed):
    """An Atom feed of published records: the council as author, the OGL as rights, permanent ids.

    Subclasses give `feed_url`, `item_link` and the rest; items have `published_at`.
    """

    feed_type = feedgenerator.Atom1Feed
    item_guid_is_permalink = True

    def author_name(self):
        return CouncilSettings.load().name

    def feed_copyright(self):
        return f"{LICENCE_NAME}: {LICENCE_URL}"

    def feed_guid(self, obj):
        return absolute(self._get_dynamic_attr("feed_url", obj))

    def item_guid(self, item):
        return absolute(self.item_link(item))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at


# — streamed downloads ------------------------------------------------------------------------------


class _Echo:
    """A file whose write() hands back the line: csv.writer then makes rows to stream."""

    def write(self, value):
        return value


def streamed_csv(fields, rows, *, cell):
    """A CSV download: a header of `fields`, then each of `rows` (dicts) with `cell(value)` per field
    (None is empty), streamed so a large file never sits in memory; UTF-8 with a BOM, which
    spreadsheet programs need to read it as UTF-8."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"
        yield writer.writerow(list(fields))
        for row in rows:
            yield writer.writerow(["" if row[name] is None else cell(row[name]) for name in fields])

    return StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")


def streamed_json(request, *, publisher, key, items):
    """A JSON download: the licence, the publisher, the address it came from and when, and `key`
    holding `items` (dicts), streamed."""
    header = {
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "publisher": publisher,
        "source": absolute(request.get_full_path()),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
    }

    def chunks():
        yield json.dumps(header)[:-1] + f', "{key}": ['
        for n, item in enumerate(items):
            yield ("," if n else "") + json.dumps(item)
        yield "]}"

    return StreamingHttpResponse(chunks(), content_type="application/json")


def download(response, stem, extension):
    """`response` as a download named for today, e.g. forward-plan-2026-11-30.csv, with its licence."""
    response["Content-Disposition"] = f'attachment; filename="{stem}-{timezone.localdate():%Y-%m-%d}.{extension}"'
    return with_licence(response)
