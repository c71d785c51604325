"""The admin shows notices and their history; they change only through `notices.services`
(see `council.readonly_admin`): a notice once given is public and is never edited or deleted here."""

from django.contrib import admin

from council.readonly_admin import ViewOnlyRecord
from notices import models
from records.admin import EventInline


@admin.register(models.Notice)
class NoticeAdmin(ViewOnlyRecord, admin.ModelAdmin):
    list_display = ["title", "kind", "published_at", "reasons_published_at", "chair_name", "author_name"]
    list_filter = ["kind"]
    list_select_related = ["decision"]
    search_fields = ["title"]
    readonly_fields = ["status", "published_at", "chair_notified_at", "reasons_published_at", "author_name"]
    inlines = [EventInline.of(models.Event)]
