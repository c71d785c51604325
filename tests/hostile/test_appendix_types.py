"""An appendix is served as the type its content is (checked at upload from its first bytes and its
extension), never the type the uploading browser declared; a declared type that is not what the
file is, is refused at upload with an error on the field."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions.forms import AppendixForm
from decisions.models import Status
from tests.decisions.factories import DecisionFactory, advance

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _data(**extra):
    return {"appendix-ref": "A", "appendix-title": "Business case", **extra}


@pytest.mark.parametrize("declared", ["text/html", "image/svg+xml", "application/javascript", "text/plain"])
def test_appendix_whose_declared_type_is_not_its_content_is_refused(declared):
    upload = SimpleUploadedFile("case.pdf", b"%PDF-1.7\nbody", content_type=declared)
    form = AppendixForm(_data(), {"appendix-file": upload}, decision=DecisionFactory())
    assert not form.is_valid()
    assert [e.code for e in form.errors.as_data()["file"]] == ["declared_type"]
    assert "is not the kind of file its name says" in form.errors["file"][0]


@pytest.mark.parametrize(
    ("name", "content", "declared", "stored"),
    [
        ("case.pdf", b"%PDF-1.7", "application/octet-stream", "application/pdf"),
        ("case.docx", b"PK\x03\x04rest", "application/zip", DOCX),
        ("case.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "", "application/msword"),
    ],
)
def test_appendix_is_stored_with_the_type_its_content_is(name, content, declared, stored):
    upload = SimpleUploadedFile(name, content, content_type=declared)
    form = AppendixForm(_data(), {"appendix-file": upload}, decision=DecisionFactory())
    assert form.is_valid(), form.errors
    assert form.save_values().content_type == stored


def test_appendix_stored_with_a_browser_type_is_served_as_what_it_is(client, officer):
    decision = DecisionFactory()
    appendix = decision.appendices.create(
        ref="A",
        title="Business case",
        file=SimpleUploadedFile("case.pdf", b"%PDF-1.7\nbody"),
        original_filename="case.pdf",
        content_type="text/html",  # as an upload before this check could have stored it
    )
    client.force_login(officer)
    staff = client.get(reverse("decisions:appendix-download", kwargs={"pk": decision.pk, "child": appendix.pk}))
    assert staff["Content-Type"] == "application/pdf"
    advance(decision, to=Status.PUBLISHED)
    client.logout()
    public = client.get(reverse("decisions:public-appendix", kwargs={"slug": decision.reference_slug, "ref": "A"}))
    assert public.status_code == 200 and public["Content-Type"] == "application/pdf"
