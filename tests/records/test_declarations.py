"""What each kind declares once in `records` and no longer writes itself: its statuses around the
shared ones, its appendices' storage, its task forms' optional pickers."""

import pytest
from django.core.exceptions import ValidationError

import decisions.models
import scrutiny.models
from records.forms import PersonChoiceField, optional_choice, person_choice
from records.models import appendix_upload_to
from records.workflow import statuses


def test_statuses_put_a_kinds_own_between_the_shared_ones():
    status = statuses(__name__, ("awaiting_chair", "Awaiting the chair"))

    assert status.choices == [
        ("draft", "Draft"),
        ("in_sign_off", "In sign-off"),
        ("awaiting_chair", "Awaiting the chair"),
        ("published", "Published"),
        ("withdrawn", "Withdrawn"),
    ]
    assert status.AWAITING_CHAIR == "awaiting_chair"
    assert status("published").label == "Published"


def test_statuses_of_both_kinds_are_the_ones_their_migrations_hold():
    assert [value for value, _ in decisions.models.Status.choices] == [
        "draft",
        "in_sign_off",
        "awaiting_decision",
        "decided",
        "published",
        "withdrawn",
    ]
    assert scrutiny.models.Status.AWAITING_CABINET_MEMBER.label == "Awaiting the cabinet member"


def test_appendix_files_are_stored_under_their_apps_record():
    decision_path = appendix_upload_to(decisions.models.Appendix(decision_id=7), "eia.pdf")
    report_path = appendix_upload_to(scrutiny.models.ReportAppendix(report_id=3), "plan.pdf")

    assert decision_path.startswith("private/decisions/7/appendices/") and decision_path.endswith("-eia.pdf")
    assert report_path.startswith("private/scrutiny/3/appendices/") and report_path.endswith("-plan.pdf")


def test_appendix_upload_paths_stay_importable_by_the_names_the_migrations_use():
    assert decisions.models.appendix_upload_to is appendix_upload_to
    assert scrutiny.models.report_appendix_upload_to is appendix_upload_to
    assert decisions.models.Appendix._meta.get_field("file").upload_to is appendix_upload_to


def test_person_choice_is_optional_and_lists_no_one_until_its_form_says(db):
    field = person_choice("Lead member", "Choose the lead member", help_text="They approve it.")

    assert isinstance(field, PersonChoiceField)
    assert field.required is False
    assert field.empty_label == "Choose the lead member"
    assert field.help_text == "They approve it."
    assert not field.queryset.exists()
    assert field.clean("") is None


def test_optional_choice_refuses_what_is_not_in_its_queryset(db):
    field = optional_choice(decisions.models.Decision.objects.none(), "Decision", "Choose the decision")

    assert field.clean("") is None
    with pytest.raises(ValidationError) as refused:
        field.clean("99999")
    assert refused.value.code == "invalid_choice"
