"""Pages are valid HTML (the W3C Nu checker finds no errors; scripts/production_check.sh runs it on
every page the production crawl fetches): the mistakes it found, each checked here without Java."""

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from decisions.models import Status
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory

# HTML's "valid global date and time string": seconds at most to the millisecond, then a zone.
VALID_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)$")


@pytest.fixture
def cast(db):
    return Cast()


def ids(response):
    return Counter(re.findall(r'\sid="([^"]+)"', response.content.decode()))


def description(response):
    found = re.findall(r'<meta name="description" content="([^"]*)">', response.content.decode())
    assert len(found) == 1, "one description per page"
    return found[0]


def test_event_history_times_are_valid_html_datetimes(client, cast):
    record = DecisionFactory(cast=cast, urgent=True, state=Status.IN_SIGN_OFF)
    client.force_login(cast.democratic_support)
    page = client.get(reverse("decisions:record", kwargs={"pk": record.pk}))
    stamps = re.findall(r'<time datetime="([^"]+)"', page.content.decode())
    assert stamps, "the history shows when each event happened"
    assert [s for s in stamps if not VALID_DATETIME.match(s)] == []


@pytest.mark.parametrize("app", ["decisions", "scrutiny"])
def test_appendices_task_page_ids_are_unique(client, cast, app):
    if app == "decisions":
        pk = DecisionFactory(cast=cast).pk
    else:
        pk = BriefingReportFactory(cast=cast).pk
    client.force_login(cast.officer)
    page = client.get(reverse(f"{app}:task", kwargs={"pk": pk, "task": "appendices"}))
    assert page.status_code == 200
    assert [i for i, n in ids(page).items() if n > 1] == []


def test_every_public_page_describes_itself(client, cast):
    record = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    report = BriefingReportFactory(cast=cast, state=ReportStatus.PUBLISHED)
    urls = [
        reverse("home"),
        reverse("decisions:list"),
        reverse("decisions:detail", kwargs={"slug": record.reference_slug}),
        reverse("committees:list"),
        reverse("committees:committee", kwargs={"slug": EDUCATION_COMMITTEE}),
        reverse("committees:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.meeting_id}),
        reverse("committees:report", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.pk}),
        reverse("accessibility"),
        reverse("api:docs"),
    ]
    descriptions = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        descriptions[url] = description(response)
    assert all(len(text) > 40 for text in descriptions.values()), descriptions
    assert len(set(descriptions.values())) == len(set(urls)), "each page says what it is, not the default"
    assert record.title in descriptions[urls[2]] and report.title in descriptions[urls[6]]
    # Staff pages keep the default.
    client.force_login(cast.officer)
    assert "Executive decision records and scrutiny briefing reports" in description(client.get(reverse("staff-home")))


VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_public_and_staff_pages_pass_the_w3c_nu_checker(client, cast, tmp_path):
    """The W3C Nu checker (vnu-jar from npm, on Java) finds no error in a page of every kind."""
    if not (VNU_JAR.exists() and shutil.which("java")):
        message = f"The W3C Nu checker needs java and {VNU_JAR} (npm ci)."
        if os.environ.get("REQUIRE_BROWSER", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + " REQUIRE_BROWSER is set, so this is a failure, not a skip.")
        pytest.skip(message)
    record = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    report = BriefingReportFactory(cast=cast, state=ReportStatus.PUBLISHED)
    draft = DecisionFactory(cast=cast, urgent=True, exempt=True, state=Status.IN_SIGN_OFF)
    draft_report = BriefingReportFactory(cast=cast)
    public = [
        reverse("home"),
        reverse("decisions:list") + "?q=road&key_decision=maybe",
        reverse("decisions:detail", kwargs={"slug": record.reference_slug}),
        reverse("committees:committee", kwargs={"slug": EDUCATION_COMMITTEE}),
        reverse("committees:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.meeting_id}),
        reverse("committees:report", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.pk}),
        reverse("api:docs"),
        reverse("login"),
    ]
    editable = DecisionFactory(cast=cast, exempt=True)
    staff = [
        (cast.democratic_support, reverse("staff-home")),
        (cast.democratic_support, reverse("decisions:record", kwargs={"pk": draft.pk})),
        (cast.democratic_support, reverse("scrutiny:report", kwargs={"pk": draft_report.pk})),
        (cast.officer, reverse("decisions:task", kwargs={"pk": editable.pk, "task": "appendices"})),
        (cast.officer, reverse("scrutiny:task", kwargs={"pk": draft_report.pk, "task": "appendices"})),
    ]
    pages = [client.get(url) for url in public]
    for person, url in staff:
        client.force_login(person)
        pages.append(client.get(url))
    urls = public + [url for _, url in staff]
    for n, page in enumerate(pages):
        assert page.status_code == 200, urls[n]
        (tmp_path / f"{n:02d}.html").write_bytes(page.content)
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    names = {f"{n:02d}.html": url for n, url in enumerate(urls)}
    errors = re.sub(r'"file:[^"]*/(\d\d\.html)"', lambda m: names[m.group(1)], checked.stderr)
    assert checked.returncode == 0, errors


def test_every_template_time_element_uses_a_format_html_accepts():
    """`date:'c'` prints microseconds, which HTML's datetime refuses: a template may only use
    the formats listed here (the Nu checker found the PDF-failure banner's)."""
    accepted = {"Y-m-d", "Y-m-d\\TH:i:sO"}
    used = {}
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for fmt in re.findall(r'<time datetime="\{\{[^}|]+\|date:["\']([^"\']+)["\']', path.read_text()):
            used.setdefault(fmt, []).append(path.name)
    assert used, "templates mark times up"
    assert {fmt: names for fmt, names in used.items() if fmt not in accepted} == {}
