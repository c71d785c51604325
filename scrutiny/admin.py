"""The admin for meetings and briefing reports: read-only once a report is published."""

from django.contrib import admin

from scrutiny import models


class _ReadOnlyWhenFrozen:
    def _frozen(self, obj):
        report = getattr(obj, "report", obj)
        return report is not None and isinstance(report, models.BriefingReport) and report.is_frozen

    def has_change_permission(self, request, obj=None):
        if self._frozen(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._frozen(obj):
            return False
        return super().has_delete_permission(request, obj)

    def has_add_permission(self, request, *obj):
        # ModelAdmin asks (request); an inline asks (request, parent report).
        if obj and self._frozen(obj[0]):
            return False
        return super().has_add_permission(request, *obj)


class SectionInline(_ReadOnlyWhenFrozen, admin.StackedInline):
    model = models.ReportSection
    extra = 0


class AppendixInline(_ReadOnlyWhenFrozen, admin.TabularInline):
    model = models.ReportAppendix
    extra = 0


class BackgroundPaperInline(_ReadOnlyWhenFrozen, admin.TabularInline):
    model = models.ReportBackgroundPaper
    extra = 0


class SignOffInline(_ReadOnlyWhenFrozen, admin.TabularInline):
    model = models.ReportSignOff
    extra = 0
    readonly_fields = ["department", "code", "issued_by", "issued_at", "content_version"]

    def has_add_permission(self, request, obj=None):
        return False


class EventInline(admin.TabularInline):
    model = models.ReportEvent
    extra = 0
    readonly_fields = ["at", "actor", "actor_name", "action", "from_status", "to_status", "comment"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AgendaInline(admin.TabularInline):
    model = models.BriefingReport
    fk_name = "meeting"
    extra = 0
    fields = ["agenda_position", "title", "status"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["committee", "date", "venue", "agenda_published_at"]
    list_filter = ["committee"]
    date_hierarchy = "date"
    readonly_fields = ["agenda_published_at"]
    inlines = [AgendaInline]


@admin.register(models.BriefingReport)
class BriefingReportAdmin(_ReadOnlyWhenFrozen, admin.ModelAdmin):
    list_display = ["title", "committee", "meeting", "status", "author", "published_at"]
    list_filter = ["status", "committee"]
    list_select_related = ["committee", "meeting", "author"]
    search_fields = ["title", "your_reference"]
    filter_horizontal = ["decisions", "applicable_departments"]
    readonly_fields = [
        "status",
        "content_version",
        "submitted_at",
        "author_name",
        "author_job_title",
        "lead_member_name",
        "lead_director_name",
        "lead_director_job_title",
        "originating_slt_member_name",
        "director_agreed_on",
        "director_agreed_by",
        "director_agreed_by_name",
        "cabinet_approved_on",
        "cabinet_approved_by",
        "cabinet_approver_name",
        "cabinet_approval_how",
        "cabinet_approval_evidence",
        "cabinet_approval_recorded_by",
        "agenda_position",
        "published_at",
    ]
    inlines = [SectionInline, AppendixInline, BackgroundPaperInline, SignOffInline, EventInline]
