"""The register's search expressions and highlighting (decisions.register reads them): on
PostgreSQL the stored `search_document` column, a websearch query and `SearchHeadline` excerpts
with the matching words between markers turned into <mark>; elsewhere the typed words marked.
Only Part I fields are searched or quoted (S12A-4)."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVectorField
from django.db.models import TextField, Value
from django.db.models.expressions import Col, Expression
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from decisions.models import Decision

# The fields full-text search reads; none of them can hold exempt information.
SEARCHED_FIELDS = ["title", "decision_to_be_taken", "reasons", "alternatives", "financial_implications"]
START, STOP = "\x02", "\x03"  # ts_headline's markers, turned into <mark> after escaping


# The stored tsvector column made by migration 0003 (PostgreSQL only, so not a field of the model).
_SEARCH_DOCUMENT = SearchVectorField()
_SEARCH_DOCUMENT.set_attributes_from_name("search_document")
_SEARCH_DOCUMENT.model = Decision


class SearchDocument(Expression):
    """`decisions_decision.search_document`, for the full-text search expressions."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return Col(query.get_initial_alias(), _SEARCH_DOCUMENT, output_field=SearchVectorField())


def websearch(q):
    """The words as a search engine reads them (quotes, "or", leading minus), English stemming."""
    return SearchQuery(q, search_type="websearch", config="english")


EXCERPT_OPTIONS = dict(max_words=40, min_words=20, max_fragments=2, fragment_delimiter=" … ")


def headlines(pks, q):
    """One query: the title and an excerpt of each decision, with the matching words between markers."""
    query = websearch(q)
    marks = dict(config="english", start_sel=START, stop_sel=STOP)
    # The Part I text searched after the title, one string (an empty field adds nothing but a space).
    text = TextField()
    fields = [Coalesce(field, Value(""), output_field=text) for field in SEARCHED_FIELDS[1:]]
    body = Concat(*intersperse(Value(" ", output_field=text), fields), output_field=text)
    rows = (
        Decision.objects.filter(pk__in=pks)
        .annotate(
            title_headline=SearchHeadline("title", query, highlight_all=True, **marks),
            excerpt_headline=SearchHeadline(body, query, **marks, **EXCERPT_OPTIONS),
        )
        .values_list("pk", "title_headline", "excerpt_headline")
    )
    result = {}
    for pk, title, excerpt in rows:
        result[pk] = excerpt
        result[("title", pk)] = title
    return result


def intersperse(separator, items):
    result = []
    for item in items:
        result.extend([separator, item] if result else [item])
    return result


def marked(text):
    if not text:
        return ""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own markers become tags


def shorten(text, pattern, length=300):
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    start = 0
    if pattern:
        found = pattern.search(text)
        if found and found.start() > length // 2:
            start = text.rfind(" ", 0, found.start() - length // 3) + 1
    excerpt = text[start : start + length]
    excerpt = excerpt[: excerpt.rfind(" ")] if " " in excerpt else excerpt
    return ("… " if start else "") + excerpt + " …"


def mark_words(text, pattern):
    text = text or ""
    if not pattern:
        return escape(text)
    pieces, last = [], 0
    for found in pattern.finditer(text):
        pieces.append(escape(text[last : found.start()]))
        pieces.append(f"<mark>{escape(found.group(0))}</mark>")
        last = found.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped
