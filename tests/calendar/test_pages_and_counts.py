"""Issue 15, point 7 and « Performance »: the home page shows the next events near the
member, /territories/ the upcoming events per département; /events/ and a 500-event .ics
feed run a constant number of SQL statements, whatever the number of events."""

from datetime import timedelta

import icalendar
import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import CalendarEvent, EventRegistration, KitModule
from forum.models.base import utcnow
from tests.calendar.conftest import soon


def test_home_shows_the_next_events_near_the_member_first(client, login, make_event, alice, bob):
    make_event(bob, title="En Gironde, bientôt", department="33", start=soon(days=2))
    make_event(title="Dans le Lot, plus tard", start=soon(days=20))
    anonymous = client.get("/").get_data(as_text=True)
    assert anonymous.index("En Gironde, bientôt") < anonymous.index("Dans le Lot, plus tard")
    login(alice)  # her structure is in the Lot
    page = client.get("/").get_data(as_text=True)
    assert "Prochains rendez-vous près de chez vous" in page
    assert page.index("Dans le Lot, plus tard") < page.index("En Gironde, bientôt")


def test_territories_show_upcoming_events_per_department(client, make_event):
    make_event(title="A")
    make_event(title="B")
    make_event(title="Passé", start=soon(days=-5))
    page = client.get("/territories/").get_data(as_text=True)
    assert "Rendez-vous à venir par département" in page
    assert 'href="/events/?department=46">Lot (46)</a> : 2 rendez-vous' in page


def _bulk_events(count: int, structure_id: int, creator_id: int) -> None:
    """`count` events with modules and registrations, inserted in bulk."""
    start = utcnow() + timedelta(days=1)
    before = db.session.scalar(sa.select(sa.func.max(CalendarEvent.id))) or 0
    rows = [
        dict(
            kind="echange",
            title=f"Rendez-vous {i}",
            starts_at=start + timedelta(hours=i),
            ends_at=start + timedelta(hours=i + 2),
            department_code="46",
            commune="Figeac",
            online=False,
            online_url="",
            structure_id=structure_id,
            capacity=10,
            registration_open=True,
            visibility="public",
            description_md="Texte.",
            description_html="<p>Texte.</p>",
            creator_id=creator_id,
            sequence=0,
            created_at=utcnow(),
            updated_at=utcnow(),
        )
        for i in range(count)
    ]
    db.session.execute(sa.insert(CalendarEvent), rows)
    ids = list(db.session.scalars(sa.select(CalendarEvent.id).where(CalendarEvent.id > before)))
    module = db.session.scalar(sa.select(KitModule.id).limit(1))
    db.session.execute(
        sa.insert(sa.table("calendar_event_module", sa.column("event_id"), sa.column("module_id"))),
        [{"event_id": i, "module_id": module} for i in ids],
    )
    db.session.execute(
        sa.insert(EventRegistration),
        [
            dict(
                event_id=i,
                user_id=creator_id,
                role="participant",
                status="confirmed",
                created_at=utcnow(),
            )
            for i in ids
        ],
    )
    db.session.commit()


def test_events_page_and_feed_run_a_constant_number_of_statements(
    client, count_queries, alice, lot
):
    counts = {}
    for total in (40, 500):
        _bulk_events(total - (counts and 40 or 0), lot.id, alice.id)
        with count_queries() as listing:  # the first request under this stamp builds it
            page = client.get("/events/")
        with count_queries() as kept_list:
            assert client.get("/events/").status_code == 200
        assert len(kept_list) <= 2, kept_list  # the content stamp (and the session's user)
        with count_queries() as feed:  # the first fetch under this content stamp builds it
            response = client.get("/events.ics")
        with count_queries() as kept:
            assert client.get("/events.ics").data == response.data
        assert len(kept) <= 1, kept  # the content stamp only
        assert page.status_code == response.status_code == 200
        assert len(icalendar.Calendar.from_ical(response.data).walk("VEVENT")) == total
        counts[total] = (len(listing), len(feed))
    assert counts[40] == counts[500], counts
    listing, feed = counts[500]
    assert listing <= 14, listing  # pinned: see benchmarks/RESULTS.md
    assert feed <= 4, feed


@pytest.mark.parametrize(
    "query, said",
    [
        ("from=1850-01-01", "Filtre ignoré : du «\u00a01850-01-01\u00a0»"),
        ("to=31/12/2030", "Filtre ignoré : au «\u00a031/12/2030\u00a0»"),
        ("kind=fusee", "Filtre inconnu : type «\u00a0fusee\u00a0»"),
    ],
)
def test_a_malformed_filter_is_said_not_silently_dropped(client, query, said):
    """Tester's finding (issue 15): /events/?from=1850-01-01 listed everything without a
    word. The list still answers (200), saying which filter it left out."""
    response = client.get(f"/events/?{query}")
    assert response.status_code == 200
    assert said in response.get_data(as_text=True)
    ok = client.get("/events/?from=2031-03-01&kind=echange").get_data(as_text=True)
    assert "Filtre ignoré" not in ok and "Filtre inconnu" not in ok


@pytest.mark.parametrize("path", ["/events/", "/events/past", "/events.ics"])
def test_visitors_revalidate_the_calendar_and_its_feed(client, make_event, path):
    """Tester's finding (issue 15): no validator on the calendar's pages and feeds, so a
    calendar application fetched the whole feed at every poll. Visitors and calendar
    applications get 304 until an event changes (or five minutes pass: « upcoming »)."""
    make_event(title="Rencontre à Figeac")
    first = client.get(path)
    tag = first.headers["ETag"]
    assert client.get(path, headers={"If-None-Match": tag}).status_code == 304
    make_event(title="Rencontre à Cahors")
    changed = client.get(path, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag


def test_online_events_count_as_near_everyone(client, login, make_event, alice, bob):
    """Tester's finding (issue 15): an online event came after every event of the member's
    région, though anyone can attend it from home."""
    make_event(bob, title="En Gironde, bientôt", department="33", start=soon(days=2))
    make_event(bob, title="En ligne, plus tard", online=True,
               online_url="https://visio.example.org/x", department="", start=soon(days=20))  # fmt: skip
    login(alice)  # her structure is in the Lot
    page = client.get("/").get_data(as_text=True)
    assert page.index("En ligne, plus tard") < page.index("En Gironde, bientôt")


def test_the_activity_of_the_network_is_in_the_main_navigation(client):
    """Tester's finding (issue 16): /activity was reachable from no menu."""
    page = client.get("/reports/").get_data(as_text=True)
    nav = page.split("<nav", 1)[1].split("</nav>", 1)[0]
    assert 'href="/activity"' in nav
