"""Demo scrutiny data: the committee's members, its 17 November 2021 meeting, the seed briefing
report "Innovate Team CYPFS" (seed 003) published on that meeting's agenda, and one report in
sign-off so that reviewers' queues have something in them.

Loaded by `manage.py load_demo` after `decisions.demo`, so COD02 21/22 exists and the report links
to it. Idempotent: the meeting is looked up by committee and date, the reports by author and title.

The seed report was published before this system existed, so it is an import of history written
through the ORM, content first and the published status last (a published report is frozen).
Two deliberate differences from the Word document:

- Its "Relevance to the Corporate Plan and/or the Plymouth Plan" was published as the template's
  "Click here to enter text." (PLACEHOLDER-1 now refuses that). It is filled here with the
  Corporate Plan priority decision COD02 21/22 cites: Caring for People and Communities.
- Legal's code reads `LS/37600/AC/5/11/21`, while the director agreed and the cabinet member
  approved on 4 November 2021. The code is Legal's own file reference, typed as given; the history
  dates the Legal sign-off 4 November, before the agreement, as the workflow requires.
"""

import datetime
from pathlib import Path

from council.demo import EDUCATION_COMMITTEE, demo_password
from council.demo_history import History, loading, local, raise_counters
from council.models import CabinetPortfolio, Committee, Priority, User
from decisions.models import Decision
from records.demo_seed import seed_values
from scrutiny import documents, services
from scrutiny.demo_current import (  # noqa: F401 - SECOND_TITLE is part of this module's interface
    MEETING_VENUE,
    SECOND_TITLE,
    SEED_DECISION,
    load_report_in_sign_off,
)
from scrutiny.models import (
    BriefingReport,
    Meeting,
    ReportAppendix,
    ReportEvent,
    ReportSection,
    ReportSignOff,
    Status,
)
from scrutiny.workflow import WORKFLOW, Action

MEETING_DATE = datetime.date(2021, 11, 17)

# Fictional councillors who sit on the committee with its chair, Councillor Jemima Laing.
MEMBERS = [
    ("tom.penrose", "Tom", "Penrose"),
    ("ruth.allen", "Ruth", "Allen"),
]

# The seed document's contents as the council published it (data: seed/innovate-team-cypfs.json).
SEED = seed_values(BriefingReport, Path(__file__).with_name("seed") / "innovate-team-cypfs.json")
SEED_TITLE = SEED["title"]

