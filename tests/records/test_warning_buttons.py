"""An action that cannot be undone is confirmed with GOV.UK's warning (red) button on its own page, as
its button on the record page already is: withdrawing a decision record, a briefing report, a call-in
request or a Forward Plan item, and disposing of background papers' files. Other confirmations keep the
primary (green) button. Each page is reached as in tests/test_smoke.py, by the persona who may use it."""

import re

import pytest
from django.urls import reverse

from tests.test_smoke import ROUTES

pytestmark = pytest.mark.usefixtures("no_pdf_render")

WARNING = [
    "decisions:withdraw",
    "scrutiny:withdraw",
    "callin:withdraw",
    "forwardplan:withdraw",
    "decisions:dispose-papers",
    "scrutiny:dispose-papers",
]
PRIMARY = ["decisions:publish", "scrutiny:publish", "decisions:return", "forwardplan:publish"]


def _confirm_button(client, request, name):
    """The page's own submit button (the sign-out button in the header is another form's)."""
    persona, kwargs_factory, _ = ROUTES[name]
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse(name, kwargs=kwargs_factory(request)))
    assert response.status_code == 200, f"{name} answered {response.status_code}"
    main = response.content.decode().split('id="main-content"', 1)[1]
    # A <button> submits unless its type says otherwise (crispy-forms-gds leaves the type out).
    buttons = [b for b in re.findall(r"<button[^>]*>", main) if 'type="button"' not in b]
    assert len(buttons) == 1, f"{name}: {buttons}"
    return buttons[0]


@pytest.mark.parametrize("name", WARNING)
def test_an_action_that_cannot_be_undone_has_the_warning_button(client, db, request, name):
    assert "govuk-button--warning" in _confirm_button(client, request, name)


@pytest.mark.parametrize("name", PRIMARY)
def test_other_confirmations_keep_the_primary_button(client, db, request, name):
    button = _confirm_button(client, request, name)
    assert "govuk-button" in button and "--warning" not in button and "--secondary" not in button
