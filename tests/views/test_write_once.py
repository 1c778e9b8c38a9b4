"""Writes happen once and never silently erase another write: one-time tokens on every
creating form (sequential and concurrent double submits), versions on every edit form
(a stale save is a 409 that keeps both texts), absent optional fields, and deletions
that ask first."""

import re
import threading

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import (
    Category,
    ChallengeTag,
    Discussion,
    EventOutbox,
    Flag,
    KitModule,
    Notification,
    Parcours,
    Post,
    Report,
    Structure,
    User,
)
from tests.conftest import CSRF_RE, post_form

TOKEN_RE = re.compile(r'name="submission_token" type="hidden" value="([^"]+)"')
VERSION_RE = re.compile(r'name="version" type="hidden" value="([^"]*)"')

REPORT = {
    "title": "Séance 2 : le porteur de parole",
    "session_date": "2025-02-01",
    "department": "46",
    "format": "presentiel",
    "participants": "6",
    "modules": "besoin-social-utilite-sociale",
    "context": "Six porteurs autour de la table.",
    "action": "publish",
}


def form_fields(client, path: str) -> dict:
    """The CSRF token, one-time token and version of the form shown at `path`."""
    html = client.get(path).get_data(as_text=True)
    csrf = CSRF_RE.search(html)
    token = TOKEN_RE.search(html)
    version = VERSION_RE.search(html)
    return {
        "csrf_token": csrf.group(1) or csrf.group(2),
        **({"submission_token": token.group(1)} if token else {}),
        **({"version": version.group(1)} if version else {}),
    }


def count(model) -> int:
    db.session.commit()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def alice(make_user, make_structure):
    return make_user(
        email="alice@example.org", display_name="Alice Martin", structure=make_structure()
    )


@pytest.fixture
def admin(make_user):
    return make_user(email="admin@example.org", display_name="Admin", role="admin")


@pytest.fixture
def discussion(alice, client, login):
    login(alice)
    category = db.session.scalar(sa.select(Category))
    fields = form_fields(client, "/discussions/new")
    post_form(
        client,
        "/discussions/new",
        {
            "title": "Covoiturage",
            "category": category.slug,
            "body": "Qui a essayé ?",
            "submission_token": fields["submission_token"],
        },
    )
    return db.session.scalar(sa.select(Discussion))


# Every creating form: where it is shown, what it posts, what it creates.
CREATING = {
    "report": ("/reports/new", "/reports/new", lambda ctx: REPORT, Report, "member"),
    "discussion": (
        "/discussions/new",
        "/discussions/new",
        lambda ctx: {"title": "Un car", "category": "questions-pratiques", "body": "Texte"},
        Discussion,
        "member",
    ),
    "reply": (
        "/discussions/{discussion}",
        "/discussions/{discussion}/reply",
        lambda ctx: {"body": "Ma réponse"},
        Post,
        "member",
    ),
    "report reply": (
        "/reports/{report}",
        "/reports/{report}/reply",
        lambda ctx: {"body": "Merci pour ce retour"},
        Post,
        "member",
    ),
    "flag": (
        "/posts/{post}/flag",
        "/posts/{post}/flag",
        lambda ctx: {"reason": "Hors sujet"},
        Flag,
        "reader",  # one's own message is not flagged
    ),
    "report flag": (
        "/reports/{report}/flag",
        "/reports/{report}/flag",
        lambda ctx: {"reason": "Nomme un porteur"},
        Flag,
        "reader",
    ),
    "parcours": (
        "/parcours/new",
        "/parcours/new",
        lambda ctx: {
            "title": "Premiers pas Figeac",
            "department": "46",
            "start_date": "2025-01-10",
            "cohort_size": "8",
            "structures": ctx["structure"],
        },
        Parcours,
        "member",
    ),
    "structure": (
        "/structures/new",
        "/structures/new",
        lambda ctx: {"name": "La Fabrique", "kind": "tiers-lieu", "department": "48"},
        Structure,
        "admin",
    ),
    "module": (
        "/modules/new",
        "/modules/new",
        lambda ctx: {"title": "Septième séance"},
        KitModule,
        "admin",
    ),
    "category": (
        "/admin/categories",
        "/admin/categories",
        lambda ctx: {"name": "Financements"},
        Category,
        "admin",
    ),
}