# heading, level, body: the body of the report in order. Level 2 sits under the level-1 section before it.
SECTIONS = [
    (
        "Introduction",
        1,
        "This report sets out information related to the use of a managed social work team solution to respond to "
        "increased demand in the service and the challenges faced in recruitment and retention of experienced social "
        "work staff. The report also sets out our current exit planning approach and contingency planning.",
    ),
    (
        "Workforce and Demand issues requiring a managed team approach",
        1,
        "The Children, Young People and Family Service has continued to experience a 25% increase in demand for "
        "social work services since late March 2020, when the first Covid-19 lockdown commenced. This includes an "
        "increase in new referrals as well as the number of children requiring an ongoing service due to safeguarding "
        "concerns. This demand has exceeded establishment capacity to respond and required additional social work "
        "resource.\n\n"
        "Prior to the pandemic the ability of Plymouth City Council to recruit and retain social work staff has been "
        "positive, with the exception of the retention of experienced social workers in the Children's Social Work "
        "Teams (those social workers working with children subject to Child Protection Plans and care proceedings). "
        "Since March 2020, there have been increased difficulties in retaining social workers in these teams and "
        "turnover has been higher than we would ordinarily experience, with some staff naming the pressure of "
        "casework as one of the reasons for their decision to leave. We take this very seriously and need now to "
        "find a solution that supports retention of staff and supports their wellbeing at this challenging time, as "
        "well as enabling the service to continue to operate safely and support vulnerable children and families.\n\n"
        "Our usual recruitment routes and strategies have not resulted in experienced social workers in the numbers "
        "or timescales needed. This includes both permanent and temporary social workers. We know that this is not an "
        "issue unique to Plymouth and represents a challenge in the south west region and nationally.\n\n"
        "We are continuing to manage to successfully appoint sufficient numbers of newly qualified workers who can "
        "take on child in need cases only and in lower numbers than experienced workers can. These staff members "
        "cannot take on complex casework during their first year of practice and therefore we still have a "
        "significant gap in our capacity.\n\n"
        "We sought funding to use an organisation who provide managed team solutions for local authorities. Since "
        "August 2021 we have had a team from Innovate working alongside other social work teams to provide the "
        "experienced social workers required.",
    ),
    (
        "Innovate CYPS – a managed team",
        1,
        "Innovate CYPS is a privately owned organisation. They are delivering a 6 month managed service project "
        "consisting of one team focusing on Safeguarding (Child in Need, Child Protection, Pre-Proceedings/Court).\n\n"
        "The team consists of 1 Team Manager, 7 Social Workers, as well as leadership resource (Director, Head of "
        "Service, Head of Quality Assurance), and 1 Business Support. They are responsible for up to 140 children and "
        "young people.\n\n"
        "The service will, at all times, adhere to key performance indicators in line with Plymouth City. The model "
        "also includes a robust additional quality assurance approach including both dip sample and full case audit "
        "of 10 % cases to ensure oversight of quality, impact and outcomes.\n\n"
        "A benefit of this model is that the accountability structures are clear and, unlike standard models of "
        "'whole team' provision, it does not place additional burdens on existing management and quality assurance "
        "systems. Weekly risks and issues meetings between CYPFS CSW Service Manager and Head of Service ensures a "
        "focused and robust response to key issues and a collegiate and integrated approach is key to ensure safe, "
        "high quality service delivery.",
    ),
    ("Evidence of impact", 1, ""),
    (
        "Caseloads and performance",
        2,
        "Currently the team have 7 social workers with 133 children open in the team. They have capacity to support "
        "140 children and new cases are due to be allocated. The contract includes their commitment to work with 140 "
        "children throughout the contract, but this will fluctuate at times.\n\n"
        "The complex nature of the children and families they are supporting include children subject to care "
        "proceedings and child protection plans and these take time to resolve effectively.\n\n"
        "The team are working with 22 children in pre-care proceedings, where they are working hard with families to "
        "prevent the need to commence care proceedings.\n\n"
        "They are working with 20 children where care proceedings have commenced.\n\n"
        "There are 19 Children in Care, 68 Children subject to Child Protection Plans and 46 Children in Need. The "
        "team have closed 9 cases over the past 10 weeks that they have been with the service.\n\n"
        "Children subject to Child Protection Plans require monthly multi agency meetings, called core group meetings "
        "of which 91.2% were completed and recorded within timescale.\n\n"
        "Children are regularly seen in the team. Current performance data indicates children are seen on time as "
        "follows; Children in Care 94%, Children in Need of Protection 95% and Children in Need 89%. All meet or are "
        "close to our KPI target.\n\n"
        "The team have completed 19 single assessments. 84.2% of these were completed within 45 days and they have a "
        "further 62 assessments open for completion.\n\n"
        "100% staff are receiving supervision on time. The team manager has a good understanding of the children "
        "open in her team, the performance and quality measures and a strong track record of delivering high "
        "performing teams.",
    ),
    (
        "Quality of work",
        2,
        "There is evidence of good quality assessment and planning as well as skilful direct work. The team are "
        "experienced and have a good level knowledge and skill in working with children, young people and families. "
        "Where there are any concerns about the timeliness of completed work, these are addressed immediately with "
        "team and senior managers.\n\n"
        "Cases are being audited internally within the CYPFS Quality Assurance and audit framework and externally by "
        "Innovate, and the learning and findings will be available at the end of November for the service to review "
        "as part of our evaluation of the way this approach is working.",
    ),
    (
        "How this has impacted the wider service",
        2,
        "Morale across the service has improved as a result of the Innovate service joining and there appears to be "
        "a correlation between this and a reduction in staff resignations and staff move requests. Caseloads have "
        "now reduced significantly and the current average caseloads are 18 in this part of the service – this "
        "includes newly qualified staff for whom we aim to maintain at caseloads of 14. Practice is more effective "
        "and timely. Caseloads do however remain above the optimum level and the number of cases in the Children's "
        "Social Work service has increased since September. Therefore work continues to manage these caseloads "
        "down.",
    ),
    (
        "Exit planning",
        1,
        "Innovate staff are currently effectively covering vacancies and uncovered posts within key social work "
        "teams in the service. This means that if we are successful in the recruitment to permanent uncovered "
        "vacancies, and the work to ensure that work that has been delayed due to COVID working then we aim to see a "
        "further reduction in caseloads, and them being maintained after the Innovate Team contract ends.\n\n"
        "The plan to manage their exit effectively is based on the elements set out below:\n\n"
        "1. A focus on managing children who are currently allocated across the whole service by ensuring effective "
        "transfer, step-down to early help services or closure. This regular review is focused on ensuring children's "
        "cases only remain open to the statutory service for the time required to support them effectively. All "
        "plans over 6 months are reviewed to ensure effective and timely intervention. Therefore reducing the time "
        "that some children in the service need to open to a social worker.\n"
        "2. We continue to ensure a rolling recruitment approach for permanent social worker roles, particularly "
        "experienced social workers, however this remains a local and national challenge. We have some vacancies "
        "that we will recruit to and this will include further newly qualified workers. The current Recruitment and "
        "Retention approach is under review and recommendations will follow in early January.\n"
        "3. Exploring other options for further temporary cover while permanent recruitment continues whilst at the "
        "same time minimising any disruption for children, young people and their families.",
    ),
    (
        "Contingency planning",
        1,
        "If the focus on the work outlined above indicate that workloads cannot be maintained at a reasonable level "
        "after February 2022 a clear plan, and if appropriate business case will be brought forward before the end "
        "of the calendar year so that alternative options can be considered, agreed and implemented before the "
        "Innovate Team contract comes to an end.",
    ),
]

