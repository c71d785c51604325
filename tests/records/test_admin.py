"""The admin shows every record's children and never changes them: each inline of a record's
admin (built from records/admin.py or council.readonly_admin) refuses add, change and delete."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from records.models import Record

RECORD_ADMINS = [model_admin for model, model_admin in admin.site._registry.items() if issubclass(model, Record)]


def test_record_admins_are_found():
    assert {a.model.__name__ for a in RECORD_ADMINS} >= {"Decision", "BriefingReport"}


@pytest.mark.parametrize("model_admin", RECORD_ADMINS, ids=lambda a: a.model.__name__)
def test_record_admin_inlines_are_view_only(model_admin, administrator):
    request = RequestFactory().get("/")
    request.user = administrator
    inlines = model_admin.get_inline_instances(request, obj=None)
    assert inlines
    for inline in inlines:
        assert inline.model._meta.get_field(inline.fk_name or _fk(inline)).related_model is model_admin.model
        assert not inline.has_add_permission(request, None), inline
        assert not inline.has_change_permission(request), inline
        assert not inline.has_delete_permission(request), inline


def _fk(inline):
    return next(f.name for f in inline.model._meta.fields if f.related_model is inline.parent_model)
