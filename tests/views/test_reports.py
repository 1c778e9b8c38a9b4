"""Writing, reading, editing, deleting reports, through the test client."""

import re
from datetime import date, timedelta

import pytest

from forum.extensions import db
from forum.models import ChallengeTag, Report, ReportRevision
from tests.conftest import post_form


def report_data(**overrides) -> list[tuple[str, str]]:
    data = {
        "title": "Session 3 à Figeac : les enquêtes terrain ont débloqué deux projets",
        "session_date": "2025-03-18",
        "department": "46",
        "structure": "",
        "parcours": "",
        "modules": ["confronter-idee-terrain"],
        "format": "presentiel",
        "participants": "8",
        "context": "Huit porteurs, dont trois **isolés** en zone rurale.",
        "proceedings": "- Accueil\n- Enquêtes\n- Restitution",
        "worked": "Le *photolangage* a libéré la parole.",
        "difficulties": "La mobilité : deux absents faute de transport.",
        "advice": "Prévoir du covoiturage.",
        "tags": ["financement", "mobilite"],
        "new_tags": "",
        "action": "publish",
    }
    data.update(overrides)
    pairs = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((key, item))
    return pairs


@pytest.fixture
def author(make_user, make_structure):
    structure = make_structure(name="Figeacteurs", department_code="46")
    return make_user(display_name="Solène R.", structure=structure)


def create(client, **overrides):
    return post_form(client, "/reports/new", report_data(**overrides))


def test_publish_report_shows_every_field(client, author, login):
    login(author)
    response = create(client, structure=str(author.structure_id))
    assert response.status_code == 303
    report = db.session.scalar(db.select(Report))
    assert response.headers["Location"] == f"/reports/{report.id}"
    assert report.status == "published" and report.published_at is not None
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    for expected in [
        "Session 3 à Figeac",
        "mardi 18 mars 2025",
        "Lot (46)",
        "Occitanie",
        "Présentiel",
        ">8<",
        "Confronter son idée au terrain",
        "Figeacteurs",
        "Solène R.",
        "Financement",
        "Mobilité",
        "<strong>isolés</strong>",
        "<em>photolangage</em>",
        "<li>Enquêtes</li>",
        "Prévoir du covoiturage.",
        "Contexte",
        "Déroulé",
        "Ce qui a marché",
        "Difficultés",
        "Conseils",
    ]:
        assert expected in html, expected


def test_new_report_form_defaults_to_author_structure(client, author, login):
    login(author)
    html = client.get("/reports/new").get_data(as_text=True)
    assert (
        f'<option selected value="{author.structure_id}">' in html
        or f'value="{author.structure_id}" selected' in html
    )
    assert "confronter-idee-terrain" in html


def test_anonymous_cannot_write(client):
    response = client.get("/reports/new")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    response = post_form(client, "/reports/new", report_data())
    # sent signed out: a 401 that gives the text back and a way to sign in (a tester)
    assert response.status_code == 401 and "/auth/login" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0


def test_pending_member_cannot_post(app, client, make_user, login):
    login(make_user(approved=False))
    response = create(client)
    assert response.status_code == 403
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0
    page = client.get("/reports/new", follow_redirects=True).get_data(as_text=True)
    assert "attend la validation" in page


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": "  "}, "Donnez un titre à votre retour."),
        ({"session_date": "2024-13-45"}, "date"),
        (
            {"session_date": (date.today() + timedelta(days=2)).isoformat()},
            "ne peut pas être dans le futur",
        ),
        ({"session_date": "1850-01-01"}, "Indiquez une date entre 2000 et 2100."),
        ({"participants": "501"}, "entre 0 et 500"),
        ({"participants": "-1"}, "entre 0 et 500"),
        ({"participants": "beaucoup"}, "Indiquez un nombre entier de porteurs."),
        ({"modules": ["module-inconnu"]}, "choix valide"),
        ({"modules": []}, "au moins un module"),
        ({"tags": ["tag-inconnu"]}, "choix valide"),
        ({"department": "999"}, "choix valide"),
        ({"structure": "424242"}, "choix valide"),
        ({"format": "fusée"}, "choix valide"),
        ({"worked": "é" * 60_000}, "dépasse 100 Ko"),
        ({"new_tags": "x"}, "de 2 à 60 caractères"),
    ],
)
def test_bad_input_is_a_french_400_keeping_what_was_typed(
    client, author, login, overrides, message
):
    login(author)
    response = create(client, **overrides)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html, html[html.find("error-summary") :][:800]
    if "advice" not in overrides:
        assert "Prévoir du covoiturage." in html  # typed text kept
    assert 'id="error-summary"' in html
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0


