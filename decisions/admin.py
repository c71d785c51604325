"""The admin for decision records: a viewer. Records change only through `decisions.services`
(see `council.readonly_admin`), so an edit in sign-off cannot skip the new version, the event and
the stale sign-offs, and an in-flight record cannot be deleted with its history."""

from django.contrib import admin

from council.readonly_admin import ViewOnlyInline, ViewOnlyRecord
from decisions import models
from records.admin import AppendixInline, BackgroundPaperInline, EventInline, SignOffInline


@admin.register(models.Decision)
class DecisionAdmin(ViewOnlyRecord, admin.ModelAdmin):
    list_display = ["reference", "title", "status", "decided_on", "author", "decision_maker"]
    list_filter = ["status", "directorate", "is_key_decision", "is_urgent"]
    list_select_related = ["author", "decision_maker"]
    search_fields = ["reference", "title"]
    readonly_fields = [
        "reference",
        "status",
        "content_version",
        "revision",
        "decided_on",
        "signed_at",
        "published_at",
        "submitted_at",
        "decision_maker_name",
        "decision_maker_job_title",
        "author_name",
        "author_job_title",
    ]
    inlines = [
        ViewOnlyInline.of(models.CabinetConsultation, fields=["portfolio", "member_name", "consulted_on"]),
        AppendixInline.of(models.Appendix),
        BackgroundPaperInline.of(models.BackgroundPaper),
        ViewOnlyInline.of(
            models.ChairAgreement,
            fields=["kind", "committee", "chair_name", "status", "how", "responded_on", "content_version"],
        ),
        SignOffInline.of(models.SignOff),
        EventInline.of(models.Event),
    ]
