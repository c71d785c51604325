"""Private files on S3-compatible object storage, against a real S3 server (moto's, on the loopback).

The bucket is private: a published record's PDF lands in it without any public grant, and the
public reads it only through the app's view (EXEC-14), never from the bucket.
"""

import hashlib
import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions import services
from decisions.models import Decision, Status
from tests.decisions.factories import Cast, DecisionFactory
from tests.services import moto_s3

BUCKET = "council-decisions-private"
KEYS = {"access_key": "test-access-key", "secret_key": "test-secret-key"}
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture
def s3_storage(settings):
    with moto_s3() as endpoint:
        client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2", **_aws(KEYS))
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "endpoint_url": endpoint,
                    "region_name": "eu-west-2",
                    "default_acl": "private",
                    "querystring_auth": True,
                    "file_overwrite": False,
                    **KEYS,
                },
            },
        }
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        yield client, endpoint


def _aws(keys):
    return {"aws_access_key_id": keys["access_key"], "aws_secret_access_key": keys["secret_key"]}


def _is_public(client, key):
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def test_published_pdf_is_stored_privately_in_the_bucket_and_served_by_the_app_EXEC_14(
    db, client, s3_storage, django_capture_on_commit_callbacks
):
    s3, endpoint = s3_storage
    cast = Cast()
    record = DecisionFactory(cast=cast, state=Status.DECIDED)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_decision(record, actor=cast.democratic_support)
    record = Decision.objects.get(pk=record.pk)
    key = record.public_pdf.name
    assert key == f"documents/decisions/{record.reference_slug.upper()}.pdf"

    in_bucket = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert hashlib.sha256(in_bucket).hexdigest() == record.public_pdf_sha256
    assert not _is_public(s3, key)

    response = client.get(reverse("decisions:pdf", kwargs={"slug": record.reference_slug}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == in_bucket

    # No credentials, straight at the bucket: refused (the server checks signatures here).
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{endpoint}/{BUCKET}/{key}", timeout=5)
    assert refused.value.code == 403


def test_appendix_is_uploaded_to_the_bucket_and_downloaded_through_the_permission_check(db, client, s3_storage):
    s3, _ = s3_storage
    cast = Cast()
    draft = DecisionFactory(cast=cast)
    client.force_login(draft.author)
    upload = SimpleUploadedFile("Business case.pdf", b"%PDF-1.7\nconfidential", content_type="application/pdf")
    response = client.post(
        reverse("decisions:appendix-add", args=[draft.pk]),
        {"appendix-ref": "A", "appendix-title": "Business case", "appendix-file": upload},
    )
    assert response.status_code == 302
    appendix = draft.appendices.get()
    assert s3.get_object(Bucket=BUCKET, Key=appendix.file.name)["Body"].read() == b"%PDF-1.7\nconfidential"
    assert not _is_public(s3, appendix.file.name)
    download = client.get(reverse("decisions:appendix-download", args=[draft.pk, appendix.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7\nconfidential"
    client.force_login(cast.other_officer)
    assert client.get(reverse("decisions:appendix-download", args=[draft.pk, appendix.pk])).status_code == 403
