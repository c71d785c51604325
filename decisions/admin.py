"""The admin for decision records: read-only once signed, like everywhere else."""

from django.contrib import admin

from decisions import models


class _ReadOnlyWhenFrozen:
    def has_change_permission(self, request, obj=None):
        decision = getattr(obj, "decision", obj)
        if decision is not None and decision.is_frozen:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        decision = getattr(obj, "decision", obj)
        if decision is not None and decision.is_frozen:
            return False
        return super().has_delete_permission(request, obj)


class SignOffInline(_ReadOnlyWhenFrozen, admin.TabularInline):
    model = models.SignOff
    extra = 0
    readonly_fields = ["department", "code", "issued_by", "issued_at", "content_version"]

    def has_add_permission(self, request, obj=None):
        return False


class EventInline(admin.TabularInline):
    model = models.Event
    extra = 0
    readonly_fields = ["at", "actor", "actor_name", "action", "from_status", "to_status", "comment"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.Decision)
class DecisionAdmin(_ReadOnlyWhenFrozen, admin.ModelAdmin):
    list_display = ["reference", "title", "status", "decided_on", "author", "decision_maker"]
    list_filter = ["status", "directorate", "is_key_decision", "is_urgent"]
    list_select_related = ["author", "decision_maker"]
    search_fields = ["reference", "title"]
    readonly_fields = [
        "reference",
        "status",
        "content_version",
        "decided_on",
        "signed_at",
        "published_at",
        "submitted_at",
        "decision_maker_name",
        "decision_maker_job_title",
        "author_name",
        "author_job_title",
    ]
    inlines = [SignOffInline, EventInline]
