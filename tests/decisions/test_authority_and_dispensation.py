"""What the record says of the authority a decision is taken under (section 4c, OLGB-1: a specific express
authorisation, named in 4b, or a general one, and then what makes the decision one to record) and of a
dispensation for a declared conflict (section 14, EXEC-10)."""

import html
import re

import pytest
from django.urls import reverse

from decisions import rules
from decisions.models import Decision, Status
from decisions.sections import LABELS
from tests.decisions.factories import Cast, DecisionFactory, advance

pytestmark = pytest.mark.usefixtures("no_pdf_render")

CONTRACT = "It awards a contract or incurs expenditure that materially affects the council's finances"


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def problems(decision):
    return {(p.rule, p.field, p.message.split(".")[0]) for p in rules.completeness(decision)}


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({"authorisation": ""}, ("OLGB-1", "authorisation", "Select the authority the decision is taken under")),
        (
            {"authorisation": "general", "general_authorisation_effects": []},
            ("OLGB-1", "general_authorisation_effects", "Select what the decision does"),
        ),
        (
            {"authorisation": "express", "general_authorisation_effects": [], "original_delegation": "N/A"},
            (
                "OLGB-1",
                "original_delegation",
                "Enter the reference of the executive decision, or the date of the committee meeting, that "
                "delegated the decision: it is taken under a specific express authorisation",
            ),
        ),
    ],
)
def test_the_record_says_which_authority_the_decision_is_taken_under_OLGB_1(db, answers, expected):
    decision = DecisionFactory(**answers)
    assert problems(decision) == {expected}


@pytest.mark.parametrize(
    "answers",
    [
        {
            "authorisation": "express",
            "general_authorisation_effects": [],
            "original_delegation": "Cabinet, 8 June 2021",
        },
        {"authorisation": "general", "general_authorisation_effects": ["permission"]},
        {"authorisation": "general", "general_authorisation_effects": ["rights", "contract"]},
    ],
)
def test_an_answered_authority_is_complete_OLGB_1(db, answers):
    assert problems(DecisionFactory(**answers)) == set()


def test_the_details_page_asks_and_an_express_authorisation_keeps_no_effects_OLGB_1(client, db):
    cast = Cast()
    decision = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    address = reverse("decisions:task", args=[decision.pk, "details"])
    page = text(client.get(address))
    assert f"4c. {LABELS['4c']}" in page
    assert "A specific express authorisation" in page and CONTRACT in page
    form = client.get(address).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, "")}
    data.update(
        decision_maker=decision.decision_maker_id,
        directorate=decision.directorate_id,
        authorisation="express",
        general_authorisation_effects=["contract", "rights"],
        original_delegation="Cabinet, 8 June 2021",
        revision=decision.revision,
    )
    response = client.post(address, data)
    assert response.status_code == 302, text(response)
    decision.refresh_from_db()
    assert decision.authorisation == "express" and decision.general_authorisation_effects == []
    assert decision.original_delegation == "Cabinet, 8 June 2021"


def test_the_details_page_puts_a_missing_answer_on_its_field_OLGB_1(client, db):
    cast = Cast()
    decision = DecisionFactory(cast=cast, authorisation="", general_authorisation_effects=[])
    client.force_login(cast.officer)
    address = reverse("decisions:task", args=[decision.pk, "details"])
    response = client.post(address, {"title": "A title", "authorisation": "general", "continue": ""})
    assert response.status_code == 200
    assert (
        response.context["form"].errors["general_authorisation_effects"][0].startswith("Select what the decision does")
    )
    assert 'href="#id_general_authorisation_effects' in response.content.decode()
    # The other answers are kept.
    assert response.context["form"]["authorisation"].value() == "general"


def test_the_record_and_its_public_page_show_the_authority_OLGB_1(client, db):
    cast = Cast()
    decision = advance(
        DecisionFactory(cast=cast, general_authorisation_effects=["permission", "contract"]), Status.PUBLISHED, cast
    )
    page = text(client.get(reverse("decisions:detail", args=[decision.reference_slug])))
    assert f"4c {LABELS['4c']} A general authorisation: It grants a permission or licence {CONTRACT}" in page
    data = client.get(reverse("api:decision", args=[decision.reference_slug])).json()
    assert data["authorisation"] == "general"
    assert data["general_authorisation_effects"] == "permission; contract"


def test_a_record_signed_before_the_question_says_it_was_not_recorded_OLGB_1(client, db):
    cast = Cast()
    decision = advance(DecisionFactory(cast=cast), Status.PUBLISHED, cast)
    Decision._base_manager.filter(pk=decision.pk).update(authorisation="", general_authorisation_effects=[])
    page = text(client.get(reverse("decisions:detail", args=[decision.reference_slug])))
    assert "Not recorded: the form did not ask this when the decision was signed" in page


def test_the_record_and_its_downloads_name_a_dispensation_EXEC_10(client, db):
    """EXEC-10: a dispensation granted for a declared conflict is on the record (its page and PDF share the
    template) and in the API; with no conflict declared, the API says nothing of one."""
    cast = Cast()
    decision = advance(
        DecisionFactory(
            cast=cast,
            conflict_of_interest=True,
            conflict_details="Cllr Downie declared that his spouse works for the provider.",
            monitoring_officer_involved=True,
            dispensation_granted=True,
            dispensation_details="The Standards Committee, 2 June 2021: to be consulted on the decision.",
        ),
        Status.PUBLISHED,
        cast,
    )
    page = text(client.get(reverse("decisions:detail", args=[decision.reference_slug])))
    assert "A dispensation was granted: The Standards Committee, 2 June 2021: to be consulted on the decision." in page
    data = client.get(reverse("api:decision", args=[decision.reference_slug])).json()
    assert data["dispensation_granted"] is True
    assert data["dispensation_details"].startswith("The Standards Committee")
    plain = advance(DecisionFactory(cast=cast), Status.PUBLISHED, cast)
    data = client.get(reverse("api:decision", args=[plain.reference_slug])).json()
    assert data["dispensation_granted"] is None and data["dispensation_details"] == ""
    assert "dispensation" not in text(client.get(reverse("decisions:detail", args=[plain.reference_slug])))
