"""Issue 12, points 4-8 through the test client: the member directory, « Mes retours »,
« Repartir de ce retour », « Aperçu » (POST /preview and the no-JavaScript round trip),
the readable history, and the draft warning shown once."""

import gzip
import re

import pytest

from forum import ROOT
from forum.extensions import db
from forum.models import Discussion, Post, Report
from tests.conftest import A_MONTH_AGO, post_form
from tests.views.test_reports import report_data

BUDGET = 60 * 1024


@pytest.fixture
def solene(make_user, make_structure):
    structure = make_structure(name="Figeacteurs", department_code="46", slug="figeacteurs")
    return make_user(
        display_name="Solène Riaublanc",
        email="solene@example.org",
        structure=structure,
        created_at=A_MONTH_AGO,  # publishes up to 25 reports in a test
    )


@pytest.fixture
def marc(make_user, make_structure):
    structure = make_structure(name="Tiers-lieu du Causse", department_code="12", slug="causse")
    return make_user(display_name="Marc Vidal", email="marc@example.org", structure=structure)


def token_of(html: str) -> str:
    return re.search(r'name="submission_token" type="hidden" value="([^"]+)"', html).group(1)


# --- 4. Member directory ------------------------------------------------------------------


def test_directory_is_for_members_only(client):
    response = client.get("/members/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert client.get("/members/suggest?q=so").status_code == 302


def test_directory_shows_name_structure_territory_and_writing_never_email(
    client, login, solene, marc, make_report
):
    make_report(solene, "Séance 2 à Figeac", modules=["confronter-idee-terrain"])
    make_report(solene, "Brouillon secret", publish=False)
    login(marc)
    html = client.get("/members/").get_data(as_text=True)
    assert "Solène Riaublanc" in html and "Marc Vidal" in html
    assert "Figeacteurs" in html and "Lot (46)" in html
    assert "@solene-riaublanc" in html
    assert "1 retour d’expérience" in html and "Séance 2 à Figeac" in html
    assert "Brouillon secret" not in html
    assert "@example.org" not in html  # no e-mail address


def test_directory_filters_by_structure_department_and_module(
    client, login, solene, marc, make_report
):
    make_report(marc, "Séance à Rodez", department="12", modules=["confronter-idee-terrain"])
    login(solene)

    def names(**args):
        html = client.get("/members/", query_string=args).get_data(as_text=True)
        return {n for n in ("Solène Riaublanc", "Marc Vidal") if n in html.split("<h1>")[1]}

    assert names(structure="figeacteurs") == {"Solène Riaublanc"}
    assert names(department="12") == {"Marc Vidal"}
    assert names(module="confronter-idee-terrain") == {"Marc Vidal"}
    assert names(module="inconnu") == set()
    assert client.get("/members/?page=99").status_code == 404
    assert client.get("/members/?structure=" + "x" * 5000).status_code == 200


def test_mention_suggestions(client, login, solene, marc):
    login(marc)
    found = client.get("/members/suggest?q=@sol").get_json()
    assert found == [{"handle": "solene-riaublanc", "name": "Solène Riaublanc"}]
    assert client.get("/members/suggest?q=%25").get_json() == []  # LIKE wildcards are text
    assert client.get("/members/suggest").get_json() == []
    html = client.get("/discussions/new").get_data(as_text=True)
    assert 'data-suggest-url="/members/suggest"' in html and "@identifiant" in html


# --- 5. « Mes retours », « Publier » from the list, « Repartir de ce retour » -------------


def test_my_reports_lists_drafts_and_published_with_status(
    client, login, solene, marc, make_report
):
    make_report(solene, "Publié en février")
    make_report(solene, "Brouillon de mars", publish=False)
    make_report(marc, "Retour de Marc")
    assert client.get("/my/reports").status_code == 302
    login(solene)
    html = client.get("/my/reports").get_data(as_text=True)
    drafts, published = html.split('id="published-title"')
    assert "Brouillon de mars" in drafts and "Publié en février" not in drafts
    assert "Publié en février" in published
    assert "Retour de Marc" not in html
    assert "Repartir de ce retour" in html


def test_publish_from_the_list(client, login, solene, make_report):
    draft = make_report(solene, "Brouillon de mars", publish=False)
    login(solene)
    html = client.get("/my/reports").get_data(as_text=True)
    version = re.search(r'name="version" value="([^"]+)"', html).group(1)
    stale = post_form(client, f"/reports/{draft.id}/publish", {"version": "2020-01-01"})
    assert stale.status_code == 303
    db.session.refresh(draft)
    assert draft.status == "draft"
    assert "modifié depuis l&#39;affichage" in client.get("/my/reports").get_data(as_text=True)
    response = post_form(client, f"/reports/{draft.id}/publish", {"version": version})
    assert response.status_code == 303 and response.headers["Location"] == "/my/reports"
    db.session.refresh(draft)
    assert draft.status == "published" and draft.published_at is not None
    assert len(draft.revisions) == 2
    again = post_form(client, f"/reports/{draft.id}/publish", {"version": version})
    assert again.status_code == 303
    assert "déjà publié" in client.get("/my/reports").get_data(as_text=True)


def test_publish_checks_access(client, login, solene, marc, make_report):
    draft = make_report(solene, "Brouillon de Solène", publish=False)
    published = make_report(solene, "Publié de Solène")
    login(marc)
    version = draft.updated_at.isoformat()
    assert (
        post_form(client, f"/reports/{draft.id}/publish", {"version": version}).status_code == 404
    )
    assert post_form(client, f"/reports/{published.id}/publish", {}).status_code == 403
    # Without the CSRF token: refused.
    assert client.post(f"/reports/{draft.id}/publish", data={"version": version}).status_code == 400
    db.session.refresh(draft)
    assert draft.status == "draft"


def test_start_from_an_earlier_report(client, login, solene, marc, make_report):
    earlier = make_report(
        solene,
        "Séance 3 à Figeac",
        department="12",
        format="distanciel",
        modules=["confronter-idee-terrain"],
        sections={"context": "Texte à ne pas recopier."},
    )
    login(marc)
    html = client.get(f"/reports/new?from={earlier.id}").get_data(as_text=True)
    assert re.search(
        r'value="confronter-idee-terrain"\s+checked|checked[^>]*value="confronter-idee-terrain"',
        html,
    )
    assert '<option selected value="12">' in html or '<option value="12" selected>' in html
    assert re.search(
        r'<option selected value="distanciel">|<option value="distanciel" selected>', html
    )
    assert "Texte à ne pas recopier." not in html
    assert 'value="Séance 3 à Figeac"' not in html  # not the title either
    assert "pré-rempli à partir de" in html
    # Only from a report the viewer can read.
    draft = make_report(solene, "Brouillon de Solène", publish=False)
    assert client.get(f"/reports/new?from={draft.id}").status_code == 404
    assert client.get("/reports/new?from=999999").status_code == 404
    assert client.get("/reports/new?from=abc").status_code == 404
    assert client.get("/reports/new?from=99999999999999999999").status_code == 404


# --- 6. « Aperçu » ------------------------------------------------------------------------


def test_preview_endpoint_renders_through_the_sanitiser(client, login, solene):
    data = {
        "text": "**gras**\n\n- un\n- deux\n\n<script>alert(1)</script> [x](javascript:alert(2))"
    }
    assert client.post("/preview", data=data).status_code in (302, 400)  # visitor: refused
    login(solene)
    assert client.post("/preview", data=data).status_code == 400  # no CSRF token
    response = post_form(client, "/preview", data)
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "<strong>gras</strong>" in html and "<li>un</li>" in html
    assert "<script>" not in html and "javascript:" not in html.replace("javascript:alert(2)", "")
    assert "&lt;script&gt;" in html
    too_long = post_form(client, "/preview", {"text": "a" * (201 * 1024)})
    assert too_long.status_code == 413 and "trop long" in too_long.get_data(as_text=True)
    mention = post_form(client, "/preview", {"text": "Merci @solene-riaublanc", "kind": "post"})
    assert 'class="mention"' in mention.get_data(as_text=True)


def test_report_preview_round_trip_keeps_text_and_token_and_saves_nothing(client, login, solene):
    login(solene)
    token = token_of(client.get("/reports/new").get_data(as_text=True))
    data = report_data(
        context="Le **covoiturage** a aidé. <b>brut</b>", submission_token=token, action="preview"
    )
    response = post_form(client, "/reports/new", data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0
    assert 'id="apercu"' in html and "<strong>covoiturage</strong>" in html
    assert "&lt;b&gt;brut&lt;/b&gt;" in html and "<b>brut</b>" not in html
    assert "Le **covoiturage** a aidé." in html  # typed text kept in the textarea
    assert token_of(html) == token
    # The first submit button still saves a draft: Enter never previews nor publishes.
    first = re.search(r'<button type="submit"[^>]*>', html.split('<form method="post"')[-1]).group(
        0
    )
    assert 'value="draft"' in first
    # Saving afterwards with the same token creates the report, once.
    saved = post_form(client, "/reports/new", report_data(submission_token=token, action="draft"))
    assert saved.status_code == 303
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 1


def test_preview_on_discussion_reply_and_post_edit(client, login, solene):
    login(solene)
    html = client.get("/discussions/new").get_data(as_text=True)
    response = post_form(
        client,
        "/discussions/new",
        {
            "title": "Une question",
            "category": "",
            "body": "*Qui* a essayé ?",
            "submission_token": token_of(html),
            "action": "preview",
        },
    )
    assert response.status_code == 200
    assert "<em>Qui</em> a essayé ?" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Discussion.id))) == 0

    from forum.services import discussions

    thread = discussions.create_discussion(solene, "Fil", "Ouverture", discussions.categories()[0])
    posts = db.session.scalar(db.select(db.func.count(Post.id)))
    page = client.get(f"/discussions/{thread.id}").get_data(as_text=True)
    reply = post_form(
        client,
        f"/discussions/{thread.id}/reply",
        {
            "body": "- a\n- b",
            "submission_token": token_of(page),
            "parent_id": "",
            "action": "preview",
        },
    )
    assert reply.status_code == 200
    body = reply.get_data(as_text=True)
    assert (
        "Aperçu de votre réponse" in body and "<li>a</li>" in body and "- a\n- b</textarea>" in body
    )
    assert db.session.scalar(db.select(db.func.count(Post.id))) == posts
    sent = post_form(
        client,
        f"/discussions/{thread.id}/reply",
        {"body": "- a\n- b", "submission_token": token_of(body), "parent_id": ""},
    )
    assert sent.status_code == 303
    assert db.session.scalar(db.select(db.func.count(Post.id))) == posts + 1

    post = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    edited = post_form(client, f"/posts/{post.id}/edit", {"body": "**neuf**", "action": "preview"})
    assert edited.status_code == 200 and "<strong>neuf</strong>" in edited.get_data(as_text=True)
    db.session.refresh(post)
    assert post.body_md == "- a\n- b"


