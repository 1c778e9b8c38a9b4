"""Every paginated list answers 404 past its last page (the French error page, with a link
to the last page), while page 1 of an empty list stays a 200."""

import re
from datetime import timedelta
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from markupsafe import Markup

from forum.models.base import utcnow
from forum.search import engine
from forum.services import discussions, tags

TAG = "financement"
MODULE = "confronter-idee-terrain"
CATEGORY = "questions-de-pratique"

# (path, query): every list that paginates, with and without filters in its query string.
LISTS = [
    ("/reports/", {}),
    ("/reports/", {"tag": TAG, "sort": "session"}),
    (f"/tags/{TAG}", {}),
    (f"/modules/{MODULE}", {"format": "presentiel"}),
    ("/discussions/", {}),
    ("/discussions/", {"category": CATEGORY}),
    ("/discussions/", {"tag": TAG}),
    ("/search", {"q": "séance"}),
    ("/search", {"type": "report", "sort": "date"}),
]
LIST_IDS = [path + ("?" + urlencode(query) if query else "") for path, query in LISTS]
PAGE_OF = re.compile(r"Page (\d+) sur (\d+)")


@pytest.fixture
def app_config(app_config):
    # Report lists show 2 a page here, so that a few reports make several pages.
    return {**app_config, "PER_PAGE": 2}


@pytest.fixture
def world(app, make_user, make_report):
    """Enough reports and discussions for two pages or more on every list, indexed."""
    author = make_user(display_name="Membre paginé", created_at=utcnow() - timedelta(days=30))
    for n in range(11):  # search shows 10 results a page
        make_report(
            author, title=f"Séance {n} à Figeac", tags=[TAG], modules=[MODULE], format="presentiel"
        )
    category = next(c for c in discussions.categories() if c.slug == CATEGORY)
    tag = tags.get_by_slug(TAG)
    for n in range(21):  # the discussion list shows 20 a page
        discussions.create_discussion(
            author, f"Question {n} sur le financement", "Qui a une piste ?", category, [tag]
        )
    engine().sync()


def pages_of(html: str) -> tuple[int, int]:
    match = PAGE_OF.search(html)
    assert match, "no « Page n sur m » on the page"
    return int(match.group(1)), int(match.group(2))


def assert_past_the_end(response, last: int, query: dict) -> None:
    """The French 404 page, naming the last page and linking to it with the same filters."""
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Page introuvable" in html
    assert f"Cette liste s'arrête à la page {last}." in unescape(html)
    link = re.search(r'<a href="([^"]+)">Aller à la dernière page</a>', html)
    assert link, html
    target = parse_qs(urlsplit(Markup(link.group(1)).unescape()).query)
    assert target.get("page") == ([str(last)] if last > 1 else None)
    for name, value in query.items():
        assert target[name] == [value]


@pytest.mark.parametrize(("path", "query"), LISTS, ids=LIST_IDS)
def test_past_the_last_page_is_a_404_with_a_way_back(client, world, path, query):
    first = client.get(path, query_string=query)
    assert first.status_code == 200
    page, last = pages_of(first.get_data(as_text=True))
    assert page == 1 and last >= 2, "the world must give every list several pages"

    at_the_end = client.get(path, query_string={**query, "page": last})
    assert at_the_end.status_code == 200
    assert pages_of(at_the_end.get_data(as_text=True)) == (last, last)
    for beyond in (last + 1, 999_999, 10**30):
        response = client.get(path, query_string={**query, "page": beyond})
        assert_past_the_end(response, last, query)
        # What the report said: never « Page 100000 sur 7 ».
        assert not PAGE_OF.search(response.get_data(as_text=True))

    # Follow the link on the 404 page: it lands on the last page.
    html = client.get(path, query_string={**query, "page": last + 1}).get_data(as_text=True)
    href = Markup(re.search(r'<a href="([^"]+)">Aller à la dernière page', html).group(1))
    assert pages_of(client.get(href.unescape()).get_data(as_text=True)) == (last, last)


@pytest.mark.parametrize(("path", "query"), LISTS, ids=LIST_IDS)
def test_empty_list_has_its_page_one_and_nothing_after(app, client, path, query):
    engine().sync()  # an empty index, not a missing one (that is "search unavailable")
    assert client.get(path, query_string=query).status_code == 200
    for value in ("1", "0", "-3", "abc", "1.5", "9" * 5000):
        response = client.get(path, query_string={**query, "page": value})
        assert response.status_code == 200, value
    assert_past_the_end(client.get(path, query_string={**query, "page": 2}), 1, query)


def test_every_paginated_template_is_in_the_lists():
    """A list that gains the pagination macro later must join LISTS above."""
    templates = Path(__file__).resolve().parents[2] / "templates"
    used = set()
    for template in templates.rglob("*.html"):
        used.update(re.findall(r"pagination\(page, '([\w.]+)'", template.read_text()))
    assert used == {
        "reports.index",
        "tags.detail",
        "modules.detail",
        "discussions.index",
        "admin.members",  # members and admins only: test_lists_behind_a_login_end_too
        "members.index",
        "structures.detail",
        "calendar.past",  # past events: test_past_events_end_too
    }
    covered = {path.split("/")[1] for path, _ in LISTS}
    assert covered == {"reports", "tags", "modules", "discussions", "search"}


def test_lists_behind_a_login_end_too(client, make_user, make_structure, login):
    structure = make_structure(slug="bornee")
    login(make_user(role="admin", display_name="Admin", structure=structure))
    for path in ("/admin/members", "/members/", "/structures/bornee"):
        assert client.get(path).status_code == 200, path
        assert_past_the_end(client.get(path, query_string={"page": 2}), 1, {})


def test_past_events_end_too(client):
    """The calendar's past events (issue 15) end like every list: past the last page, 404."""
    assert client.get("/events/past").status_code == 200
    assert_past_the_end(client.get("/events/past", query_string={"page": 2}), 1, {})