APPENDICES = [("A", "Briefing report title"), ("B", "Equalities Impact Assessment (if applicable)")]

# department slug, code, issued by, issued at (Plymouth time). Mon Off, HR, Assets and Strat Proc did not apply.
SIGN_OFFS = [
    ("finance", "djn.21.22.152", "dan.norris", (2021, 11, 3, 14, 0)),
    ("legal", "LS/37600/AC/5/11/21", "tara.reid", (2021, 11, 4, 9, 30)),
]

# The seed's Finance number, so that codes made later in 2021/22 never collide with it.
COUNTERS = [("sign-off:finance", 2021, 152)]


def load_members(committee, people):
    """The committee's members and lead officer, as Democratic Support would set them: through
    `save_committee`, which leaves a CommitteeEvent (and nothing when they are already there)."""
    created = 0
    members = set(committee.members.all())
    for username, first, last in MEMBERS:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults=dict(
                first_name=first,
                last_name=last,
                honorific="Councillor",
                job_title="Member, Education and Children's Social Care Overview and Scrutiny Committee",
                email=f"{first}.{last}@plymouth.gov.uk".lower(),
            ),
        )
        if was_created:
            user.password = demo_password()
            user.save()
            created += 1
        members.add(user)
    if committee.chair_id:
        members.add(committee.chair)
    services.save_committee(
        committee,
        actor=people["sam.okafor"],
        chair=committee.chair,
        vice_chair=committee.vice_chair,
        members=members,
        lead_officers={*committee.lead_officers.all(), people["jean.kelly"]},
    )
    return created


def load_meeting(committee, people):
    """The seed report's meeting, added by Democratic Support through `schedule_meeting` (an event)."""
    meeting = Meeting.objects.filter(committee=committee, date=MEETING_DATE).first()
    if meeting is None:
        meeting = services.schedule_meeting(
            actor=people["sam.okafor"], committee=committee, date=MEETING_DATE, venue=MEETING_VENUE
        )
    return meeting


