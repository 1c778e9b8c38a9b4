"""Each domain rule once: report states, « visible to everyone » in Python and SQL, the
opening post, the shared limits; typed domain errors and the pages they become."""

from datetime import timedelta

import pytest
from flask import Blueprint

from forum import limits
from forum.extensions import db
from forum.models import Discussion, Post, Report, ReportStatus
from forum.models.base import utcnow
from forum.services import (
    Conflict,
    Forbidden,
    Invalid,
    Locked,
    NotFound,
    RateLimited,
    ServiceError,
    discussions,
)

OLD = utcnow() - timedelta(days=30)


def test_report_status_values_are_the_stored_strings():
    assert [s.value for s in ReportStatus] == ["draft", "published", "erased"]
    assert ReportStatus.PUBLISHED == "published" and "draft" == ReportStatus.DRAFT
    assert {"published": 1}[ReportStatus.PUBLISHED] == 1


def test_report_visibility_is_one_rule_in_python_and_sql(app, make_user, make_report):
    author = make_user(created_at=OLD)
    public = make_report(author, title="Publié")
    draft = make_report(author, title="Brouillon", publish=False)
    deleted = make_report(author, title="Supprimé")
    deleted.deleted_at = utcnow()
    db.session.commit()
    in_sql = set(db.session.scalars(db.select(Report.id).where(Report.is_published)))
    in_python = {r.id for r in (public, draft, deleted) if r.is_published}
    assert in_sql == in_python == {public.id}
    assert draft.status == ReportStatus.DRAFT and isinstance(draft.status, str)


def test_post_visible_and_discussion_listed_agree_in_sql(app, make_user, make_report):
    author = make_user(created_at=OLD)
    category = discussions.save_category(None, "Questions", "")
    listed = discussions.create_discussion(author, "Une question", "Le texte.", category)
    gone = discussions.create_discussion(author, "Une autre", "Le texte.", category)
    gone.deleted_at = utcnow()
    thread = discussions.report_thread(make_report(author))
    reply = discussions.reply(listed, author, "Une réponse.")
    reply.hidden_at = utcnow()
    db.session.commit()
    listed_ids = set(db.session.scalars(db.select(Discussion.id).where(Discussion.is_listed)))
    assert listed_ids == {listed.id} and not thread.is_listed and not gone.is_listed
    visible = set(db.session.scalars(db.select(Post.id).where(Post.visible)))
    assert visible == {p.id for p in db.session.scalars(db.select(Post)) if p.visible}
    assert reply.id not in visible


def test_the_opening_post_is_the_first_and_a_report_thread_has_none(app, make_user, make_report):
    author = make_user(created_at=OLD)
    category = discussions.save_category(None, "Questions", "")
    discussion = discussions.create_discussion(author, "Une question", "Premier.", category)
    second = discussions.reply(discussion, author, "Deuxième.")
    opening = db.session.scalar(
        db.select(Post).where(Post.id.in_(Post.opening_ids([discussion.id])))
    )
    assert opening.body_md == "Premier."
    assert discussions.first_post_id(discussion) == opening.id
    assert discussions.first_post_id(discussion, [second, opening]) == opening.id
    thread = discussions.report_thread(make_report(author))
    discussions.reply(thread, author, "Sous le retour.")
    assert discussions.first_post_id(thread) is None


