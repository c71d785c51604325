"""The public register in Chromium (issue #6): axe finds no WCAG 2.2 AA violation on any public page
of the register, with results, with errors and with none; a visitor searches and filters with
the keyboard alone; the page keeps its meaning at 400% zoom (a 320 CSS pixel wide viewport, WCAG
1.4.10 reflow); and every public page has its own descriptive title."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from council.models import Directorate
from decisions.models import Decision, Status

# The innermost elements wider than the viewport, to say what overflows.
WIDER_THAN_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode() && found.length < 5) {
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    const box = range.getBoundingClientRect();
    const parent = walker.currentNode.parentElement;
    if (box.width && box.right > width + 0.5 && !parent.closest(".govuk-visually-hidden")) {
      const text = walker.currentNode.textContent.trim().slice(0, 50);
      found.push(`${parent.tagName.toLowerCase()}.${parent.className}: ${text}`);
    }
  }
  return found;
}"""

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def register(officer, decision_maker):
    """Thirty published decisions (two pages), one of them the seed's COD02 21/22 in outline."""
    cyp = Directorate.objects.get(code="CYP")
    made = []
    for n in range(1, 31):
        decided = datetime.date(2021, 4, 1) + datetime.timedelta(days=n * 3)
        made.append(
            Decision.objects.create(
                reference=f"COD{n:02d} 21/22",
                reference_slug=f"cod{n:02d}-21-22",
                status=Status.PUBLISHED,
                author=officer,
                decision_maker=decision_maker,
                decision_maker_name="Alison Botham",
                decision_maker_job_title="Director of Children's Services",
                directorate=cyp,
                title="Direct award for a managed social work service" if n == 2 else f"Highway repairs, phase {n}",
                decision_to_be_taken="To direct award a contract for services to Innovate, to the value of £491,000."
                if n == 2
                else "To award the resurfacing contract.",
                amount=Decimal("491000") if n == 2 else Decimal(1000 * n),
                is_key_decision=False,
                is_urgent=n == 2,
                decided_on=decided,
                published_at=datetime.datetime.combine(decided, datetime.time(9), tzinfo=datetime.UTC),
            )
        )
    return made


def test_register_pages_are_accessible(page, live_server, axe, register):
    page.goto(f"{live_server.url}{reverse('decisions:list')}")
    expect(page).to_have_title("Decisions – Plymouth City Council")
    axe.check("register")
    page.goto(f"{live_server.url}{reverse('decisions:list')}?page=2")
    expect(page).to_have_title("Decisions (page 2 of 2) – Plymouth City Council")
    axe.check("register, page 2")
    page.goto(f"{live_server.url}{reverse('decisions:list')}?q=Innovate")
    expect(page).to_have_title("Search results for “Innovate” – Decisions – Plymouth City Council")
    assert page.locator("mark").first.inner_text() == "Innovate"
    axe.check("search results")
    page.goto(f"{live_server.url}{reverse('decisions:list')}?q=zeppelin")
    axe.check("no results")
    page.goto(f"{live_server.url}{reverse('decisions:list')}?decided_from=31/02/2021&amount_max=lots&urgent=yes")
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("register with errors")
    # The error summary's link takes the keyboard to the field, which keeps what was typed.
    page.get_by_role("link", name="“Decided on or after” must be a real date, for example 17/11/2021").click()
    assert page.evaluate("document.activeElement.id") == "id_decided_from"
    assert page.input_value("#id_decided_from") == "31/02/2021"


def test_search_and_filter_with_the_keyboard_alone(page, live_server, register):
    page.goto(f"{live_server.url}{reverse('decisions:list')}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_q":
            break
    assert page.evaluate("document.activeElement.id") == "id_q"
    page.keyboard.type("Innovate")
    page.keyboard.press("Enter")
    page.wait_for_url("**/decisions/?q=Innovate**")
    assert page.locator("#result-count").inner_text().startswith("1 decision matching")
    # On to the urgent filter by Tab, choose "Yes" with the arrow keys, apply with Enter.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_urgent":
            break
    assert page.evaluate("document.activeElement.id") == "id_urgent"
    page.keyboard.press("ArrowDown")  # Any -> Yes
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Apply filters":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**urgent=yes**")
    assert "q=Innovate" in page.url
    assert page.locator(".app-result").count() == 1
    # Follow the result with the keyboard.
    page.locator(".app-result a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/decisions/cod02-21-22/")


def test_register_keeps_its_meaning_at_400_percent_zoom(page, live_server, register):
    """400% zoom of a 1280px window is a 320 CSS pixel viewport: nothing scrolls sideways, nothing is cut."""
    from scrutiny.models import Status as ReportStatus
    from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory

    report = BriefingReportFactory(state=ReportStatus.PUBLISHED)
    page.set_viewport_size({"width": 320, "height": 640})
    for path in (
        reverse("decisions:list"),
        reverse("decisions:list") + "?q=Innovate&urgent=yes",
        reverse("decisions:list") + "?amount_min=lots",
        reverse("decisions:detail", kwargs={"slug": "cod02-21-22"}),
        reverse("committees:list"),
        reverse("committees:committee", kwargs={"slug": EDUCATION_COMMITTEE}),
        reverse("committees:report", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.pk}),
        reverse("committees:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.meeting_id}),
        reverse("accessibility"),
        "/no-such-page/",
        "/",
    ):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        wide = page.evaluate(WIDER_THAN_VIEWPORT)
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px wide: {wide}"
        assert page.get_by_role("heading", level=1).is_visible()
    page.goto(f"{live_server.url}{reverse('decisions:list')}?q=Innovate")
    assert page.get_by_role("button", name="Search").is_visible()
    assert page.get_by_role("link", name="COD02 21/22: Direct award for a managed social work service").is_visible()


def test_every_public_page_has_a_unique_descriptive_title(page, live_server, register):
    from tests.scrutiny.factories import EDUCATION_COMMITTEE

    paths = [
        "/",
        reverse("decisions:list"),
        reverse("decisions:list") + "?page=2",
        reverse("decisions:list") + "?q=Innovate",
        reverse("decisions:list") + "?urgent=yes",
        reverse("decisions:detail", kwargs={"slug": "cod02-21-22"}),
        reverse("decisions:detail", kwargs={"slug": "cod03-21-22"}),
        reverse("committees:list"),
        reverse("committees:committee", kwargs={"slug": EDUCATION_COMMITTEE}),
        reverse("accessibility"),
    ]
    titles = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        title = page.title()
        assert title.endswith(" – Plymouth City Council") and len(title) > len(" – Plymouth City Council") + 5
        assert title not in titles, f"{path} has the same title as {titles.get(title)}: {title}"
        titles[title] = path
