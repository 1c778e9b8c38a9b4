"""The index follows the database: outbox, permissions, edits, tags, check, resilience."""

import shutil
from datetime import date

import pytest

from forum.extensions import db
from forum.models import Report, SearchOutbox
from forum.search import engine
from forum.services import reports as report_service
from forum.services import tags as tag_service
from forum.services.reports import ReportInput
from tests.conftest import post_form
from tests.waiting import wait_for


def publish_via_form(client, title: str, context: str):
    """Publish a report through the real form (the logged-in member's)."""
    return post_form(
        client,
        "/reports/new",
        [
            ("title", title),
            ("session_date", "2025-01-01"),
            ("department", "24"),
            ("modules", "confronter-idee-terrain"),
            ("format", "presentiel"),
            ("participants", "3"),
            ("structure", ""),
            ("parcours", ""),
            ("context", context),
            ("action", "publish"),
        ],
    )


def outbox_count():
    return db.session.scalar(db.select(db.func.count(SearchOutbox.id)))


def new_input(
    title="Atelier pépinière solidaire",
    text="Une pépinière solidaire pour les jardins partagés.",
    publish=True,
    tags=(),
):
    return ReportInput(
        title=title,
        session_date=date(2025, 3, 1),
        department="24",
        format="presentiel",
        participants=5,
        modules=["confronter-idee-terrain"],
        tags=list(tags),
        sections={"context": text},
        publish=publish,
    )


@pytest.mark.whoosh_only(
    "the outbox: the postgres backend writes documents in the transaction (tests/test_two_servers.py)"
)
def test_writes_enqueue_in_the_same_transaction_and_sync_drains(corpus, make_user, search_ids):
    author = make_user()
    assert outbox_count() == 0
    report = report_service.create_report(author, new_input())
    assert outbox_count() >= 1
    assert search_ids("pépinière") == []  # not indexed inside the request
    engine().sync()
    assert outbox_count() == 0
    assert search_ids("pépinière") == [report.id]


@pytest.mark.whoosh_only(
    "the outbox: the postgres backend has none (a rolled back transaction takes its documents with it)"
)
def test_a_rolled_back_change_leaves_no_outbox_row(corpus, make_user):
    author = make_user()
    report = Report(
        title="x",
        session_date=date(2025, 1, 1),
        department_code="24",
        format="presentiel",
        participants=1,
        author=author,
    )
    db.session.add(report)
    db.session.flush()
    assert outbox_count() == 1
    db.session.rollback()
    assert outbox_count() == 0


def test_drafts_and_deleted_reports_never_reach_search(
    corpus, client, make_user, login, search_ids
):
    author = make_user()
    draft = report_service.create_report(
        author,
        new_input(title="Brouillon confidentiel", text="Ornithorynque secret.", publish=False),
    )
    engine().sync()
    assert search_ids("ornithorynque") == []
    assert search_ids("brouillon confidentiel") == []
    login(author)  # not even for its author: search shows what everyone may read
    assert search_ids("ornithorynque") == []
    report_service.update_report(
        db.session.get(Report, draft.id),
        author,
        new_input(title="Brouillon confidentiel", text="Ornithorynque secret.", publish=True),
    )
    engine().sync()
    assert search_ids("ornithorynque") == [draft.id]
    report_service.delete_report(db.session.get(Report, draft.id), author)
    engine().sync()
    assert search_ids("ornithorynque") == []
    report_service.restore_report(db.session.get(Report, draft.id), author)
    engine().sync()
    assert search_ids("ornithorynque") == [draft.id]


def test_edits_replace_the_old_text(corpus, make_user, search_ids):
    author = make_user()
    report = report_service.create_report(author, new_input(text="Le tricot solidaire rassemble."))
    engine().sync()
    assert search_ids("tricot") == [report.id]
    report_service.update_report(report, author, new_input(text="La vannerie rassemble."))
    engine().sync()
    assert search_ids("tricot") == [] and search_ids("vannerie") == [report.id]


def test_tag_rename_and_merge_reach_the_index(corpus, make_user, search_ids):
    author = make_user()
    report = report_service.create_report(
        author, new_input(tags=["numerique"], text="Rien de spécial.")
    )
    engine().sync()
    tag = tag_service.get_by_slug("numerique")
    tag_service.update_tag(tag, "Inclusion numérique", tag.description)
    engine().sync()
    assert report.id in search_ids("inclusion")
    proposal = tag_service.resolve_tags([], ["Visio"], author)[0]
    db.session.commit()
    report_service.update_report(
        report, author, new_input(tags=["numerique", proposal.slug], text="Rien de spécial.")
    )
    engine().sync()
    assert report.id in search_ids("tag:visio")
    tag_service.merge_tags(proposal, tag_service.get_by_slug("gouvernance"))
    engine().sync()
    assert report.id not in search_ids("tag:visio") and report.id in search_ids("tag:gouvernance")


