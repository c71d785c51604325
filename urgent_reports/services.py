"""Generating a report of urgent decisions to council (EXEC-8), and keeping its PDF's failures.

The report keeps the decisions found when it was generated; its PDF is rendered once by the
worker (`documents.render_report_pdf`), after the transaction commits.
"""

from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from council import pagecache
from urgent_reports import permissions, rules
from urgent_reports.models import UrgentDecisionsReport, UrgentReportEvent


def _enqueue_pdf(report_pk):
    from urgent_reports.documents import render_report_pdf

    render_report_pdf.enqueue(report_pk)


@transaction.atomic
def generate_report(*, actor, period_from, period_to):
    if not permissions.can_generate(actor):
        raise PermissionDenied
    problems = rules.period_problems(period_from, period_to, today=timezone.localdate())
    if problems:
        errors = {}
        for problem in problems:
            errors.setdefault(problem.field, []).append(problem.message)
        raise ValidationError(errors)
    report = UrgentDecisionsReport.objects.create(
        period_from=period_from,
        period_to=period_to,
        generated_by=actor,
        generated_by_name=actor.display_name,
        generated_at=timezone.now(),
    )
    report.decisions.set(rules.special_urgency_decisions(period_from, period_to))
    transaction.on_commit(partial(_enqueue_pdf, report.pk))
    return report


def record_pdf_failure(report, *, error):
    """The worker could not render the PDF: keep why, for Democratic Support's page and "Try again"."""
    UrgentDecisionsReport.objects.filter(pk=report.pk).update(
        public_pdf_error=error, public_pdf_failed_at=timezone.now()
    )


@transaction.atomic
def retry_pdf(report, *, actor):
    if not permissions.can_generate(actor):
        raise PermissionDenied
    locked = UrgentDecisionsReport.objects.select_for_update().get(pk=report.pk)
    if locked.public_pdf_sha256:
        return locked
    locked.public_pdf_error, locked.public_pdf_failed_at = "", None
    locked.save(update_fields=["public_pdf_error", "public_pdf_failed_at"])
    transaction.on_commit(partial(_enqueue_pdf, locked.pk))
    return locked


@transaction.atomic
def issue_report(report, *, actor):
    """EXEC-8: issue the report to the Council; from now on it is public (page, PDF, sitemap).
    Refused while any decision it lists is not yet published, or if it was issued already."""
    if not permissions.can_issue(actor):
        raise PermissionDenied
    locked = UrgentDecisionsReport.objects.select_for_update().get(pk=report.pk)
    problems = rules.issue_problems(locked)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    locked.issued_at, locked.issued_by_name = timezone.now(), actor.display_name
    locked.save(update_fields=["issued_at", "issued_by_name"])
    UrgentReportEvent.objects.create(report=locked, actor=actor, action=UrgentReportEvent.Action.ISSUED)
    pagecache.bump()  # the public list, the sitemap and the report's own page change
    return locked
