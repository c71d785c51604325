"""Call-in requests (CALL-1): the request, its names and its append-only history."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("council", "0010_call_in_constitution"),
        ("decisions", "0011_call_in_state"),
        ("scrutiny", "0007_committee_added"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CallIn",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "content_version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Goes up with every edit after submission: older sign-offs go stale.",
                    ),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Goes up with every saved change, drafts too: stale forms are refused.",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("submitted_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("author_name", models.CharField(blank=True, editable=False, max_length=200)),
                ("author_job_title", models.CharField(blank=True, editable=False, max_length=200)),
                ("published_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("public_pdf", models.FileField(blank=True, editable=False, max_length=300, upload_to="")),
                (
                    "public_pdf_sha256",
                    models.CharField(
                        blank=True, editable=False, max_length=64, verbose_name="SHA-256 of the public PDF"
                    ),
                ),
                ("public_pdf_size", models.PositiveBigIntegerField(blank=True, editable=False, null=True)),
                ("public_pdf_rendered_at", models.DateTimeField(blank=True, editable=False, null=True)),
                (
                    "public_pdf_error",
                    models.TextField(blank=True, editable=False, verbose_name="why the public PDF could not be made"),
                ),
                ("public_pdf_failed_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("reference", models.CharField(blank=True, editable=False, max_length=20)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("gathering", "Waiting for names"),
                            ("requested", "With Democratic Support"),
                            ("called_in", "Called in"),
                            ("rejected", "Not valid"),
                            ("withdrawn", "Withdrawn"),
                            ("referred_back", "Referred back to the decision maker"),
                            ("referred_to_council", "Referred to full council"),
                            ("closed", "Closed"),
                        ],
                        default="gathering",
                        editable=False,
                        max_length=20,
                    ),
                ),
                ("reasons", models.TextField(verbose_name="reasons for the call-in")),
                ("validated_at", models.DateTimeField(blank=True, editable=False, null=True)),
                (
                    "rejection_reason",
                    models.TextField(blank=True, editable=False, verbose_name="why the request is not valid"),
                ),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("no_further_action", "No further action: the decision takes effect"),
                            ("referred_back", "Referred back to the decision maker"),
                            ("referred_to_council", "Referred to full council"),
                        ],
                        editable=False,
                        max_length=20,
                    ),
                ),
                (
                    "outcome_on",
                    models.DateField(
                        blank=True, editable=False, null=True, verbose_name="date of the committee's outcome"
                    ),
                ),
                ("concerns", models.TextField(blank=True, editable=False, verbose_name="the committee's concerns")),
                (
                    "council_outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("no_objection", "No objection: the decision takes effect"),
                            ("referred_back", "Referred back to the decision maker"),
                        ],
                        editable=False,
                        max_length=20,
                    ),
                ),
                (
                    "council_outcome_on",
                    models.DateField(
                        blank=True, editable=False, null=True, verbose_name="date of full council's outcome"
                    ),
                ),
                (
                    "reconsideration",
                    models.CharField(
                        blank=True,
                        choices=[("confirmed", "Confirmed the decision"), ("changed", "Took a changed decision")],
                        editable=False,
                        max_length=20,
                    ),
                ),
                ("reconsidered_on", models.DateField(blank=True, editable=False, null=True)),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="call_ins_asked",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "committee",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="call_ins",
                        to="council.committee",
                    ),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="call_ins", to="decisions.decision"
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="call_ins",
                        to="scrutiny.meeting",
                    ),
                ),
                (
                    "validated_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "call-in",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="CallInEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("actor_name", models.CharField(blank=True, max_length=200)),
                ("action", models.CharField(max_length=40)),
                ("comment", models.TextField(blank=True)),
                ("from_status", models.CharField(blank=True, max_length=20)),
                ("to_status", models.CharField(blank=True, max_length=20)),
                (
                    "actor",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "call_in",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="events", to="callin.callin"
                    ),
                ),
            ],
            options={
                "ordering": ["at", "pk"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="CallInSignatory",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("councillor_name", models.CharField(blank=True, max_length=200)),
                ("added_at", models.DateTimeField()),
                (
                    "call_in",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="signatories", to="callin.callin"
                    ),
                ),
                (
                    "councillor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "call-in signatories",
                "ordering": ["added_at", "pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="callin",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        [
                            "gathering",
                            "requested",
                            "called_in",
                            "rejected",
                            "withdrawn",
                            "referred_back",
                            "referred_to_council",
                            "closed",
                        ],
                    )
                ),
                name="call_in_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="callin",
            constraint=models.UniqueConstraint(
                condition=models.Q(("reference", ""), _negated=True),
                fields=("reference",),
                name="call_in_reference_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="callin",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("status__in", ["called_in", "gathering", "referred_back", "referred_to_council", "requested"])
                ),
                fields=("decision",),
                name="one_open_call_in_per_decision",
            ),
        ),
        migrations.AddConstraint(
            model_name="callinsignatory",
            constraint=models.UniqueConstraint(
                fields=("call_in", "councillor"), name="one_name_per_councillor_per_call_in"
            ),
        ),
    ]
