"""EXEC-7 (reg 11): who may agree that a key decision cannot reasonably be deferred.

The chair of the relevant overview and scrutiny committee; where there is none, or they are
unable to act, the chair of the council; failing both, the vice-chair of the council. Whoever
agrees must hold the role they are recorded as on the day, each fallback says why those before
could not act, and every special urgency agreement says why the decision cannot wait (the public
notice and the reg 19 report to council print it).
"""

from decisions.models import ChairAgreement
from records.rules import Problem

AgreedAs = ChairAgreement.AgreedAs


def holder(decision, agreed_as, council):
    """Who holds the role `agreed_as` today, for this decision (None when nobody does)."""
    if agreed_as == AgreedAs.SCRUTINY_CHAIR:
        committee = decision.scrutiny_committee
        return committee.chair if committee else None
    if agreed_as == AgreedAs.COUNCIL_CHAIR:
        return council.chair_of_council
    if agreed_as == AgreedAs.COUNCIL_VICE_CHAIR:
        return council.vice_chair_of_council
    return None


NO_CHAIR = "the committee has no chair"
NO_COUNCIL_CHAIR = "no Chair of the Council is recorded"


def first_asked(decision, council):
    """(agreed_as, person, why those before cannot act) of whoever is asked first: the committee's
    chair, or where there is none the Chair of the Council, or failing both the Vice-Chair.
    (None, None, {}) when nobody can be asked."""
    unable = {}
    for agreed_as, why in (
        (AgreedAs.SCRUTINY_CHAIR, ("scrutiny_chair_unable", NO_CHAIR)),
        (AgreedAs.COUNCIL_CHAIR, ("council_chair_unable", NO_COUNCIL_CHAIR)),
        (AgreedAs.COUNCIL_VICE_CHAIR, None),
    ):
        person = holder(decision, agreed_as, council)
        if person is not None:
            return agreed_as, person, unable
        if why:
            unable[why[0]] = why[1]
    return None, None, {}


def agreer_problems(decision, *, agreer, agreed_as, scrutiny_chair_unable, council_chair_unable, reasons, council):
    """What is wrong with recording `agreer` as having agreed special urgency as `agreed_as`."""
    p = []
    if agreed_as not in AgreedAs.values:
        return [Problem("EXEC-7", "agreed_as", "Select who agreed")]
    role = AgreedAs(agreed_as).label
    expected = holder(decision, agreed_as, council)
    if expected is None:
        p.append(Problem("EXEC-7", "agreed_as", f"Nobody is recorded as the {role}: set it before recording"))
    elif agreer is None or agreer.pk != expected.pk:
        who = agreer.display_name if agreer else "Nobody"
        p.append(Problem("EXEC-7", "agreed_as", f"{who} is not the {role}, so cannot agree special urgency as such"))
    if agreed_as != AgreedAs.SCRUTINY_CHAIR and not (scrutiny_chair_unable or "").strip():
        p.append(
            Problem(
                "EXEC-7",
                "scrutiny_chair_unable",
                "Say why the chair of the overview and scrutiny committee could not act",
            )
        )
    if agreed_as == AgreedAs.COUNCIL_VICE_CHAIR and not (council_chair_unable or "").strip():
        p.append(Problem("EXEC-7", "council_chair_unable", "Say why the Chair of the Council could not act"))
    if not (reasons or "").strip():
        p.append(Problem("EXEC-7", "reasons", "Say why the decision cannot reasonably be deferred"))
    return p
