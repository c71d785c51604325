"""The admin shows notices and never changes them."""

from django.urls import reverse

from notices import services
from tests.notices.factories import general_exception_decision


def test_admin_shows_a_notice_and_refuses_changes_EXEC_6(client, admin_user, democratic_support):
    notice = services.give_general_exception_notice(
        general_exception_decision(), actor=democratic_support, reasons="No time for 28 days."
    )
    client.force_login(admin_user)
    assert notice.title in client.get(reverse("admin:notices_notice_changelist")).content.decode()
    page = client.get(reverse("admin:notices_notice_change", args=[notice.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:notices_notice_add")).status_code == 403
    assert client.post(reverse("admin:notices_notice_delete", args=[notice.pk]), {"post": "yes"}).status_code == 403
