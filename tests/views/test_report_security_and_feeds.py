"""Member-written reports full of XSS payloads, read back through every page, export and feed;
and what the Atom feeds and lists show (never drafts nor deleted reports)."""

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from html.parser import HTMLParser

import feedparser
import pytest
from markupsafe import escape

from forum.models import SECTIONS
from tests.conftest import post_form
from tests.test_markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

ATOM = "{http://www.w3.org/2005/Atom}"
REL = "nofollow ugc noopener"
TAG = "financement"
MODULE = "confronter-idee-terrain"
FEEDS = ("/reports/feed.atom", f"/tags/{TAG}/feed.atom", f"/modules/{MODULE}/feed.atom")

TITLE = "<script>alert(document.domain)</script><img src=x onerror=alert(1)> Retour piégé"

# About ten payloads from the corpus in tests/test_markup.py, spread over the five sections.
PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "[clic](javascript:alert(1))",
    "[clic](&#106;avascript:alert(1))",
    "[clic](JaVa&#x09;ScRiPt:alert(1))",
    "[ref][r]\n\n[r]: javascript:alert(document.cookie)",
    "<svg onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)" onclick="alert(2)">lien</a>',
    'Paragraphe\n{: onclick="alert(1)" style="position:fixed" }',
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[clic](vbscript:msgbox(1))",
    "<!--><img src=x onerror=alert(1)>-->",
]


def section_text(name: str, payloads=PAYLOADS) -> str:
    """A benign marker (to check the section really rendered), then a share of the payloads."""
    index = SECTIONS.index(name)
    share = payloads[index :: len(SECTIONS)]
    return "\n\n".join([f"**marqueur-{name}** et [un lien](https://example.org/{name})", *share])


SECTION_TEXTS = {name: section_text(name) for name in SECTIONS}


def report_pairs(title=TITLE, sections=None, action="publish", tags=(TAG,), modules=(MODULE,)):
    sections = SECTION_TEXTS if sections is None else sections
    pairs = [
        ("title", title),
        ("session_date", (date.today() - timedelta(days=3)).isoformat()),
        ("department", "46"),
        ("structure", ""),
        ("parcours", ""),
        *[("modules", slug) for slug in modules],
        ("format", "presentiel"),
        ("participants", "8"),
        *[(name, sections.get(name, "")) for name in SECTIONS],
        *[("tags", slug) for slug in tags],
        ("new_tags", ""),
        ("action", action),
    ]
    return pairs


def submit(client, **kwargs) -> int:
    response = post_form(client, "/reports/new", report_pairs(**kwargs))
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    match = re.fullmatch(r"(?:https?://[^/]+)?/reports/(\d+)", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def client_for(app, user=None):
    """A fresh browser, logged in as `user` if given."""
    browser = app.test_client()
    if user is not None:
        response = post_form(
            browser, "/auth/login", {"email": user.email, "password": "motdepasse-solide"}
        )
        assert response.status_code in (302, 303)
    return browser


@pytest.fixture
def author(make_user):
    # The display name is user content too, and shows on pages and in feeds.
    return make_user(display_name="Solène <b onmouseover=alert(1)>R.</b>")


@pytest.fixture
def report_id(client, author, login) -> int:
    login(author)
    return submit(client)


# --- HTML oracles ----------------------------------------------------------------------------

URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "srcdoc",
    "background",
    "cite",
    "ping",
}
NEVER_ON_A_PAGE = {
    "iframe",
    "object",
    "embed",
    "base",
    "frame",
    "frameset",
    "applet",
    "math",
    "style",
    "template",
}
OWN_SCRIPT = re.compile(
    r'<script src="/static/js/(?:forms|writing)(?:\.[0-9a-f]{12})?\.js" defer></script>'
)
START_TAG = re.compile(r"""<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>""")
QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
# The same expected allowlist as the Markdown tests (one copy, deliberately not the app's).
FRAGMENT_TAGS = ALLOWED_TAGS
FRAGMENT_ATTRIBUTES = ALLOWED_ATTRIBUTES


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.comments = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_comment(self, data):
        self.comments.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _scheme(url: str) -> str | None:
    match = SCHEME.match(URL_IGNORED.sub("", url).lower())
    return match.group(0)[:-1] if match else None


