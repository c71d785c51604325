"""Writes each generated record from its slot in the plan: its text, amounts, flags, people and children."""

import datetime
from types import SimpleNamespace

from django.core.management.base import CommandError
from django.utils.text import slugify

from bench.generator import vocabulary as text
from bench.generator.common import (
    CONFLICT_SHARE,
    CONSULTED_SHARE,
    EXEMPT_DOCUMENT_SHARE,
    EXEMPT_PART2_SHARE,
    GENERATED_CODE_BASE,
    INNOVATIVE_SHARE,
    KEY_WARDS_SHARE,
    PAST_SIGN_OFF,
    SIGNED,
    SPECIAL_URGENCY_SHARE,
    URGENT_SHARE,
    Words,
    amounts,
    at,
    authority,
    conflict_answers,
    contract_answers,
    pounds,
    upper_first,
)
from bench.generator.plan_items import plan_item
from council import codes
from council.models import (
    CabinetPortfolio,
    Committee,
    Department,
    Directorate,
    Priority,
    Ward,
)
from decisions import rules_key, services
from decisions.models import (
    Appendix,
    BackgroundPaper,
    CabinetConsultation,
    ChairAgreement,
    Decision,
    KeyDecisionRoute,
    SignOff,
    Status,
)


class World:
    """The organisation data records refer to, loaded once per run."""

    def __init__(self, council, people):
        self.council = council
        self.people = people
        self.directorates = {d.code: d for d in Directorate.objects.all()}
        self.departments = list(Department.objects.filter(on_decision_form=True))
        self.departments_by_slug = {d.slug: d for d in self.departments}
        self.mandatory = [d for d in self.departments if d.mandatory_for_decisions]
        self.portfolios = list(CabinetPortfolio.objects.select_related("member"))
        self.committees = {c.slug: c for c in Committee.objects.select_related("chair")}
        self.priorities = list(Priority.objects.select_related("plan"))
        self.wards = list(Ward.objects.all())
        self.topics = [t for t in text.TOPICS if t["directorate"] in self.directorates] or text.TOPICS
        if not self.committees or not self.priorities or not self.portfolios:
            raise CommandError("The council's committees, priorities and portfolios are missing: run migrate first.")


class Record:
    """One generated record: the Decision and its children, all unsaved; `finish` links them once it has an id."""

    def __init__(self, decision, children):
        self.decision = decision
        self.children = children

    def finish(self, council):
        for row in self.children:
            row.decision_id = self.decision.pk
            if isinstance(row, SignOff):
                row.code = generated_code(row.department, self.decision, row.issued_by, row.issued_at.date(), council)
        return self.children


