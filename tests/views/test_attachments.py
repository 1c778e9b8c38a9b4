"""Photos and documents on reports and messages, through the test client, a real local
storage folder, Pillow and pypdf (issue 14)."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
import sqlalchemy as sa
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from forum.extensions import db
from forum.models import Attachment, Post, Report
from forum.models.base import utcnow
from forum.services import attachments, discussions
from forum.storage import storage
from tests.conftest import csrf_token, post_form
from tests.files import BROKEN_HEIC, HTML_AS_PDF, jpeg_with_gps, pdf_with_text
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


def only_attachment() -> Attachment:
    db.session.expire_all()
    return db.session.scalar(sa.select(Attachment))


def process_all() -> None:
    attachments.process_pending()
    db.session.expire_all()


def test_a_phone_photo_is_served_rotated_without_its_gps_and_in_sizes(
    client, login, author, report
):
    login(author)
    path = f"/reports/{report.id}/attachments"
    response = upload(
        client, path, "IMG_2041.JPG", jpeg_with_gps(), alt="Le paperboard des idées",
        section="worked", consent="y",
    )  # fmt: skip
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    row = only_attachment()
    assert row.status == "pending" and row.kind == "image" and row.section == "worked"
    listed = client.get(path)  # where the upload redirects: the file with its section
    assert listed.status_code == 200
    assert "IMG_2041.jpg" in listed.get_data(as_text=True)
    assert "Ce qui a marché" in listed.get_data(as_text=True)
    # Not served before processing: the raw upload still carries its GPS position.
    assert client.get(f"/attachments/{row.id}").status_code == 404
    process_all()
    row = only_attachment()
    assert row.status == "ready" and row.raw_key is None
    full = client.get(f"/attachments/{row.id}")
    assert full.status_code == 200 and full.mimetype == "image/jpeg"
    assert full.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in full.headers["Content-Security-Policy"]
    image = Image.open(BytesIO(full.data))
    assert image.height > image.width  # orientation 6 applied: 1600×1200 shown upright
    exif = image.getexif()
    assert 0x8825 not in exif and 0x0110 not in exif and not exif.get_ifd(0x8825)
    for width in (480, 1200):
        small = client.get(f"/attachments/{row.id}/{width}")
        assert small.mimetype == "image/webp"
        assert Image.open(BytesIO(small.data)).width == width
        assert client.get(f"/attachments/{row.id}/{width}?format=jpeg").mimetype == "image/jpeg"
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    worked = page[page.index('id="s-worked"') :]
    assert 'alt="Le paperboard des idées"' in worked
    assert 'loading="lazy"' in worked and "480w" in worked and "1200w" in worked


def test_a_pdf_is_a_download_under_its_name(client, login, author, report):
    login(author)
    response = upload(
        client, f"/reports/{report.id}/attachments", "Grille de planning (v2).pdf", pdf_with_text()
    )
    assert response.status_code == 303
    process_all()
    row = only_attachment()
    assert row.kind == "document" and row.mime == "application/pdf"
    assert "ornithorynque" in row.text
    download = client.get(f"/attachments/{row.id}")
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "Grille de planning (v2).pdf" in download.headers["Content-Disposition"]
    assert download.data == pdf_with_text()
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Supports de la séance" in page and "Grille de planning (v2).pdf" in page


@pytest.mark.parametrize(
    ("name", "data", "fields", "message"),
    [
        ("vide.pdf", b"", {}, "Le fichier est vide."),
        ("programme.pdf", HTML_AS_PDF, {}, "n'est pas accepté"),
        ("outil.pdf", b"MZ\x90\x00" + b"\x00" * 200, {}, "n'est pas accepté"),
        ("photo.jpg", None, {"consent": "y"}, "Décrivez l'image"),
        ("photo.jpg", None, {"alt": "Le groupe"}, "les personnes reconnaissables"),
        # a third fresh tester: a text renamed « .jpg » was kept as a CSV, its description
        # dropped
        (
            "fake.jpg",
            "nom;prénom\nFaure;Julien\n".encode(),
            {"alt": "Le groupe", "consent": "y"},
            "porte un nom de photo mais n'en contient pas",
        ),
    ],
)
def test_refused_files_get_a_french_message_and_nothing_is_stored(
    client, login, author, report, name, data, fields, message
):
    login(author)
    data = jpeg_with_gps(400, 300) if data is None else data
    response = upload(client, f"/reports/{report.id}/attachments", name, data, **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0
    assert list(storage().keys("")) == []


def test_limits_per_file_and_per_member(app, client, login, author, report):
    login(author)
    app.config["ATTACHMENT_MAX_BYTES"] = 50_000
    big = upload(
        client, f"/reports/{report.id}/attachments", "gros.pdf", pdf_with_text("x" * 60_000)
    )
    assert big.status_code == 400 and "dépasse la taille permise" in big.get_data(as_text=True)
    app.config["ATTACHMENT_MAX_BYTES"] = 10 * 1024**2
    app.config["ATTACHMENT_QUOTA_BYTES"] = len(pdf_with_text()) + 100
    first = upload(client, f"/reports/{report.id}/attachments", "a.pdf", pdf_with_text())
    assert first.status_code == 303
    second = upload(client, f"/reports/{report.id}/attachments", "b.pdf", pdf_with_text())
    assert second.status_code == 400 and "Votre espace est plein" in second.get_data(as_text=True)


def test_only_the_author_attaches_and_csrf_is_required(client, login, make_user, report):
    other = make_user(created_at=OLD)
    login(other)
    refused = upload(client, f"/reports/{report.id}/attachments", "a.pdf", pdf_with_text())
    assert refused.status_code == 403
    no_token = client.post(
        f"/reports/{report.id}/attachments",
        data={"file": (BytesIO(pdf_with_text()), "a.pdf")},
        content_type="multipart/form-data",
    )
    assert no_token.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0


def test_a_file_follows_its_reports_visibility_and_leaves_with_it(
    client, login, author, report, make_user
):
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    process_all()
    row = only_attachment()
    keys, row_id = attachments.stored_keys(row), row.id
    assert keys and all(storage().exists(k) for k in keys)
    post_form(client, "/auth/logout", {})
    assert client.get(f"/attachments/{row_id}").status_code == 200  # a visitor reads it
    report_row = db.session.get(Report, report.id)
    report_row.status = "draft"
    db.session.commit()
    assert client.get(f"/attachments/{row_id}").status_code == 404  # a draft's file: no
    login(author)
    assert client.get(f"/attachments/{row_id}").status_code == 200  # its author: yes
    report_row = db.session.get(Report, report.id)
    report_row.status = "published"
    db.session.commit()
    deleted = post_form(client, f"/reports/{report.id}/delete", {"confirm": "yes"})
    assert deleted.status_code in (302, 303)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0
    assert not any(storage().exists(k) for k in keys)
    assert client.get(f"/attachments/{row_id}").status_code == 404


def test_a_message_carries_files_hidden_with_it(client, login, author, make_user):
    bob = make_user(display_name="Bob Durand", created_at=OLD)
    moderator = make_user(role="moderator", created_at=OLD)
    thread = discussions.create_discussion(
        author, "Vos grilles de planning ?", "Qui partage la sienne ?", discussions.categories()[0]
    )
    reply = discussions.reply(thread, bob, "Voici la nôtre.")
    db.session.commit()
    login(bob)
    response = upload(
        client, f"/posts/{reply.id}/attachments", "planning.csv", b"jour;heure\nlundi;9h\n"
    )
    assert response.status_code == 303
    process_all()
    row = only_attachment()
    assert row.kind == "text" and row.post_id == reply.id
    page = client.get(f"/discussions/{thread.id}").get_data(as_text=True)
    assert "planning.csv" in page
    # Someone else may not attach to Bob's message.
    post_form(client, "/auth/logout", {})
    login(author)
    refused = upload(client, f"/posts/{reply.id}/attachments", "x.csv", b"a;b\n1;2\n")
    assert refused.status_code == 403
    post = db.session.get(Post, reply.id)
    post.hidden_at = utcnow()
    db.session.commit()
    assert client.get(f"/attachments/{row.id}").status_code == 404
    post_form(client, "/auth/logout", {})
    login(moderator)
    assert client.get(f"/attachments/{row.id}").status_code == 200


def test_deleting_a_file_removes_it_from_storage(client, login, author, report):
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    process_all()
    row = only_attachment()
    keys = attachments.stored_keys(row)
    response = post_form(client, f"/attachments/{row.id}/delete", {"confirm": "yes"})
    assert response.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0
    assert not any(storage().exists(k) for k in keys)


def test_erasing_an_account_deletes_its_files(client, login, author, report):
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    process_all()
    keys = attachments.stored_keys(only_attachment())
    response = post_form(
        client,
        "/account/delete",
        {"password": "motdepasse-solide", "mode": "erase", "confirm": "y"},
    )
    assert response.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0
    assert not any(storage().exists(k) for k in keys)


def test_the_module_page_shelves_the_shared_supports(client, login, author, report):
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    upload(
        client, f"/reports/{report.id}/attachments", "groupe.jpg", jpeg_with_gps(400, 300),
        alt="Le groupe", consent="y",
    )  # fmt: skip
    process_all()
    slug = db.session.get(Report, report.id).modules[0].slug
    page = client.get(f"/modules/{slug}").get_data(as_text=True)
    shelf = page[page.index("Supports partagés") :]
    assert "grille.pdf" in shelf and "groupe.jpg" in shelf and report.title in shelf
    only_docs = client.get(f"/modules/{slug}?supports=document").get_data(as_text=True)
    shelf = only_docs[only_docs.index("Supports partagés") :]
    assert "grille.pdf" in shelf and "groupe.jpg" not in shelf


def test_an_orphan_stored_file_is_swept(app, report):
    storage().put("raw/orphelin", b"restes d'un envoi interrompu", "application/pdf")
    found = attachments.sweep(older_than_seconds=0, fix=True)
    assert found["orphans"] == ["raw/orphelin"]
    assert not storage().exists("raw/orphelin")


def test_a_word_only_in_an_attached_pdf_finds_the_report(client, login, author, report):
    from forum.search import engine

    login(author)
    upload(client, f"/reports/{report.id}/attachments", "compte-rendu.pdf", pdf_with_text())
    engine().sync()
    assert f'href="/reports/{report.id}"' not in client.get("/search?q=ornithorynque").get_data(
        as_text=True
    )
    process_all()  # the text is extracted, then the report is queued for the index
    engine().sync()
    page = client.get("/search?q=ornithorynque").get_data(as_text=True)
    assert f'href="/reports/{report.id}"' in page
    assert "Dans la pièce jointe <em>compte-rendu.pdf</em>" in page
    assert "<mark>ornithorynque</mark>" in page


def test_a_file_the_decoder_chokes_on_fails_without_blocking_the_queue(
    client, login, author, report
):
    """A photo that passes the checks made at upload (its type, from its magic bytes) then
    cannot be decoded: it is marked failed, with a French reason its author sees, and is
    never served. (A truncated JPEG or PNG is now refused at upload.)"""
    login(author)
    response = upload(
        client, f"/reports/{report.id}/attachments", "coupe.heic", BROKEN_HEIC, alt="Coupé",
        consent="y",
    )  # fmt: skip
    assert response.status_code == 303
    process_all()
    row = only_attachment()
    assert row.status == "failed" and row.error
    assert client.get(f"/attachments/{row.id}").status_code == 404
    page = client.get(f"/reports/{report.id}/attachments").get_data(as_text=True)
    assert "refusé" in page and row.error.replace("'", "&#39;") in page


def test_a_service_that_words_a_label_works_outside_a_request(app, make_user):
    """attach() from a command or a script (no request: no Accept-Language, no session):
    the default language, not a RuntimeError (found by the demo seed)."""
    user = make_user(display_name="Hors Requête", created_at=OLD)
    discussion = discussions.create_discussion(user, "Sans requête", "Un message.", None)
    post = db.session.scalar(sa.select(Post).where(Post.discussion_id == discussion.id))
    attached = attachments.attach(user, BytesIO(pdf_with_text()), "note.pdf", post=post)
    assert attached.label == "PDF"


def test_my_account_shows_my_files_against_my_quota(client, login, author, report):
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    page = client.get("/account").get_data(as_text=True)
    used = attachments.human_size(len(pdf_with_text()))
    assert "Mes fichiers" in page and f"{used} utilisés sur 200\u00a0Mo" in page


def test_a_refused_file_keeps_a_new_report_new_and_names_the_file(client, login, author):
    from tests.views.test_reports import report_data

    login(author)
    token = csrf_token(client, "/reports/new")
    form = dict(report_data(action="draft"))
    form.update(
        csrf_token=token,
        modules=["confronter-idee-terrain"],
        attachments=[(BytesIO(pdf_with_text()), "fiche.pdf"), (BytesIO(HTML_AS_PDF), "html.pdf")],
    )
    response = client.post("/reports/new", data=form, content_type="multipart/form-data")
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400
    assert "Écrire un retour" in page and "Modifier le retour" not in page
    assert 'id="error-summary"' in page and "html.pdf\u00a0: Ce type de fichier" in page
    assert "choisissez à nouveau les fichiers" in page
    assert "Session 3 à Figeac" in page  # the typed text is kept
    assert db.session.scalar(sa.select(sa.func.count(Report.id))) == 0
    assert list(storage().keys("")) == []  # the accepted first file went with the rollback


def test_a_reply_with_a_refused_file_comes_back_as_a_form_with_its_text(
    client, login, author, make_user
):
    thread = discussions.create_discussion(
        author, "Vos plannings ?", "Qui partage ?", discussions.categories()[0]
    )
    db.session.commit()
    login(author)
    token = csrf_token(client, f"/discussions/{thread.id}")
    response = client.post(
        f"/discussions/{thread.id}/reply",
        data={"csrf_token": token, "body": "Voici notre grille, en pièce jointe.",
              "attachments": (BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), "x.svg")},
        content_type="multipart/form-data",
    )  # fmt: skip
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Votre réponse n’est pas encore publiée" in page
    assert "Voici notre grille, en pièce jointe." in page and 'action="/discussions/' in page
    assert db.session.scalar(sa.select(sa.func.count(Post.id))) == 1  # the opening post only


def test_moderators_list_and_delete_files_but_do_not_upload(
    client, login, author, report, make_user
):
    moderator = make_user(role="moderator", created_at=OLD)
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    process_all()
    row_id = only_attachment().id
    post_form(client, "/auth/logout", {})
    login(moderator)
    page = client.get(f"/reports/{report.id}/attachments")
    assert page.status_code == 200 and "grille.pdf" in page.get_data(as_text=True)
    assert 'type="file"' not in page.get_data(as_text=True)
    assert (
        upload(client, f"/reports/{report.id}/attachments", "x.pdf", pdf_with_text()).status_code
        == 403
    )
    assert post_form(client, f"/attachments/{row_id}/delete", {"confirm": "yes"}).status_code == 303
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0


def test_refused_files_count_for_nothing_and_ids_are_never_reused(
    app, client, login, author, report
):
    app.config["ATTACHMENTS_PER_REPORT"] = 1
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "coupe.heic", BROKEN_HEIC,
           alt="Coupé", consent="y")  # fmt: skip
    process_all()
    failed = only_attachment()
    assert failed.status == "failed"
    second = upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    assert second.status_code == 303  # the failed one takes no slot
    first_id = failed.id
    post_form(client, f"/attachments/{first_id}/delete", {"confirm": "yes"})
    app.config["ATTACHMENTS_PER_REPORT"] = 10
    upload(client, f"/reports/{report.id}/attachments", "autre.pdf", pdf_with_text())
    ids = list(db.session.scalars(sa.select(Attachment.id).order_by(Attachment.id)))
    assert first_id not in ids and max(ids) > first_id + 1


def test_deleting_a_report_says_its_files_go_for_good(client, login, author, report):
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    page = client.get(f"/reports/{report.id}/delete").get_data(as_text=True).replace("&#39;", "'")
    assert "Son fichier joint sera supprimé définitivement, même s'il est restauré." in page


def test_files_sent_with_a_form_that_has_other_errors_are_said_not_attached(client, login, author):
    from tests.views.test_reports import report_data

    login(author)
    form = dict(report_data(action="publish", participants=""))
    form.update(
        csrf_token=csrf_token(client, "/reports/new"),
        attachments=[(BytesIO(pdf_with_text()), "fiche.pdf"), (BytesIO(HTML_AS_PDF), "a.pdf"),
                     (BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), "b.svg")],
    )  # fmt: skip
    page = client.post("/reports/new", data=form, content_type="multipart/form-data")
    html = page.get_data(as_text=True).replace("&#39;", "'")
    assert page.status_code == 400
    assert "Les fichiers choisis n'ont pas été joints." in html
    assert '<details class="upload-fields" open>' in html
    # Once the form is right, every refused file is named, not only the first.
    form.update(participants="8", csrf_token=csrf_token(client, "/reports/new"),
                attachments=[(BytesIO(pdf_with_text()), "fiche.pdf"), (BytesIO(HTML_AS_PDF), "a.pdf"),
                             (BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), "b.svg")])  # fmt: skip
    html = client.post("/reports/new", data=form, content_type="multipart/form-data").get_data(
        as_text=True
    )
    assert "a.pdf\u00a0:" in html and "b.svg\u00a0:" in html


def test_a_moderator_removing_a_file_is_logged(client, login, author, report, make_user):
    moderator = make_user(role="moderator", created_at=OLD)
    login(author)
    upload(client, f"/reports/{report.id}/attachments", "grille.pdf", pdf_with_text())
    row_id = only_attachment().id
    post_form(client, "/auth/logout", {})
    login(moderator)
    post_form(client, f"/attachments/{row_id}/delete", {"confirm": "yes"})
    page = client.get("/moderation/").get_data(as_text=True)
    assert "Fichier joint supprimé" in page and "grille.pdf" in page


def test_an_empty_reply_with_files_comes_back_as_its_form(client, login, author):
    thread = discussions.create_discussion(
        author, "Vos plannings ?", "Qui partage ?", discussions.categories()[0]
    )
    db.session.commit()
    login(author)
    response = client.post(
        f"/discussions/{thread.id}/reply",
        data={"csrf_token": csrf_token(client, f"/discussions/{thread.id}"), "body": "   ",
              "attachments": (BytesIO(pdf_with_text()), "grille.pdf")},
        content_type="multipart/form-data",
    )  # fmt: skip
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400 and "Votre réponse n’est pas encore publiée" in html
    assert 'id="error-summary"' in html and "Les fichiers choisis n'ont pas été joints." in html


def test_a_sending_too_large_says_the_limits_and_the_way_back(app, client, login, author):
    """A fresh tester of issue 17: a 120 MB file with a report's text gave a bare « dépasse
    la taille autorisée » and the text was lost. The body is refused unread (413), so the
    page says the limits and that the browser's Back button returns to the typed text."""
    login(author)
    token = csrf_token(client, "/reports/new")
    app.config["ATTACHMENT_MAX_BYTES"] = 1024**2
    app.config["ATTACHMENTS_PER_REPORT"] = 2
    # The body made here (the test client's own would sit in a temporary file it never
    # closes when the app refuses it unread).
    boundary, body = encode_multipart(
        {
            "csrf_token": token,
            "attachments": FileStorage(BytesIO(b"%PDF" + b"x" * 2_700_000), "a.pdf"),
        }
    )
    response = client.post(
        "/reports/new", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    page = response.get_data(as_text=True).replace("\u00a0", " ")
    assert response.status_code == 413
    assert "1 Mo par fichier, 2 fichiers au plus" in page and "« Retour »" in page
    assert db.session.scalar(sa.select(sa.func.count(Report.id))) == 0
    # Any other form keeps the general message.
    other = client.post("/auth/login", data={"email": "x" * 3_000_000})
    assert other.status_code == 413 and "Mo par fichier" not in other.get_data(as_text=True)


def test_each_photo_gets_its_own_description(client, login, author, report, make_user):
    """A fresh tester sent two photos with one reply: both read « Photo test réponse » to
    a screen reader. The files page lets their uploader describe each one (a moderator
    too); an empty description is refused and the old one kept; others may not; the page
    shows each photo with its own."""
    login(author)
    path = f"/reports/{report.id}/attachments"
    token = csrf_token(client, path)
    both = client.post(
        path,
        data={
            "csrf_token": token,
            "file": [(BytesIO(jpeg_with_gps()), "a.jpg"), (BytesIO(jpeg_with_gps()), "b.jpg")],
            "alt": "Photo de la séance",
            "consent": "y",
        },
        content_type="multipart/form-data",
    )
    assert both.status_code == 303
    process_all()
    first, second = db.session.scalars(sa.select(Attachment).order_by(Attachment.id))
    page = client.get(path).get_data(as_text=True)
    assert f'id="alt-{first.id}"' in page and "décrivez ensuite chacune" in page
    # each with a small picture, to tell which one is described (a third fresh tester)
    thumbs = re.findall(r'<img class="file-thumb" src="([^"]+)"', page)
    assert len(thumbs) == 2 and all(client.get(t).status_code == 200 for t in thumbs)

    def describe(row, alt):
        return post_form(client, f"/attachments/{row.id}/description", {"alt": alt})

    done = describe(second, "  Le tableau   des idées ")
    assert done.status_code == 303 and done.location.endswith(f"{path}#alt-{second.id}")
    empty = describe(first, "   ")
    assert empty.status_code == 303
    said = client.get(path).get_data(as_text=True)
    assert f"{first.filename} : Décrivez l" in said  # the file named (a third fresh tester)
    assert describe(first, "x" * 301).status_code == 303  # told, not cut
    assert "300 caractères au plus" in client.get(path).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Attachment, second.id).alt == "Le tableau des idées"
    assert db.session.get(Attachment, first.id).alt == "Photo de la séance"
    shown = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert 'alt="Le tableau des idées"' in shown and 'alt="Photo de la séance"' in shown

    post_form(client, "/auth/logout", {})
    login(make_user(display_name="Autre Membre", created_at=OLD))
    assert describe(first, "Détourné").status_code == 403
    post_form(client, "/auth/logout", {})
    login(make_user(display_name="Mod Ération", role="moderator", created_at=OLD))
    assert describe(first, "Le groupe devant la grange").status_code == 303
    db.session.expire_all()
    assert db.session.get(Attachment, first.id).alt == "Le groupe devant la grange"