def page_problems(html: str) -> list[str]:
    """Executable markup anywhere in a whole page (the site's own markup included)."""
    problems = []
    for match in re.finditer(r"<script\b", html, re.IGNORECASE):
        if not OWN_SCRIPT.match(html, match.start()):
            problems.append(f"script: {html[match.start() : match.start() + 120]!r}")
    for match in START_TAG.finditer(html):
        outside_quotes = QUOTED.sub('""', match.group(0))
        if re.search(r"\son\w+\s*=", outside_quotes, re.IGNORECASE):
            problems.append(f"event handler in {match.group(0)[:160]!r}")
        if re.search(r"""\shref\s*=\s*["']?\s*javascript:""", match.group(0), re.IGNORECASE):
            problems.append(f"href=javascript: in {match.group(0)[:160]!r}")
    for tag, attrs in _parse(html).elements:
        if tag in NEVER_ON_A_PAGE:
            problems.append(f"element <{tag}>")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            problems.append("meta http-equiv")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"{name}= on <{tag}>")
            if name in URL_ATTRIBUTES and _scheme(value or "") in {
                "javascript",
                "vbscript",
                "data",
            }:
                problems.append(f"{name}={value!r} on <{tag}>")
    return problems


def fragment_problems(html: str) -> list[str]:
    """Rendered member HTML must stay within the markup allowlist."""
    problems = []
    parser = _Tags()
    parser.feed(html)
    parser.close()
    problems += [f"comment {c!r}" for c in parser.comments]
    for tag, attrs in parser.elements:
        if tag not in FRAGMENT_TAGS:
            problems.append(f"element <{tag}>")
        for name, _value in attrs:
            if name not in FRAGMENT_ATTRIBUTES.get(tag, set()):
                problems.append(f"attribute {name}= on <{tag}>")
        values = dict(attrs)
        if "href" in values:
            href = values["href"] or ""
            normalized = URL_IGNORED.sub("", href).lower()
            if not normalized.startswith(("http://", "https://", "mailto:")) and _scheme(href):
                problems.append(f"unsafe href {href!r}")
            if tag == "a" and values.get("rel") != REL:
                problems.append(f"rel={values.get('rel')!r} on {href!r}")
    return problems


def prose_blocks(html: str) -> list[str]:
    """The rendered sections of a report page (member HTML never contains a <div>)."""
    return re.findall(r'<div class="prose">(.*?)</div>', html, re.DOTALL)


def feed_entries(xml: bytes) -> list[ET.Element]:
    return ET.fromstring(xml).findall(f"{ATOM}entry")


# --- (a) payloads through every page ---------------------------------------------------------


def test_report_with_payloads_renders_safely_on_every_page(app, client, author, report_id):
    # A second save so that the history page shows diffs of the payloads.
    edited = {
        name: text + "\n\n<img src=y onerror=alert(3)> [x](javascript:alert(3))"
        for name, text in SECTION_TEXTS.items()
    }
    response = post_form(
        client,
        f"/reports/{report_id}/edit",
        report_pairs(title=TITLE + " <svg onload=alert(4)>", sections=edited),
    )
    assert response.status_code == 303

    pages = [
        f"/reports/{report_id}",
        "/reports/",
        f"/reports/{report_id}/history",
        f"/tags/{TAG}",
        f"/modules/{MODULE}",
        f"/users/{author.id}",
        "/",
    ]
    anonymous = client_for(app)
    for browser in (client, anonymous):
        for path in pages:
            response = browser.get(path)
            assert response.status_code == 200, path
            assert response.mimetype == "text/html"
            html = response.get_data(as_text=True)
            assert page_problems(html) == [], path

    escaped_title = str(escape(TITLE + " <svg onload=alert(4)>"))
    for path in (f"/reports/{report_id}", "/reports/", f"/tags/{TAG}", f"/modules/{MODULE}"):
        html = anonymous.get(path).get_data(as_text=True)
        assert escaped_title in html, path
        assert "&lt;script&gt;alert(document.domain)&lt;/script&gt;" in html, path
    assert str(escape(author.display_name)) in anonymous.get(f"/reports/{report_id}").get_data(
        as_text=True
    )

    # The history shows the Markdown source, escaped, word by word in <ins>/<del>.
    history = anonymous.get(f"/reports/{report_id}/history").get_data(as_text=True)
    assert "&lt;img src=y onerror=alert(3)&gt; [x](javascript:alert(3))" in history
    assert str(escape(" <svg onload=alert(4)>")) + "</ins>" in history


