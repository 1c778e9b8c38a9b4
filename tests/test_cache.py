"""Caches never show stale content: the content stamp, per-process memos, conditional GET.

Two app instances on one database stand for two processes (or two servers): each keeps
its own memos (app.extensions), exactly as a gunicorn worker does. Pages are warmed on
both, content changes through one, and the next request on the other must show it.
"""

from datetime import date

import pytest
import sqlalchemy as sa

from forum import create_app
from forum.extensions import db
from forum.models import Bookmark, ContentStamp, Report
from forum.services import moderation
from forum.services.reports import ReportInput, delete_report, update_report
from tests.conftest import post_form

PAGES = (
    "/",
    "/reports/",
    "/reports/?tag=financement",
    "/tags/",
    "/tags/financement",
    "/modules/",
    "/modules/confronter-idee-terrain",
    "/territories/",
    "/reports/feed.atom",
    "/tags/financement/feed.atom",
)
TITLE = "Marché de producteurs à Saint-Céré, troisième séance"


@pytest.fixture
def other(app):
    """A second app on the same database: another process's memos."""
    second = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SEARCH_DIR": app.config["SEARCH_DIR"],
            "SEARCH_BACKGROUND": False,
            "NOTIFICATIONS_BACKGROUND": False,
        },
        env="testing",
    )
    yield second.test_client()
    with second.app_context():
        second.extensions["search"].shutdown()
        db.engine.dispose()


def stamp_now() -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(ContentStamp.version).where(ContentStamp.id == 1)) or 0


def report_input(title=TITLE, publish=True, **changes) -> ReportInput:
    data = dict(
        session_date=date(2025, 3, 4),
        department="46",
        format="presentiel",
        participants=7,
        modules=["confronter-idee-terrain"],
        tags=["financement"],
        sections={"context": "Le marché du samedi comme terrain de test."},
        publish=publish,
    )
    data.update(changes)
    return ReportInput(title=title, **data)


def pages_showing(client, text: str) -> set[str]:
    return {url for url in PAGES if text in client.get(url).get_data(as_text=True)}


def test_every_cached_page_follows_publish_edit_and_delete_on_another_process(
    app, client, other, make_user
):
    from forum.services.reports import create_report

    author = make_user()
    for url in PAGES:  # warm every memo on both "processes"
        assert client.get(url).status_code == 200, url
        assert other.get(url).status_code == 200, url

    draft = create_report(author, report_input(publish=False))
    db.session.commit()  # as the request does
    assert pages_showing(other, TITLE) == set(), "a draft never shows"

    update_report(draft, author, report_input())
    db.session.commit()  # as the request does
    shown = pages_showing(other, TITLE)
    assert shown == set(PAGES) - {"/tags/", "/modules/", "/territories/"}
    assert pages_showing(client, TITLE) == shown

    update_report(draft, author, report_input(title=TITLE + " (corrigé)"))
    db.session.commit()  # as the request does
    assert pages_showing(other, "(corrigé)") == shown

    delete_report(draft, author)
    db.session.commit()  # as the request does
    assert pages_showing(other, TITLE) == set()
    assert pages_showing(client, TITLE) == set()


def test_counts_and_totals_follow_on_another_process(app, client, other, make_user, make_report):
    author = make_user()
    make_report(author, title="Premier retour", tags=["financement"])
    before = other.get("/tags/").get_data(as_text=True)
    home_before = other.get("/").get_data(as_text=True)
    assert "1 retour d’expérience" in home_before
    make_report(author, title="Second retour", tags=["financement"])
    assert other.get("/tags/").get_data(as_text=True) != before
    assert "2 retours d’expérience" in other.get("/").get_data(as_text=True)
    assert "Lot" in other.get("/territories/").get_data(as_text=True)