def test_limits_hold_in_the_service_as_in_the_form(app, make_user):
    author = make_user(created_at=OLD)
    category = discussions.save_category(None, "Questions", "")
    with app.test_request_context(), pytest.raises(Invalid) as refused:
        discussions.create_discussion(author, "x" * (limits.TITLE_MAX + 1), "Texte.", category)
    assert refused.value.field == "title"
    assert refused.value.message == "Le titre doit compter de 3 à 200 caractères."
    with app.test_request_context(), pytest.raises(Invalid) as refused:
        discussions.check_body("é" * (limits.POST_BODY_MAX_BYTES // 2 + 1))
    assert refused.value.field == "body"


def test_domain_errors_say_what_happened():
    assert Invalid("title", "Trop court.").field == "title"
    assert Invalid("title", "Trop court.").message == "Trop court."
    statuses = {
        cls: cls.status for cls in (Invalid, NotFound, Forbidden, Locked, Conflict, RateLimited)
    }
    assert statuses == {
        Invalid: 400,
        NotFound: 404,
        Forbidden: 403,
        Locked: 403,
        Conflict: 409,
        RateLimited: 429,
    }
    assert all(issubclass(cls, ServiceError) for cls in statuses)  # old `except` still catch


@pytest.mark.parametrize(
    "error, status",
    [
        (NotFound("Ce retour n'existe pas."), 404),
        (Forbidden("Réservé à l'équipe."), 403),
        (Conflict("Déjà fait."), 409),
        (RateLimited("Patientez un peu."), 429),
        (Invalid("body", "Le message est vide."), 400),
    ],
)
def test_an_unhandled_domain_error_is_a_french_page_with_its_status(app, error, status):
    bp = Blueprint(f"raising_{status}", __name__)

    @bp.get(f"/raise/{status}")
    def raising():
        raise error

    app.register_blueprint(bp)
    response = app.test_client().get(f"/raise/{status}")
    assert response.status_code == status
    assert error.message.replace("'", "&#39;") in response.get_data(as_text=True)


def test_a_locked_discussion_refuses_replies_with_a_403_page(client, make_user, login):
    from tests.conftest import post_form

    author = make_user(created_at=OLD)
    category = discussions.save_category(None, "Questions", "")
    discussion = discussions.create_discussion(author, "Une question", "Le texte.", category)
    discussion.locked = True
    db.session.commit()
    login(author)
    response = post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Encore un mot"})
    assert response.status_code == 403
    assert "verrouillée" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Post.id))) == 1


def test_the_new_account_brake_is_the_services_whatever_the_way_in(app, make_user, make_report):
    """Issue 13: the brake of new accounts lived in the report and calendar views, so a
    publication through the services alone (a draft published from the list, a script,
    another view) was not counted or braked. The services apply it now, one count for
    messages, reports made public and events; drafts are never braked; old accounts never."""
    from forum.models import Category
    from forum.services import calendar as cal
    from forum.services import reports as report_service
    from tests.calendar.conftest import event_input, soon

    newcomer = make_user()  # registered now
    for n in range(9):
        make_report(newcomer, title=f"Séance {n} à Figeac")
    category = db.session.scalar(db.select(Category))
    discussions.create_discussion(newcomer, "Une question de plus", "Bonjour à tous.", category)
    db.session.commit()  # ten publications in the hour
    draft = make_report(newcomer, title="Un brouillon", publish=False)  # never braked
    with pytest.raises(RateLimited):
        report_service.publish_report(draft, newcomer)
    with pytest.raises(RateLimited):
        make_report(newcomer, title="Une onzième séance")
    with pytest.raises(RateLimited):
        discussions.create_discussion(newcomer, "Encore une", "Bonjour.", category)
    event = event_input(title="Un rendez-vous", start=soon(days=20, hour=14))
    with pytest.raises(RateLimited):
        cal.create_event(newcomer, event)
    db.session.rollback()
    veteran = make_user(created_at=OLD)
    for n in range(11):
        make_report(veteran, title=f"Séance {n} à Cahors")  # an old account: no brake


def test_names_sort_in_french_alphabetical_order(app, make_structure):
    """« Évaluation et impact » came after every other défi, « Équipe … » after « Tiers-lieu
    … » (code-point order put « É » after « Z »: a fresh tester of issue 17)."""
    from forum.models import ChallengeTag
    from forum.services import structures, tags
    from forum.text import collation_key

    labels = ["Zèbres", "Écoles rurales", "emplois saisonniers", "Cœur de bourg", "Ebénisterie"]
    assert sorted(labels, key=collation_key) == [
        "Cœur de bourg",
        "Ebénisterie",
        "Écoles rurales",
        "emplois saisonniers",
        "Zèbres",
    ]
    db.session.add_all(
        [ChallengeTag(slug=f"t{i}", label=label, approved=True) for i, label in enumerate(labels)]
    )
    for name in ["Tiers-lieu Zénith", "Équipe rurale", "atelier du bourg"]:
        make_structure(name=name, status="validated")
    db.session.flush()
    shown = [t.label for t in tags.approved_tags() if t.label in labels]
    assert shown == sorted(labels, key=collation_key)
    names = [s.name for s in structures.all_structures()]
    assert (
        names.index("atelier du bourg")
        < names.index("Équipe rurale")
        < names.index("Tiers-lieu Zénith")
    )
