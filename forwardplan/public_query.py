"""The public Forward Plan's query: which items the page, the CSV and JSON downloads show, and
their filters, all in the query string (so every filtered plan can be shared and downloaded):

    show                 "" the current plan (default) | all
    decision_maker_type  officer | cabinet | cabinet_member
    month                2026-03: items whose expected date, or period, falls in that month

The current plan is every published or deferred item whose expected date (the end of its period,
when it has one) is no more than `CURRENT_MONTHS` months ago: a decision that was due recently
is still what the public looks for, while older ones have long been taken or moved. Withdrawn
items are not on it; they stay public at their own address and under `show=all`, with the reason.

An invalid value is an error on its field, and that filter alone is left out: the other answers
still apply and are kept in the form.
"""

import calendar
import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils import timezone

from forwardplan.models import DecisionMakerType, Status

CURRENT_MONTHS = 6
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
MONTH_ERROR = "Choose a month from the list"


def months_before(day, months):
    """The same day `months` months before `day` (the month's last day when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def parse_month(value):
    """(first day, last day) of a "YYYY-MM" month, or None when it is not one."""
    match = MONTH.fullmatch(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1900 <= year <= 9998 and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


class MonthField(forms.ChoiceField):
    """A month as "YYYY-MM": the select offers the months that have items, but any real month is
    accepted (a shared link to a month that has since emptied still works)."""

    def valid_value(self, value):
        return parse_month(value) is not None


class PlanFilters(forms.Form):
    show = forms.ChoiceField(
        label="Items",
        required=False,
        choices=[("", "The current plan"), ("all", "Every item, including withdrawn and past ones")],
        error_messages={"invalid_choice": "Choose which items to show from the list"},
    )
    decision_maker_type = forms.ChoiceField(
        label="Decision maker",
        required=False,
        choices=[("", "Any"), *DecisionMakerType.choices],
        error_messages={"invalid_choice": "Choose a decision maker from the list"},
    )
    month = MonthField(
        label="Expected in",
        required=False,
        choices=[("", "Any month")],
        error_messages={"invalid_choice": MONTH_ERROR},
    )

    def set_months(self, months):
        """Offer `months` (dates, first of each month), and the month asked for if it is real."""
        values = [(f"{m:%Y-%m}", f"{m:%B %Y}") for m in months]
        asked = self.data.get("month", "")
        bounds = parse_month(asked)
        if bounds and asked not in dict(values):
            values = sorted([*values, (asked, f"{bounds[0]:%B %Y}")])
        self.fields["month"].choices = [("", "Any month"), *values]


class PlanQuery:
    """The filters read from `params`, applied to the public items."""

    def __init__(self, params):
        self.params = params
        self.form = PlanFilters(params)
        self.form.is_valid()
        self.values = {
            name: value for name, value in self.form.cleaned_data.items() if value and name not in self.form.errors
        }

    @property
    def errors(self):
        return self.form.errors

    @property
    def is_filtered(self):
        return bool(self.values)

    @property
    def shows_all(self):
        return self.values.get("show") == "all"

    def scope(self, queryset, today=None):
        """The current plan, or every public item (`show=all`), before the other filters."""
        if self.shows_all:
            return queryset
        cutoff = months_before(today or timezone.localdate(), CURRENT_MONTHS)
        return queryset.filter(
            Q(expected_to__gte=cutoff) | Q(expected_to__isnull=True, expected_from__gte=cutoff),
            status__in=[Status.PUBLISHED, Status.DEFERRED],
        )

    def filtered(self, queryset, today=None):
        queryset = self.scope(queryset, today)
        if "decision_maker_type" in self.values:
            queryset = queryset.filter(decision_maker_type=self.values["decision_maker_type"])
        if "month" in self.values:
            first, last = parse_month(self.values["month"])
            queryset = queryset.filter(
                Q(expected_to__gte=first) | Q(expected_to__isnull=True, expected_from__gte=first),
                expected_from__lte=last,
            )
        return queryset.order_by("expected_from", "reference", "pk")

    def query_string(self, **replace):
        values = {**self.values, **replace}
        return urlencode({name: values[name] for name in self.form.fields if values.get(name)})

    def active_filters(self):
        """(label, value shown, query string without it) for each filter in use."""
        result = []
        for name, value in self.values.items():
            field = self.form.fields[name]
            shown = dict(field.choices).get(value, value)
            result.append((field.label, shown, self.query_string(**{name: ""})))
        return result
