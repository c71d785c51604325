"""The notice declared once (notices/kind.py, records.kinds): given published, with no staff pages
of its own, so no review pages and no queues; its services and words come from its declaration."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from notices import apps, services, workflow
from notices.kind import KIND
from notices.models import Event, Notice
from notices.views import DECISIONS
from records import kinds
from records.workflow import SHARED_ACTIONS

# The public pages' version (the page cache), the notice with its decision in one query, the council's settings.
QUERIES = 3


def test_kind_notice_is_declared_for_its_model():
    assert kinds.declared(Notice) is KIND and apps.kind() is KIND
    assert (KIND.app, KIND.name, KIND.event_model, KIND.noun) == ("notices", "notice", Event, "notice")
    assert KIND.workflow is workflow and KIND.documents is None


def test_kind_notice_services_derive_from_it():
    assert services.RECORDS.kind is KIND and services.RECORDS.deleted_as == "notice"


def test_kind_notice_has_no_review_pages_or_queues():
    with pytest.raises(ImproperlyConfigured, match="notice has no staff pages"):
        KIND.review  # noqa: B018 - the lookup is what is tested
    with pytest.raises(ImproperlyConfigured, match="notice has no staff pages"):
        KIND.queues  # noqa: B018


def test_kind_notice_actions_are_on_the_decision_records_review_pages():
    from decisions.kind import KIND as DECISION

    assert DECISIONS is DECISION.review


def test_workflow_notice_actions_are_the_shared_ones_and_its_own_EXEC_6():
    assert {a.value for a in workflow.Action} == SHARED_ACTIONS | {"notify_chair", "publish_reasons"}
    assert workflow.ACTION_LABELS[workflow.Action.CREATE] == "Notice given"
    assert workflow.ACTION_LABELS[workflow.Action.NOTIFY_CHAIR] == "Scrutiny chair notified in writing"
    assert workflow.STATE_PHRASES[workflow.Action.PUBLISH_REASONS] == "given its notice of reasons"
    assert workflow.STATE_PHRASES[workflow.Action.PUBLISH] == "published"  # the shared words


@pytest.mark.django_db
def test_kind_notice_public_page_reads_the_notice_with_its_decision_EXEC_6(
    client, democratic_support, django_assert_num_queries
):
    from django.core.cache import cache

    from tests.notices.factories import general_exception_decision

    reasons = "The grant offer closes before 28 clear days' notice can run."
    notice = services.give_general_exception_notice(
        general_exception_decision(), actor=democratic_support, reasons=reasons
    )
    cache.clear()  # measure the render, not the page cache
    with django_assert_num_queries(QUERIES):
        response = client.get(notice.get_absolute_url())
    assert response.status_code == 200 and notice.title in response.content.decode()
    assert KIND.queryset().query.select_related == {"decision": {}}
