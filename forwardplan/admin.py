"""The admin shows Forward Plan items and their history; they change only through
`forwardplan.services` (see `council.readonly_admin`)."""

from django.contrib import admin

from council.readonly_admin import ViewOnlyRecord
from forwardplan import models
from records.admin import EventInline


@admin.register(models.PlanItem)
class PlanItemAdmin(ViewOnlyRecord, admin.ModelAdmin):
    list_display = ["reference", "title", "status", "expected_from", "first_published_at", "author"]
    list_filter = ["status", "decision_maker_type"]
    list_select_related = ["author"]
    search_fields = ["reference", "title"]
    date_hierarchy = "expected_from"
    readonly_fields = [
        "reference",
        "reference_slug",
        "status",
        "content_version",
        "revision",
        "submitted_at",
        "author_name",
        "author_job_title",
        "published_at",
        "first_published_at",
    ]
    inlines = [EventInline.of(models.Event)]
