"""The Forward Plan: notices of key decisions (reg 9; EXEC-5), a kind of record on `records`."""

from django.apps import AppConfig


class ForwardPlanConfig(AppConfig):
    name = "forwardplan"
    label = "forwardplan"
    verbose_name = "Forward Plan"