class Writer:
    """Writes one record from a slot: its text, amounts, flags, people and children."""

    def __init__(self, rng, world):
        self.rng = rng
        self.world = world

    def records(self, slots):
        return [self.record(slot) for slot in slots]

    def record(self, slot):
        rng, world = self.rng, self.world
        status, anchor = slot["status"], slot["anchor"]
        topic = rng.choice(world.topics)
        directorate = world.directorates.get(topic["directorate"]) or rng.choice(list(world.directorates.values()))
        makers = world.people["makers_by_directorate"].get(directorate.pk) or sum(
            world.people["makers_by_directorate"].values(), []
        )
        officers = world.people["officers_by_directorate"].get(directorate.pk) or sum(
            world.people["officers_by_directorate"].values(), []
        )
        maker, author = rng.choice(makers), rng.choice(officers)
        committee = world.committees.get(topic["committee"]) or rng.choice(list(world.committees.values()))
        kind = rng.choices(["contract", "grant", "policy"], [55, 20, 25])[0]

        # 7, 8: the amounts and wards, and the key decision criteria they meet (decisions.rules_key).
        capital, revenue = amounts(rng, topic, kind)
        significant = rng.random() < KEY_WARDS_SHARE
        wards = rng.sample(world.wards, rng.randint(2, 4) if significant else rng.choice([0, 0, 1, 1, 2]))
        answers = SimpleNamespace(
            capital_amount=capital, revenue_amount=revenue, significant_ward_effect=significant, chosen_wards=wards
        )
        rules_key.derive(answers, world.council)
        amount, is_key = answers.amount, answers.is_key_decision
        special_urgency = is_key and rng.random() < SPECIAL_URGENCY_SHARE
        is_urgent = rng.random() < URGENT_SHARE

        provider = rng.choice(topic["providers"])
        words = Words(
            rng,
            topic,
            anchor,
            topic=topic["name"],
            service=rng.choice(topic["service"]),
            provider=provider,
            fund=rng.choice(topic["funds"]),
            amount=pounds(amount) if amount else "no additional cost",
            spend="capital" if capital and not revenue else "revenue",
            job=maker.job_title,
            committee=committee.name,
        )
        title = upper_first(words.fill(rng.choice(text.TITLES[kind])))
        if is_urgent:
            title = f"Urgent Decision: {title}"
        decision_to_be_taken = " ".join(
            [words.fill(rng.choice(text.DECISIONS[kind]))]
            + [words.fill(s) for s in rng.sample(text.DECISION_FOLLOW_UPS, rng.randint(0, 2))]
        )
        reasons = self._paragraphs(words, text.REASON_SENTENCES, rng.randint(3, 5), (2, 4))
        if rng.random() < INNOVATIVE_SHARE:
            reasons += "\n\n" + words.fill(rng.choice(text.INNOVATION_SENTENCES))
        alternatives = "\n".join("- " + words.fill(s) for s in rng.sample(text.ALTERNATIVES, rng.randint(2, 4)))
        financial_implications = self._paragraphs(words, text.FINANCE_SENTENCES, rng.randint(1, 2), (2, 3))
        priority = rng.choice(world.priorities)

        submitted_at = slot["submitted_at"]
        created_at = (submitted_at or at(anchor, rng)) - datetime.timedelta(
            days=rng.randint(1, 20), hours=rng.randint(0, 6)
        )
        decided_on = anchor if status in SIGNED else None
        signed_at = at(anchor, rng, 9, 18) if decided_on else None
        published_at = (
            at(anchor + datetime.timedelta(days=rng.randint(1, 7)), rng, 9, 17) if status == Status.PUBLISHED else None
        )
        updated_at = published_at or signed_at or submitted_at or created_at
        # Everything the record is dated by comes before its decision (DATES-1).
        last_day = anchor

        has_exempt = rng.random() < EXEMPT_PART2_SHARE
        part2 = {}
        if has_exempt:
            paragraph = rng.choice(list(text.EXEMPTION_REASONS))
            part2 = dict(
                part2_title=upper_first(words.fill(rng.choice(text.PART2_TITLES))),
                part2_summary=words.fill(rng.choice(text.PART2_SUMMARIES)),
                part2_paragraphs=[paragraph],
                part2_public_interest_reasoning=text.EXEMPTION_REASONS[paragraph],
                part2_review_on=anchor + datetime.timedelta(days=365),
            )
        conflict = rng.random() < CONFLICT_SHARE
        consulted = rng.random() < CONSULTED_SHARE

        # Drawn in the order they always were, so a seed still makes the same records; the days
        # before the decision its Forward Plan item was first published come where 8b's typed date did.
        original_delegation = rng.choice(["N/A", "N/A", f"Cabinet, {rng.randint(1, 28)} {words['month']}"])
        funding_source = words["fund"][4:] if words["fund"].startswith("the ") else words["fund"]
        plan_days = rng.randint(30, 90) if is_key and not special_urgency else None

        decision = Decision(
            reference=slot.get("reference", ""),
            reference_slug=slugify(slot["reference"].replace("/", "-")) if "reference" in slot else "",
            status=status,
            content_version=1,
            created_at=created_at,
            updated_at=updated_at,
            submitted_at=submitted_at,
            directorate=directorate,
            title=title[:300],
            decision_maker=maker,
            decision_maker_name=maker.display_name if decided_on else "",
            decision_maker_job_title=maker.job_title if decided_on else "",
            author=author,
            author_name=author.display_name,
            author_job_title=author.job_title,
            author_email=author.email,
            author_phone=author.phone,
            decision_to_be_taken=decision_to_be_taken,
            original_delegation=original_delegation,
            **authority(original_delegation),
            **contract_answers(title, kind, provider, amount, words["service"], anchor),
            reasons=reasons,
            alternatives=alternatives,
            financial_implications=financial_implications,
            amount=amount,
            capital_amount=capital,
            revenue_amount=revenue,
            funding_source=funding_source,
            significant_ward_effect=significant,
            is_key_decision=is_key,
            key_capital=answers.key_capital,
            key_revenue=answers.key_revenue,
            key_wards=answers.key_wards,
            # 8b: the route; a Forward Plan route's item is made below and inserted first (run.py).
            key_decision_route=(
                KeyDecisionRoute.SPECIAL_URGENCY if special_urgency else KeyDecisionRoute.FORWARD_PLAN if is_key else ""
            ),
            priority=priority,
            plan_link=words.fill(rng.choice(text.PLAN_LINKS).replace("{priority}", priority.name)),
            environmental_implications=words.fill(rng.choice(text.ENVIRONMENT)),
            is_urgent=is_urgent,
            urgency_reason=words.fill(rng.choice(text.URGENCY)) if is_urgent else "",
            scrutiny_committee=committee if is_urgent or special_urgency else None,
            other_portfolios_affected=consulted,
            **conflict_answers(conflict, maker, provider),
            cmt_member=maker,
            cmt_member_name=maker.display_name if decided_on else "",
            cmt_member_job_title=maker.job_title if decided_on else "",
            cmt_consulted_on=last_day - datetime.timedelta(days=rng.randint(1, 10)),
            has_exempt_information=has_exempt,
            declaration=services.DECLARATION if decided_on else "",
            decided_on=decided_on,
            signed_at=signed_at,
            published_at=published_at,
            **part2,
        )

        if is_key and not special_urgency:
            # EXEC-5: the decision's Forward Plan item, first published 30 to 90 days before it.
            decision.forward_plan_item = plan_item(decision, anchor, plan_days, author, maker, directorate)

        applicable = [
            world.departments_by_slug[slug]
            for slug in topic["departments"]
            if slug in world.departments_by_slug and rng.random() < (0.6 if kind == "contract" else 0.2)
        ]
        appendix_count = rng.choices([0, 1, 2, 3], [25, 35, 28, 12])[0]
        paper_count = rng.choices([0, 1, 2], [45, 40, 15])[0]

        children = self._children(
            decision,
            words=words,
            applicable=applicable,
            wards=wards,
            committee=committee,
            consulted=consulted,
            appendix_count=appendix_count,
            paper_count=paper_count,
            last_day=last_day,
        )
        return Record(decision, children)

    def _paragraphs(self, words, sentences, paragraphs, per_paragraph):
        rng = self.rng
        chosen = rng.sample(sentences, min(len(sentences), paragraphs * per_paragraph[1]))
        out, i = [], 0
        for _ in range(paragraphs):
            n = rng.randint(*per_paragraph)
            out.append(" ".join(words.fill(s) for s in chosen[i : i + n]))
            i += n
        return "\n\n".join(p for p in out if p)

    def _exemption(self, day):
        rng = self.rng
        if rng.random() >= EXEMPT_DOCUMENT_SHARE:
            return {}
        paragraph = rng.choice(list(text.EXEMPTION_REASONS))
        return dict(
            exempt_paragraphs=[paragraph],
            public_interest_reasoning=text.EXEMPTION_REASONS[paragraph],
            exemption_review_on=day + datetime.timedelta(days=rng.choice([180, 365, 730])),
        )

    def _children(self, d, *, words, applicable, wards, committee, consulted, appendix_count, paper_count, last_day):
        """The record's children, without its id (not known yet) and sign-off codes (made from it)."""
        rng, world = self.rng, self.world
        rows = []
        for department in applicable:
            rows.append(Decision.applicable_departments.through(department_id=department.pk))
        rows += [Decision.wards.through(ward_id=ward.pk) for ward in wards]

        # 16: sign-offs. Past sign-off: every required department; in sign-off or withdrawn: some.
        if d.submitted_at:
            required = [*world.mandatory, *applicable]
            if d.status not in PAST_SIGN_OFF:
                required = rng.sample(required, rng.randint(0, len(required) - 1))
            span = max(0, (last_day - d.submitted_at.date()).days - 1)
            for department in required:
                reviewer = rng.choice(world.people["reviewers"][department.pk])
                issued_on = d.submitted_at.date() + datetime.timedelta(days=rng.randint(0, span))
                rows.append(
                    SignOff(
                        department=department,
                        issued_by=reviewer,
                        issued_at=at(issued_on, rng),
                        content_version=1,
                    )
                )

            # 12b: the scrutiny chair's agreement (CALL-2), and special urgency's (EXEC-7).
            kinds = [ChairAgreement.Kind.CALL_IN_WAIVER] if d.is_urgent else []
            if d.special_urgency:
                kinds.append(ChairAgreement.Kind.SPECIAL_URGENCY)
            for kind in kinds:
                chair = committee.chair or rng.choice(world.people["chairs"])
                agreed = d.status in PAST_SIGN_OFF or rng.random() < 0.5
                how = rng.choice([ChairAgreement.How.IN_SYSTEM, ChairAgreement.How.EMAIL])
                rows.append(
                    ChairAgreement(
                        kind=kind,
                        committee=committee,
                        chair=chair,
                        chair_name=chair.display_name,
                        status=ChairAgreement.Outcome.AGREED if agreed else ChairAgreement.Outcome.REQUESTED,
                        how=how if agreed else "",
                        responded_on=(
                            min(last_day, d.submitted_at.date() + datetime.timedelta(days=rng.randint(0, 3)))
                            if agreed
                            else None
                        ),
                        evidence=(
                            f"Email from {chair.display_name} agreeing that the decision is urgent."
                            if agreed and how == ChairAgreement.How.EMAIL
                            else ""
                        ),
                        recorded_by=(
                            rng.choice(world.people["democratic_support"])
                            if agreed and how == ChairAgreement.How.EMAIL and world.people["democratic_support"]
                            else None
                        ),
                        content_version=1,
                    )
                )

        # 13b, 13c: cabinet members consulted.
        if consulted:
            for portfolio in rng.sample(world.portfolios, rng.choice([1, 1, 2])):
                member = (
                    f"{portfolio.member.display_name}, {portfolio}"
                    if portfolio.member
                    else f"{rng.choice(text.COUNCILLORS)}, {portfolio}"
                )
                rows.append(
                    CabinetConsultation(
                        portfolio=portfolio,
                        member_name=member,
                        consulted_on=last_day - datetime.timedelta(days=rng.randint(1, 14)),
                    )
                )

        # 17, 19: appendices and background papers (rows only: no files). S12A-4: only a record that
        # says it holds exempt information (18a) has exempt appendices or papers.
        exempt_parts = d.has_exempt_information
        titles = rng.sample(text.APPENDIX_TITLES, appendix_count)
        for ref, title in zip("ABC", titles, strict=False):
            exemption = self._exemption(last_day) if exempt_parts else {}
            if exemption:
                title = rng.choice(text.EXEMPT_APPENDIX_TITLES)
            rows.append(Appendix(ref=ref, title=title, **exemption))
        for order, template in enumerate(rng.sample(text.BACKGROUND_PAPERS, paper_count), 1):
            title = words.fill(template)
            exemption = self._exemption(last_day) if exempt_parts else {}
            rows.append(BackgroundPaper(title=upper_first(title), order=order, **exemption))
        return rows


def generated_code(department, decision, reviewer, on_date, council):
    """A sign-off code in the department's own shape, numbered from GENERATED_CODE_BASE + the record's id."""
    number = GENERATED_CODE_BASE + decision.pk
    if department.code_source == Department.CodeSource.TYPED:
        return f"{department.slug[:3].upper()}/G{number}"
    values = codes.values_for(
        seq=number,
        municipal_year=council.municipal_year(on_date),
        on_date=on_date,
        initials=reviewer.code_initials,
        directorate=decision.directorate.code if decision.directorate else "",
    )
    code = codes.render(department.code_format, **values)
    if "{seq" not in department.code_format:
        code = f"{code}-G{number}"
    return code
