"""Demo decision records: the seed record COD02 21/22, and three records that fill every role's queue.

Loaded by `manage.py load_demo` after `council.demo` has made the demo people. Idempotent: each
record is looked up first (COD02 21/22 by its reference, the others by author and title), and
nothing that exists is made again.

COD02 21/22 was decided on 1 July 2021, before this system existed, so it is an import of history:
its content, sign-offs, chair's agreement, consultation and events are written through the ORM,
content first and the decided status last (a decided record is frozen). It keeps the seed's own
inconsistency: the chair agreed, and the cabinet and CMT members were consulted, after the date of
decision, so the record shows DATES-1 warnings. The other three records are made through the
services, as their people would, in the current municipal year.
"""

import datetime
from decimal import Decimal
from pathlib import Path

from council.demo import EDUCATION_COMMITTEE
from council.demo_history import History, attach_pdf, loading, local, raise_counters
from council.models import CabinetPortfolio, Committee, CouncilSettings, Department, Directorate, Priority
from decisions import documents, services
from decisions.contract import ProcurementRoute
from decisions.demo_current import (  # noqa: F401 - the titles are part of this module's interface
    DRAFT_TITLE,
    EXEMPT_TITLE,
    URGENT_TITLE,
    load_draft,
    load_exempt_awaiting_decision,
    load_urgent_in_sign_off,
)
from decisions.models import (
    Appendix,
    Authorisation,
    CabinetConsultation,
    ChairAgreement,
    Decision,
    Event,
    GeneralAuthorisationEffect,
    SignOff,
    Status,
)
from decisions.workflow import WORKFLOW, Action
from records.demo_seed import seed_values

# Section 20 as the seed record words it (the service's declaration, plus the record's last sentence).
SEED_DECLARATION = services.DECLARATION + " For further details please see the EIA attached."

# The seed document's contents as the council published it (data: seed/cod02-21-22.json).
SEED = seed_values(Decision, Path(__file__).with_name("seed") / "cod02-21-22.json")
SEED_REFERENCE = SEED["reference"]

SEED_DECIDED_ON = datetime.date(2021, 7, 1)
SEED_CHAIR_AGREED_ON = datetime.date(2021, 7, 14)
SEED_CONSULTED_ON = datetime.date(2021, 7, 9)
SEED_EVIDENCE = (
    "Recorded from the signed decision form COD02 21/22, section 12b: “Councillor Laing (agreed via email)”, "
    "dated 14 July 2021."
)

# department slug, code, issued by, issued at (Plymouth time)
SEED_SIGN_OFFS = [
    ("democratic-support", "DS20 21/22", "sam.okafor", (2021, 6, 30, 11, 0)),
    ("finance", "djn.21.22.53", "dan.norris", (2021, 6, 30, 14, 0)),
    ("legal", "MS/36955", "tara.reid", (2021, 6, 30, 16, 0)),
    ("human-resources", "721KAB", "kim.bright", (2021, 7, 1, 9, 0)),
    ("procurement", "PB/CYP/006/ED/0721", "erin.doyle", (2021, 7, 1, 9, 30)),
]

SEED_APPENDICES = [
    ("A", "EXECUTIVE decision - Business Case. Direct Award for Managed Social Work Team for 6 months"),
    ("B", "EIA"),
]

# The seed's numbers, so that codes and references made later in 2021/22 never collide with them.
SEED_COUNTERS = [
    ("COD", 2021, 2),
    ("sign-off:democratic-support", 2021, 20),
    ("sign-off:finance", 2021, 53),
    ("sign-off:procurement", 2021, 6),
]


# — COD02 21/22: an import of history --------------------------------------------------------