def test_report_sections_render_within_the_allowlist(client, report_id):
    html = client.get(f"/reports/{report_id}").get_data(as_text=True)
    blocks = prose_blocks(html)
    assert len(blocks) == len(SECTIONS)
    for name, block in zip(SECTIONS, blocks):
        assert f"<strong>marqueur-{name}</strong>" in block
        assert f'<a href="https://example.org/{name}" rel="{REL}">un lien</a>' in block
        assert fragment_problems(block) == [], block
    # Raw HTML was shown as text, not dropped silently.
    assert "&lt;iframe src=" in html and "&lt;svg onload=alert(1)&gt;" in html


def test_markdown_export_is_served_as_plain_markdown(client, report_id):
    response = client.get(f"/reports/{report_id}.md")
    assert response.status_code == 200
    # The export is the member's own Markdown, verbatim: safe only because no browser
    # renders it as HTML.
    assert response.mimetype == "text/markdown"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert f'filename="retour-{report_id}.md"' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith(f"# {TITLE}")
    for name in SECTIONS:
        assert SECTION_TEXTS[name] in text


# --- (b) feeds: valid Atom, complete entries, never drafts nor deleted reports ---------------


@pytest.mark.parametrize("path", FEEDS)
def test_feed_is_valid_atom_with_complete_entries(client, author, report_id, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title.startswith("Maillage — ")
    if path == "/reports/feed.atom":
        assert parsed.feed.title == "Maillage — derniers retours d'expérience"
    elif path.startswith("/tags/"):
        assert parsed.feed.title == "Maillage — Financement"
    assert parsed.feed.link.startswith("http")
    assert len(parsed.entries) == 1
    entry = parsed.entries[0]
    assert entry.title == TITLE
    assert entry.link.endswith(f"/reports/{report_id}")
    assert entry.id.endswith(f"/reports/{report_id}")
    assert entry.author == author.display_name
    assert entry.updated_parsed is not None and entry.published_parsed is not None
    assert entry.content and entry.content[0].type == "text/html"
    assert "marqueur-context" in entry.content[0].value
    assert any(tag.term == TAG for tag in entry.tags)


def test_empty_feed_is_still_valid_atom(client):
    parsed = feedparser.parse(client.get("/reports/feed.atom").data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title and parsed.entries == []


@pytest.mark.parametrize("where", ["title", "display_name"])
def test_control_characters_from_members_do_not_break_feeds(client, make_user, login, where):
    user = make_user(display_name="Nom\x0cpiégé" if where == "display_name" else "Nom correct")
    login(user)
    submit(client, title="Retour\x0bpiégé" if where == "title" else "Retour correct")
    for path in FEEDS:
        parsed = feedparser.parse(client.get(path).data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))


def test_drafts_and_deleted_reports_never_appear_in_feeds_or_lists(
    app, client, author, login, make_user
):
    login(author)
    published_id = submit(client, title="Retour publié visible")
    draft_id = submit(client, title="Brouillon secret", action="draft")
    deleted_id = submit(client, title="Retour supprimé ensuite")
    response = post_form(client, f"/reports/{deleted_id}/delete", {"confirm": "yes"})
    assert response.status_code == 303

    hidden = {draft_id: "Brouillon secret", deleted_id: "Retour supprimé ensuite"}
    moderator = client_for(app, make_user(role="moderator"))
    for browser in (client, client_for(app), moderator):
        for path in FEEDS:
            xml = browser.get(path).data
            parsed = feedparser.parse(xml)
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
            assert [e.title for e in parsed.entries] == ["Retour publié visible"], path
            links = [e.link for e in parsed.entries]
            assert all(link.endswith(f"/reports/{published_id}") for link in links), path
            text = xml.decode()
            for report, title in hidden.items():
                assert title not in text and f"/reports/{report}<" not in text, path
        for path in ("/reports/", f"/tags/{TAG}", f"/modules/{MODULE}", "/"):
            html = browser.get(path).get_data(as_text=True)
            assert "Retour publié visible" in html, path
            for report, title in hidden.items():
                assert title not in html and f'href="/reports/{report}"' not in html, path


def test_draft_is_visible_only_to_its_author_and_moderators(app, client, author, login, make_user):
    login(author)
    draft_id = submit(client, title="Brouillon secret", action="draft")
    paths = (f"/reports/{draft_id}", f"/reports/{draft_id}/history", f"/reports/{draft_id}.md")

    for path in paths:
        assert client.get(path).status_code == 200, path
    assert "Brouillon secret" in client.get(f"/reports/{draft_id}").get_data(as_text=True)

    for browser in (client_for(app), client_for(app, make_user())):
        for path in paths:
            response = browser.get(path)
            assert response.status_code == 404, path
            assert "Brouillon secret" not in response.get_data(as_text=True)

    moderator = client_for(app, make_user(role="moderator"))
    for path in paths:
        assert moderator.get(path).status_code == 200, path
    assert "Brouillon secret" in moderator.get(f"/reports/{draft_id}").get_data(as_text=True)


def test_deleted_report_is_gone_for_the_public(app, client, author, login, make_user):
    login(author)
    report = submit(client, title="Retour supprimé ensuite")
    assert post_form(client, f"/reports/{report}/delete", {"confirm": "yes"}).status_code == 303
    for browser in (client_for(app), client_for(app, make_user())):
        for path in (f"/reports/{report}", f"/reports/{report}/history", f"/reports/{report}.md"):
            assert browser.get(path).status_code == 404, path
    assert client_for(app, make_user(role="moderator")).get(f"/reports/{report}").status_code == 200


# --- (c) feed content: escaped HTML carrying the rendered sections ---------------------------


@pytest.mark.parametrize("path", FEEDS)
def test_feed_content_is_escaped_html_with_every_section(client, report_id, path):
    xml = client.get(path).data
    text = xml.decode()
    # Nothing from the member reaches the XML as markup: no raw tags besides Atom's own.
    assert "<script" not in text and "<img" not in text and "<svg" not in text
    assert "&lt;strong&gt;marqueur-context&lt;/strong&gt;" in text

    entries = feed_entries(xml)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}title") == TITLE
    content = entry.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert list(content) == [], "content must be escaped text, not child elements"
    html = content.text or ""
    for name in SECTIONS:
        assert f"<strong>marqueur-{name}</strong>" in html, name
        assert f'<a href="https://example.org/{name}" rel="{REL}">un lien</a>' in html, name
    # What a feed reader will render once it unescapes the content.
    assert fragment_problems(html) == [], html
    assert page_problems(html) == [], html
    author_name = entry.find(f"{ATOM}author").findtext(f"{ATOM}name")
    assert author_name == "Solène <b onmouseover=alert(1)>R.</b>"


def test_oracles_are_not_vacuous():
    assert page_problems('<p><a href=" JaVa&#x09;script:alert(1)">x</a></p>')
    assert page_problems('<img src=x onerror="alert(1)">')
    assert page_problems("<script>alert(1)</script>")
    assert not page_problems('<script src="/static/js/forms.0123456789ab.js" defer></script>')
    assert fragment_problems('<a href="https://example.org">x</a>')
    assert fragment_problems('<a href="&#106;avascript:x" rel="nofollow ugc noopener">x</a>')
    assert fragment_problems('<p class="x">x</p>')
