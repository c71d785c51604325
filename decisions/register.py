"""The public register's query: search and filters over published decisions, shared by the page,
the CSV and JSON downloads, the Atom feed and the JSON API.

`RegisterQuery(params)` reads the query string (the page, the downloads and the API take the
same parameters, so any filtered page has a matching download and API call):

    q               words to search for (title, decision, reasons, alternatives, financial implications)
    directorate     a directorate's code, e.g. cyp
    decision_maker  a decision maker's number (the `id` the API gives people)
    key_decision    yes | no
    urgent          yes | no
    decided_from    a date, 2021-11-17 or 17/11/2021
    decided_to      a date
    amount_min      pounds, e.g. 250000 or £250,000 (of `amount`: the larger of capital and revenue)
    amount_max      pounds
    call_in         open (open to call-in today) | called_in (held by a call-in: CALL-1)

An invalid value is an error on its field (`errors`), and that filter alone is left out: the
other answers still apply and are kept in the form.

Search: on PostgreSQL, full-text search with English stemming over a stored `tsvector` column
(`search_document`, made by migration 0003 with a GIN index; weight A for the reference and title,
B for the decision, C for the rest), through django.contrib.postgres.search: a websearch
`SearchQuery`, ranked by `SearchRank` (ts_rank: word frequency and weight: half the cost
of `ts_rank_cd`'s cover density, which matters when a common word matches thousands of records,
each ranked before the best 25 are taken), matching words highlighted by
`SearchHeadline` (ts_headline). Elsewhere (SQLite), every word must appear in one of the searched fields, ranked by
which fields hold the words (the same weights), and the words are highlighted as typed.

Only Part I fields are searched: no exempt text is ever in `search_document` (S12A-4). The search
words are always query parameters.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from django import forms
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import Case, ExpressionWrapper, F, FloatField, Q, Value, When
from django.utils import timezone
from django.utils.html import escape

from council import roles
from council.models import Directorate, User
from decisions.models import Decision
from decisions.register_search import SearchDocument, headlines, mark_words, marked, shorten, websearch

# The plain search's weights, as PostgreSQL's A, B and C (1.0, 0.4, 0.2).
PLAIN_WEIGHTS = {
    "reference": 10,
    "title": 10,
    "decision_to_be_taken": 4,
    "reasons": 2,
    "alternatives": 2,
    "financial_implications": 2,
}
YES_NO = [("", "Any"), ("yes", "Yes"), ("no", "No")]
CALL_IN = [("", "Any"), ("open", "Open to call-in"), ("called_in", "Called in")]
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y"]
MAX_QUERY = 200


class FlexibleDateField(forms.DateField):
    input_formats = DATE_FORMATS
    default_error_messages = {"invalid": "Enter a real date, for example 17/11/2021"}


class PoundsField(forms.DecimalField):
    """Pounds as people type them: 250000, 250,000, £250,000.50."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("£", "").strip()
        if value in ("", None):
            return None
        try:
            return Decimal(value)
        except InvalidOperation as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class RegisterForm(forms.Form):
    q = forms.CharField(
        label="Search decisions",
        required=False,
        max_length=MAX_QUERY,
        error_messages={"max_length": f"Search for {MAX_QUERY} characters or fewer"},
    )
    directorate = forms.ChoiceField(label="Directorate", required=False)
    decision_maker = forms.ChoiceField(label="Decision maker", required=False)
    key_decision = forms.ChoiceField(label="Key decision", choices=YES_NO, required=False)
    urgent = forms.ChoiceField(label="Urgent decision", choices=YES_NO, required=False)
    call_in = forms.ChoiceField(
        label="Call-in",
        choices=CALL_IN,
        required=False,
        error_messages={"invalid_choice": "Choose open to call-in, called in or any"},
    )
    decided_from = FlexibleDateField(
        label="Decided on or after",
        required=False,
        error_messages={"invalid": "“Decided on or after” must be a real date, for example 17/11/2021"},
    )
    decided_to = FlexibleDateField(
        label="Decided on or before",
        required=False,
        error_messages={"invalid": "“Decided on or before” must be a real date, for example 17/11/2021"},
    )
    amount_min = PoundsField(
        label="Amount from (£)",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={
            "invalid": "“Amount from” must be an amount in pounds, like 250000",
            "min_value": "“Amount from” must be £0 or more",
            "max_digits": "Enter an amount of less than £1 trillion",
            "max_decimal_places": "Enter an amount in pounds and pence, like 250000.50",
            "max_whole_digits": "Enter an amount of less than £1 trillion",
        },
    )
    amount_max = PoundsField(
        label="Amount up to (£)",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={
            "invalid": "“Amount up to” must be an amount in pounds, like 1000000",
            "min_value": "“Amount up to” must be £0 or more",
            "max_digits": "Enter an amount of less than £1 trillion",
            "max_decimal_places": "Enter an amount in pounds and pence, like 1000000.50",
            "max_whole_digits": "Enter an amount of less than £1 trillion",
        },
    )

    def __init__(self, *args, directorates=None, decision_makers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"].choices = [("", "Any")] + [(d.code.lower(), d.name) for d in directorates]
        self.fields["directorate"].error_messages["invalid_choice"] = "Choose a directorate from the list"
        self.fields["decision_maker"].choices = [("", "Any")] + [(str(u.pk), u.display_name) for u in decision_makers]
        self.fields["decision_maker"].error_messages["invalid_choice"] = "Choose a decision maker from the list"
        for name in ("key_decision", "urgent"):
            self.fields[name].error_messages["invalid_choice"] = "Choose yes, no or any"

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        data = super().clean()
        start, end = data.get("decided_from"), data.get("decided_to")
        # code="reversed": the API answers a reversed range as what it is, a range nothing is in.
        if start and end and start > end:
            message = "The “decided on or before” date must be the same as or after the other date"
            self.add_error("decided_to", forms.ValidationError(message, code="reversed"))
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is not None and low > high:
            message = "The “amount up to” must be the same as or more than the “amount from”"
            self.add_error("amount_max", forms.ValidationError(message, code="reversed"))
        return data


def decision_makers():
    """People who can appear as decision makers: the role's holders (one query)."""
    return (
        User.objects.filter(groups__name=roles.DECISION_MAKER)
        .order_by("last_name", "first_name", "username")
        .distinct()
        .only("pk", "first_name", "last_name", "username", "honorific", "job_title")
    )


def uses_full_text():
    return connection.vendor == "postgresql"


class RegisterQuery:
    """The published decisions a query string asks for, and the form that describes it."""

    FILTERS = [name for name in RegisterForm.base_fields if name != "q"]

    def __init__(self, params):
        self.params = params
        self.directorates = list(Directorate.objects.order_by("order", "name"))
        makers = list(decision_makers())
        asked = params.get("decision_maker", "")
        # ASCII digits only, as long as a database id can be: "²".isdigit() is true, but int() refuses it.
        if re.fullmatch(r"[0-9]{1,18}", asked) and all(str(u.pk) != asked for u in makers):
            # Someone who made decisions but no longer holds the role (one query, only then).
            former = User.objects.filter(pk=int(asked), decisions_to_make__status="published")[:1]
            makers += list(former.only("pk", "first_name", "last_name", "username", "honorific", "job_title"))
        self.form = RegisterForm(params, directorates=self.directorates, decision_makers=makers)
        self.form.is_valid()
        # Keep every valid answer, even when another field has an error.
        self.values = {name: value for name, value in self.form.cleaned_data.items() if name not in self.form.errors}
        self.q = self.values.get("q", "")

    @property
    def errors(self):
        return self.form.errors

    @property
    def is_filtered(self):
        return bool(self.q) or any(self.values.get(name) not in (None, "") for name in self.FILTERS)

    def active_filters(self):
        """(label, value shown, query string without it) for each filter in use."""
        shown = []
        for name in self.FILTERS:
            value = self.values.get(name)
            if value in (None, ""):
                continue
            field = self.form.fields[name]
            if isinstance(field, forms.ChoiceField):
                display = dict(field.choices).get(value, value)
            elif isinstance(value, datetime.date):
                display = f"{value:%-d %B %Y}"
            elif isinstance(value, Decimal):
                display = f"£{value:,.2f}".removesuffix(".00")
            else:
                display = str(value)
            shown.append((field.label, display, self.query_string(without=name)))
        return shown

    def query_string(self, *, without=None, **extra):
        """This query's parameters (as typed, valid or not), for links: pagination, downloads, removal."""
        pairs = []
        for name in ["q", *self.FILTERS]:
            if name == without:
                continue
            value = self.params.get(name, "")
            if value:
                pairs.append((name, value))
        pairs.extend((k, v) for k, v in extra.items() if v not in (None, ""))
        return urlencode(pairs)

    # — the queryset ------------------------------------------------------------------------------

    def filtered(self, queryset=None):
        """Published decisions matching the filters and search, unordered."""
        qs = queryset if queryset is not None else Decision.objects.all()
        qs = qs.filter(status="published")
        v = self.values
        if v.get("directorate"):
            codes = {d.code.lower(): d.pk for d in self.directorates}
            qs = qs.filter(directorate_id=codes[v["directorate"]])
        if v.get("decision_maker"):
            qs = qs.filter(decision_maker_id=int(v["decision_maker"]))
        if v.get("key_decision"):
            qs = qs.filter(is_key_decision=(v["key_decision"] == "yes"))
        if v.get("urgent"):
            qs = qs.filter(is_urgent=(v["urgent"] == "yes"))
        if v.get("call_in") == "open":
            # The window runs to its last day inclusive, in the council's time zone (CALL-1).
            qs = qs.open_to_call_in(timezone.localdate())
        elif v.get("call_in") == "called_in":
            qs = qs.called_in()
        if v.get("decided_from"):
            qs = qs.filter(decided_on__gte=v["decided_from"])
        if v.get("decided_to"):
            qs = qs.filter(decided_on__lte=v["decided_to"])
        if v.get("amount_min") is not None:
            qs = qs.filter(amount__gte=v["amount_min"])
        if v.get("amount_max") is not None:
            qs = qs.filter(amount__lte=v["amount_max"])
        if self.q:
            qs = self._search(qs)
        return qs

    def ordered(self, queryset=None):
        """Filtered, best match first when searching on PostgreSQL, otherwise newest first."""
        qs = self.filtered(queryset)
        newest = [F("decided_on").desc(), F("published_at").desc(nulls_last=True), F("pk").desc()]
        if self.q:
            return qs.order_by(F("search_rank").desc(), *newest)
        return qs.order_by(*newest)

    def _search(self, qs):
        if uses_full_text():
            query = websearch(self.q)
            qs = qs.alias(search_document=SearchDocument()).filter(search_document=query)
            # Normalization 1: the rank divided by 1 + the log of the document's length.
            return qs.annotate(search_rank=SearchRank(SearchDocument(), query, normalization=1))
        # Elsewhere: every word in one of the fields; ranked by where the words are (weights as above).
        rank = Value(0)
        for word in self.words():
            match = Q()
            for field, weight in PLAIN_WEIGHTS.items():
                match |= Q(**{f"{field}__icontains": word})
                rank = rank + Case(When(**{f"{field}__icontains": word}, then=Value(weight)), default=Value(0))
            qs = qs.filter(match)
        return qs.annotate(search_rank=ExpressionWrapper(rank, output_field=FloatField()))

    def words(self):
        """The words of the search, without websearch syntax (quotes, "or", leading minus)."""
        words = []
        for token in re.findall(r"[\w£'’-]+", self.q):
            if token.startswith("-") or token.lower() == "or":
                continue
            token = token.strip("'’-")
            if token:
                words.append(token)
        return words

    # — highlighting ---------------------------------------------------------------------------

    def with_excerpts(self, decisions):
        """Adds `excerpt` (safe HTML) to each decision of a page: the matching words marked."""
        decisions = list(decisions)
        if not decisions:
            return decisions
        if self.q and uses_full_text():
            found = headlines([d.pk for d in decisions], self.q)
            for d in decisions:
                d.excerpt = marked(found.get(d.pk, ""))
                d.title_html = marked(found.get(("title", d.pk), "")) or escape(d.title)
        else:
            pattern = self._words_pattern()
            for d in decisions:
                text = shorten(d.decision_to_be_taken, pattern)
                d.excerpt = mark_words(text, pattern)
                d.title_html = mark_words(d.title, pattern)
        return decisions

    def _words_pattern(self):
        words = self.words() if self.q else []
        if not words:
            return None
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
