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

from council.opendata import LICENCE_NAME, LICENCE_URL, absolute, iso  # noqa: F401 - part of this module's interface
from decisions.models import Appendix, BackgroundPaper, Decision, SignOff

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
    "conflict_of_interest": ("boolean", "14. Did the decision maker declare a conflict of interest?"),
    "conflict_details": ("string", "14. The conflict and any dispensation."),
    "sign_off_codes": ("string", "16. Departmental sign-off codes, 'Department: code' separated by '; '."),
    "has_exempt_information": ("boolean", "18a. Is there a confidential (Part II) briefing report?"),
    "exempt_report_title": ("string", "18b. The Part II report's title (its content is not published)."),
    "exempt_report_not_for_publication": ("string", "18b. The Schedule 12A paragraphs it is exempt under."),
    "appendices": ("string", "17. Appendices, 'ref: title' separated by '; ' (exempt ones say so)."),
    "background_papers": ("string", "19. Background papers, separated by '; ' (exempt ones say so)."),
}


def export_queryset(queryset):
    """`queryset` of published decisions, with everything `decision_data` reads: constant queries."""
    return queryset.select_related("decision_maker", "directorate", "priority", "plan_item").prefetch_related(
        Prefetch("sign_offs", SignOff.objects.select_related("department").order_by("department__order", "-issued_at")),
        Prefetch("appendices", Appendix.objects.order_by("ref")),
        Prefetch("background_papers", BackgroundPaper.objects.order_by("order", "pk")),
        "chair_agreements",
        "wards",
    )


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
        "reasons": d.reasons,
        "alternatives": d.alternatives,
        "financial_implications": d.financial_implications,
        "amount": _number(d.amount),
        "spend_type": d.spend_type,
        "capital_amount": _number(d.capital_amount),
        "revenue_amount": _number(d.revenue_amount),
        "funding_source": d.funding_source,
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
        "conflict_of_interest": d.conflict_of_interest,
        "conflict_details": d.conflict_details if d.conflict_of_interest else "",
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
        {"title": p.title, "exempt": p.is_exempt, "not_for_publication": p.not_for_publication}
        for p in decision.background_papers.all()
    ]
    return data


def _number(amount):
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


# OWASP's CSV injection guidance: a cell a spreadsheet would read as a formula starts with one of
# these; a leading single quote makes it text. Only text is touched (amounts stay numbers), and
# only in CSV: the JSON carries the words as they are.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """`value` as a CSV cell no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
