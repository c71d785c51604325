"""The admin for meetings and briefing reports. Reports are a viewer: they change only through
`scrutiny.services` (see `council.readonly_admin`). Meetings are Democratic Support's, changed on
their own pages through `scrutiny.services.save_meeting` and `schedule_meeting`, which leave a
`CommitteeEvent`: the admin shows them."""

from django.contrib import admin

from council.models import Committee
from council.readonly_admin import ViewOnly, ViewOnlyRecord
from records.admin import AppendixInline, BackgroundPaperInline, EventInline, SignOffInline
from scrutiny import models, services


class SectionInline(ViewOnly, admin.StackedInline):
    model = models.ReportSection
    extra = 0


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


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    """A committee's name, address, remit and order: added and changed here, through
    `scrutiny.services.save_committee_details`, which leaves a CommitteeEvent. Its chair, vice-chair,
    members and lead officers change on Democratic Support's page (/scrutiny/manage/), through
    `save_committee`. A committee is never deleted: its meetings, reports and history stay."""

    fields = list(services.meetings.COMMITTEE_DETAILS)
    prepopulated_fields = {"slug": ["name"]}
    list_display = ["name", "chair", "vice_chair"]
    list_select_related = ["chair", "vice_chair"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        details = {field: form.cleaned_data[field] for field in self.fields}
        saved = services.save_committee_details(obj if change else Committee(), actor=request.user, **details)
        obj.pk = saved.pk


@admin.register(models.Meeting)
class MeetingAdmin(ViewOnly, admin.ModelAdmin):
    list_display = ["committee", "date", "venue", "agenda_published_at"]
    list_filter = ["committee"]
    date_hierarchy = "date"
    readonly_fields = ["agenda_published_at"]
    inlines = [AgendaInline]


@admin.register(models.BriefingReport)
class BriefingReportAdmin(ViewOnlyRecord, admin.ModelAdmin):
    list_display = ["title", "committee", "meeting", "status", "author", "published_at"]
    list_filter = ["status", "committee"]
    list_select_related = ["committee", "meeting", "author"]
    search_fields = ["title", "your_reference"]
    filter_horizontal = ["decisions", "applicable_departments"]
    readonly_fields = [
        "status",
        "content_version",
        "revision",
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
    inlines = [
        SectionInline,
        AppendixInline.of(models.ReportAppendix),
        BackgroundPaperInline.of(models.ReportBackgroundPaper),
        SignOffInline.of(models.ReportSignOff),
        EventInline.of(models.ReportEvent),
    ]
