"""Check your answers shows each section of the record with the record's own template (`_record_value.html`)."""

import re

import pytest
from django.urls import reverse

from decisions.sections import ORDER
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _element(html, anchor, opening, tag):
    """The text inside the `opening` tag that first follows `anchor`, up to its matching close tag."""
    start = html.index(opening, html.index(anchor)) + len(opening)
    depth, at = 1, start
    for match in re.finditer(rf"<(/?){tag}[\s>]", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            at = start + match.start()
            break
    return _text(html[start:at])


def _record_cell(html, number):
    return _element(html, f'<tr id="section-{number}"', '<td class="app-record-form__value">', "td")


def _answer_cell(html, number):
    return _element(html, f'id="section-{number}"', '<dd class="govuk-summary-list__value">', "dd")


def test_check_answers_shows_every_section_as_the_record_page_does(client):
    decision = DecisionFactory(exempt=True, consulted=True)
    client.force_login(decision.author)
    answers = client.get(reverse("decisions:check", kwargs={"pk": decision.pk})).content.decode()
    record = client.get(reverse("decisions:record", kwargs={"pk": decision.pk})).content.decode()
    for number in ORDER:
        assert _answer_cell(answers, number) == _record_cell(record, number), number
