"""Forms for signing in, and form fields every app shares."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from council import roles


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Contact Democratic Support.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        # No autofocus: it skips the page's heading and guidance for screen reader users.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            Field.text("username", field_width="two-thirds"),
            Field.text("password", field_width="two-thirds"),
            Button("submit", "Sign in"),
        )

    def clean_username(self):
        return self.cleaned_data["username"].strip()

    def clean(self):
        if settings.PASSWORD_SIGN_IN == "nobody":  # refused before the password is checked
            raise self.password_sign_in_off()
        return super().clean()

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if settings.PASSWORD_SIGN_IN == "administrators" and not may_use_a_password(user):
            raise self.password_sign_in_off()

    def password_sign_in_off(self):
        from council import oidc

        return ValidationError(
            f"Sign in with {oidc.provider_name()}. Signing in with a username and password is switched off "
            "for your account.",
            code="password_sign_in_off",
        )


def may_use_a_password(user):
    """DJANGO_PASSWORD_SIGN_IN=administrators: the administrator accounts keep a password door."""
    return user.is_superuser or roles.has_role(user, roles.ADMINISTRATOR)


class ConfirmForm(forms.Form):
    """An empty form for actions that need only a POST with a CSRF token."""


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing an id no database row could have before it reaches the database.

    A 40-digit id ticked in a picker passes Django's own check (the value is a number) and then
    overflows SQLite's driver in the `IN (...)` query: a 500 instead of an error on the field.
    """

    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else ():
            try:
                number = int(str(pk))
            except ValueError:
                continue  # not a number at all: Django's own check says so
            if not -(2**63) <= number < 2**63:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)
