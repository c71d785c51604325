"""Sign-in, the staff home, statements and error pages."""

import html
import re

import pytest
from django import forms
from django.template import Context, Template

from council import roles
from tests.conftest import PASSWORD, ROLE_PERSONAS


def test_home_page_names_the_council(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Plymouth City Council" in response.text
    assert 'href="#main-content"' in response.text


def test_sign_in_with_missing_fields_shows_error_summary(client, db):
    response = client.post("/sign-in/", {"username": "", "password": ""})
    assert response.status_code == 200
    assert "<title>Error: Sign in" in response.text
    assert "There is a problem" in response.text
    assert 'href="#id_username">Enter your username' in response.text
    assert 'href="#id_password">Enter your password' in response.text


def test_sign_in_with_wrong_password_keeps_username(client, officer):
    response = client.post("/sign-in/", {"username": "officer", "password": "wrong"})
    assert "Enter a correct username and password" in response.text
    assert 'value="officer"' in response.text


def test_sign_in_then_staff_home(client, officer):
    response = client.post("/sign-in/", {"username": "officer", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/your-work/"
    assert "Your work" in response.text
    assert "Olive Officer" in response.text


def test_staff_home_needs_sign_in(client, db):
    response = client.get("/your-work/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_staff_home_refuses_a_person_without_a_role(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="norole"))
    response = client.get("/your-work/")
    assert response.status_code == 403
    assert "You cannot do that" in response.text


@pytest.mark.parametrize("persona", ROLE_PERSONAS)
def test_staff_home_shows_each_role_its_section(client, db, request, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get("/your-work/")
    assert response.status_code == 200
    for role in roles.role_names(user):
        assert f"Role: {role}" in response.text


def test_sign_out_is_a_post(client, officer):
    client.force_login(officer)
    assert client.get("/sign-out/").status_code == 405
    response = client.post("/sign-out/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_accessibility_statement_says_how_to_ask_for_another_format(client, db):
    response = client.get("/accessibility/")
    assert "in a different format" in response.text
    assert "democratic.support@plymouth.gov.uk" in response.text


def test_unknown_page_is_a_styled_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "css/council.css" in response.text


def test_server_error_page_is_styled(client, db, settings):
    settings.ROOT_URLCONF = "tests.urls_errors"
    client.raise_request_exception = False
    response = client.get("/__boom__/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.text


def test_admin_menu_only_for_administrators(client, officer, administrator):
    client.force_login(officer)
    assert "Administration" not in client.get("/your-work/").text
    client.force_login(administrator)
    assert "Administration" in client.get("/your-work/").text


class _ChoiceForm(forms.Form):
    choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(choices=[("x", "X")], widget=forms.CheckboxSelectMultiple)
    name = forms.CharField()


def test_error_summary_links_radios_and_checkboxes_to_their_first_option(db):
    from crispy_forms_gds.helper import FormHelper
    from crispy_forms_gds.layout import Field, Layout

    form = _ChoiceForm(data={})
    form.helper = FormHelper()
    form.helper.form_tag = False
    form.helper.layout = Layout(Field.radios("choice"), Field.checkboxes("boxes"), Field.text("name"))
    html = Template("{% load crispy_forms_tags crispy_forms_gds %}{% error_summary form %}{% crispy form %}").render(
        Context({"form": form})
    )
    assert 'href="#id_choice_1"' in html
    assert 'href="#id_boxes_1"' in html
    assert 'href="#id_name"' in html
    # ...and those ids exist in the rendered fields.
    assert 'id="id_choice_1"' in html
    assert 'id="id_boxes_1"' in html


def test_staff_home_offers_officers_a_way_to_start_a_record(client, officer):
    client.force_login(officer)
    response = client.get("/your-work/")
    assert 'href="/decisions/records/new/"' in response.text
    assert "Start a new decision record" in response.text


def test_staff_home_offers_no_start_button_to_reviewers(client, finance_reviewer):
    client.force_login(finance_reviewer)
    assert "Start a new decision record" not in client.get("/your-work/").text


def test_navigation_marks_staff_record_pages_as_your_work(client, officer):
    client.force_login(officer)
    response = client.get("/decisions/records/new/")
    nav = response.context["navigation"]
    assert [item["label"] for item in nav if item["active"]] == ["Your work"]
    assert [item["label"] for item in client.get("/decisions/").context["navigation"] if item["active"]] == [
        "Decisions"
    ]


def test_navigation_offers_the_public_register_forward_plan_and_committees(client, db):
    labels = [item["label"] for item in client.get("/").context["navigation"]]
    assert labels == ["Decisions", "Forward Plan", "Committees"]
    active = [item["label"] for item in client.get("/committees/").context["navigation"] if item["active"]]
    assert active == ["Committees"]
    active = [item["label"] for item in client.get("/forward-plan/").context["navigation"] if item["active"]]
    assert active == ["Forward Plan"]


# The model accessibility statement's parts (GOV.UK, "Sample accessibility statement"): the wording
# the regulations require, in the order of the model, and the statement linked from every page.
MODEL_STATEMENT = [
    "Accessibility statement for Decisions and scrutiny",
    "This accessibility statement applies to",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
    "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018",
    "Technical information about this website’s accessibility",
    "is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and "
    "Mobile Applications) (No. 2) Accessibility Regulations 2018.",
    "Compliance status",
    "This website is partially compliant with",
    "due to the non-compliances listed below",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Preparation of this accessibility statement",
    "This statement was prepared on",
    "It was last reviewed on",
]


def test_accessibility_statement_is_in_the_model_form_A11Y_3(client, db):
    """A11Y-3: every part the model statement requires, in its order, with the council's name, and a
    compliance status that agrees with what it lists as non-accessible (the appendices)."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", client.get("/accessibility/").text)).split())
    at = -1
    for part in MODEL_STATEMENT:
        found = text.find(part, at + 1)
        assert found > at, f"missing or out of order: {part!r}"
        at = found
    assert "Plymouth City Council is committed to making its website accessible" in text
    assert "fully compliant" not in text


@pytest.mark.parametrize("address", ["/", "/decisions/", "/sign-in/", "/no-such-page/"])
def test_every_page_links_to_the_accessibility_statement_A11Y_3(client, db, address):
    assert 'href="/accessibility/">Accessibility statement</a>' in client.get(address).text
