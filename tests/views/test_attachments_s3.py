"""Upload → process → download → delete with STORAGE_BACKEND="s3" against a real
SeaweedFS (tests/storage_server.py): downloads redirect to presigned URLs of the store."""

import urllib.request
import uuid
from datetime import timedelta
from io import BytesIO

import pytest
import sqlalchemy as sa
from PIL import Image

from forum.extensions import db
from forum.models import Attachment
from forum.models.base import utcnow
from forum.services import attachments
from forum.storage import storage
from tests.conftest import post_form
from tests.files import jpeg_with_gps, pdf_with_text
from tests.views.test_attachments import upload


@pytest.fixture
def app_config(tmp_path, seaweedfs) -> dict:
    return {
        "SEARCH_DIR": str(tmp_path / "search"),
        "STORAGE_BACKEND": "s3",
        "S3_ENDPOINT_URL": seaweedfs.endpoint_url,
        "S3_ACCESS_KEY": seaweedfs.access_key,
        "S3_SECRET_KEY": seaweedfs.secret_key,
        "S3_BUCKET": f"maillage-{uuid.uuid4().hex[:10]}",  # created at the first upload
    }


@pytest.fixture
def s3_app(app):
    yield app
    app.extensions["storage"].close()


def fetch(url: str):
    """GET a presigned URL as a browser would: (status, headers, body)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers, response.read()


def test_upload_process_download_and_delete_through_s3(
    s3_app, client, login, make_user, make_report
):
    author = make_user(created_at=utcnow() - timedelta(days=30))
    report = make_report(author, title="Séance 5 à Mende")
    login(author)
    path = f"/reports/{report.id}/attachments"
    assert upload(client, path, "Grille de planning.pdf", pdf_with_text()).status_code == 303
    photo = upload(
        client, path, "groupe.jpg", jpeg_with_gps(), alt="Le groupe", consent="y"
    )  # fmt: skip
    assert photo.status_code == 303
    result = s3_app.test_cli_runner().invoke(args=["attachments", "process"])
    assert "2 fichier(s) traité(s)" in result.output, result.output
    db.session.expire_all()
    rows = {a.filename: a for a in db.session.scalars(sa.select(Attachment))}
    pdf, image = rows["Grille de planning.pdf"], rows["groupe.jpg"]
    assert pdf.status == image.status == "ready"

    # A document: 302 to a presigned URL that serves it as an attachment, under its name.
    download = client.get(f"/attachments/{pdf.id}")
    assert download.status_code == 302
    location = download.headers["Location"]
    assert location.startswith(s3_app.config["S3_ENDPOINT_URL"]) and "Signature=" in location
    status, headers, body = fetch(location)
    assert status == 200 and body == pdf_with_text()
    assert headers["Content-Disposition"].startswith("attachment;")
    assert "Grille de planning.pdf" in headers["Content-Disposition"]
    assert headers["Content-Type"] == "application/pdf"

    # An image variant: a WebP 480 px wide, without the phone's GPS position.
    variant = client.get(f"/attachments/{image.id}/480")
    assert variant.status_code == 302
    status, headers, body = fetch(variant.headers["Location"])
    assert status == 200 and headers["Content-Type"] == "image/webp"
    assert headers["Content-Disposition"].startswith("inline")
    picture = Image.open(BytesIO(body))
    assert picture.format == "WEBP" and picture.width == 480
    assert not picture.getexif().get_ifd(0x8825)

    pdf_id, image_id = pdf.id, image.id
    pdf_keys, image_keys = attachments.stored_keys(pdf), attachments.stored_keys(image)
    assert len(image_keys) == 5  # the full JPEG, 2 widths × (WebP, JPEG)
    assert sorted(storage().keys()) == sorted(pdf_keys + image_keys)

    # Deleting a file removes its objects from the bucket.
    assert (
        post_form(client, f"/attachments/{image_id}/delete", {"confirm": "yes"}).status_code == 303
    )
    assert sorted(storage().keys()) == pdf_keys
    assert post_form(client, f"/attachments/{pdf_id}/delete", {"confirm": "yes"}).status_code == 303
    assert list(storage().keys()) == []
    assert client.get(f"/attachments/{pdf_id}").status_code == 404
    check = s3_app.test_cli_runner().invoke(args=["attachments", "check"])
    assert check.exit_code == 0 and "orphans: 0" in check.output, check.output