def load_seed_report(people, committee, meeting):
    """Create the seed report exactly as published. Returns it, or None if it was already there."""
    raise_counters(COUNTERS)
    jean = people["jean.kelly"]
    if BriefingReport.objects.filter(author=jean, title=SEED_TITLE).exists():
        return None
    alison, dave, sam = people["alison.botham"], people["dave.downie"], people["sam.okafor"]
    report = BriefingReport.objects.create(
        **SEED,
        status=Status.DRAFT,
        committee=committee,
        meeting=meeting,
        author=jean,
        lead_member=dave,
        lead_member_portfolio=CabinetPortfolio.objects.get(title="Education, Skills, Children and Young People"),
        lead_director=alison,
        priority=Priority.objects.get(short_name="Caring", plan__name="Corporate Plan"),
        originating_slt_member=jean,
        director_agreed_by=alison,
        cabinet_approved_by=dave,
        cabinet_approval_recorded_by=sam,
        submitted_at=local(2021, 11, 2, 10, 0),
    )
    BriefingReport.objects.filter(pk=report.pk).update(created_at=local(2021, 11, 1, 9, 0))
    for order, (heading, level, body) in enumerate(SECTIONS, start=1):
        ReportSection.objects.create(report=report, order=order, heading=heading, level=level, body=body)
    for ref, title in APPENDICES:
        ReportAppendix.objects.create(report=report, ref=ref, title=title)
    history = History(report, "report", event_model=ReportEvent, sign_off_model=ReportSignOff, people=people)
    history.sign_offs(SIGN_OFFS)
    decision = Decision.objects.filter(reference=SEED_DECISION).first()
    if decision:
        report.decisions.add(decision)

    imported = "History imported from the briefing report published for the meeting of 17 November 2021."
    approved = f"Cllr Dave Downie – approved by email on 4 November 2021: {SEED['cabinet_approval_evidence']}"
    history.events(
        [
            ((2021, 11, 1, 9, 0), "jean.kelly", Action.CREATE, imported),
            ((2021, 11, 2, 10, 0), "jean.kelly", Action.SUBMIT),
            *history.sign_off_rows(SIGN_OFFS, action=Action.ISSUE_SIGN_OFF),
            ((2021, 11, 4, 9, 30), "tara.reid", Action.SEND_TO_DIRECTOR, "Every sign-off is current"),
            ((2021, 11, 4, 11, 0), "alison.botham", Action.AGREE),
            ((2021, 11, 4, 16, 0), "sam.okafor", Action.RECORD_APPROVAL, approved),
            ((2021, 11, 9, 10, 0), "sam.okafor", Action.PUBLISH, f"Agenda of {meeting}"),
        ],
        workflow=WORKFLOW,
    )
    published_at = local(2021, 11, 9, 10, 0)
    if meeting.agenda_published_at is None:
        meeting.agenda_published_at = published_at
        meeting.save(update_fields=["agenda_published_at"])

    # Content first, then the status that freezes it.
    report.status = Status.PUBLISHED
    report.published_at = published_at
    report.agenda_position = (meeting.reports.exclude(pk=report.pk).filter(agenda_position__isnull=False).count()) + 1
    report.save()
    return report


def load(stdout=None):
    with loading("demo scrutiny data") as cast:
        committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
        members = load_members(committee, cast)
        meeting = load_meeting(committee, cast)
        created = [
            ("the Innovate Team CYPFS report, published", load_seed_report(cast, committee, meeting)),
            ("a report in sign-off", load_report_in_sign_off(cast, committee)),
        ]
    # The published seed report has its stored public PDF, as publishing would have made it.
    seed = BriefingReport.objects.filter(title=SEED_TITLE, status=Status.PUBLISHED).first()
    if seed is not None:
        documents.store_public_pdf(seed)
    made = [label for label, report in created if report is not None]
    if stdout:
        stdout.write(
            f"Scrutiny: {members} committee members created; "
            + (f"created {', '.join(made)}." if made else f"all {len(created)} demo reports already there.")
        )