def test_module_description_preview(client, login, make_user):
    admin = make_user(role="admin")
    login(admin)
    response = post_form(
        client,
        "/modules/confronter-idee-terrain/edit",
        {"title": "Titre changé", "description": "## Objectif\n\n**terrain**", "action": "preview"},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h4>Objectif</h4>" in html and "<strong>terrain</strong>" in html
    assert 'value="Titre changé"' in html
    from forum.services import modules

    assert modules.get_by_slug("confronter-idee-terrain").title != "Titre changé"


def test_forms_say_obligatoire_and_french_help_not_markdown(client, login, solene):
    login(solene)
    html = client.get("/reports/new").get_data(as_text=True)
    assert "AAAA-MM-JJ" not in html
    assert "Markdown" not in html
    assert "Ne nommez pas les porteurs" in html and "gras" in html
    assert html.count("(obligatoire") >= 4  # titre, date, département, modules
    # the number of porteurs: a draft may leave it empty, publishing asks for it
    assert "il faut l’indiquer pour publier" in html
    bad = post_form(
        client, "/reports/new", report_data(title="", participants="mille", action="draft")
    )
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert (
        "Donnez un titre à votre retour." in text
        and "Indiquez un nombre entier de porteurs." in text
    )
    assert "Huit porteurs, dont trois **isolés** en zone rurale." in text  # kept


# --- 7. History, 8. Messages ---------------------------------------------------------------


def test_history_field_by_field_with_french_labels(client, login, solene, make_report):
    report = make_report(
        solene, "Séance à Figeac", sections={"context": "Huit porteurs <b>présents</b>."}
    )
    login(solene)
    post_form(
        client,
        f"/reports/{report.id}/edit",
        report_data(
            title="Séance à Figeac",
            session_date="2025-02-01",
            format="distanciel",
            participants="6",
            modules=["besoin-social-utilite-sociale", "confronter-idee-terrain"],
            context="Neuf porteurs <b>présents</b>.",
            proceedings="",
            worked="",
            difficulties="",
            advice="",
            tags=[],
            action="publish",
        ),
    )
    html = client.get(f"/reports/{report.id}/history").get_data(as_text=True)
    changes = html.split("<dl")[1]
    assert (
        "<dt>Format</dt>" in changes
        and "Présentiel</del>" in changes
        and "Distanciel</ins>" in changes
    )
    assert (
        "<dt>Modules du kit</dt>" in changes and "Confronter son idée au terrain</ins>" in changes
    )
    assert "<dt>Contexte</dt>" in changes and "Huit</del>" in changes and "Neuf</ins>" in changes
    assert "&lt;b&gt;présents&lt;/b&gt;" in changes and "<b>" not in changes
    assert "<dt>Titre</dt>" not in changes  # unchanged fields are not listed
    assert "format" not in re.findall(r"<dt>([^<]*)</dt>", changes)  # no English keys
    assert "Solène Riaublanc" in html


def test_draft_warning_appears_once_and_edits_say_saved(client, login, solene):
    login(solene)
    response = post_form(client, "/reports/new", report_data(action="draft"))
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Brouillon enregistré." in html
    assert (
        html.count("seuls vous et l’équipe de modération") + html.count("visible que par vous") == 1
    )
    post_form(client, response.headers["Location"] + "/edit", report_data(action="publish"))
    # Changed (fix13: a save that changes nothing says « Aucune modification »).
    changed = report_data(action="publish", advice="Prévoir du covoiturage, et du café.")
    edit = post_form(client, response.headers["Location"] + "/edit", changed)
    assert "Modifications enregistrées" in client.get(edit.headers["Location"]).get_data(
        as_text=True
    )


# --- Weight -----------------------------------------------------------------------------------


def test_new_pages_stay_under_60_kb(client, login, solene, make_report):
    for n in range(25):
        make_report(solene, f"Séance {n} à Figeac", publish=n % 3 != 0)
    report = db.session.scalar(db.select(Report))
    login(solene)
    for path in (
        "/members/",
        "/my/reports",
        f"/reports/new?from={report.id}",
        f"/reports/{report.id}/history",
    ):
        response = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200, path
        html = gzip.decompress(response.data).decode()
        assets = 0
        for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
            name = asset.split("?")[0].removeprefix("/static/")
            file = ROOT / "static" / re.sub(r"\.[0-9a-f]{12}(?=\.\w+$)", "", name)  # hashed names
            assets += len(gzip.compress(file.read_bytes()))
        assert len(response.data) + assets < BUDGET, (path, len(response.data), assets)


def test_edit_preview_keeps_version_and_saves_nothing(client, login, solene, make_report):
    report = make_report(solene, "Séance à Figeac", sections={"context": "Avant."})
    login(solene)
    form = client.get(f"/reports/{report.id}/edit").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="([^"]+)"', form).group(1)
    data = report_data(
        title="Séance à Figeac", context="*Après*", version=version, action="preview"
    )
    html = post_form(client, f"/reports/{report.id}/edit", data).get_data(as_text=True)
    assert "<em>Après</em>" in html and f'value="{version}"' in html
    db.session.refresh(report)
    assert report.section_md("context") == "Avant." and len(report.revisions) == 1


