"""« Que sont devenus les projets ? » (issue 16, point 4) through the real form: members
of the parcours' structures answer, a second answer updates the figures and keeps the
first as history, bad counts get a French 400, outsiders a 403."""

import re

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import FollowUp, Parcours, Structure
from forum.services import activity
from tests.conftest import post_form
from tests.test_activity_indicators import WHOLE, network  # noqa: F401  (a fixture)

URL = "/parcours/figeac/follow-up"


@pytest.fixture
def member(network, make_user):  # noqa: F811
    cap = db.session.scalar(sa.select(Structure).where(Structure.slug == "cap"))
    return make_user(structure_id=cap.id)


def _answer(client, **values):
    data = {"abandoned": "0", "maturing": "0", "started": "0", "oriented": "0", "comment": ""}
    data.update({k: str(v) for k, v in values.items() if k != "oriented_to"})
    items = [*data.items(), *[("oriented_to", v) for v in values.get("oriented_to", [])]]
    return post_form(client, URL, items)


def test_members_answer_and_a_second_answer_updates_keeping_history(client, login, member):
    login(member)
    assert client.get(URL).status_code == 200
    response = _answer(client, abandoned=2, maturing=3, started=1, oriented=1, oriented_to=["dla"])
    assert response.status_code == 303 and response.location.endswith("/parcours/figeac")
    assert activity.projects_started(WHOLE) == 1
    # The form starts from the latest answer.
    assert re.search(r'<input[^>]*name="maturing"[^>]*value="3"', client.get(URL).text)
    response = _answer(
        client, abandoned=1, maturing=2, started=4, oriented=1, oriented_to=["autre"]
    )
    assert response.status_code == 303
    figeac = db.session.scalar(sa.select(Parcours).where(Parcours.slug == "figeac"))
    rows = db.session.scalars(sa.select(FollowUp).where(FollowUp.parcours_id == figeac.id)).all()
    assert len(rows) == 2  # the first answer is kept
    assert activity.projects_started(WHOLE) == 4 and activity.projects_abandoned(WHOLE) == 1
    page = client.get(URL).text
    assert "Réponses précédentes" in page and "le DLA" in page


@pytest.mark.parametrize(
    "values, message",
    [
        ({"abandoned": -1}, "Indiquez un nombre entier positif ou nul."),
        ({"started": "deux"}, "Indiquez un nombre entier positif ou nul."),
        ({"started": "1.5"}, "Indiquez un nombre entier positif ou nul."),
        ({"abandoned": 501}, "Au plus 500 projets."),  # positive: the limit is said
        ({"maturing": "99999999999999999999"}, "Au plus 500 projets."),
        ({"abandoned": 5, "started": 4}, "c’est plus que la cohorte (8)"),
        ({"oriented_to": ["dla"]}, "Indiquez combien de projets ont été orientés."),
        ({"oriented": 1, "oriented_to": ["nulle-part"]}, "Not a valid choice"),
    ],
)
def test_bad_counts_are_refused_in_french(client, login, member, values, message):
    login(member)
    response = _answer(client, **values)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html or "choix" in html.lower()
    # One message for a bad count, not three contradicting ones (second tester).
    if "nombre entier" in message or "Au plus" in message:
        assert html.count(message) == 2  # in the summary and at the field, once each
        assert "Not a valid" not in html and "entier valide" not in html
        assert ("Au plus" in html) == ("Au plus" in message)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 0


def test_outsiders_cannot_answer(client, login, make_user, network):  # noqa: F811
    assert client.get(URL).status_code == 302  # a visitor logs in first
    rouergue = db.session.scalar(sa.select(Structure).where(Structure.slug == "rouergue"))
    login(make_user(structure_id=rouergue.id))
    assert client.get(URL).status_code == 403
    assert _answer(client, started=1).status_code == 403
    assert client.get("/parcours/inconnu/follow-up").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 0


def test_two_members_answering_at_once_do_not_overwrite_each_other(
    client, login, member, make_user, app
):
    """A tester of issue 16: the second of two members who opened the form at the same
    time replaced the first's figures unknowingly. The form carries the answer it started
    from; a newer one gets a 409 with what was typed kept, and saving again works."""
    login(member)
    first_form = client.get(URL).get_data(as_text=True)
    based_on = re.search(r'name="based_on" type="hidden" value="([^"]*)"', first_form).group(1)
    assert based_on == ""  # nobody answered yet
    # Meanwhile a colleague answers (another browser).
    colleague = make_user(structure_id=member.structure_id)
    other = app.test_client()
    post_form(other, "/auth/login", {"email": colleague.email, "password": "motdepasse-solide"})
    assert _answer(other, maturing=5, based_on="").status_code == 303
    response = _answer(client, started=3, based_on=based_on)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Une autre réponse a été enregistrée pendant que vous écriviez" in html
    assert re.search(r'<input[^>]*name="started"[^>]*value="3"', html)  # kept as typed
    count = sa.select(sa.func.count()).select_from(FollowUp)
    assert db.session.scalar(count) == 1
    newer = re.search(r'name="based_on" type="hidden" value="([^"]*)"', html).group(1)
    assert _answer(client, started=3, based_on=newer).status_code == 303
    assert db.session.scalar(count) == 2
    # A script posting without the field is not checked (as the reports' version).
    assert _answer(client, started=4).status_code == 303


def test_the_history_scrolls_in_its_own_box_and_says_who_answered_when(client, login, member):
    """At 360 px the history table scrolls inside a focusable box (as the site's other
    wide tables) instead of breaking its headers letter by letter; each row says who
    answered and the date in words; the caption that repeats the heading stays hidden."""
    member.display_name = "Inès Garnier"
    db.session.commit()
    login(member)
    _answer(client, abandoned=1, maturing=2, started=3, oriented=0)
    page = client.get(URL).text
    history = page.split('id="follow-up-history"')[1]
    box = re.search(r'<div class="table-scroll" tabindex="0" role="region"[^>]*>\s*<table', history)
    assert box, history[:400]
    assert '<caption class="visually-hidden">Réponses précédentes</caption>' in history
    assert '<th scope="col">Réponse de</th>' in history and "<td>Inès Garnier</td>" in history
    # « lundi 30 novembre 2026 » (in Paris time: the day may differ from UTC's).
    assert re.search(r"<time datetime=\"[\d-]+\">\w+ \d{1,2}(?:er)? \w+ \d{4}</time>", history)


@pytest.mark.parametrize("round_", range(3))
def test_two_answers_sent_at_the_same_moment_one_is_refused(app, member, make_user, round_):
    """Second tester (issue 16): two members posting at the same moment from forms that
    showed the same answer were both told « enregistré », the second silently replacing
    the first (one round in three). The parcours' row is taken before the check: one
    answer is stored, the other gets the 409 (Conflict)."""
    from forum.models import User
    from forum.services import Conflict, follow_ups
    from tests.servers import at_once

    colleague = make_user(structure_id=member.structure_id)
    authors = [member.id, colleague.id]
    outcomes = []

    def job(start):
        author = db.session.get(User, authors.pop())
        parcours = db.session.scalar(sa.select(Parcours).where(Parcours.slug == "figeac"))
        data = follow_ups.FollowUpInput(abandoned=1, maturing=2, started=3, oriented=0)
        start.wait()
        try:
            follow_ups.record(parcours, author, data, based_on=None)
            db.session.commit()
            outcomes.append("stored")
        except Conflict:
            db.session.rollback()
            outcomes.append("409")

    assert not at_once([app, app], job)
    assert sorted(outcomes) == ["409", "stored"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 1
