"""The notices app: the public notices of the statutory clock, general exception (reg 10) and
special urgency (reg 11), each a record on the shared core, given about one decision record."""

from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "General exception and special urgency notices"

    def ready(self):
        from council import pagecache
        from notices.models import Notice, Status

        # A notice is public from the moment it is given; publishing its reasons changes its page.
        pagecache.watch(Notice, public_statuses={Status.PUBLISHED})