def test_structure_description_preview_and_page_render_the_same(client, login, make_user):
    from forum.services import structures

    login(make_user(role="admin"))
    data = {
        "name": "La Fabrique",
        "kind": "tiers-lieu",
        "department": "46",
        "website": "",
        "description": "Un **tiers-lieu** <i>rural</i>.",
    }
    form = client.get("/structures/new").get_data(as_text=True)
    preview = post_form(
        client, "/structures/new", {**data, "action": "preview", "submission_token": token_of(form)}
    )
    assert preview.status_code == 200
    assert "<strong>tiers-lieu</strong> &lt;i&gt;rural&lt;/i&gt;" in preview.get_data(as_text=True)
    assert structures.all_structures() == []
    saved = post_form(client, "/structures/new", {**data, "submission_token": token_of(form)})
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "<strong>tiers-lieu</strong> &lt;i&gt;rural&lt;/i&gt;" in page


def test_the_mention_picker_finds_accented_names_and_surnames(client, make_user, login):
    """Found by a tester: « Élo » or a surname found nobody (SQLite's lower() keeps É)."""
    make_user(display_name="Élodie Marchand")
    login(make_user(display_name="Quelqu'un"))
    for typed in ("Élo", "élo", "ÉLODIE", "elodie m", "Marchand", "@march"):
        found = client.get("/members/suggest", query_string={"q": typed}).get_json()
        assert "elodie-marchand" in str(found), typed


def test_history_shows_session_dates_as_readers_read_them(client, login, solene, make_report):
    """Found by a tester: « 2026-11-~~20~~19 » read like a code, not a date."""
    report = make_report(solene, "Séance datée")
    login(solene)
    fields = report_data(
        title="Séance datée",
        session_date="2025-02-03",
        context="Texte.",
        proceedings="",
        worked="",
        difficulties="",
        advice="",
        action="publish",
    )
    assert post_form(client, f"/reports/{report.id}/edit", fields).status_code == 303
    html = client.get(f"/reports/{report.id}/history").get_data(as_text=True)
    assert "février 2025" in html and "2025-02-03" not in html.split("<dl")[1]