def test_a_file_refused_after_its_upload_is_told_to_its_uploader(
    client, login, author, report, make_user
):
    """A fresh tester was told « visible dans quelques secondes », and the file never came
    nor was anything said. Refused by its processing, it is told to its uploader (in the
    list and, by default, at once by e-mail), naming the file and the reason, and leads to
    the files page; nobody else is told. A message's file likewise."""
    from forum.models import Notification
    from forum.services import notifications

    login(author)
    path = f"/reports/{report.id}/attachments"
    upload(client, path, "coupe.heic", BROKEN_HEIC, alt="Coupé", consent="y")
    process_all()
    notifications.process_events()
    row = only_attachment()
    told = list(db.session.scalars(sa.select(Notification)))
    assert [(n.user_id, n.kind) for n in told] == [(author.id, "attachment_refused")]
    page = client.get("/notifications").get_data(as_text=True).replace("&#39;", "'")
    assert (
        "Le fichier «\u00a0coupe.heic\u00a0» n'a pas pu être ajouté à votre retour "
        f"d'expérience «\u00a0{report.title}\u00a0» : {row.error}" in page
    )
    opened = client.get(f"/notifications/{told[0].id}")
    assert opened.status_code == 303 and opened.location.endswith(path)

    thread = discussions.create_discussion(
        author, "Photos du réseau", "Voici", discussions.categories()[0]
    )
    db.session.commit()
    post = db.session.scalar(sa.select(Post).where(Post.discussion_id == thread.id))
    upload(client, f"/posts/{post.id}/attachments", "x.heic", BROKEN_HEIC, alt="X", consent="y")
    process_all()
    notifications.process_events()
    last = db.session.scalar(sa.select(Notification).order_by(Notification.id.desc()))
    assert last.kind == "attachment_refused" and last.post_id == post.id
    assert client.get(f"/notifications/{last.id}").location.endswith(
        f"/posts/{post.id}/attachments"
    )


# --- files refused, as their uploader meets them ------------------------------------
# Files refused, as their uploader meets them (a tester's findings): a decompression bomb
# or a truncated photo is refused at once, in French, nothing stored; a file the media
# worker refuses later is listed apart, with its reason, and counts neither in « N fichiers
# joints » nor against the limit per report or the member's space; deleting a file asks
# first. Test client, real storage folder, Pillow, the real worker function.


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