@pytest.mark.whoosh_only(
    "a lost outbox: postgres is checked by test_check_finds_documents_changed_behind_the_app"
)
def test_check_finds_missing_stale_and_extra_and_fix_repairs(app, corpus, make_user):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    author = make_user()
    missing = report_service.create_report(author, new_input())
    db.session.execute(db.delete(SearchOutbox))  # simulate a lost queue
    stale = db.session.get(Report, corpus["ecole"])
    stale.title = "Titre changé hors de l'application"
    db.session.flush()
    db.session.execute(db.delete(SearchOutbox))
    extra = db.session.get(Report, corpus["elus"])
    extra.status = "draft"
    db.session.flush()
    db.session.execute(db.delete(SearchOutbox))
    db.session.commit()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert f"missing: 1 (report:{missing.id})" in result.output
    assert f"stale: 1 (report:{stale.id})" in result.output
    assert f"extra: 1 (report:{extra.id})" in result.output
    assert runner.invoke(args=["search", "check", "--fix"]).exit_code == 0
    assert runner.invoke(args=["search", "check"]).exit_code == 0


@pytest.mark.whoosh_only("the index files' writer lock")
def test_sync_leaves_work_when_another_process_holds_the_index(corpus, make_user):
    author = make_user()
    report_service.create_report(author, new_input())
    store = engine().store
    holder = store.writer(store.open())
    try:
        assert engine().sync() == 0
        assert outbox_count() >= 1  # nothing lost: it waits for the next drain
    finally:
        holder.cancel()
    assert engine().sync() >= 1 and outbox_count() == 0


# Whoosh leaks the file handle of a table of contents it cannot parse (its bug, not ours).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.whoosh_only("index files removed or damaged")
def test_missing_or_corrupt_index_keeps_pages_working_and_rebuild_restores(
    app, corpus, client, make_user, login, search_ids
):
    shutil.rmtree(app.config["SEARCH_DIR"])
    engine().store.close()
    html = client.get("/search?q=covoiturage").get_data(as_text=True)
    assert "en cours de reconstruction" in html
    for path in ("/", "/reports/", f"/reports/{corpus['covoiturage']}"):
        assert client.get(path).status_code == 200
    author = make_user()
    login(author)  # writing still works: the change waits in the outbox
    response = publish_via_form(client, "Écrit pendant la panne", "Hippocampe pendant la panne.")
    assert response.status_code == 303
    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    engine().sync()
    assert search_ids("covoiturage") == [corpus["covoiturage"]]
    assert len(search_ids("hippocampe")) == 1
    # corrupt: garbage in every file of the live generation
    current = engine().store.current.resolve()
    for path in current.iterdir():
        path.write_bytes(b"\x00garbage")
    engine().store.close()
    assert "en cours de reconstruction" in client.get("/search?q=covoiturage").get_data(
        as_text=True
    )
    assert client.get("/reports/").status_code == 200
    assert app.test_cli_runner().invoke(args=["search", "rebuild"]).exit_code == 0
    assert search_ids("covoiturage") == [corpus["covoiturage"]]


@pytest.mark.whoosh_only("the drainer thread")
def test_background_drainer_makes_publications_searchable_on_its_own(
    app, corpus, client, make_user, login, search_ids
):
    app.config["SEARCH_BACKGROUND"] = True
    engine().worker.enabled = True
    login(make_user())
    response = publish_via_form(
        client, "Marché de producteurs", "Le kamishibaï a captivé le groupe."
    )
    assert response.status_code == 303
    try:
        # No `sync()` here: only the drainer thread can make it appear.
        wait_for(lambda: search_ids("kamishibaï"), "the drainer to index the publication")
        assert len(search_ids("kamishibaï")) == 1
    finally:
        engine().shutdown()


@pytest.mark.whoosh_only("index generations and the drainer")
def test_rebuild_while_a_drainer_holds_the_old_index(app, corpus, make_user, search_ids):
    """The old index stays locked during a rebuild; the lock is released on the old files."""
    author = make_user()
    report_service.create_report(
        author, new_input(title="Pendant la reconstruction", text="Mandoline.")
    )
    assert engine().rebuild() == len(corpus) + 1
    assert engine().sync() >= 1  # the outbox row written before the rebuild is applied after
    assert len(search_ids("mandoline")) == 1
    assert engine().rebuild() == len(corpus) + 1  # and again, over the previous generation
    assert len(search_ids("mandoline")) == 1


