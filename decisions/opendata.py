"""A published decision as open data: the one public representation the CSV and JSON downloads,
the Atom feed and the JSON API all use, so they can never disagree about what is public.

Only what the public record page shows is here (S12A-4): of a Part II briefing report, its title
and the paragraphs it is exempt under; of an exempt appendix or background paper, its title and
the "Not for publication" text; never exempt text, public-interest reasoning or review dates.
Dates are ISO 8601, amounts are numbers (pounds), links are absolute.

`FIELDS` names and describes every flat field, in order, as `council.opendata` says ("?": may be
null): the CSV's columns, the JSON download's keys and the OpenAPI schema's properties
(api/openapi_schemas.py) come from it.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from callin.models import CallInEvent
from callin.models import Status as CallInStatus
from council.opendata import LICENCE_NAME, LICENCE_URL, absolute, iso  # noqa: F401 - part of this module's interface
from decisions import opendata_contracts
from decisions.models import Appendix, BackgroundPaper, Decision, GeneralAuthorisationEffect, SignOff
from decisions.rules_callin import call_in_status

# name -> (JSON type, description)
FIELDS = {
    "reference": ("string", "The council's reference, e.g. COD02 21/22. Never changes."),
    "id": ("string", "Stable identifier: the reference as it appears in the record's address, e.g. cod02-21-22."),
    "url": ("string", "The record's page."),
    "pdf_url": ("string", "The record as a PDF, in the council's form."),
    "title": ("string", "1. Title of decision."),
    "directorate": ("string", "The directorate the decision belongs to."),
    "directorate_code": ("string", "The directorate's code, as the `directorate` filter takes it."),
    "decision_maker": ("string", "2. Decision maker: name, as on the day of the decision."),
    "decision_maker_job_title": ("string", "2. Decision maker's job title, as on the day of the decision."),
    "decision_maker_id": ("integer?", "The decision maker's number, as the `decision_maker` filter takes it."),
    "report_author": ("string", "3. Report author."),
    "report_author_job_title": ("string", "3. Report author's job title."),
    "decided_on": ("date?", "20. Date of decision."),
    "published_at": ("date-time?", "When Democratic Support published the record."),
    "decision": ("string", "4a. Decision to be taken."),
    "original_delegation": ("string", "4b. The executive decision or committee meeting that delegated the decision."),
    "authorisation": (
        "string",
        "4c. The authority the decision is taken under (OLGB-1): express (a specific express authorisation), "
        "general (a general authorisation), or empty where the record does not say.",
    ),
    "general_authorisation_effects": (
        "string",
        "4c. Under a general authorisation, what the decision does, separated by '; ': permission (grants a "
        "permission or licence), rights (affects the rights of an individual), contract (awards a contract or "
        "incurs expenditure that materially affects the council's finances).",
    ),
    "reasons": ("string", "5. Reasons for decision."),
    "alternatives": ("string", "6. Alternative options considered and rejected."),
    "financial_implications": ("string", "7. Financial implications."),
    "amount": (
        "number?",
        "7. The larger of `capital_amount` and `revenue_amount` in pounds (what the amount filters and sort "
        "use), or null when neither is given.",
    ),
    "spend_type": ("string", "7. capital, revenue, capital and revenue, none (both £0), or empty."),
    "capital_amount": ("number?", "7. Capital spending or contract commitment in pounds, or null if not given."),
    "revenue_amount": ("number?", "7. Revenue spending or savings in pounds, or null if not given."),
    "funding_source": ("string", "7. Where the money comes from."),
    **opendata_contracts.FIELDS,  # 7b (TC-1)
    "wards": ("string", "8. The wards the decision affects, separated by '; '."),
    "significant_ward_effect": (
        "boolean?",
        "8. Does it have a significant effect on communities living or working in those wards?",
    ),
    "key_decision": ("boolean", "8. Is it a key decision? Worked out from the amounts and wards (EXEC-4)."),
    "key_decision_capital": ("boolean", "8b. Key decision: capital or contract award over the threshold."),
    "key_decision_revenue": ("boolean", "8b. Key decision: revenue over the threshold."),
    "key_decision_wards": ("boolean", "8b. Key decision: significant effect in two or more wards."),
    "forward_plan_published_on": ("date?", "8b. When the key decision's Forward Plan item was first published."),
    "key_decision_route": ("string", "8b. forward_plan, general_exception, special_urgency, or empty when not key."),
    "forward_plan_reference": ("string", "8b. The Forward Plan item's reference, e.g. FP 2026/003, or empty."),
    "special_urgency": ("boolean", "A key decision taken without 28 clear days' notice, with the chair's agreement."),
    "priority": ("string", "9. The Corporate Plan priority it contributes to."),
    "plan_link": ("string", "9. How it contributes to the plan."),
    "environmental_implications": ("string", "10. Environmental implications."),
    "urgent": ("boolean", "11. Is the decision urgent and to be implemented immediately?"),
    "urgency_reason": ("string", "12a. Why it is urgent."),
    "exempt_from_call_in": ("boolean", "The scrutiny chair agreed the urgency: the decision cannot be called in."),
    "subject_to_call_in": (
        "boolean?",
        "CALL-1: can councillors call the decision in for scrutiny? Null for a decision published before "
        "call-in was recorded.",
    ),
    "not_subject_to_call_in_reason": ("string", "Why it is not subject to call-in (e.g. CALL-2), or empty."),
    "call_in_ends_on": ("date?", "CALL-1: the last day a call-in may be asked for (working days after publication)."),
    "effective_from": ("date?", "The day the decision takes effect; null while a call-in holds it."),
    "call_in_state": (
        "string",
        "not_subject, open (the window is running, or ended with no call-in: effective from `effective_from`), "
        "requested, called_in, referred_back, referred_to_council, effective, replaced; empty for a decision "
        "published before call-in was recorded.",
    ),
    "call_in_status": ("string", "The call-in status in words, as the record's page says it today."),
    "called_in": (
        "boolean",
        "Held by a call-in: requested, called in, or referred back or to full council (the `call_in=called_in` "
        "filter).",
    ),
    "reconsiders": ("string?", "The record this changed decision replaces after call-in (its page), when published."),
    "reconsidered_by": (
        "string?",
        "The changed decision that replaced this one after call-in (its page), when published.",
    ),
    "conflict_of_interest": ("boolean", "14. Did the decision maker declare a conflict of interest?"),
    "conflict_details": ("string", "14. The conflict declared."),
    "dispensation_granted": (
        "boolean?",
        "14. Was the member granted a dispensation for the conflict (EXEC-10)? Null when no conflict was declared "
        "or the record does not say.",
    ),
    "dispensation_details": ("string", "14. Who granted the dispensation, when, and what it allows."),
    "sign_off_codes": ("string", "16. Departmental sign-off codes, 'Department: code' separated by '; '."),
    "has_exempt_information": ("boolean", "18a. Is there a confidential (Part II) briefing report?"),
    "exempt_report_title": ("string", "18b. The Part II report's title (its content is not published)."),
    "exempt_report_not_for_publication": ("string", "18b. The Schedule 12A paragraphs it is exempt under."),
    "appendices": ("string", "17. Appendices, 'ref: title' separated by '; ' (exempt ones say so)."),
    "background_papers": ("string", "19. Background papers, separated by '; ' (exempt ones say so)."),
}

# A validated call-in's public part (the API's `call_ins`, the record's page shows the same). Only
# validated call-ins (`CallIn.objects.validated()`): a request still gathering names, withdrawn or
# found not valid is councillors' correspondence, not the council's record, so none of it is public.
CALL_IN_FIELDS = {
    "reference": ("string", "The call-in's reference, e.g. CI 2026/001."),
    "requested_on": ("date", "When councillors asked for the call-in."),
    "validated_on": ("date?", "When Democratic Support found the request valid: the decision was called in."),
    "reasons": ("string", "The councillors' reasons for calling the decision in."),
    "committee": ("string", "The scrutiny committee that considers it."),
    "meeting_on": ("date?", "The date of the committee's meeting that considers it, once scheduled."),
    "meeting_url": ("string?", "That meeting's page."),
    "outcome": ("string", "The committee's outcome: no_further_action, referred_back, referred_to_council, or empty."),
    "outcome_on": ("date?", "The date of the committee's outcome."),
    "concerns": ("string", "The committee's concerns, when it referred the decision back or to full council."),
    "council_outcome": ("string", "Full council's outcome: no_objection, referred_back, or empty."),
    "council_outcome_on": ("date?", "The date of full council's outcome."),
    "reconsideration": ("string", "The decision maker's reconsideration: confirmed, changed, or empty."),
    "reconsidered_on": ("date?", "The date of the reconsideration."),
}


def public_call_ins(decision):
    """The decision's validated call-ins, oldest first (one query)."""
    return list(
        decision.call_ins.validated().select_related("committee", "meeting__committee").order_by("created_at", "pk")
    )


