"""CALL-1: a decision's call-in state. Decisions published before it get the state their publication
would have given them under the default constitution (every executive decision, five working days):
not subject when the chair agreed its call-in waiver (CALL-2), else open until the window's last day
(which for these has passed: they read "Effective from ...")."""

import django.db.models.deletion
from django.db import migrations, models


def settle_published(apps, schema_editor):
    from django.utils import timezone

    from council.calendar import Calendar

    Decision = apps.get_model("decisions", "Decision")
    ClosureDay = apps.get_model("council", "ClosureDay")
    Settings = apps.get_model("council", "CouncilSettings")
    council = Settings.objects.filter(pk=1).first()
    days = council.call_in_working_days if council else 5
    calendar = Calendar(working_days=True, closure_days=ClosureDay.objects.values_list("date", flat=True))
    published = Decision.objects.filter(status="published", call_in_state="", published_at__isnull=False)
    for decision in published.iterator():
        waived = (
            decision.is_urgent and decision.chair_agreements.filter(kind="call_in_waiver", status="agreed").exists()
        )
        if waived:
            fields = dict(
                subject_to_call_in=False,
                not_subject_reason=(
                    "An urgent decision: the chair of the scrutiny committee agreed it is exempt from call-in (CALL-2)"
                ),
                call_in_state="not_subject",
                effective_from=decision.decided_on,
            )
        else:
            ends, effective = calendar.call_in_window(timezone.localdate(decision.published_at), days)
            fields = dict(subject_to_call_in=True, call_in_state="open", call_in_ends_on=ends, effective_from=effective)
        Decision.objects.filter(pk=decision.pk).update(**fields)


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0010_key_decision_derived"),
        ("council", "0010_call_in_constitution"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="call_in_ends_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="last day for call-in"),
        ),
        migrations.AddField(
            model_name="decision",
            name="call_in_state",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Not published"),
                    ("not_subject", "Not subject to call-in"),
                    ("open", "Open to call-in"),
                    ("requested", "Call-in requested"),
                    ("called_in", "Called in"),
                    ("referred_back", "Referred back to the decision maker"),
                    ("referred_to_council", "Referred to full council"),
                    ("effective", "Effective"),
                    ("replaced", "Replaced by a changed decision"),
                ],
                default="",
                editable=False,
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="called_in_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="called in on"),
        ),
        migrations.AddField(
            model_name="decision",
            name="effective_from",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="decision",
            name="not_subject_reason",
            field=models.CharField(
                blank=True, editable=False, max_length=300, verbose_name="why not subject to call-in"
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="reconsiders",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reconsidered_by",
                to="decisions.decision",
                verbose_name="reconsiders the decision",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="subject_to_call_in",
            field=models.BooleanField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(settle_published, migrations.RunPython.noop),
    ]