def test_discussions_and_replies_are_searchable_with_the_same_rules(
    app, corpus, client, make_user, login, search_ids
):
    import re

    from forum.models import Discussion, Post

    alice = make_user(display_name="Alice")
    login(alice)
    post_form(
        client,
        "/discussions/new",
        [
            ("title", "Trouver une salle gratuite"),
            ("body", "Où trouver un gymnase pour la séance ?"),
            ("category", "questions-de-pratique"),
            ("tags", "mobilite"),
        ],
    )
    discussion = db.session.scalar(db.select(Discussion))
    post_form(
        client,
        f"/discussions/{discussion.id}/reply",
        {"body": "La médiathèque prête sa salle le mardi."},
    )
    post_form(
        client,
        f"/reports/{corpus['covoiturage']}/reply",
        {"body": "Le minibus intercommunal dépanne aussi."},
    )
    engine().sync()

    def kinds(q, **params):
        html = client.get("/search", query_string={"q": q, **params}).get_data(as_text=True)
        results = html.split('class="results"', 1)[1]
        return re.findall(r'<h2 class="h3"><a href="(/[a-z]+/\d+)', results)

    assert kinds("gymnase") == [f"/discussions/{discussion.id}"]
    assert kinds("médiathèque") == [f"/discussions/{discussion.id}"]  # a reply, linked to its post
    assert kinds("minibus") == [f"/reports/{corpus['covoiturage']}"]
    assert kinds("gymnase", type="report") == []
    assert f"/discussions/{discussion.id}" in kinds("tag:mobilite", type="discussion")
    reply = db.session.scalar(
        db.select(Post).order_by(Post.id.desc()).where(Post.discussion_id == discussion.id)
    )
    post_form(client, f"/posts/{reply.id}/delete", {"confirm": "yes"})
    engine().sync()
    assert kinds("médiathèque") == []
    result = app.test_cli_runner().invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output


def test_replies_under_a_deleted_report_leave_the_index(
    app, corpus, client, make_user, login, search_ids
):
    from forum.models import Report

    login(make_user())
    post_form(
        client, f"/reports/{corpus['elus']}/reply", {"body": "Le ukulélé a détendu les élus."}
    )
    engine().sync()
    assert client.get("/search?q=ukulélé").get_data(as_text=True).count('class="card"') == 1
    report_service.delete_report(
        db.session.get(Report, corpus["elus"]), db.session.get(Report, corpus["elus"]).author
    )
    engine().sync()
    assert client.get("/search?q=ukulélé").get_data(as_text=True).count('class="card"') == 0
    assert app.test_cli_runner().invoke(args=["search", "check"]).exit_code == 0


@pytest.mark.whoosh_only("outbox rows")
def test_a_reply_enqueues_itself_not_the_whole_thread(corpus, make_user):
    from datetime import timedelta

    from forum.models import Category, SearchOutbox
    from forum.models.base import utcnow
    from forum.services import discussions

    author = make_user(created_at=utcnow() - timedelta(days=30))
    category = db.session.scalar(db.select(Category))
    thread = discussions.create_discussion(author, "Long fil", "Début.", category)
    for n in range(30):
        discussions.reply(thread, author, f"Réponse {n}")
    engine().sync()
    discussions.reply(thread, author, "Encore une")
    queued = set(db.session.execute(db.select(SearchOutbox.kind, SearchOutbox.object_id)).all())
    assert {kind for kind, _ in queued} == {"post", "discussion"} and len(queued) == 2
    thread.title = "Long fil renommé"  # a new title changes every reply's document
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count(SearchOutbox.id))) >= 2 + 32


def test_check_finds_documents_changed_behind_the_app(app, corpus, search_backend):
    """The postgres backend's `search check`: documents deleted, changed or left behind by
    statements outside the app are found, and --fix rewrites them."""
    from forum.models import SearchDocument

    if search_backend != "postgres":
        pytest.skip("Whoosh: test_check_finds_missing_stale_and_extra_and_fix_repairs")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    missing, stale, extra = corpus["covoiturage"], corpus["ecole"], corpus["elus"]
    db.session.execute(db.delete(SearchDocument).where(SearchDocument.key == f"report:{missing}"))
    db.session.execute(
        db.update(SearchDocument)
        .where(SearchDocument.key == f"report:{stale}")
        .values(digest="0" * 24)
    )
    db.session.execute(db.text("UPDATE report SET status = 'draft' WHERE id = :id"), {"id": extra})
    db.session.commit()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert f"missing: 1 (report:{missing})" in result.output
    assert f"stale: 1 (report:{stale})" in result.output
    assert f"extra: 1 (report:{extra})" in result.output
    assert runner.invoke(args=["search", "check", "--fix"]).exit_code == 0
    assert runner.invoke(args=["search", "check"]).exit_code == 0