def load_seed_record(people):
    """Create COD02 21/22 exactly as the seed records it. Returns it, or None if it was already there."""
    raise_counters(SEED_COUNTERS)
    if Decision.objects.filter(reference=SEED_REFERENCE).exists():
        return None
    jane, alison, sam = people["jane.anstis"], people["alison.botham"], people["sam.okafor"]
    committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
    laing = people["jemima.laing"]
    decision = Decision.objects.create(
        **SEED,
        status=Status.DRAFT,
        directorate=Directorate.objects.get(code="CYP"),
        author=jane,
        author_name=jane.display_name,
        author_job_title=jane.job_title,
        author_email=jane.email,
        author_phone=jane.phone,
        decision_maker=alison,
        decision_maker_name=alison.display_name,
        decision_maker_job_title=alison.job_title,
        # 4c (OLGB-1) postdates the council's form; the seed answers it all the same: 4b names no delegating
        # decision (N/A), so the officer acted under the general scheme of delegation, and 4a awards a
        # £491,000 contract.
        authorisation=Authorisation.GENERAL,
        general_authorisation_effects=[GeneralAuthorisationEffect.CONTRACT],
        # 7b (TC-1) postdates the form too; the seed answers it from its own words: 4a awards Innovate a
        # £491,000 contract by direct award (5: a negotiated procedure without prior publication) for
        # 6 months (1), implemented immediately (11) from the date of decision.
        awards_contract=True,
        contract_supplier="Innovate",
        contract_description="A managed social work service in Children's Social Work, CYPFS, for 6 months.",
        contract_value=Decimal("491000"),
        contract_starts_on=SEED_DECIDED_ON,
        contract_ends_on=datetime.date(2021, 12, 31),
        contract_procurement=ProcurementRoute.DIRECT,
        cmt_member=alison,
        cmt_member_name=alison.display_name,
        cmt_member_job_title=alison.job_title,
        priority=Priority.objects.get(short_name="Caring", plan__name="Corporate Plan"),
        scrutiny_committee=committee,
        submitted_at=local(2021, 6, 29, 10, 0),
    )
    Decision.objects.filter(pk=decision.pk).update(created_at=local(2021, 6, 28, 9, 30))
    decision.applicable_departments.set(Department.objects.filter(slug__in=["human-resources", "procurement"]))

    portfolio = CabinetPortfolio.objects.get(title="Education, Skills, Children and Young People")
    CabinetConsultation.objects.create(
        decision=decision,
        portfolio=portfolio,
        member_name=portfolio.member_and_title,
        consulted_on=SEED_CONSULTED_ON,
    )
    agreement = ChairAgreement.objects.create(
        decision=decision,
        kind=ChairAgreement.Kind.CALL_IN_WAIVER,
        committee=committee,
        chair=laing,
        chair_name=laing.display_name,
        status=ChairAgreement.Outcome.AGREED,
        how=ChairAgreement.How.EMAIL,
        responded_on=SEED_CHAIR_AGREED_ON,
        evidence=SEED_EVIDENCE,
        recorded_by=sam,
        content_version=1,
    )
    history = History(decision, "decision", event_model=Event, sign_off_model=SignOff, people=people)
    history.sign_offs(SEED_SIGN_OFFS)
    for ref, title in SEED_APPENDICES:
        appendix = Appendix(decision=decision, ref=ref, title=title)
        attach_pdf(appendix, SEED_REFERENCE)
        appendix.save()

    imported = "History imported from the signed record COD02 21/22, which was decided before this system was used."
    asked = f"{agreement.get_kind_display()}: asked {laing.display_name}"
    # The seed dates the chair's agreement after the date of decision; the history keeps that order.
    agreed = f"{agreement.display} on 14 July 2021: {SEED_EVIDENCE}"
    history.events(
        [
            ((2021, 6, 28, 9, 30), "jane.anstis", Action.CREATE, imported),
            ((2021, 6, 29, 10, 0), "jane.anstis", Action.SUBMIT),
            ((2021, 6, 29, 10, 0), "jane.anstis", Action.REQUEST_AGREEMENT, asked),
            *history.sign_off_rows(SEED_SIGN_OFFS, action=Action.ISSUE_SIGN_OFF),
            ((2021, 7, 1, 10, 0), "sam.okafor", Action.SEND_TO_DECISION_MAKER, "Every sign-off is current"),
            ((2021, 7, 1, 15, 0), "alison.botham", Action.SIGN),
            ((2021, 7, 14, 12, 0), "sam.okafor", Action.RECORD_AGREEMENT, agreed),
            ((2021, 7, 15, 10, 0), "sam.okafor", Action.PUBLISH),
        ],
        workflow=WORKFLOW,
    )

    # Content first, then the status that freezes it.
    decision.status = Status.PUBLISHED
    decision.decided_on = SEED_DECIDED_ON
    decision.signed_at = local(2021, 7, 1, 15, 0)
    decision.declaration = SEED_DECLARATION
    decision.published_at = local(2021, 7, 15, 10, 0)
    decision.save()
    return decision


# — the loader ----------------------------------------------------------------------------------


def load(stdout=None):
    with loading("demo decision records") as cast:
        committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
        CouncilSettings.load()
        created = [
            ("COD02 21/22, published", load_seed_record(cast)),
            ("a draft", load_draft(cast)),
            ("an urgent record in sign-off", load_urgent_in_sign_off(cast, committee)),
            ("an exempt record awaiting decision", load_exempt_awaiting_decision(cast, committee)),
        ]
    # The published seed record has its stored public PDF, as publishing would have made it.
    documents.store_public_pdf(Decision.objects.get(reference=SEED_REFERENCE))
    made = [label for label, record in created if record is not None]
    if stdout:
        if made:
            stdout.write(f"Decision records: created {', '.join(made)}; {len(created) - len(made)} already there.")
        else:
            stdout.write(f"Decision records: all {len(created)} demo records already there.")
