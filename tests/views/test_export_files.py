"""The RGPD export with the member's files: a ZIP of the JSON and a fichiers/ folder
holding each file as the site serves it (issue 14 point 4)."""

import json
import zipfile
from datetime import timedelta
from io import BytesIO

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

OLD = utcnow() - timedelta(days=30)


def rows_by_name() -> dict[str, Attachment]:
    db.session.expire_all()
    return {a.filename: a for a in db.session.scalars(sa.select(Attachment))}


def test_the_export_is_a_zip_of_my_data_and_my_files_as_served(
    client, login, make_user, make_report
):
    author = make_user(display_name="Solène Riaublanc", created_at=OLD)
    other = make_user(display_name="Bob Durand", created_at=OLD)
    report = make_report(author, title="Séance 2 à Florac")
    elsewhere = make_report(other, title="Séance de Bob")
    login(other)
    upload(client, f"/reports/{elsewhere.id}/attachments", "bob.pdf", pdf_with_text("Bob"))
    post_form(client, "/auth/logout", {})
    login(author)
    path = f"/reports/{report.id}/attachments"
    upload(client, path, "IMG_2041.HEIC.jpeg", jpeg_with_gps(800, 600), alt="Le paperboard",
           section="worked", consent="y")  # fmt: skip
    upload(client, path, "Grille de planning.pdf", pdf_with_text())
    attachments.process_pending()
    upload(client, path, "en-attente.csv", b"jour;heure\nlundi;9h\n")  # not processed yet
    files = rows_by_name()
    photo, pdf = files["IMG_2041.HEIC.jpg"], files["Grille de planning.pdf"]
    served_photo = client.get(f"/attachments/{photo.id}").data

    response = client.get("/account/export.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert ".zip" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    archive = zipfile.ZipFile(BytesIO(response.data))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == [
        "LISEZMOI.txt",
        f"fichiers/{photo.id}-IMG_2041.HEIC.jpg",
        f"fichiers/{pdf.id}-Grille de planning.pdf",
        "mes-donnees.json",
    ]
    data = json.loads(archive.read("mes-donnees.json"))
    assert data["account"]["display_name"] == "Solène Riaublanc"
    entries = {e["filename"]: e for e in data["attachments"]}
    assert set(entries) == {"IMG_2041.HEIC.jpg", "Grille de planning.pdf", "en-attente.csv"}
    assert entries["IMG_2041.HEIC.jpg"]["section"] == "worked"
    assert entries["IMG_2041.HEIC.jpg"]["alt"] == "Le paperboard"
    assert entries["Grille de planning.pdf"]["report_id"] == report.id
    assert entries["en-attente.csv"]["status"] == "pending"
    assert entries["en-attente.csv"]["file"] is None
    # The files as the site serves them: the document as sent, the photo re-encoded.
    assert archive.read(entries["Grille de planning.pdf"]["file"]) == pdf_with_text()
    exported_photo = archive.read(entries["IMG_2041.HEIC.jpg"]["file"])
    assert exported_photo == served_photo
    image = Image.open(BytesIO(exported_photo))
    assert image.format == "JPEG" and not image.getexif().get_ifd(0x8825)
    assert "fichiers" in archive.read("LISEZMOI.txt").decode()
    assert b"bob.pdf" not in response.data

    # The JSON alone stays where scripts read it, with the files' metadata.
    alone = client.get("/account/export").get_json()
    assert {e["filename"] for e in alone["attachments"]} == set(entries)

    page = client.get("/account").get_data(as_text=True)
    assert 'href="/account/export.zip"' in page and "sans leur position GPS" in page


def test_a_lost_stored_file_is_named_not_fatal(client, login, make_user, make_report):
    author = make_user(created_at=OLD)
    report = make_report(author)
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    attachments.process_pending()
    storage().delete(rows_by_name()["grille.pdf"].file_key)
    response = client.get("/account/export.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(BytesIO(response.data))
    assert sorted(archive.namelist()) == ["LISEZMOI.txt", "mes-donnees.json"]
    [entry] = json.loads(archive.read("mes-donnees.json"))["attachments"]
    assert entry["file"] is None and entry["file_missing"] is True


def test_the_zip_export_needs_login(client):
    response = client.get("/account/export.zip")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