def test_activity_figures_follow_on_another_process(app, client, other, make_user, make_report):
    """/activity keeps its aggregates and map per content stamp (services/activity.py:
    summary, places): a report published through one process shows on the other."""
    author = make_user()
    make_report(author, title="Premier retour", department="46")
    sessions = 'data-indicator="sessions" data-value="{}"'
    assert sessions.format(1) in other.get("/activity").get_data(as_text=True)
    assert "Lot (46) : 1" in other.get("/territories/").get_data(as_text=True)
    make_report(author, title="Second retour", department="46")
    assert sessions.format(2) in other.get("/activity").get_data(as_text=True)
    assert "Lot (46) : 2" in other.get("/territories/").get_data(as_text=True)


def test_a_renamed_author_shows_on_cached_cards(app, other, make_user, make_report):
    author = make_user(display_name="Anaïs Dupré")
    make_report(author, title="Un retour signé")
    assert "Anaïs Dupré" in other.get("/").get_data(as_text=True)
    author.display_name = "Anaïs Dupré-Vidal"
    db.session.commit()
    assert "Anaïs Dupré-Vidal" in other.get("/").get_data(as_text=True)


def test_stamp_rises_for_content_not_for_private_state(app, make_user, make_report):
    author = make_user()
    start = stamp_now()
    report = make_report(author)
    after_publish = stamp_now()
    assert after_publish > start

    db.session.add(Bookmark(user_id=author.id, report_id=report.id))
    author.last_login_at = author.created_at
    db.session.commit()
    assert stamp_now() == after_publish, "bookmarks and logins are private state"

    # A bulk statement through the session raises it too.
    db.session.execute(sa.update(Report).where(Report.id == report.id).values(participants=9))
    db.session.commit()
    assert stamp_now() == after_publish + 1

    # A rolled-back change does not.
    report.title = "Jamais enregistré"
    db.session.flush()
    db.session.rollback()
    db.session.commit()
    assert stamp_now() == after_publish + 1


def test_a_missing_stamp_row_is_recreated_by_the_next_write(app, make_user, make_report):
    db.session.execute(sa.delete(ContentStamp))
    db.session.commit()
    assert stamp_now() == 0
    make_report(make_user())
    assert stamp_now() > 1


def test_visitors_revalidate_and_get_304_until_content_changes(app, client, make_user, make_report):
    author = make_user()
    make_report(author, title="Avant")
    first = client.get("/reports/")
    tag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = client.get("/reports/", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""

    # Compressed responses carry "<tag>:br"; revalidating with it works too.
    compressed = client.get("/reports/", headers={"Accept-Encoding": "br"})
    assert compressed.headers["Content-Encoding"] == "br"
    br_tag = compressed.headers["ETag"]
    assert br_tag.endswith(':br"')
    assert (
        client.get(
            "/reports/", headers={"If-None-Match": br_tag, "Accept-Encoding": "br"}
        ).status_code
        == 304
    )

    make_report(author, title="Après")
    changed = client.get("/reports/", headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert "Après" in changed.get_data(as_text=True)
    assert changed.headers["ETag"] != tag


def test_no_shared_validators_for_members_or_other_languages(app, client, make_user, login):
    visitor = client.get("/")
    tag = visitor.headers["ETag"]
    english = client.get("/", headers={"If-None-Match": tag, "Accept-Language": "en"})
    if client.get_cookie("session") is None:  # no session: the language decides alone
        assert english.status_code == 200
    member = make_user()
    login(member)
    page = client.get("/", headers={"If-None-Match": tag})
    assert page.status_code == 200
    assert "ETag" not in page.headers, "a member's page carries their notifications"


def test_a_flash_message_is_never_swallowed_by_a_304(app, client, make_user):
    first = client.get("/")
    tag = first.headers["ETag"]
    # A failed login flashes nothing, but the language switch redirects with a message
    # only in some flows; use the session directly to stand for any flashed message.
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "Modifications enregistrées")]
    page = client.get("/", headers={"If-None-Match": tag})
    assert page.status_code == 200
    assert "Modifications enregistrées" in page.get_data(as_text=True)