def public_call_in_changes():
    """Call-in events the public saw happen, newest first: every move to or from a state that holds
    the decision or is public (requested, validated, rejected, scheduled, outcomes, reconsideration),
    never a name added to, or the withdrawal of, a request still gathering names."""
    quiet = ["", CallInStatus.GATHERING, CallInStatus.WITHDRAWN]
    return (
        CallInEvent.objects.filter(call_in__decision__status=Decision.PUBLIC_STATUS)
        .exclude(from_status__in=quiet, to_status__in=quiet)
        .order_by("-at", "-pk")
    )


def call_in_data(call_in):
    meeting = call_in.meeting
    meeting_url = None
    if meeting is not None:
        meeting_url = absolute(reverse("committees:meeting", kwargs={"slug": meeting.committee.slug, "pk": meeting.pk}))
    data = {
        "reference": call_in.reference,
        "requested_on": iso(timezone.localdate(call_in.created_at)),
        "validated_on": iso(timezone.localdate(call_in.validated_at) if call_in.validated_at else None),
        "reasons": call_in.reasons,
        "committee": call_in.committee.name if call_in.committee else "",
        "meeting_on": iso(meeting.date if meeting else None),
        "meeting_url": meeting_url,
        "outcome": call_in.outcome,
        "outcome_on": iso(call_in.outcome_on),
        "concerns": call_in.concerns,
        "council_outcome": call_in.council_outcome,
        "council_outcome_on": iso(call_in.council_outcome_on),
        "reconsideration": call_in.reconsideration,
        "reconsidered_on": iso(call_in.reconsidered_on),
    }
    assert list(data) == list(CALL_IN_FIELDS), "call_in_data and CALL_IN_FIELDS must list the same fields"
    return data


