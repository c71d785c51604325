"""A demo briefing report in the current municipal year, made through the services as its people
would: for the committee's next meeting, waiting for Legal's sign-off. Loaded by `scrutiny.demo`;
looked up by author and title first and not made again."""

import datetime

from council.models import CabinetPortfolio, Department, Priority
from decisions.models import Decision
from scrutiny import rules, services
from scrutiny.models import BriefingReport, Confidentiality, today

MEETING_VENUE = "Warspite Room, Council House, Plymouth"
SEED_DECISION = "COD02 21/22"
SECOND_TITLE = "Recruitment and retention of children's social workers"


def load_report_in_sign_off(people, committee):
    """A report for the committee's next meeting, made through the services, waiting for Legal."""
    jean = people["jean.kelly"]
    if BriefingReport.objects.filter(author=jean, title=SECOND_TITLE).exists():
        return None
    meeting = services.schedule_meeting(
        actor=people["sam.okafor"],
        committee=committee,
        date=today() + datetime.timedelta(days=28),
        venue=MEETING_VENUE,
    )
    report = services.start_report(actor=jean, committee=committee, meeting=meeting)
    values = dict(
        title=SECOND_TITLE,
        lead_member=people["dave.downie"],
        lead_member_portfolio=CabinetPortfolio.objects.get(title="Education, Skills, Children and Young People"),
        lead_director=people["alison.botham"],
        your_reference="RRJK01",
        is_key_decision=False,
        confidentiality=Confidentiality.PART_1,
        purpose="Information sharing for committee members",
        recommendations="This is an information briefing report.",
        alternatives="None: the report describes the council's current approach.",
        priority=Priority.objects.get(short_name="Caring", plan__name="Corporate Plan"),
        plan_relevance="Caring for People and Communities: children are supported by a stable, experienced workforce.",
        financial_implications="The approach is met from the service's existing workforce budget.",
        carbon_implications="No direct implications",
        originating_slt_member=jean,
    )
    for field, value in values.items():
        setattr(report, field, value)
    report = services.save_edits(report, actor=jean, fields=list(values))
    services.add_section(
        report,
        actor=jean,
        heading="Introduction",
        body="This report sets out the service's approach to recruiting and keeping experienced social workers.",
    )
    services.add_section(
        report,
        actor=jean,
        heading="What we are doing",
        body="- A rolling recruitment campaign for experienced social workers\n"
        "- A career pathway for newly qualified social workers\n"
        "- A review of the recruitment and retention payments",
    )
    if decision := Decision.objects.filter(reference=SEED_DECISION).first():
        services.save_edits(report, actor=jean, fields=[], m2m={"decisions": [decision]})
    report = services.submit_for_sign_off(report, actor=jean)
    services.issue_sign_off_code(report, actor=people["dan.norris"], department=Department.objects.get(slug="finance"))
    report.refresh_from_db()
    assert rules.sign_off_gaps(report), "the demo report should still be waiting for Legal"
    return report
