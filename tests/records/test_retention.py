"""OLGB-6: a published record stays available six years and its background papers four (a council may
keep them longer, never shorter), each with its retention date, and nothing is removed before it."""

import datetime
import html
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from council.models import CouncilSettings
from decisions.models import Decision
from decisions.models import Status as DecisionStatus
from records.models import FrozenRecord
from records.retention import last_day
from scrutiny.models import BriefingReport
from tests.decisions.factories import DecisionFactory
from tests.records.conftest import DECISION_CHILDREN, REPORT_CHILDREN

pytestmark = pytest.mark.usefixtures("no_pdf_render")


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.parametrize(
    "start, years, last",
    [
        (datetime.date(2021, 7, 13), 6, datetime.date(2027, 7, 12)),
        (datetime.date(2021, 7, 13), 4, datetime.date(2025, 7, 12)),
        (datetime.date(2021, 1, 1), 6, datetime.date(2026, 12, 31)),
        # A period beginning on 29 February: the anniversary is 1 March, so it ends on 28 February.
        (datetime.date(2024, 2, 29), 6, datetime.date(2030, 2, 28)),
        (datetime.date(2024, 2, 29), 4, datetime.date(2028, 2, 28)),
    ],
)
def test_a_period_of_years_beginning_with_a_day_ends_the_day_before_its_anniversary_OLGB_6(start, years, last):
    assert last_day(start, years) == last


def test_a_decision_is_kept_six_years_and_its_papers_four_from_the_date_of_decision_OLGB_6(
    client, cast, published_decision
):
    decided_on = published_decision.decided_on
    record_until, papers_until = last_day(decided_on, 6), last_day(decided_on, 4)
    public = text(client.get(reverse("decisions:detail", args=[published_decision.reference_slug])))
    assert f"On this website The record: until at least {record_until:%-d %B %Y} (6 years)" in public
    assert f"Its background papers: until at least {papers_until:%-d %B %Y} (4 years)" in public

    client.force_login(cast.democratic_support)
    staff = text(client.get(reverse("decisions:record", args=[published_decision.pk])))
    assert f"The record Until at least {record_until:%-d %B %Y} (6 years)" in staff
    assert f"Its background papers Until at least {papers_until:%-d %B %Y} (4 years)" in staff
    assert f"Counted from {decided_on:%-d %B %Y}. Nothing is removed before these dates" in staff


def test_a_date_that_has_passed_says_the_record_is_kept_beyond_it_OLGB_6(client, published_decision):
    Decision._base_manager.filter(pk=published_decision.pk).update(decided_on=datetime.date(2019, 7, 1))
    public = text(client.get(reverse("decisions:detail", args=[published_decision.reference_slug])))
    assert "Its background papers: kept beyond 30 June 2023, after 4 years" in public
    assert "The record: kept beyond 30 June 2025, after 6 years" in public


def test_a_record_has_no_retention_date_before_it_is_decided_OLGB_6(client, cast):
    decision = DecisionFactory(cast=cast, state=DecisionStatus.AWAITING_DECISION)
    client.force_login(cast.democratic_support)
    assert "How long it is kept" not in text(client.get(reverse("decisions:record", args=[decision.pk])))


def test_a_report_is_kept_six_years_and_its_papers_four_from_its_meeting_OLGB_6(client, published_report):
    meeting_on = published_report.meeting.date
    page = text(client.get(published_report_url(published_report)))
    assert f"On this website The record: until at least {last_day(meeting_on, 6):%-d %B %Y} (6 years)" in page
    assert f"Its background papers: until at least {last_day(meeting_on, 4):%-d %B %Y} (4 years)" in page


def published_report_url(report):
    return reverse("committees:report", kwargs={"slug": report.committee.slug, "pk": report.pk})


def test_a_council_may_keep_records_longer_never_shorter_OLGB_6(admin_client, client, published_decision):
    """The admin refuses fewer years than the law's, on the field; the database refuses them by any
    other door; more years move every date, on the public page at once (the page cache is cleared)."""
    address = reverse("decisions:detail", args=[published_decision.reference_slug])
    client.get(address)  # cached
    settings_page = reverse("admin:council_councilsettings_change", args=[CouncilSettings.load().pk])
    form = admin_client.get(settings_page).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"record_retention_years": "5", "background_paper_retention_years": "3"})
    refused = admin_client.post(settings_page, data)
    assert refused.status_code == 200
    errors = refused.context["adminform"].form.errors
    assert "greater than or equal to 6" in str(errors["record_retention_years"])
    assert "greater than or equal to 4" in str(errors["background_paper_retention_years"])
    for field, years in (("record_retention_years", 5), ("background_paper_retention_years", 3)):
        with pytest.raises(IntegrityError), transaction.atomic():
            CouncilSettings.objects.update(**{field: years})

    data.update({"record_retention_years": "10", "background_paper_retention_years": "6"})
    assert admin_client.post(settings_page, data).status_code == 302
    decided_on = published_decision.decided_on
    page = text(client.get(address))
    assert f"The record: until at least {last_day(decided_on, 10):%-d %B %Y} (10 years)" in page
    assert f"Its background papers: until at least {last_day(decided_on, 6):%-d %B %Y} (6 years)" in page


def _doors(record, children_names, event_model):
    """Every way to remove a frozen record, its children or its history, each as a callable."""
    model = type(record)
    doors = {
        "the record's delete()": record.delete,
        "a bulk delete of the record": lambda: model.objects.filter(pk=record.pk).delete(),
        "a bulk delete of every record": lambda: model.objects.all().delete(),
        "a bulk delete of its history": lambda: event_model.objects.all().delete(),
        "its history's delete()": lambda: record.events.first().delete(),
    }
    for name in children_names:
        manager = getattr(record, name)
        doors[f"a bulk delete of its {name}"] = manager.all().delete
        doors[f"a bulk delete of every one of its kind's {name}"] = manager.model.objects.all().delete
        doors[f"one of its {name}'s delete()"] = manager.first().delete
    return doors


def _counts(record, children_names):
    return [type(record).objects.filter(pk=record.pk).count(), record.events.count()] + [
        getattr(record, name).count() for name in children_names
    ]


def test_nothing_of_a_published_decision_is_removed_by_any_door_OLGB_6(admin_client, published_decision):
    _no_door_removes(admin_client, published_decision, DECISION_CHILDREN, Decision, "decisions")


def test_nothing_of_a_published_report_is_removed_by_any_door_OLGB_6(admin_client, published_report):
    _no_door_removes(admin_client, published_report, REPORT_CHILDREN, BriefingReport, "scrutiny")


def _no_door_removes(admin_client, record, children_names, model, app):
    from django.apps import apps

    event_model = record.events.model
    before = _counts(record, children_names)
    assert all(before), f"every relation has something to remove: {before}"
    for door, remove in _doors(record, children_names, event_model).items():
        with pytest.raises((FrozenRecord, ValidationError)), transaction.atomic():
            remove()
            pytest.fail(f"{door} removed something")
    # The admin: no delete page, no bulk delete action, for a superuser.
    name = model._meta.model_name
    assert admin_client.get(reverse(f"admin:{app}_{name}_delete", args=[record.pk])).status_code == 403
    assert (
        admin_client.post(reverse(f"admin:{app}_{name}_delete", args=[record.pk]), {"post": "yes"}).status_code == 403
    )
    changelist = admin_client.get(reverse(f"admin:{app}_{name}_changelist")).content.decode()
    assert "delete_selected" not in changelist
    assert apps.get_model(app, name).objects.filter(pk=record.pk).exists()
    assert _counts(record, children_names) == before
