"""The written notice to the scrutiny chair (reg 10(2)(a)). Called only after the transaction commits."""

from django.urls import reverse

from council import calendar
from council.models import CouncilSettings
from notices.models import Notice
from records import notifications


def chair_notice(notice_pk):
    notice = Notice.objects.select_related("chair").get(pk=notice_pk)
    if notice.chair is None:
        return
    council = CouncilSettings.load()
    earliest = calendar.general_exception_first_lawful_date(notice.published_on, council=council)
    notifications.send(
        f"General exception notice: {notice.title}",
        f"As chair of the {notice.committee_name}, you are given notice that a key decision will be taken "
        "without 28 clear days' notice in the Forward Plan (regulation 10 of the Local Authorities "
        "(Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012).\n\n"
        f"Matter to be decided: {notice.title}\n"
        f"Decision maker: {notice.decision_maker_name}\n\n"
        f"Why 28 days' notice is impracticable:\n{notice.reasons}\n\n"
        f"The decision cannot be taken before {earliest:%-d %B %Y}.\n\n"
        f"The public notice: {notifications.link(reverse('notices:detail', kwargs={'pk': notice.pk}))}",
        [notice.chair.email],
    )
