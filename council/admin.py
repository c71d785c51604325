"""The admin: where administrators keep the council's organisation data."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from council import models

admin.site.site_header = "Decisions and scrutiny administration"
admin.site.site_title = "Decisions and scrutiny"


def sign_in(request, extra_context=None):
    """The admin has no sign-in form of its own: it sends people to the site's, so there is one door,
    with its lockout, the identity provider and DJANGO_PASSWORD_SIGN_IN. Someone signed in without
    access to the admin is refused rather than sent round again."""
    if request.user.is_authenticated:
        raise PermissionDenied
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), login_url=reverse("login"))


admin.site.login = sign_in


@admin.register(models.CouncilSettings)
class CouncilSettingsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return not models.CouncilSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.ClosureDay)
class ClosureDayAdmin(admin.ModelAdmin):
    """The council's own closure days, skipped when clear days are working days (council.calendar)."""

    list_display = ["date", "reason"]
    date_hierarchy = "date"


@admin.register(models.Ward)
class WardAdmin(admin.ModelAdmin):
    """The council's wards, which decision records choose from (EXEC-4).

    A ward a record names is never deleted (the record would silently lose it): one at a time, and
    only while no record uses it. The apps that use wards are found from the model, not imported.
    """

    search_fields = ["name"]
    actions = None

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.in_use():
            return False
        return super().has_delete_permission(request, obj)


class PriorityInline(admin.TabularInline):
    model = models.Priority
    extra = 1


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    inlines = [PriorityInline]


@admin.register(models.Directorate)
class DirectorateAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]


@admin.register(models.Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "report_label",
        "on_decision_form",
        "mandatory_for_decisions",
        "on_report_form",
        "mandatory_for_reports",
        "code_source",
        "code_format",
        "example_code",
    ]
    list_select_related = ["reviewer_group"]


@admin.register(models.CabinetPortfolio)
class CabinetPortfolioAdmin(admin.ModelAdmin):
    list_display = ["title", "member", "order"]
    list_select_related = ["member"]


class SignInIdentityInline(admin.TabularInline):
    """Who this account is at the council's identity provider (council/oidc.py). Bound at the first
    sign-in there; deleting the row unbinds it, and the next sign-in is matched by email again."""

    model = models.SignInIdentity
    extra = 0
    fields = readonly_fields = ["issuer", "subject", "created_at", "last_signed_in_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "display_name", "job_title", "directorate", "is_active"]
    list_select_related = ["directorate"]
    list_filter = ["groups", "directorate", "is_active", "is_staff"]
    inlines = [SignInIdentityInline]
    fieldsets = DjangoUserAdmin.fieldsets + (
        ("Council details", {"fields": ["honorific", "job_title", "phone", "directorate", "initials"]}),
    )


@admin.register(models.DeletedDraft)
class DeletedDraftAdmin(admin.ModelAdmin):
    """Read-only: the log of drafts their authors deleted."""

    list_display = ["deleted_at", "kind", "record_id", "title", "author_name", "deleted_by_name"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
