"""Sign-off codes print on one line in the PDFs, so a code copied from a PDF is whole (issue #10, part 4).

Read back with pdfplumber, line by line as the page lays them out: each code of the demo's
published record (COD02 21/22) and report (Innovate Team CYPFS) must sit within one line.
"""

import io

import pdfplumber
import pytest
from django.core.files.storage import default_storage

from decisions import demo as decision_demo
from decisions.models import Decision
from scrutiny import demo as report_demo
from scrutiny.models import BriefingReport


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(demo_loaded, settings):
    settings.DEBUG = True


def pdf_lines(stored):
    with (
        default_storage.open(stored.public_pdf.name, "rb") as handle,
        pdfplumber.open(io.BytesIO(handle.read())) as pdf,
    ):
        return [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]


def test_report_pdf_keeps_each_sign_off_code_on_one_line(demo):
    report = BriefingReport.objects.get(title=report_demo.SEED_TITLE)
    lines = pdf_lines(report)
    for _slug, code, *_ in report_demo.SIGN_OFFS:
        assert any(code in line for line in lines), (code, [line for line in lines if code[:4] in line])


def test_record_pdf_keeps_each_sign_off_code_on_one_line(demo):
    decision = Decision.objects.get(reference=decision_demo.SEED_REFERENCE)
    codes = [s.code for s in decision.sign_offs.all()]
    assert codes
    lines = pdf_lines(decision)
    for code in codes:
        assert any(code in line for line in lines), (code, [line for line in lines if code[:4] in line])
