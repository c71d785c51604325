"""Staff sign-in through the council's identity provider (OpenID Connect): which account a person
of that provider is. See council/oidc.py."""

from django.conf import settings
from django.db import models


class SignInIdentity(models.Model):
    """A person at the council's identity provider (its issuer and their subject, which never change),
    bound to an account here the first time they sign in with the provider, found by their email
    address. Later sign-ins find the account by the subject, so a changed email address still signs
    the same person in, and an account whose address is given to someone else is not theirs.
    Deleting the row (the admin) unbinds it: the next sign-in matches by email address again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_identities")
    issuer = models.CharField(max_length=500)
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_signed_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="one_account_per_identity")]
        verbose_name = "sign-in identity"
        verbose_name_plural = "sign-in identities"

    def __str__(self):
        return f"{self.subject} at {self.issuer}"
