"""A NUL byte posted to a form gets an error on its field and never comes back in the page (HTML
forbids U+0000): council.middleware.NoNulMiddleware. tests/hostile/test_fuzz.py checks every form."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_nul_in_a_forward_plan_item_is_an_error_on_the_field_and_shown_back_replaced(client, officer):
    client.force_login(officer)
    response = client.post(reverse("forwardplan:new"), {"title": "Library \x00hours", "decision_maker_type": "a\x00b"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "\x00" not in body
    assert "Library \ufffdhours" in body  # the rest of what was typed is kept
    assert "There is a problem" in body


def test_a_page_without_a_nul_is_sent_unchanged(client):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert "\ufffd" not in response.content.decode()
