"""The council's constitution on call-in (CALL-1): which decisions, how long, and who may call one in.

An abstract model `CouncilSettings` inherits, kept apart so the council's settings module stays
short. The window's length (`call_in_working_days`) predates call-in itself and stays on
`CouncilSettings`; the rest is here.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class CallInScope(models.TextChoices):
    # Plymouth's seed record COD02 21/22 needed a waiver although it was not key: every decision.
    ALL = "all", "Every executive decision"
    KEY = "key", "Key decisions only"


class CallInBy(models.TextChoices):
    CHAIR = "chair", "The chair of the relevant scrutiny committee alone"
    MEMBERS = "members", "A number of non-executive councillors"
    CHAIR_OR_MEMBERS = "chair_or_members", "The chair, or a number of non-executive councillors"


class CallInSettings(models.Model):
    """CALL-1: the constitution's call-in rules, as `CouncilSettings` columns."""

    CallInScope = CallInScope
    CallInBy = CallInBy

    call_in_scope = models.CharField(
        "decisions subject to call-in",
        max_length=10,
        choices=CallInScope.choices,
        default=CallInScope.ALL,
        help_text="CALL-1: urgent decisions whose call-in waiver the scrutiny chair agreed are never subject (CALL-2).",
    )
    call_in_by = models.CharField(
        "who may call in a decision",
        max_length=20,
        choices=CallInBy.choices,
        default=CallInBy.CHAIR_OR_MEMBERS,
    )
    call_in_members_needed = models.PositiveSmallIntegerField(
        "councillors needed to call in a decision",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="How many councillors' names a members' request needs; the councillor who asks counts.",
    )
    call_in_members_of_committee = models.BooleanField(
        "the councillors must sit on the relevant scrutiny committee",
        default=False,
        help_text="Otherwise any non-executive councillor may add their name.",
    )

    class Meta:
        abstract = True