@pytest.mark.parametrize(
    "typed, message",
    [
        ("2.5", "Indiquez un nombre entier de porteurs."),  # the tester's value
        ("huit", "Indiquez un nombre entier de porteurs."),
        ("501", "Indiquez un nombre entre 0 et 500."),
        ("99999999999999999999", "Indiquez un nombre entre 0 et 500."),
        ("-1", "Indiquez un nombre entre 0 et 500."),
    ],
)
def test_a_bad_number_of_porteurs_gets_one_message(client, author, login, typed, message):
    """A fresh tester's finding: « 2.5 » showed two messages under the one field (the
    English « Not a valid integer value » and « entre 0 et 500 »)."""
    login(author)
    response = create(client, participants=typed)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    error = re.search(r'<p class="error" id="participants-error">(.*?)</p>', html, re.S)
    assert error and error.group(1) == message
    assert f'value="{typed}"' in html
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0


def test_draft_visible_only_to_author_and_moderators(client, author, login, make_user):
    login(author)
    create(client, action="draft")
    report = db.session.scalar(db.select(Report))
    assert report.status == "draft"
    assert client.get(f"/reports/{report.id}").status_code == 200
    assert report.title not in client.get("/reports/").get_data(as_text=True)
    post_form(client, "/auth/logout", {})
    assert client.get(f"/reports/{report.id}").status_code == 404
    assert client.get(f"/reports/{report.id}.md").status_code == 404
    assert client.get(f"/reports/{report.id}/history").status_code == 404
    login(make_user())
    assert client.get(f"/reports/{report.id}").status_code == 404
    post_form(client, "/auth/logout", {})
    login(make_user(role="moderator"))
    assert client.get(f"/reports/{report.id}").status_code == 200


def test_publish_a_draft_later(client, author, login):
    login(author)
    create(client, action="draft")
    report = db.session.scalar(db.select(Report))
    response = post_form(client, f"/reports/{report.id}/edit", report_data(action="publish"))
    assert response.status_code == 303
    db.session.refresh(report)
    assert report.status == "published" and report.published_at is not None


def test_someone_elses_report_cannot_be_edited_or_deleted(client, author, login, make_user):
    login(author)
    create(client)
    report = db.session.scalar(db.select(Report))
    post_form(client, "/auth/logout", {})
    login(make_user())
    assert client.get(f"/reports/{report.id}/edit").status_code == 403
    assert (
        post_form(client, f"/reports/{report.id}/edit", report_data(title="Piraté")).status_code
        == 403
    )
    assert post_form(client, f"/reports/{report.id}/delete", {"confirm": "yes"}).status_code == 403
    db.session.refresh(report)
    assert report.title.startswith("Session 3") and report.deleted_at is None


def test_edits_keep_revisions_and_history_shows_changes(client, author, login):
    login(author)
    create(client)
    report = db.session.scalar(db.select(Report))
    post_form(
        client,
        f"/reports/{report.id}/edit",
        report_data(worked="Le photolangage **et** le world café ont marché."),
    )
    post_form(
        client,
        f"/reports/{report.id}/edit",
        report_data(
            title="Session 3 à Figeac : bilan",
            worked="Le photolangage **et** le world café ont marché.",
        ),
    )
    assert (
        db.session.scalar(
            db.select(db.func.count(ReportRevision.id)).where(ReportRevision.report_id == report.id)
        )
        == 3
    )
    html = client.get(f"/reports/{report.id}/history").get_data(as_text=True)
    assert "Première version" in html
    # Field by field, French labels, words added and removed (see test_report_history.py).
    assert "<dt>Ce qui a marché</dt>" in html and "<dt>Titre</dt>" in html
    assert '<ins><span class="visually-hidden">ajouté : </span>bilan</ins>' in html
    assert "retiré : </span>*photolangage* a libéré la parole</del>" in html
    assert "world café ont marché" in html


def test_delete_and_restore(client, author, login, make_user):
    login(author)
    create(client)
    report = db.session.scalar(db.select(Report))
    response = post_form(client, f"/reports/{report.id}/delete", {"confirm": "yes"})
    assert response.status_code == 303
    db.session.refresh(report)
    assert report.deleted_at is not None  # soft: nothing is lost
    assert report.title not in client.get("/reports/").get_data(as_text=True)
    assert "a été supprimé" in client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert (
        post_form(client, f"/reports/{report.id}/restore", {}).status_code == 403
    )  # authors cannot
    post_form(client, "/auth/logout", {})
    assert client.get(f"/reports/{report.id}").status_code == 404
    login(make_user(role="moderator"))
    assert post_form(client, f"/reports/{report.id}/restore", {}).status_code == 303
    db.session.refresh(report)
    assert report.deleted_at is None
    assert report.title in client.get("/reports/").get_data(as_text=True)


