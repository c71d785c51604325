"""The choices of a decision record's answers that are not yes or no: the key decision's route (8b) and
the authority it is taken under (4c). `decisions.models` names them too."""

from django.db import models


class KeyDecisionRoute(models.TextChoices):
    """How a key decision may lawfully be taken (regs 9 to 11 of the 2012 Regulations)."""

    FORWARD_PLAN = "forward_plan", "Forward Plan: 28 clear days' notice"  # EXEC-5
    GENERAL_EXCEPTION = "general_exception", "General exception: 5 clear days' notice"  # EXEC-6
    SPECIAL_URGENCY = "special_urgency", "Special urgency: the chair agrees it cannot wait"  # EXEC-7


class Authorisation(models.TextChoices):
    """OLGB-1 (reg 7 of the 2014 Regulations): the authority an officer's decision is taken under."""

    EXPRESS = "express", "A specific express authorisation"
    GENERAL = "general", "A general authorisation"


class GeneralAuthorisationEffect(models.TextChoices):
    """OLGB-1: what makes a decision under a general authorisation one that must be recorded."""

    PERMISSION = "permission", "It grants a permission or licence"
    RIGHTS = "rights", "It affects the rights of an individual"
    CONTRACT = "contract", "It awards a contract or incurs expenditure that materially affects the council's finances"