@pytest.fixture
def creating_context(discussion, make_report, make_user, alice, admin):
    report = make_report(alice)
    post = db.session.scalar(sa.select(Post).where(Post.discussion_id == discussion.id))
    category = db.session.scalar(sa.select(Category).order_by(Category.id))
    return {
        "discussion": discussion.id,
        "report": report.id,
        "post": post.id,
        "category": category.slug,
        "structure": str(alice.structure_id),
        "users": {
            "member": alice,
            "admin": admin,
            "reader": make_user(email="bob@example.org", display_name="Bob Durand"),
        },
    }


def _prepare(name, client, login, ctx):
    shown, target, data, model, role = CREATING[name]
    login(ctx["users"][role])
    fields = form_fields(client, shown.format(**ctx))
    assert "submission_token" in fields, f"{name}: the form carries no one-time token"
    body = {**data(ctx), **fields}
    if name == "discussion":
        body["category"] = ctx["category"]
    return target.format(**ctx), body, model


@pytest.mark.parametrize("name", CREATING)
def test_a_creating_form_posted_twice_creates_once(name, client, login, creating_context):
    path, body, model = _prepare(name, client, login, creating_context)
    before = count(model)
    first = client.post(path, data=body)
    assert first.status_code == 303, re.findall(
        r"class=\"error\"[^>]*>([^<]+)", first.get_data(as_text=True)
    )
    second = client.post(path, data=body)
    assert second.status_code == 303
    assert second.location == first.location  # to what the first one created
    assert count(model) == before + 1
    assert "déjà été envoyé" in client.get(second.location).get_data(as_text=True)
    # A new rendering of the form has a new token: a second, deliberate object is possible.
    again = form_fields(client, CREATING[name][0].format(**creating_context))
    assert again["submission_token"] != body["submission_token"]


def test_registration_posted_twice_creates_one_account(app, client):
    fields = form_fields(client, "/auth/register")
    body = {
        **fields,
        "display_name": "Noé Vidal",
        "email": "noe@example.org",
        "password": "un-mot-de-passe-solide",
        "password_confirm": "un-mot-de-passe-solide",
    }
    first = client.post("/auth/register", data=body)
    client = app.test_client()  # the retry comes from the page that had no session yet
    body["csrf_token"] = form_fields(client, "/auth/register")["csrf_token"]
    second = client.post("/auth/register", data=body)
    assert (first.status_code, second.status_code) == (303, 303)
    assert second.location == first.location
    assert count(User) == 1


def test_a_double_reply_notifies_the_watchers_once(client, login, make_user, discussion, alice):
    bob = make_user(email="bob@example.org", display_name="Bob")
    client.post("/auth/logout", data={"csrf_token": form_fields(client, "/")["csrf_token"]})
    login(bob)
    fields = form_fields(client, f"/discussions/{discussion.id}")
    body = {**fields, "body": "Nous avons un minibus."}
    for _ in range(2):
        client.post(f"/discussions/{discussion.id}/reply", data=body)
    from forum.services import notifications

    notifications.process_events()
    to_alice = db.session.scalars(sa.select(Notification).where(Notification.user_id == alice.id))
    assert [n.kind for n in to_alice] == ["reply_to_discussion"]


@pytest.mark.parametrize("name", ["reply", "report", "discussion"])
def test_two_concurrent_posts_with_one_token_create_once(name, app, creating_context, login):
    """Two requests with the same token at the same moment (two threads, two database
    connections): exactly one creates, both are sent to what it created."""
    from tests.conftest import IsolatedClient

    app.test_client_class = IsolatedClient
    clients = [app.test_client(), app.test_client()]
    shown, target, data, model, role = CREATING[name]
    user = creating_context["users"][role]
    bodies = []
    for client in clients:
        post_form(client, "/auth/login", {"email": user.email, "password": "motdepasse-solide"})
        bodies.append(form_fields(client, shown.format(**creating_context)))
    token = bodies[0]["submission_token"]
    payload = {**data(creating_context)}
    if name == "discussion":
        payload["category"] = creating_context["category"]
    path = target.format(**creating_context)
    before, events_before = count(model), count(EventOutbox)
    barrier = threading.Barrier(2)
    results = [None, None]

    def send(i):
        body = {**payload, "csrf_token": bodies[i]["csrf_token"], "submission_token": token}
        with app.app_context():
            barrier.wait()
            response = clients[i].post(path, data=body)
        results[i] = (response.status_code, response.location)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert results[0] == results[1], results
    assert results[0][0] == 303
    assert count(model) == before + 1
    # One creation's events (a discussion records two: opened, first message), not two.
    assert count(EventOutbox) - events_before == {"discussion": 2}.get(name, 1)


