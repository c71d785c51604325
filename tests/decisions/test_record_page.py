"""The record page's status tag (components/status_tag.html) is the one each status always had."""

import pytest
from django.template.loader import render_to_string

from decisions.models import Decision, Status
from decisions.views.review import KIND
from records.views_record import status_colour

TAGS = {
    Status.DRAFT: '<strong class="govuk-tag govuk-tag--grey">Draft</strong>',
    Status.IN_SIGN_OFF: '<strong class="govuk-tag">In sign-off</strong>',
    Status.AWAITING_DECISION: '<strong class="govuk-tag govuk-tag--yellow">Awaiting decision</strong>',
    Status.DECIDED: '<strong class="govuk-tag govuk-tag--teal">Decided</strong>',
    Status.PUBLISHED: '<strong class="govuk-tag govuk-tag--green">Published</strong>',
    Status.WITHDRAWN: '<strong class="govuk-tag govuk-tag--red">Withdrawn</strong>',
}


@pytest.mark.parametrize("status", Status)
def test_decision_status_tag_keeps_its_colour_and_label(status):
    record = Decision(status=status)
    context = {"record": record, "status_colour": status_colour(KIND, status)}
    assert render_to_string("components/status_tag.html", context).strip() == TAGS[status]
