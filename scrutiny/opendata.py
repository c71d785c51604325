"""Committees, meetings and published briefing reports as open data: the one public representation
the JSON API and the committees' Atom feeds use, so they can never disagree about what is public.

A report here is exactly what its public page shows (`templates/scrutiny/_report.html` with
`scrutiny.documents.report_context(report, public=True)`), and nothing more (S12A-4):

- a Part II report: its title, where it is on the agenda and the "Not for publication" paragraph
  text; no section, no purpose, no reasoning, no PDF link, nothing else of its content;
- an exempt appendix or background paper: its title, its paragraphs and the "Not for publication"
  text; never its public-interest reasoning or review date, and an appendix's download link only
  when it is not exempt and has a file.

Dates are ISO 8601, links are absolute (`council.opendata.absolute`). Each `*_FIELDS` dict names
and describes, in order, the keys of what the matching function returns, in the convention of
`council.opendata` (a nested object's type is its name in `OBJECTS`, e.g. "Committee link", or a
list of them, "list of Appendix"). api/openapi_schemas.py builds the OpenAPI schemas from them, and
the tests check every function returns exactly its fields.

Every queryset here reads what its function needs in a constant number of queries.
"""

from django.db.models import F, Prefetch
from django.urls import reverse

from council.models import Committee, Department, User
from council.opendata import absolute, iso
from scrutiny import rules
from scrutiny.documents import FIXED_SECTIONS, report_queryset
from scrutiny.models import BriefingReport, Meeting, Status

COMMITTEE_LINK_FIELDS = {
    "slug": ("string", "Stable identifier of the committee."),
    "name": ("string", "The committee's name."),
    "url": ("string", "The committee's page."),
    "api_url": ("string", "The committee in this API."),
}

COMMITTEE_FIELDS = {
    **COMMITTEE_LINK_FIELDS,
    "remit": ("string", "What the committee scrutinises, as its page says; may be empty."),
    "chair": ("string?", "The chair's name, or null when none is appointed."),
    "vice_chair": ("string?", "The vice-chair's name, or null when none is appointed."),
    "members": ("list of string", "The members' names, by surname."),
    "meetings_url": ("string", "The committee's meetings in this API."),
    "reports_url": ("string", "The committee's published briefing reports in this API."),
}

MEETING_LINK_FIELDS = {
    "id": ("integer", "Stable identifier of the meeting."),
    "date": ("date", "The day of the meeting."),
    "starts_at": ("time?", "When it starts (HH:MM, local time), or null when not yet set."),
    "url": ("string", "The meeting's page, with its agenda."),
    "api_url": ("string", "The meeting in this API."),
}

AGENDA_ITEM_FIELDS = {
    "position": ("integer", "The item's number on the agenda, from 1."),
    "id": ("integer", "Stable identifier of the briefing report."),
    "title": ("string", "The report's title."),
    "part_2": ("boolean", "A Part II (exempt) report: only its title and the exemption text are published."),
    "not_for_publication": ("string", "Of a Part II report, the Schedule 12A paragraphs it is exempt under."),
    "url": ("string", "The report's page."),
    "pdf_url": ("string?", "The report as a PDF; null for a Part II report."),
    "api_url": ("string", "The report in this API."),
}

MEETING_FIELDS = {
    **MEETING_LINK_FIELDS,
    "committee": ("Committee link", "The committee that meets."),
    "venue": ("string", "Where it meets; empty while still to be confirmed."),
    "agenda_published": ("boolean", "Whether Democratic Support has published reports to its agenda."),
    "agenda": ("list of Agenda item", "The published briefing reports, in agenda order."),
}

SECTION_FIELDS = {
    "heading": ("string", "The section's heading."),
    "level": ("integer", "1 for a section, 2 for a sub-section of the section before it."),
    "body": ("string", "Plain text: paragraphs separated by blank lines, '- ' bullets, '1. ' numbered lines."),
}

APPENDIX_FIELDS = {
    "ref": ("string", "The appendix's letter, e.g. A."),
    "title": ("string", "The appendix's title."),
    "exempt": ("boolean", "Exempt from publication under Schedule 12A."),
    "exempt_paragraphs": ("list of integer", "The Schedule 12A paragraphs (1 to 7) it is exempt under."),
    "not_for_publication": ("string", "Of an exempt appendix, the 'Not for publication' text; empty otherwise."),
    "download_url": ("string?", "The appendix's file; null when it is exempt or has no file."),
}

