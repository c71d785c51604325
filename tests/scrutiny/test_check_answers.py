"""Check your answers shows each part of the report with the report's own template (`_report_value.html`)."""

import re

import pytest
from django.urls import reverse

from tests.scrutiny.factories import BriefingReportFactory

pytestmark = pytest.mark.django_db


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _answer_cell(html, part):
    start = html.index('<dd class="govuk-summary-list__value">', html.index(f'id="section-{part}"'))
    end = html.index('<dd class="govuk-summary-list__actions">', start)
    return _text(html[start:end])


def _report_cell(html, heading):
    return _text(re.search(rf'<th scope="row">{heading}</th><td[^>]*>(.*?)</td>', html, re.S).group(1))


def test_check_answers_shows_each_part_as_the_report_page_does(client):
    report = BriefingReportFactory(part_2=True, sections=[("Introduction", "The service is under review.")])
    client.force_login(report.author)
    answers = client.get(reverse("scrutiny:check", kwargs={"pk": report.pk})).content.decode()
    page = client.get(reverse("scrutiny:report", kwargs={"pk": report.pk})).content.decode()
    for part, heading in [
        ("meeting", "Date of meeting:"),
        ("title", "Title of Report:"),
        ("lead_member", "Lead Member:"),
        ("key_decision", "Key Decision:"),
        ("confidentiality", "Confidentiality:"),
        ("slt", "Originating Senior Leadership Team member:"),
    ]:
        assert _answer_cell(answers, part) == _report_cell(page, heading), part
    assert "Part II" in _answer_cell(answers, "confidentiality")
    assert "The service is under review." in _answer_cell(answers, "body")
