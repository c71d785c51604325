"""The admin for decision records: a viewer. Records change only through `decisions.services`
(see `council.readonly_admin`), so an edit in sign-off cannot skip the new version, the event and
the stale sign-offs, and an in-flight record cannot be deleted with its history."""

from django.contrib import admin

from council.readonly_admin import ViewOnly, ViewOnlyRecord
from decisions import models


class SignOffInline(ViewOnly, admin.TabularInline):
    model = models.SignOff
    extra = 0
    fields = ["department", "code", "issued_by", "issued_at", "content_version"]


class ChairAgreementInline(ViewOnly, admin.TabularInline):
    model = models.ChairAgreement
    extra = 0
    fields = ["kind", "committee", "chair_name", "status", "how", "responded_on", "content_version"]


class ConsultationInline(ViewOnly, admin.TabularInline):
    model = models.CabinetConsultation
    extra = 0
    fields = ["portfolio", "member_name", "consulted_on"]


class AppendixInline(ViewOnly, admin.TabularInline):
    model = models.Appendix
    extra = 0
    fields = ["ref", "title", "original_filename", "size", "exempt_paragraphs"]


class BackgroundPaperInline(ViewOnly, admin.TabularInline):
    model = models.BackgroundPaper
    extra = 0
    fields = ["title", "order", "exempt_paragraphs"]


class EventInline(ViewOnly, admin.TabularInline):
    model = models.Event
    extra = 0
    fields = ["at", "actor", "actor_name", "action", "from_status", "to_status", "comment"]


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
        ConsultationInline,
        AppendixInline,
        BackgroundPaperInline,
        ChairAgreementInline,
        SignOffInline,
        EventInline,
    ]
