"""What the tester of issue 15 found next in the calendar, fixed: a co-organiser's dead
link to someone else's draft, a draft's false 0 porteurs, a change notice that did not
say what changed, the private feed's POST without redirect, feeds all named alike, and
« Mes inscriptions »."""

from datetime import date

import pytest

from forum.extensions import db
from forum.models import Report
from forum.services import calendar
from forum.services.parcours import create_parcours
from tests.calendar.conftest import soon


@pytest.fixture
def ended_session(app, alice, lot, make_event):
    """A session of a parcours of the Lot, announced by Alice, that ended yesterday."""
    parcours = create_parcours(
        "Premiers pas Vallée du Lot", "Figeac", "46", date(2026, 1, 1), None, 8, [lot.id]
    )
    db.session.commit()
    return make_event(
        kind="seance",
        parcours_id=parcours.id,
        session_number=2,
        title="Séance à Figeac",
        modules=["besoin-social-utilite-sociale"],
        start=soon(days=-1, hour=9),
    )


def draft_of(app, event) -> Report:
    result = app.test_cli_runner().invoke(args=["calendar", "draft-reports"])
    assert result.exit_code == 0, result.output
    db.session.commit()
    db.session.refresh(event)
    return db.session.get(Report, event.report_id)


def logout(client):
    client.post("/auth/logout", data={"csrf_token": ""})


# --- 1. a co-organiser's link to the draft --------------------------------------------------


def test_a_co_organiser_is_told_who_holds_the_draft_instead_of_a_dead_link(
    app, client, login, alice, lot, make_user, ended_session
):
    """Tester's finding: a member of the organising structure saw « Le retour de cette
    séance » on the event page, leading to a 404 (a draft is its author's, by the reports'
    rule, `reports.can_view`). They now read who holds it; the author keeps the link."""
    report = draft_of(app, ended_session)
    colleague = make_user(display_name="Dominique Roux", structure=lot)
    login(colleague)
    assert calendar.may_organise(colleague, ended_session)
    page = client.get(f"/events/{ended_session.id}").get_data(as_text=True)
    assert f"/reports/{report.id}" not in page
    assert "Alice Martin" in page and "Mes retours" in page
    assert client.get(f"/reports/{report.id}").status_code == 404  # the rule is unchanged
    logout(client)
    login(alice)
    page = client.get(f"/events/{ended_session.id}").get_data(as_text=True)
    assert f'href="/reports/{report.id}"' in page
    assert client.get(f"/reports/{report.id}").status_code == 200
    assert client.get(f"/reports/{report.id}/edit").status_code == 200
