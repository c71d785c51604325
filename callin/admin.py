"""The admin shows call-ins, their names and their history; they change only through `callin.services`
(see `council.readonly_admin`): a call-in's every step is a service's, with its event."""

from django.contrib import admin

from callin import models
from council.readonly_admin import ViewOnlyInline, ViewOnlyRecord
from records.admin import EventInline


@admin.register(models.CallIn)
class CallInAdmin(ViewOnlyRecord, admin.ModelAdmin):
    list_display = ["reference", "decision", "status", "author_name", "outcome", "created_at"]
    list_filter = ["status", "outcome"]
    list_select_related = ["decision"]
    search_fields = ["reference", "decision__reference", "decision__title"]
    readonly_fields = [
        "reference",
        "status",
        "validated_at",
        "rejection_reason",
        "outcome",
        "outcome_on",
        "concerns",
        "council_outcome",
        "council_outcome_on",
        "reconsideration",
        "reconsidered_on",
        "author_name",
    ]
    inlines = [
        ViewOnlyInline.of(
            models.CallInSignatory,
            fields=["councillor_name", "added_at"],
            readonly_fields=["councillor_name", "added_at"],
        ),
        EventInline.of(models.CallInEvent),
    ]