def export_queryset(queryset):
    """`queryset` of published decisions, with everything `decision_data` reads: constant queries."""
    return queryset.select_related("decision_maker", "directorate", "priority", "plan_item").prefetch_related(
        Prefetch("sign_offs", SignOff.objects.select_related("department").order_by("department__order", "-issued_at")),
        Prefetch("appendices", Appendix.objects.order_by("ref")),
        Prefetch("background_papers", BackgroundPaper.objects.order_by("order", "pk")),
        "chair_agreements",
        "wards",
        *call_in_prefetches(),
    )


def call_in_prefetches():
    """The records a decision's call-in links to, when public: one query each, however many rows."""
    linked = Decision.objects.filter(status=Decision.PUBLIC_STATUS).only(
        "pk", "reference", "reference_slug", "title", "reconsiders_id"
    )
    return [
        Prefetch("reconsiders", linked, to_attr="public_reconsiders"),
        Prefetch("reconsidered_by", linked, to_attr="public_reconsidered_by"),
    ]


def _record_url(decision):
    return absolute(reverse("decisions:detail", kwargs={"slug": decision.reference_slug})) if decision else None


def public_reconsiders(decision):
    """The published original this changed decision replaces, or None (`call_in_prefetches` or a query)."""
    if hasattr(decision, "public_reconsiders"):
        return decision.public_reconsiders
    if decision.reconsiders_id is None:
        return None
    return Decision.objects.filter(pk=decision.reconsiders_id, status=Decision.PUBLIC_STATUS).first()


def public_reconsidered_by(decision):
    """The published changed decision that replaced this one, or None."""
    if hasattr(decision, "public_reconsidered_by"):
        found = decision.public_reconsidered_by
    else:
        found = list(Decision.objects.filter(reconsiders=decision, status=Decision.PUBLIC_STATUS)[:1])
    return found[0] if found else None


def _current_sign_offs(decision):
    latest = {}
    for sign_off in decision.sign_offs.all():
        if sign_off.content_version == decision.content_version:
            latest.setdefault(sign_off.department_id, sign_off)
    return list(latest.values())


def _appendix_text(item):
    text = f"{item.ref}: {item.title}"
    return f"{text} ({item.not_for_publication})" if item.is_exempt else text


def _paper_text(item):
    return f"{item.title} ({item.not_for_publication})" if item.is_exempt else item.title


def _plan_item(d):
    """8b's Forward Plan item, once it has been on the public plan (a draft proposal is not public)."""
    item = d.plan_item if d.is_key_decision else None
    return item if item is not None and item.first_published_at is not None else None


