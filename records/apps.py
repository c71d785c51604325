"""What every kind of record shares (decision records, briefing reports, and the kinds to come).

Decisions and scrutiny keep what is theirs (their fields, rules, transitions and pages); the parts
both use live here so neither app borrows from the other: the Schedule 12A exemption base, the
frozen-record error, a rule's `Problem`, the GOV.UK form-field kit and the review forms.
"""

from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = "Records (shared machinery)"
