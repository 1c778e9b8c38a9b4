"""Files refused, as their uploader meets them (a tester's findings): a decompression bomb
or a truncated photo is refused at once, in French, nothing stored; a file the media
worker refuses later is listed apart, with its reason, and counts neither in « N fichiers
joints » nor against the limit per report or the member's space; deleting a file asks
first. Test client, real storage folder, Pillow, the real worker function."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import Attachment
from forum.models.base import utcnow
from forum.services import attachments
from forum.storage import storage
from tests.conftest import csrf_token, post_form
from tests.files import BROKEN_HEIC, jpeg_with_gps, pdf_with_text
from tests.media import files

OLD = utcnow() - timedelta(days=30)


@pytest.fixture
def app_config(tmp_path) -> dict:
    return {"SEARCH_DIR": str(tmp_path / "search"), "STORAGE_DIR": str(tmp_path / "files")}


@pytest.fixture
def author(make_user):
    return make_user(display_name="Solène Riaublanc", created_at=OLD)


@pytest.fixture
def report(author, make_report):
    return make_report(author, title="Séance 2 à Florac : le photolangage")


def upload(client, path, name, data, **fields):
    token = csrf_token(client, path)
    form = {"csrf_token": token, "file": (BytesIO(data), name), **fields}
    return client.post(path, data=form, content_type="multipart/form-data")


def _text(response) -> str:
    return response.get_data(as_text=True).replace("&#39;", "'")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "bombe.png",
            files.png_declaring(30_000, 30_000),
            "pixels au plus) : réduisez-la, puis réessayez.",
        ),
        (
            "coupee.jpg",
            jpeg_with_gps(1600, 1200)[:6000],
            "L'image est endommagée ou incomplète : elle n'a pas pu être lue.",
        ),
        (
            "coupee.png",
            files.png(size=(500, 500), mode="RGB")[:-30],
            "L'image est endommagée ou incomplète",
        ),
    ],
)
def test_what_the_worker_would_refuse_is_refused_at_upload(
    client, login, author, report, name, data, message
):
    login(author)
    path = f"/reports/{report.id}/attachments"
    response = upload(client, path, name, data, alt="Le tableau", consent="y")
    assert response.status_code == 400
    page = _text(response)
    assert message in page and "Le fichier n’a pas été ajouté" in page
    assert 'value="Le tableau"' in page  # what was typed is kept
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0
    assert list(storage().keys("")) == []


def test_a_whole_photo_still_passes(client, login, author, report):
    login(author)
    path = f"/reports/{report.id}/attachments"
    response = upload(client, path, "photo.jpg", jpeg_with_gps(), alt="Le tableau", consent="y")
    assert response.status_code == 303


def test_files_refused_later_are_listed_apart_and_count_for_nothing(
    app, client, login, author, report
):
    app.config["ATTACHMENTS_PER_REPORT"] = 2
    login(author)
    path = f"/reports/{report.id}/attachments"
    for n in (1, 2):
        response = upload(client, path, f"IMG_{n}.heic", BROKEN_HEIC, alt="Photo", consent="y")
        assert response.status_code == 303
    attachments.process_pending()
    db.session.expire_all()
    assert {a.status for a in db.session.scalars(sa.select(Attachment))} == {"failed"}
    for name in ("a.pdf", "b.pdf"):  # the refused ones leave room for two
        assert upload(client, path, name, pdf_with_text()).status_code == 303
    third = upload(client, path, "c.pdf", pdf_with_text())
    assert third.status_code == 400 and "2 fichiers au plus" in _text(third)

    page = _text(client.get(path))
    assert "2 fichiers joints" in page and "4 fichiers joints" not in page
    refused = page[page.index('id="refused-title"') :]
    assert "2 fichiers refusés" in refused and "IMG_1.heic" in refused
    assert "refusé :" in refused and "ne comptent ni dans le nombre de fichiers" in refused
    assert "a.pdf" not in refused
    used = attachments.human_size(2 * len(pdf_with_text()))
    assert f"Votre espace : {used} utilisés" in page


def test_deleting_a_file_asks_first_without_javascript(client, login, author, report):
    login(author)
    path = f"/reports/{report.id}/attachments"
    upload(client, path, "grille.pdf", pdf_with_text())
    row_id = db.session.scalar(sa.select(Attachment.id))
    page = _text(client.get(path))
    link = re.search(r'<a class="button small secondary" href="([^"]+)">Supprimer', page)
    assert link and link.group(1) == f"/attachments/{row_id}/delete"
    asked = client.get(link.group(1))
    assert asked.status_code == 200
    text = _text(asked)
    assert "Supprimer ce fichier ?" in text and "grille.pdf" in text
    assert "Oui, supprimer" in text and f'href="{path}"' in text  # the way back
    # A POST without the confirmation (an old page, a double click) only asks too.
    assert "Supprimer ce fichier ?" in _text(post_form(client, link.group(1), {}))
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 1
    done = post_form(client, link.group(1), {"confirm": "yes"})
    assert done.status_code == 303 and done.headers["Location"].endswith(path)
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0


def test_sending_no_file_asks_to_choose_one(client, login, author, report):
    login(author)
    path = f"/reports/{report.id}/attachments"
    response = upload(client, path, "", b"")
    assert response.status_code == 400
    assert "Choisissez un fichier." in _text(response)
    assert "Le fichier est vide." not in _text(response)


def test_a_good_photo_sent_with_a_broken_one_is_not_kept_alone(client, login, author, report):
    """A third fresh tester sent ok2.jpg and trunc.jpg together: the page said « Le fichier
    n'a pas été ajouté » without naming which, and ok2.jpg had been added (sent again, a
    duplicate). All or nothing: the broken one is named, none is added, nothing stored."""
    login(author)
    path = f"/reports/{report.id}/attachments"
    whole = jpeg_with_gps(400, 300)
    response = client.post(
        path,
        data={
            "csrf_token": csrf_token(client, path),
            "file": [(BytesIO(whole), "ok2.jpg"), (BytesIO(whole[: len(whole) // 2]), "trunc.jpg")],
            "alt": "La salle",
            "consent": "y",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    said = _text(response)
    assert "«\u00a0trunc.jpg\u00a0» :" in said and "Aucun des 2 fichiers n'a été ajouté" in said
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0
    assert list(storage().keys("")) == []