def test_proposed_tags_attach_at_once_and_wait_for_moderation(client, author, login, make_user):
    login(author)
    create(client, new_tags="Saisonnalité, financement, Garde d'enfants et horaires")
    report = db.session.scalar(db.select(Report))
    labels = {t.label: t.approved for t in report.tags}
    assert labels["Saisonnalité"] is False  # a new proposal
    assert labels["Financement"] is True  # an existing slug is reused, not duplicated
    assert labels["Garde d'enfants et horaires"] is True
    assert (
        db.session.scalar(
            db.select(db.func.count(ChallengeTag.id)).where(ChallengeTag.slug == "financement")
        )
        == 1
    )
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Saisonnalité" in html and "proposé" in html
    assert "Saisonnalité" not in client.get("/tags/").get_data(as_text=True)
    assert "saisonnalite" not in client.get("/reports/new").get_data(as_text=True)
    post_form(client, "/auth/logout", {})
    login(make_user(role="moderator"))
    assert "Saisonnalité" in client.get("/tags/").get_data(as_text=True)  # in the review list
    response = post_form(
        client,
        "/tags/saisonnalite/edit",
        {
            "label": "Saisonnalité des activités",
            "description": "Tourisme, agriculture.",
            "approved": "y",
        },
    )
    assert response.status_code == 303
    assert "Saisonnalité des activités" in client.get("/tags/").get_data(as_text=True)


def test_moderators_merge_tags_moving_every_report(client, author, login, make_user):
    login(author)
    create(client, tags=["financement"], new_tags="Financements publics")
    create(client, title="Deuxième retour", tags=[], new_tags="Financements publics")
    post_form(client, "/auth/logout", {})
    login(make_user())
    assert (
        post_form(
            client, "/tags/financements-publics/merge", {"merge-target": "financement"}
        ).status_code
        == 403
    )
    post_form(client, "/auth/logout", {})
    login(make_user(role="moderator"))
    response = post_form(
        client, "/tags/financements-publics/merge", {"merge-target": "financement"}
    )
    assert response.status_code == 303
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    # One report moved (the other had both tags): singular, as for 0 in French.
    assert "Défi fusionné : 1 retour déplacé vers «\u00a0Financement\u00a0»." in html
    assert client.get("/tags/financements-publics").status_code == 404
    html = client.get("/tags/financement").get_data(as_text=True)
    assert "Deuxième retour" in html and "Session 3 à Figeac" in html
    for report in db.session.scalars(db.select(Report)):
        assert [t.slug for t in report.tags] == ["financement"]
    bad = post_form(
        client, "/tags/financement/merge", {"merge-target": "financement"}, follow_redirects=True
    )
    assert "lui-même" in bad.get_data(as_text=True)


def test_markdown_export(client, author, login):
    login(author)
    create(client)
    report = db.session.scalar(db.select(Report))
    response = client.get(f"/reports/{report.id}.md")
    assert response.status_code == 200
    assert response.mimetype == "text/markdown"
    text = response.get_data(as_text=True)
    assert text.startswith("# Session 3 à Figeac")
    assert "## Ce qui a marché\n\nLe *photolangage* a libéré la parole." in text
    assert "- Territoire : Lot (46), Occitanie" in text


def test_my_drafts_are_listed_on_my_account(client, author, login):
    login(author)
    create(client, title="Brouillon à reprendre", action="draft")
    create(client, title="Déjà publié")
    html = client.get("/account").get_data(as_text=True)
    assert (
        "Mes brouillons" in html and "Brouillon à reprendre" in html and "Déjà publié" not in html
    )


def test_markdown_export_words_a_small_number_as_the_page_does(client, author, login):
    """The export is as public as the page: 1 or 2 porteurs read « moins de 3 » in both,
    and a proposed défi is marked « (proposé) » as on the page."""
    login(author)
    create(client, participants="2", new_tags="Saisonnalité")
    report = db.session.scalar(db.select(Report))
    post_form(client, "/auth/logout", {})
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "moins de 3" in page
    text = client.get(f"/reports/{report.id}.md").get_data(as_text=True)
    assert "- Porteurs présents : moins de 3\n" in text
    assert "Saisonnalité (proposé)" in text and "Financement (proposé)" not in text