def test_hidden_message_leaves_the_visitors_discussion_page(app, client, make_user):
    from forum.models import Category, Post
    from forum.services import discussions

    moderator = make_user(role="moderator")
    author = make_user()
    category = db.session.scalar(sa.select(Category).limit(1))
    discussion = discussions.create_discussion(
        author, "Covoiturage vers les séances", "Un message à masquer bientôt.", category
    )
    url = f"/discussions/{discussion.id}"
    first = client.get(url)
    assert "Un message à masquer bientôt." in first.get_data(as_text=True)
    post = db.session.scalar(sa.select(Post).where(Post.discussion_id == discussion.id))
    moderation.set_hidden(post, moderator, True, "hors sujet")
    db.session.commit()  # as the request does
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200
    assert "Un message à masquer bientôt." not in again.get_data(as_text=True)


def test_search_revalidation_follows_the_index(app, client, make_user, make_report):
    from forum.search import engine

    author = make_user()
    make_report(author, title="Épicerie solidaire itinérante")
    engine().sync()
    first = client.get("/search?q=itinérante")
    assert "Épicerie solidaire itinérante" in first.get_data(as_text=True)
    make_report(author, title="Tournée itinérante en zone blanche")
    engine().sync()
    again = client.get("/search?q=itinérante", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200
    assert "Tournée itinérante en zone blanche" in again.get_data(as_text=True)


def test_posting_a_form_is_never_answered_from_a_validator(app, client, make_user, login):
    # Conditional GET applies to GET only: a POST with If-None-Match still runs.
    tag = client.get("/").headers["ETag"]
    response = post_form(
        client, "/language", {"locale": "en", "next": "/"}, headers={"If-None-Match": tag}
    )
    assert response.status_code in (302, 303)


def _log_in(client, user) -> None:
    response = post_form(
        client, "/auth/login", {"email": user.email, "password": "motdepasse-solide"}
    )
    assert response.status_code in (302, 303)


def test_thread_pages_follow_every_change_on_another_process(
    app, client, other, make_user, make_report
):
    """The rows of a thread and a report's article are kept rendered per stamp: replies,
    edits, deletions, hiding, renames and the report's own changes show at the next request
    on the other process; a moderator's view (hidden messages) never reaches anyone else."""
    from forum.models import Category, Post
    from forum.services import discussions

    author = make_user(display_name="Odile Vernhes")
    moderator = make_user(role="moderator")
    category = db.session.scalar(sa.select(Category).limit(1))
    discussion = discussions.create_discussion(
        author, "Navettes vers les séances", "Premier message du fil.", category
    )
    report = make_report(author, title="Séance de Gramat")
    thread = discussions.report_thread(report)
    discussions.reply(thread, author, "Une réponse sous le retour.")
    db.session.commit()  # as the request does
    pages = (f"/discussions/{discussion.id}", f"/reports/{report.id}")
    for url in pages:  # warm both "processes"
        assert client.get(url).status_code == 200 and other.get(url).status_code == 200
    moderators = other.application.test_client()
    _log_in(moderators, moderator)

    def shown(text: str, reader=other) -> set[str]:
        return {url for url in pages if text in reader.get(url).get_data(as_text=True)}

    discussions.reply(discussion, author, "Deuxième message, tout neuf.")
    db.session.commit()  # as the request does
    discussions.reply(thread, author, "Deuxième réponse sous le retour.")
    db.session.commit()  # as the request does
    assert shown("Deuxième message, tout neuf.") == {pages[0]}
    assert shown("Deuxième réponse sous le retour.") == {pages[1]}

    posts = {p.body_md: p for p in db.session.scalars(sa.select(Post))}
    discussions.edit_post(posts["Deuxième message, tout neuf."], author, "Texte corrigé.")
    db.session.commit()  # as the request does
    assert shown("Texte corrigé.") == {pages[0]}
    assert shown("tout neuf") == set()

    hidden = posts["Deuxième réponse sous le retour."]
    assert shown("Deuxième réponse", moderators) == {pages[1]}  # the moderator's view, kept
    moderation.set_hidden(hidden, moderator, True, "hors sujet")
    db.session.commit()  # as the request does
    assert shown("Deuxième réponse") == set(), "a visitor never sees a hidden message"
    assert shown("Deuxième réponse", moderators) == {pages[1]}
    assert shown("Deuxième réponse") == set(), "nor the moderator's cached view"

    discussions.delete_post(posts["Premier message du fil."], author)
    db.session.commit()  # as the request does
    assert shown("Premier message du fil.") == set()
    assert shown("Premier message du fil.", moderators) == set()

    author.display_name = "Odile Vernhes-Calmels"
    db.session.commit()
    assert shown("Odile Vernhes-Calmels") == set(pages)

    elsewhere = db.session.scalar(sa.select(Category).where(Category.id != category.id).limit(1))
    moderation.move(discussion, moderator, elsewhere)
    db.session.commit()  # as the request does
    moderation.set_pinned(discussion, moderator, True)
    db.session.commit()  # as the request does
    header = other.get(pages[0]).get_data(as_text=True)
    assert elsewhere.name in header and "Épinglée" in header

    update_report(report, author, report_input(title="Séance de Gramat, corrigée"))
    db.session.commit()  # as the request does
    assert "Séance de Gramat, corrigée" in other.get(pages[1]).get_data(as_text=True)
    delete_report(report, author)
    db.session.commit()  # as the request does
    assert other.get(pages[1]).status_code == 404, "a deleted report's kept article is not served"


def test_one_members_marks_never_reach_another_reader(app, client, make_user):
    """Cached rows carry nothing of who reads: bookmarks, edit links, unread marks and
    action forms are written per request, for that member only."""
    from forum.models import Category, Post
    from forum.services import bookmarks, discussions

    alice, bruno = make_user(), make_user()
    category = db.session.scalar(sa.select(Category).limit(1))
    discussion = discussions.create_discussion(alice, "Un fil à deux", "Message d’Alice.", category)
    post = db.session.scalar(sa.select(Post).where(Post.discussion_id == discussion.id))
    bookmarks.toggle(alice, post_id=post.id)
    db.session.commit()  # as the request does
    url = f"/discussions/{discussion.id}"
    visitor = client.application.test_client()
    assert "post-actions" not in visitor.get(url).get_data(as_text=True)
    _log_in(client, alice)
    mine = client.get(url).get_data(as_text=True)
    assert "Retirer des favoris" in mine and f"/posts/{post.id}/edit" in mine
    theirs = client.application.test_client()
    _log_in(theirs, bruno)
    page = theirs.get(url).get_data(as_text=True)
    assert "post-actions" in page and "Retirer des favoris" not in page
    assert f"/posts/{post.id}/edit" not in page
    assert "post-actions" not in visitor.get(url).get_data(as_text=True)


def test_a_modules_shared_files_follow_on_another_process(app, other, make_user, make_report):
    """The « Supports partagés » of a module are kept rendered per stamp: a file that
    becomes ready shows at the next request on the other process, and leaves it when its
    report is deleted; a pending file never shows."""
    from io import BytesIO

    from forum.services import attachments
    from tests.files import pdf_with_text

    author = make_user()
    report = make_report(author, title="Séance à Lacapelle", modules=["confronter-idee-terrain"])
    url = "/modules/confronter-idee-terrain"
    assert "grille-enquete.pdf" not in other.get(url).get_data(as_text=True)
    attachments.attach(author, BytesIO(pdf_with_text()), "grille-enquete.pdf", report=report)
    db.session.commit()  # as the request does
    assert "grille-enquete.pdf" not in other.get(url).get_data(as_text=True), "still pending"
    attachments.process_pending()
    db.session.commit()  # as the worker does
    assert "grille-enquete.pdf" in other.get(url).get_data(as_text=True)
    assert "grille-enquete.pdf" in other.get(f"{url}?supports=document").get_data(as_text=True)
    assert "grille-enquete.pdf" not in other.get(f"{url}?supports=image").get_data(as_text=True)
    delete_report(report, author)
    db.session.commit()  # as the request does
    assert "grille-enquete.pdf" not in other.get(url).get_data(as_text=True)


def test_search_and_similar_revalidation_follow_the_index_alone(
    app, client, make_user, make_report
):
    """Fresh tester (issue 19): a report indexed after a visitor's search — the drainer's
    work, which raises no content stamp — was answered 304 with the old « 0 résultat »,
    and a report page kept its old « Retours similaires » the same way."""
    from forum.search import engine

    author = make_user()
    older = make_report(author, title="Tournée itinérante en zone blanche")
    engine().sync()
    make_report(author, title="Autre tournée itinérante en zone blanche")  # not indexed yet
    first = client.get("/search?q=autre")
    assert "Autre tournée" not in first.get_data(as_text=True)
    page = client.get(f"/reports/{older.id}")
    engine().sync()  # the drainer: the index moves on, the content stamp does not
    again = client.get("/search?q=autre", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200
    assert "Autre tournée itinérante" in again.get_data(as_text=True)
    # The report page's « Retours similaires » are read from the index: its validator
    # follows the index as well.
    similar = client.get(f"/reports/{older.id}", headers={"If-None-Match": page.headers["ETag"]})
    assert similar.status_code == 200 and similar.headers["ETag"] != page.headers["ETag"]


def test_pages_of_upcoming_events_revalidate_with_the_clock(app, client, monkeypatch):
    """Fresh tester (issue 19): an event that ended left the home page and the
    territories with no write, yet an old ETag still got a 304 there. Their validators
    follow the clock by five minutes (forum.cache.clock_window), as the calendar's list."""
    from datetime import datetime

    from forum import cache

    monkeypatch.setattr(cache, "utcnow", lambda: datetime(2031, 3, 30, 9, 2))
    tags = {path: client.get(path).headers["ETag"] for path in ("/", "/territories/", "/reports/")}
    for path, tag in tags.items():
        assert client.get(path, headers={"If-None-Match": tag}).status_code == 304
    monkeypatch.setattr(cache, "utcnow", lambda: datetime(2031, 3, 30, 9, 6))
    assert client.get("/", headers={"If-None-Match": tags["/"]}).status_code == 200
    assert (
        client.get("/territories/", headers={"If-None-Match": tags["/territories/"]}).status_code
        == 200
    )
    # a page with nothing upcoming keeps its validator
    assert client.get("/reports/", headers={"If-None-Match": tags["/reports/"]}).status_code == 304


def test_weak_validators_revalidate_too(app, client):
    """RFC 9110 §13.1.2: If-None-Match uses the weak comparison, W/"x" matches "x"."""
    tag = client.get("/reports/").headers["ETag"]
    assert client.get("/reports/", headers={"If-None-Match": f"W/{tag}"}).status_code == 304


def test_member_pages_are_private_and_a_new_feed_address_is_never_stored(
    app, client, make_user, login
):
    from tests.conftest import post_form

    login(make_user())
    for path in ("/", "/my/reports", "/notifications"):
        assert client.get(path).headers["Cache-Control"] == "private, no-cache", path
    made = post_form(client, "/events/my-feed", {"action": "new"})
    assert made.status_code == 303 and made.headers["Cache-Control"] == "no-store"
    shown = client.get("/events/my-feed")  # Post/Redirect/Get: the address, shown once
    assert 'id="feed-address"' in shown.get_data(as_text=True)
    assert shown.headers["Cache-Control"] == "no-store"


def test_head_requests_carry_the_validator_and_vary_names_the_language(app, client):
    """Fresh tester (issue 19): HEAD had no ETag and never a 304; the language of a
    visitor's page follows Accept-Language, which Vary did not say."""
    tag = client.get("/reports/").headers["ETag"]
    head = client.head("/reports/")
    assert head.headers["ETag"] == tag
    assert client.head("/reports/", headers={"If-None-Match": tag}).status_code == 304
    assert "Accept-Language" in client.get("/reports/").headers["Vary"]
