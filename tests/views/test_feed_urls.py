"""Every Atom feed stays valid XML whatever the request URL carries: the feed's `<id>` and
`<link rel="self">` are its canonical address, built by the app, never the request URL."""

import xml.etree.ElementTree as ET

import pytest

from tests.conftest import post_form
from tests.views.test_report_security_and_feeds import ATOM, MODULE, TAG, report_pairs

FEEDS = {
    "/reports/feed.atom": "http://localhost/reports/feed.atom",
    f"/tags/{TAG}/feed.atom": f"http://localhost/tags/{TAG}/feed.atom",
    f"/modules/{MODULE}/feed.atom": f"http://localhost/modules/{MODULE}/feed.atom",
    "/structures/flux/feed.atom": "http://localhost/structures/flux/feed.atom",
}

# Raw query strings, as a client may send them: percent-encoded characters XML 1.0 forbids
# (U+FFFE, U+FFFF, C0 and C1 controls), bytes that are not UTF-8, characters XML gives a
# meaning to (quotes, < > &, a CDATA end), and a few of those sent unencoded.
HOSTILE_QUERIES = [
    "x=%EF%BF%BE",
    "x=%EF%BF%BF",
    "x=%01%08%0B%0C%1B%7F",
    "x=%C2%85%C2%9F",
    "x=%FF%FE",
    "x=%ED%A0%80",
    "x=%22%27%3C%3E%26",
    "x=\"'<>&amp;]]>",
    "x=%5D%5D%3E%3C!--",
    "%EF%BF%BE=1&%0B",
    "q=caf\u00e9 \ufffe&page=2",
]


def feed_links(root: ET.Element) -> tuple[str, str]:
    """The feed's own `<id>` and the href of its `<link rel="self">`."""
    own_id = root.find(f"{ATOM}id").text
    self_link = next(
        link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"
    )
    return own_id, self_link


@pytest.fixture
def published(client, make_user, make_structure, login) -> int:
    """A published report in the tag, the module and the structure, so that every feed has
    an entry (the report form left without `structure` takes the author's)."""
    structure = make_structure(name="Tiers-lieu des flux", slug="flux")
    login(make_user(display_name="Membre des flux", structure=structure))
    pairs = [
        (k, str(structure.id) if k == "structure" else v)
        for k, v in report_pairs(title="Retour dans les flux")
    ]
    response = post_form(client, "/reports/new", pairs)
    assert response.status_code == 303
    return int(response.headers["Location"].rsplit("/", 1)[1])


@pytest.mark.parametrize("path", FEEDS)
@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=ascii)
def test_feed_is_strict_xml_whatever_the_query_string(client, published, path, query):
    response = client.get(path, query_string=query)
    assert response.status_code == 200
    root = ET.fromstring(response.data)  # expat: any forbidden character is a hard error
    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")] == [
        "Retour dans les flux"
    ]
    assert feed_links(root) == (FEEDS[path], FEEDS[path])


@pytest.mark.parametrize("path", FEEDS)
def test_feed_id_is_the_same_with_or_without_a_query_string(client, published, path):
    plain = feed_links(ET.fromstring(client.get(path).data))
    tracked = feed_links(ET.fromstring(client.get(f"{path}?utm_source=lettre&x=1").data))
    assert plain == tracked == (FEEDS[path], FEEDS[path])


@pytest.mark.parametrize("path", FEEDS)
def test_nul_in_a_feed_query_is_refused_like_everywhere_else(client, path):
    """The app refuses NUL in any request (PostgreSQL cannot store it): a calm French 400."""
    response = client.get(path, query_string="x=%00")
    assert response.status_code == 400
    assert "caractères non valides" in response.get_data(as_text=True)


def test_every_feed_of_the_app_is_covered(app):
    """A feed added later must join FEEDS (and so the hostile query strings above)."""
    routes = {rule.rule for rule in app.url_map.iter_rules() if rule.rule.endswith(".atom")}
    assert routes == {
        "/reports/feed.atom",
        "/tags/<slug>/feed.atom",
        "/modules/<slug>/feed.atom",
        "/structures/<slug>/feed.atom",
    }