def test_a_refused_form_keeps_its_token_and_a_fixed_resubmit_creates(client, login, alice):
    login(alice)
    fields = form_fields(client, "/reports/new")
    refused = client.post("/reports/new", data={**REPORT, **fields, "title": ""})
    assert refused.status_code == 400
    assert fields["submission_token"] in refused.get_data(as_text=True)
    accepted = client.post("/reports/new", data={**REPORT, **fields})
    assert accepted.status_code == 303
    assert count(Report) == 1


# ---- Lost updates ------------------------------------------------------------------


def test_a_stale_report_save_is_refused_and_both_texts_are_kept(client, login, alice, make_report):
    report = make_report(alice, sections={"context": "Contexte d'origine.", "advice": "Rien."})
    login(alice)
    tab1 = form_fields(client, f"/reports/{report.id}/edit")
    tab2 = form_fields(client, f"/reports/{report.id}/edit")
    base = {**REPORT, "title": report.title, "advice": "Rien.", "action": "publish"}
    saved = client.post(
        f"/reports/{report.id}/edit",
        data={**base, **tab1, "context": "Contexte complété dans l'onglet 1."},
    )
    assert saved.status_code == 303
    assert "Modifications enregistrées" in client.get(saved.location).get_data(as_text=True)
    stale = client.post(
        f"/reports/{report.id}/edit",
        data={**base, **tab2, "context": "Contexte d'origine.", "advice": "Conseil de l'onglet 2."},
    )
    assert stale.status_code == 409
    html = stale.get_data(as_text=True)
    assert "Modifié entre-temps" in html
    assert "Conseil de l&#39;onglet 2." in html  # what tab 2 typed, still in the form
    assert "Contexte complété dans l&#39;onglet 1." in html  # the stored text, beside it
    db.session.expire_all()
    stored = db.session.get(Report, report.id)
    assert stored.section_md("context") == "Contexte complété dans l'onglet 1."
    assert stored.section_md("advice") == "Rien."
    # Saving again from the refused form, having seen both, goes through.
    new_version = VERSION_RE.search(html).group(1)
    assert new_version != tab2["version"]
    merged = client.post(
        f"/reports/{report.id}/edit",
        data={
            **base,
            **tab2,
            "version": new_version,
            "context": "Contexte complété dans l'onglet 1.",
            "advice": "Conseil de l'onglet 2.",
        },
    )
    assert merged.status_code == 303
    db.session.expire_all()
    stored = db.session.get(Report, report.id)
    assert stored.section_md("advice") == "Conseil de l'onglet 2."
    assert stored.section_md("context") == "Contexte complété dans l'onglet 1."


def test_a_stale_post_edit_is_refused(client, login, alice, discussion):
    post = db.session.scalar(sa.select(Post).where(Post.discussion_id == discussion.id))
    tab1 = form_fields(client, f"/posts/{post.id}/edit")
    tab2 = form_fields(client, f"/posts/{post.id}/edit")
    assert (
        client.post(f"/posts/{post.id}/edit", data={**tab1, "body": "Version 1"}).status_code == 303
    )
    stale = client.post(f"/posts/{post.id}/edit", data={**tab2, "body": "Version 2"})
    assert stale.status_code == 409
    html = stale.get_data(as_text=True)
    assert "Version 2" in html and "Version 1" in html
    db.session.expire_all()
    assert db.session.get(Post, post.id).body_md == "Version 1"


EDITING = {
    "structure": (
        "/structures/{structure}/edit",
        {"name": "A", "kind": "tiers-lieu", "department": "46"},
        "name",
    ),
    "module": ("/modules/{module}/edit", {"title": "A"}, "title"),
    "tag": ("/tags/{tag}/edit", {"label": "Aa"}, "label"),
    "category": ("/admin/categories/{category}/edit", {"name": "A"}, "name"),
}


