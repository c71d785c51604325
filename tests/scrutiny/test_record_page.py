"""The report page's status tag (components/status_tag.html) is the one each status always had."""

import pytest
from django.template.loader import render_to_string

from records.views_record import status_colour
from scrutiny.models import BriefingReport, Status
from scrutiny.views.review import KIND

TAGS = {
    Status.DRAFT: '<strong class="govuk-tag govuk-tag--grey">Draft</strong>',
    Status.IN_SIGN_OFF: '<strong class="govuk-tag govuk-tag--yellow">In sign-off</strong>',
    Status.AWAITING_DIRECTOR: '<strong class="govuk-tag govuk-tag--yellow">Awaiting the strategic director</strong>',
    Status.AWAITING_CABINET_MEMBER: '<strong class="govuk-tag govuk-tag--yellow">Awaiting the cabinet member</strong>',
    Status.APPROVED: '<strong class="govuk-tag govuk-tag--teal">Approved</strong>',
    Status.PUBLISHED: '<strong class="govuk-tag govuk-tag--green">Published</strong>',
    Status.WITHDRAWN: '<strong class="govuk-tag govuk-tag--red">Withdrawn</strong>',
}


@pytest.mark.parametrize("status", Status)
def test_report_status_tag_keeps_its_colour_and_label(status):
    report = BriefingReport(status=status)
    context = {"record": report, "status_colour": status_colour(KIND, status)}
    assert render_to_string("components/status_tag.html", context).strip() == TAGS[status]
