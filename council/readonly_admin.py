"""The admin shows records; it never changes them.

A record (decision, briefing report) and its children (sign-offs, events, agreements,
consultations, appendices, papers, sections) change only through the services, which lock the
row, check the workflow, raise the versions that make sign-offs stale and append the event. An
admin form would do none of that, so for these models the admin is a viewer. So are committees
and meetings: Democratic Support changes them on its own pages, through services that leave a
`scrutiny.CommitteeEvent`. The council's other reference data (settings, departments, portfolios,
people) stays editable in the admin.
"""

from django.contrib import admin


class ViewOnly:
    """For a ModelAdmin or an inline of a record's child: view, never add, change or delete."""

    def has_add_permission(self, request, *args):
        # ModelAdmin asks (request); an inline asks (request, parent).
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ViewOnlyRecord(ViewOnly):
    """A record: viewed, and deleted only if it never entered the workflow (no reference, no events)."""

    def has_delete_permission(self, request, obj=None):
        # Without an object this is the list's bulk delete, which would skip the per-record check.
        if obj is None or getattr(obj, "reference", "") or obj.events.exists():
            return False
        return super(ViewOnly, self).has_delete_permission(request, obj)


class ViewOnlyInline(ViewOnly, admin.TabularInline):
    """A table of a record's children, shown and never edited."""

    extra = 0

    @classmethod
    def of(cls, model, **attrs):
        """This inline for `model`: each app names its own child models and nothing else."""
        return type(f"{model.__name__}Inline", (cls,), {"model": model, "__module__": model.__module__, **attrs})