def decision_data(decision: Decision):
    """The flat public fields of a published decision, in `FIELDS` order."""
    d = decision
    maker = d.decision_maker
    status = call_in_status(d, timezone.localdate())
    data = {
        "reference": d.reference,
        "id": d.reference_slug,
        "url": absolute(reverse("decisions:detail", kwargs={"slug": d.reference_slug})),
        "pdf_url": absolute(reverse("decisions:pdf", kwargs={"slug": d.reference_slug})),
        "title": d.title,
        "directorate": d.directorate.name if d.directorate else "",
        "directorate_code": d.directorate.code.lower() if d.directorate else "",
        "decision_maker": d.decision_maker_name or (maker.display_name if maker else ""),
        "decision_maker_job_title": d.decision_maker_job_title or (maker.job_title if maker else ""),
        "decision_maker_id": d.decision_maker_id,
        "report_author": d.author_name,
        "report_author_job_title": d.author_job_title,
        "decided_on": iso(d.decided_on),
        "published_at": iso(d.published_at),
        "decision": d.decision_to_be_taken,
        "original_delegation": d.original_delegation,
        "authorisation": d.authorisation,
        "general_authorisation_effects": "; ".join(
            value for value, _ in GeneralAuthorisationEffect.choices if value in (d.general_authorisation_effects or ())
        ),
        "reasons": d.reasons,
        "alternatives": d.alternatives,
        "financial_implications": d.financial_implications,
        "amount": _number(d.amount),
        "spend_type": d.spend_type,
        "capital_amount": _number(d.capital_amount),
        "revenue_amount": _number(d.revenue_amount),
        "funding_source": d.funding_source,
        **opendata_contracts.data(d),
        "wards": "; ".join(w.name for w in d.wards.all()),
        "significant_ward_effect": d.significant_ward_effect,
        "key_decision": d.is_key_decision,
        "key_decision_capital": d.key_capital,
        "key_decision_revenue": d.key_revenue,
        "key_decision_wards": d.key_wards,
        "forward_plan_published_on": iso(_plan_item(d).first_published_on if _plan_item(d) else None),
        "key_decision_route": d.key_decision_route if d.is_key_decision else "",
        "forward_plan_reference": _plan_item(d).reference if _plan_item(d) else "",
        "special_urgency": d.special_urgency,
        "priority": d.priority.name if d.priority else "",
        "plan_link": d.plan_link,
        "environmental_implications": d.environmental_implications,
        "urgent": d.is_urgent,
        "urgency_reason": d.urgency_reason if d.is_urgent else "",
        "exempt_from_call_in": d.exempt_from_call_in,
        "subject_to_call_in": d.subject_to_call_in,
        "not_subject_to_call_in_reason": d.not_subject_reason,
        "call_in_ends_on": iso(d.call_in_ends_on),
        "effective_from": iso(d.effective_from),
        "call_in_state": d.call_in_state,
        "call_in_status": status.sentence if status else "",
        "called_in": d.is_held,
        "reconsiders": _record_url(public_reconsiders(d)),
        "reconsidered_by": _record_url(public_reconsidered_by(d)),
        "conflict_of_interest": d.conflict_of_interest,
        "conflict_details": d.conflict_details if d.conflict_of_interest else "",
        "dispensation_granted": d.dispensation_granted if d.conflict_of_interest else None,
        "dispensation_details": d.dispensation_details if d.conflict_of_interest and d.dispensation_granted else "",
        "sign_off_codes": "; ".join(f"{s.department.name}: {s.code}" for s in _current_sign_offs(d)),
        "has_exempt_information": d.has_exempt_information,
        "exempt_report_title": d.part2_title if d.has_exempt_information else "",
        "exempt_report_not_for_publication": d.part2_not_for_publication if d.has_exempt_information else "",
        "appendices": "; ".join(_appendix_text(a) for a in d.appendices.all()),
        "background_papers": "; ".join(_paper_text(p) for p in d.background_papers.all()),
    }
    assert list(data) == list(FIELDS), "decision_data and FIELDS must list the same fields in the same order"
    return data


def decision_detail(decision: Decision):
    """The flat fields, with the lists as structured data (the API's single-record view)."""
    data = decision_data(decision)
    slug = decision.reference_slug
    data["sign_offs"] = [{"department": s.department.name, "code": s.code} for s in _current_sign_offs(decision)]
    data["appendix_list"] = [
        {
            "ref": a.ref,
            "title": a.title,
            "exempt": a.is_exempt,
            "not_for_publication": a.not_for_publication,
            "download_url": absolute(reverse("decisions:public-appendix", kwargs={"slug": slug, "ref": a.ref}))
            if a.file and not a.is_exempt
            else None,
        }
        for a in decision.appendices.all()
    ]
    data["background_paper_list"] = [
        {
            "title": p.title,
            "exempt": p.is_exempt,
            "not_for_publication": p.not_for_publication,
            # OLGB-5: numbered as section 19 numbers them.
            "download_url": absolute(reverse("decisions:public-paper", kwargs={"slug": slug, "number": number}))
            if p.file and not p.is_exempt
            else None,
        }
        for number, p in enumerate(decision.background_papers.all(), start=1)
    ]
    data["call_ins"] = [call_in_data(c) for c in public_call_ins(decision)]
    return data


_number = opendata_contracts.number  # pounds as JSON numbers: whole pounds as integers
