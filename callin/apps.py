"""The callin app: call-in requests (CALL-1), each a record on the shared core, about one decision."""

from django.apps import AppConfig


def kind():
    """The call-in's declaration (`callin.kind`)."""
    from callin.kind import KIND

    return KIND


class CallInConfig(AppConfig):
    name = "callin"
    verbose_name = "Call-in"

    def ready(self):
        kind()  # declared from now on, for records.kinds.declared(CallIn)
        from callin.views_work import register_worklists  # the staff pages' lists on Your work

        register_worklists()
