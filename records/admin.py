"""The admin's tables of the children every kind of record has, shown the same way for each kind.

An app's admin names its own models: `SignOffInline.of(models.SignOff)`. Nothing is registered
here: `records` has no concrete models.
"""

from council.readonly_admin import ViewOnlyInline


class SignOffInline(ViewOnlyInline):
    fields = ["department", "code", "issued_by", "issued_at", "content_version"]


class AppendixInline(ViewOnlyInline):
    fields = ["ref", "title", "original_filename", "size", "exempt_paragraphs"]


class BackgroundPaperInline(ViewOnlyInline):
    fields = ["title", "order", "exempt_paragraphs"]


class EventInline(ViewOnlyInline):
    fields = ["at", "actor", "actor_name", "action", "from_status", "to_status", "comment"]