BACKGROUND_PAPER_FIELDS = {
    "title": ("string", "The background paper's title."),
    "exempt": ("boolean", "Exempt from publication under Schedule 12A."),
    "exempt_paragraphs": ("list of integer", "The Schedule 12A paragraphs (1 to 7) it is exempt under."),
    "not_for_publication": ("string", "Of an exempt paper, the 'Not for publication' text; empty otherwise."),
    "download_url": (
        "string?",
        "The paper's file (OLGB-5); null when it is exempt, the report is Part II, or it has none.",
    ),
}

SIGN_OFF_FIELDS = {
    "department": ("string", "The department."),
    "label": ("string", "Its label in the report's sign-off row, e.g. Fin."),
    "applies": ("boolean", "Whether the report needed this department's sign-off."),
    "code": ("string?", "The department's current sign-off code; null when it gave none."),
}

# What every published report shows, Part I or Part II.
WITHHELD_REPORT_FIELDS = {
    "id": ("integer", "Stable identifier of the briefing report."),
    "title": ("string", "Title of Report."),
    "url": ("string", "The report's page."),
    "api_url": ("string", "The report in this API."),
    "committee": ("Committee link", "The committee the report goes to."),
    "meeting": ("Meeting link", "The meeting on whose agenda it is published."),
    "agenda_position": ("integer", "Its number on the meeting's agenda, from 1."),
    "published_at": ("date-time", "When Democratic Support published it to the agenda."),
    "part_2": ("boolean", "A Part II (exempt) report: true here means only these fields are published."),
    "confidentiality": ("string", "'Part I - Official' or 'Part II - Not for publication'."),
    "not_for_publication": ("string", "Of a Part II report, the Schedule 12A paragraphs it is exempt under."),
}

_FIXED_FIELD_DESCRIPTIONS = {field: f"{heading.rstrip(':')}." for field, heading in FIXED_SECTIONS}

REPORT_FIELDS = {
    **WITHHELD_REPORT_FIELDS,
    "pdf_url": ("string", "The report as a PDF, as published."),
    "pdf_sha256": ("string?", "SHA-256 of the stored PDF, to check a copy; null until it is rendered."),
    "pdf_size": ("integer?", "Size of the stored PDF in bytes; null until it is rendered."),
    "meeting_date": ("date", "Date of meeting."),
    "lead_member": ("string", "Lead Member."),
    "lead_strategic_director": ("string", "Lead Strategic Director."),
    "lead_strategic_director_job_title": ("string", "The Lead Strategic Director's job title."),
    "author": ("string", "Author."),
    "author_job_title": ("string", "The author's job title."),
    "contact_email": ("string", "Contact Email."),
    "your_reference": ("string", "Your Reference."),
    "key_decision": ("boolean?", "Key Decision; null when not answered."),
    "purpose": ("string", _FIXED_FIELD_DESCRIPTIONS["purpose"]),
    "recommendations": ("string", _FIXED_FIELD_DESCRIPTIONS["recommendations"]),
    "alternatives": ("string", _FIXED_FIELD_DESCRIPTIONS["alternatives"]),
    "priority": ("string", "The Corporate Plan priority the report is relevant to; may be empty."),
    "plan_relevance": ("string", _FIXED_FIELD_DESCRIPTIONS["plan_relevance"]),
    "financial_implications": ("string", _FIXED_FIELD_DESCRIPTIONS["financial_implications"]),
    "carbon_implications": ("string", _FIXED_FIELD_DESCRIPTIONS["carbon_implications"]),
    "sections": ("list of Section", "The body of the report, in order."),
    "appendices": ("list of Appendix", "Appendices, by letter."),
    "background_papers": ("list of Background paper", "Background papers."),
    "sign_offs": ("list of Sign-off", "The sign-off row: each department on the report form."),
    "originating_slt_member": ("string?", "Originating Senior Leadership Team member; null when not named."),
    "director_agreed_on": ("date?", "Date the Strategic Director agreed the report."),
    "cabinet_approval": ("string", "Cabinet Member approval, e.g. 'Cllr Dave Downie – approved by email'."),
    "cabinet_approved_on": ("date?", "Date the Cabinet Member approved the report."),
}