@pytest.mark.parametrize("name", EDITING)
def test_every_edit_form_refuses_a_stale_save(name, client, login, admin, make_structure):
    login(admin)
    ctx = {
        "structure": make_structure().slug,
        "module": db.session.scalar(sa.select(KitModule.slug).order_by(KitModule.id)),
        "tag": db.session.scalar(sa.select(ChallengeTag.slug).order_by(ChallengeTag.id)),
        "category": db.session.scalar(sa.select(Category.id).order_by(Category.id)),
    }
    path_t, data, field = EDITING[name]
    path = path_t.format(**ctx)
    tab1, tab2 = form_fields(client, path), form_fields(client, path)
    assert tab1["version"], f"{name}: the edit form carries no version"
    first = client.post(path, data={**data, **tab1, field: "Nom de l'onglet un"})
    assert first.status_code == 303, first.get_data(as_text=True)[:300]
    # The edit may have changed the address (a slug): re-read it from the redirect.
    if name in ("structure", "tag", "module"):
        path = first.location.split("?")[0].rstrip("/") + "/edit"
        path = path[path.index("/", 8) :] if path.startswith("http") else path
    stale = client.post(path, data={**data, **tab2, field: "Nom de l'onglet deux"})
    assert stale.status_code == 409, stale.get_data(as_text=True)[:300]
    html = stale.get_data(as_text=True)
    assert "Nom de l&#39;onglet deux" in html and "Nom de l&#39;onglet un" in html


def test_a_save_without_a_version_is_accepted(client, login, alice, make_report):
    """Scripts that know nothing of versions still save (as before)."""
    report = make_report(alice)
    login(alice)
    response = post_form(
        client, f"/reports/{report.id}/edit", {**REPORT, "context": "Par un script."}
    )
    assert response.status_code == 303


# ---- Optional fields left out -------------------------------------------------------


def test_a_report_without_parcours_nor_structure_takes_their_defaults(client, login, alice):
    login(alice)
    data = {k: v for k, v in REPORT.items() if k not in ("parcours", "structure", "format")}
    response = post_form(client, "/reports/new", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    report = db.session.scalar(sa.select(Report))
    assert report.structure_id == alice.structure_id  # the author's, by default
    assert report.parcours_id is None
    assert report.format == "presentiel"


@pytest.mark.parametrize(
    "path, role",
    [
        ("/reports/new", "member"),
        ("/discussions/new", "member"),
        ("/parcours/new", "member"),
        ("/structures/new", "admin"),
        ("/modules/new", "admin"),
        ("/admin/categories", "admin"),
        ("/account", "member"),
        ("/auth/register", None),
    ],
)
def test_a_form_with_every_field_left_out_answers_in_french(
    path, role, client, login, alice, admin
):
    if role:
        login({"member": alice, "admin": admin}[role])
    response = post_form(client, path, {})
    assert response.status_code in (303, 400)
    html = response.get_data(as_text=True)
    assert "Not a valid choice" not in html and "This field is required" not in html


# ---- Deletion asks first ------------------------------------------------------------


def test_deleting_a_report_asks_first(client, login, alice, make_report):
    report = make_report(alice)
    login(alice)
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert f'href="/reports/{report.id}/delete"' in page
    question = client.get(f"/reports/{report.id}/delete")
    assert question.status_code == 200
    assert "Oui, supprimer" in question.get_data(as_text=True)
    unconfirmed = post_form(client, f"/reports/{report.id}/delete", {})
    assert unconfirmed.status_code == 200
    db.session.expire_all()
    assert db.session.get(Report, report.id).deleted_at is None
    confirmed = post_form(client, f"/reports/{report.id}/delete", {"confirm": "yes"})
    assert confirmed.status_code == 303
    db.session.expire_all()
    assert db.session.get(Report, report.id).deleted_at is not None


def test_deleting_a_message_asks_first(client, login, alice, discussion):
    post = db.session.scalar(sa.select(Post).where(Post.discussion_id == discussion.id))
    question = client.get(f"/posts/{post.id}/delete")
    assert question.status_code == 200
    assert "Qui a essayé ?" in question.get_data(as_text=True)
    assert post_form(client, f"/posts/{post.id}/delete", {}).status_code == 200
    db.session.expire_all()
    assert db.session.get(Post, post.id).deleted_at is None
    assert post_form(client, f"/posts/{post.id}/delete", {"confirm": "yes"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Post, post.id).deleted_at is not None


def test_nobody_else_reaches_the_deletion_question(client, login, alice, make_user, make_report):
    report = make_report(alice)
    login(make_user(email="eve@example.org"))
    assert client.get(f"/reports/{report.id}/delete").status_code == 403
