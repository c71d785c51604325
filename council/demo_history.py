"""What every app's demo loader shares: refusing without DEBUG, dropping the emails its services
queue, importing a seed record's history (its sign-offs and events written through the ORM, in
Plymouth time, content first and the freezing status last), and stand-in appendix PDFs.

Not named `demo`: `manage.py load_demo` loads every app's `demo` module, and this is none.
"""

import contextlib
import datetime
import functools
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils.html import escape

from council.demo import DemoRefused
from council.models import Department, User, YearlySequence

LONDON = ZoneInfo("Europe/London")


def local(*parts):
    """A moment in Plymouth time: local(2021, 7, 1, 15, 0)."""
    return datetime.datetime(*parts, tzinfo=LONDON)


def require_debug(what):
    if not settings.DEBUG:
        raise DemoRefused(f"Refusing to load {what} while DEBUG is off: set DJANGO_DEBUG=true.")


def people():
    """Every account by username: the demo's cast."""
    return {u.username: u for u in User.objects.all()}


@contextlib.contextmanager
def quiet_history():
    """One transaction whose services' emails are dropped, in commit order: the demo's history is
    not news."""
    quiet = override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}})
    with transaction.atomic():
        transaction.on_commit(quiet.enable)
        yield
        transaction.on_commit(quiet.disable)


@contextlib.contextmanager
def loading(what):
    """A demo loader's frame: refused without DEBUG, then the cast (`people`) inside one quiet
    transaction (`quiet_history`): `with loading("demo notices") as cast: ...`."""
    require_debug(what)
    cast = people()
    with quiet_history():
        yield cast


def raise_counters(counters):
    """(key, start year, value): the seed's numbers, so that codes and references made later in
    the same municipal year never collide with them."""
    for key, start_year, value in counters:
        counter, _ = YearlySequence.objects.get_or_create(key=key, start_year=start_year)
        if counter.last_value < value:
            counter.last_value = value
            counter.save(update_fields=["last_value"])


class History:
    """A seed record's imported history: its sign-offs and events, written as they happened."""

    def __init__(self, record, parent, *, event_model, sign_off_model, people):
        self.record, self.parent = record, parent
        self.event_model, self.sign_off_model = event_model, sign_off_model
        self.people = people
        self.departments = {d.slug: d for d in Department.objects.all()}

    def event(self, when, actor, action, from_status, to_status, comment=""):
        self.event_model.objects.create(
            **{self.parent: self.record},
            at=local(*when),
            actor=actor,
            action=action,
            from_status=from_status,
            to_status=to_status,
            comment=comment,
        )

    def sign_offs(self, rows):
        """(department slug, code, username, when) rows, each as its current sign-off."""
        for slug, code, username, when in rows:
            self.sign_off_model.objects.create(
                **{self.parent: self.record},
                department=self.departments[slug],
                code=code,
                issued_by=self.people[username],
                issued_at=local(*when),
                content_version=1,
            )

    def events(self, rows, *, workflow):
        """The history as a table: (when, username, action[, note]) rows, in order. Each event goes
        from where the one before left the record (a start from nothing) to where the kind's
        `workflow` says its action leads."""
        status = ""
        for when, username, action, *note in rows:
            to_status = workflow.transitions[action].target or status
            self.event(when, self.people[username], action, status, to_status, *note)
            status = to_status

    def sign_off_rows(self, rows, *, action):
        """The events of the sign-offs `rows` (as `sign_offs` takes them), as rows of `events`."""
        return [(when, user, action, f"{self.departments[slug]}: {code}") for slug, code, user, when in rows]


@functools.cache
def stand_in_pdf(reference, heading, note=""):
    """A one-page tagged PDF standing in for an appendix or a background paper the demo does not have."""
    from weasyprint import HTML

    html = f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{escape(heading)}</title>
<style>@page {{ size: A4; margin: 2.5cm }} body {{ font-family: sans-serif; font-size: 12pt; line-height: 1.4 }}
h1 {{ font-size: 18pt }} .box {{ border: 2px solid #0b0c0c; padding: 1em; margin-top: 2em }}</style></head>
<body><p>{escape(reference)}</p><h1>{escape(heading)}</h1>
<div class="box"><p><strong>Demo stand-in.</strong> The original document is not part of the demo data.
This page stands in for it so that the record's appendices and background papers can be opened.</p>{note}</div>
</body></html>"""
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def attach_pdf(item, reference, note=""):
    """Give an unsaved appendix or background paper a stand-in PDF as its file."""
    ref = getattr(item, "ref", "")  # an appendix's letter; a background paper has none
    heading = str(item) if ref else f"Background paper: {item.title}"
    filename = f"appendix-{ref.lower()}.pdf" if ref else "background-paper.pdf"
    content = stand_in_pdf(reference, heading, note)
    item.file.save(filename, ContentFile(content), save=False)
    item.original_filename = filename
    item.size = len(content)
    item.content_type = "application/pdf"