# The nested objects' fields, by the name the types above use.
OBJECTS = {
    "Committee link": COMMITTEE_LINK_FIELDS,
    "Meeting link": MEETING_LINK_FIELDS,
    "Agenda item": AGENDA_ITEM_FIELDS,
    "Section": SECTION_FIELDS,
    "Appendix": APPENDIX_FIELDS,
    "Background paper": BACKGROUND_PAPER_FIELDS,
    "Sign-off": SIGN_OFF_FIELDS,
}


# — querysets ------------------------------------------------------------------------------------


def committee_queryset():
    """Committees with what `committee_data` reads, by the council's order."""
    people = User.objects.order_by("last_name", "first_name", "username")
    return (
        Committee.objects.select_related("chair", "vice_chair")
        .prefetch_related(Prefetch("members", people))
        .order_by("order", "name")
    )


def _agenda_queryset():
    return (
        BriefingReport.objects.filter(status=Status.PUBLISHED)
        .select_related("committee")
        .order_by("agenda_position", "pk")
    )


def meeting_queryset():
    """Meetings with what `meeting_data` reads (the agenda prefetched), newest first."""
    return (
        Meeting.objects.select_related("committee")
        .prefetch_related(Prefetch("reports", _agenda_queryset(), to_attr="published_agenda"))
        .order_by("-date", F("starts_at").desc(nulls_last=True), "-pk")
    )


def published_reports():
    """Published reports with everything `report_data` reads: newest meeting first, then agenda order."""
    return (
        report_queryset()
        .select_related("meeting__committee", "lead_member", "lead_director", "originating_slt_member")
        .filter(status=Status.PUBLISHED)
        .order_by(F("meeting__date").desc(), "-meeting_id", "agenda_position", "pk")
    )


def report_form_departments():
    """The departments of a report's sign-off row (as `report_context` reads them): fetch once per request."""
    return list(Department.objects.filter(on_report_form=True))


# — representations ------------------------------------------------------------------------------


def _name(user):
    return user.display_name if user else None


def committee_link(committee):
    return {
        "slug": committee.slug,
        "name": committee.name,
        "url": absolute(reverse("committees:committee", kwargs={"slug": committee.slug})),
        "api_url": absolute(reverse("api:committee", kwargs={"slug": committee.slug})),
    }


def committee_data(committee):
    """A committee, as its public page shows it. `committee` from `committee_queryset()`."""
    meetings = reverse("api:meetings")
    reports = reverse("api:reports")
    return {
        **committee_link(committee),
        "remit": committee.remit,
        "chair": _name(committee.chair),
        "vice_chair": _name(committee.vice_chair),
        "members": [member.display_name for member in committee.members.all()],
        "meetings_url": absolute(f"{meetings}?committee={committee.slug}"),
        "reports_url": absolute(f"{reports}?committee={committee.slug}"),
    }


def meeting_link(meeting):
    return {
        "id": meeting.pk,
        "date": meeting.date.isoformat(),
        "starts_at": meeting.starts_at.strftime("%H:%M") if meeting.starts_at else None,
        "url": absolute(reverse("committees:meeting", kwargs={"slug": meeting.committee.slug, "pk": meeting.pk})),
        "api_url": absolute(reverse("api:meeting", kwargs={"id": meeting.pk})),
    }


def _report_url(report, name="committees:report"):
    return absolute(reverse(name, kwargs={"slug": report.committee.slug, "pk": report.pk}))


def agenda_item(report, position):
    """One published report on a public agenda (templates/scrutiny/_agenda_item.html)."""
    return {
        "position": position,
        "id": report.pk,
        "title": report.title,
        "part_2": report.is_part_2,
        "not_for_publication": report.part2_not_for_publication,
        "url": _report_url(report),
        "pdf_url": None if report.is_part_2 else _report_url(report, "committees:report-pdf"),
        "api_url": absolute(reverse("api:report", kwargs={"id": report.pk})),
    }


def meeting_data(meeting):
    """A meeting and its published agenda. `meeting` from `meeting_queryset()`."""
    agenda = getattr(meeting, "published_agenda", None)
    if agenda is None:
        agenda = list(_agenda_queryset().filter(meeting=meeting))
    return {
        **meeting_link(meeting),
        "committee": committee_link(meeting.committee),
        "venue": meeting.venue,
        "agenda_published": meeting.is_agenda_published,
        "agenda": [agenda_item(report, n) for n, report in enumerate(agenda, start=1)],
    }


def _withheld_data(report):
    return {
        "id": report.pk,
        "title": report.title,
        "url": _report_url(report),
        "api_url": absolute(reverse("api:report", kwargs={"id": report.pk})),
        "committee": committee_link(report.committee),
        "meeting": meeting_link(report.meeting),
        "agenda_position": report.agenda_position,
        "published_at": iso(report.published_at),
        "part_2": report.is_part_2,
        "confidentiality": report.get_confidentiality_display(),
        "not_for_publication": report.part2_not_for_publication,
    }


def _appendix(report, item):
    public_file = bool(item.file) and not item.is_exempt and not report.is_part_2
    return {
        "ref": item.ref,
        "title": item.title,
        "exempt": item.is_exempt,
        "exempt_paragraphs": sorted(item.exempt_paragraphs) if item.is_exempt else [],
        "not_for_publication": item.not_for_publication,
        "download_url": _appendix_url(report, item) if public_file else None,
    }


def _appendix_url(report, item):
    kwargs = {"slug": report.committee.slug, "pk": report.pk, "ref": item.ref}
    return absolute(reverse("committees:report-appendix", kwargs=kwargs))


def _paper(report, item, number):
    public_file = bool(item.file) and not item.is_exempt and not report.is_part_2
    kwargs = {"slug": report.committee.slug, "pk": report.pk, "number": number}
    return {
        "title": item.title,
        "exempt": item.is_exempt,
        "exempt_paragraphs": sorted(item.exempt_paragraphs) if item.is_exempt else [],
        "not_for_publication": item.not_for_publication,
        "download_url": absolute(reverse("committees:report-paper", kwargs=kwargs)) if public_file else None,
    }


def _sign_off_row(report, departments):
    """As `scrutiny.documents._sign_off_row`: each department on the form, its current code or none."""
    chosen = {d.pk for d in report.applicable_departments.all()}
    current = rules.current_sign_offs(report)
    row = []
    for department in departments:
        sign_off = current.get(department.pk)
        row.append(
            {
                "department": department.name,
                "label": department.report_label or department.name,
                "applies": department.mandatory_for_reports or department.pk in chosen,
                "code": sign_off.code if sign_off else None,
            }
        )
    return row


def report_data(report, *, departments=None):
    """A published report as its public page shows it. `report` from `published_reports()`;
    `departments` from `report_form_departments()` (fetched here when not given).

    A Part II report gives only `WITHHELD_REPORT_FIELDS`: its title and the exemption text.
    """
    assert report.status == Status.PUBLISHED, "only published reports are open data"
    data = _withheld_data(report)
    if report.is_part_2:
        assert list(data) == list(WITHHELD_REPORT_FIELDS)
        return data  # its title and the exemption text, nothing of its content
    if departments is None:
        departments = report_form_departments()
    lead_member = report.lead_member_name or _name(report.lead_member) or ""
    director = report.lead_director_name or _name(report.lead_director) or ""
    data.update(
        {
            "pdf_url": _report_url(report, "committees:report-pdf"),
            "pdf_sha256": report.public_pdf_sha256 or None,
            "pdf_size": report.public_pdf_size,
            "meeting_date": report.meeting.date.isoformat(),
            "lead_member": lead_member,
            "lead_strategic_director": director,
            "lead_strategic_director_job_title": report.lead_director_job_title,
            "author": report.author_name,
            "author_job_title": report.author_job_title,
            "contact_email": report.author_email,
            "your_reference": report.your_reference,
            "key_decision": report.is_key_decision,
            "purpose": report.purpose,
            "recommendations": report.recommendations,
            "alternatives": report.alternatives,
            "priority": report.priority.name if report.priority else "",
            "plan_relevance": report.plan_relevance,
            "financial_implications": report.financial_implications,
            "carbon_implications": report.carbon_implications,
            "sections": [{"heading": s.heading, "level": s.level, "body": s.body} for s in report.sections.all()],
            "appendices": [_appendix(report, a) for a in report.appendices.all()],
            "background_papers": [
                _paper(report, p, number) for number, p in enumerate(report.background_papers.all(), start=1)
            ],
            "sign_offs": _sign_off_row(report, departments),
            "originating_slt_member": report.originating_slt_member_name or _name(report.originating_slt_member),
            "director_agreed_on": iso(report.director_agreed_on),
            "cabinet_approval": report.cabinet_approval_display,
            "cabinet_approved_on": iso(report.cabinet_approved_on),
        }
    )
    assert list(data) == list(REPORT_FIELDS), "report_data and REPORT_FIELDS must list the same fields in order"
    return data
