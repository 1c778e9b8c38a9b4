"""XSS corpus for `forum.markup.render_markdown`, the only place where member text becomes HTML.

Every payload is rendered, the output is parsed with the standard library's HTMLParser
(which decodes character references in attribute values exactly once, as a browser does),
and checked against the allowlist: allowed elements and attributes only, no event handler,
no style/id/class/src, every href either relative or http(s)/mailto, every link rel'd.
"""

import re
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from forum import markup
from forum.markup import render_markdown

# The allowlist as documented in forum/markup.py, copied here on purpose: widening the app's
# allowlist (say, adding <img> or <h1>) must be a deliberate change that also touches this test.
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "th": {"align"}, "td": {"align"}}
FORBIDDEN_ATTRIBUTES = {"style", "id", "class", "src"}
SAFE_HREF_PREFIXES = ("http://", "https://", "mailto:")
REL = "nofollow ugc noopener"

# What a browser drops or ignores inside a URL before it finds the scheme: C0 controls,
# space, DEL (the WHATWG URL parser strips leading/trailing ones and removes tab/LF/CR anywhere).
URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:")
RAW_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][^\s/>]*)")


def _P(payload: str, id: str):  # noqa: A002 - pytest's own keyword
    return pytest.param(payload, id=id)


PAYLOADS = [
    # --- <script>, in every shape ---------------------------------------------------------
    _P("<script>alert(1)</script>", "script-plain"),
    _P("<ScRiPt>alert(1)</sCrIpT>", "script-mixed-case"),
    _P("<scr<script>ipt>alert(1)</scr</script>ipt>", "script-split"),
    _P("<<script>script>alert(1)<</script>/script>", "script-double-angle"),
    _P("<script><script>alert(1)</script></script>", "script-nested"),
    _P("<script src=//evil.example/x.js></script>", "script-src"),
    _P("<template><script>alert(1)</script></template>", "script-in-template"),
    # --- event handlers ---------------------------------------------------------------------
    _P("<img src=x onerror=alert(1)>", "img-onerror"),
    _P("<IMG SRC=x OnErRoR=alert(1)>", "img-onerror-mixed-case"),
    _P("<body onload=alert(1)>", "body-onload"),
    _P("<svg onload=alert(1)>", "svg-onload"),
    _P("<svg/onload=alert(1)>", "svg-slash-onload"),
    _P("<details open ontoggle=alert(1)>", "details-ontoggle"),
    _P("Texte <b onmouseover=alert(1)>survol</b> fin", "inline-b-onmouseover"),
    _P("<isindex type=image src=1 onerror=alert(1)>", "isindex-onerror"),
    # --- javascript: in Markdown inline links -----------------------------------------------
    _P("[clic](javascript:alert(1))", "md-link-js"),
    _P("[clic](JaVaScRiPt:alert(1))", "md-link-js-mixed-case"),
    _P("[clic](&#106;avascript:alert(1))", "md-link-js-decimal-entity"),
    _P("[clic](&#106avascript:alert(1))", "md-link-js-decimal-entity-no-semicolon"),
    _P("[clic](&#x6A;avascript:alert(1))", "md-link-js-hex-entity"),
    _P("[clic](&#x6Aavascript:alert(1))", "md-link-js-hex-entity-no-semicolon"),
    _P(
        "[clic](&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;alert(1))",
        "md-link-js-fully-hex-encoded",
    ),
    _P(
        "[clic](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
        "&#0000112&#0000116&#0000058alert(1))",
        "md-link-js-padded-decimal-no-semicolons",
    ),
    _P("[clic](javascript&colon;alert(1))", "md-link-js-named-colon-entity"),
    _P("[clic]( javascript:alert(1))", "md-link-js-leading-space"),
    _P("[clic](  \t javascript:alert(1))", "md-link-js-leading-tab"),
    _P("[clic](\x01javascript:alert(1))", "md-link-js-leading-control-char"),
    _P("[clic](&#14;javascript:alert(1))", "md-link-js-leading-control-entity"),
    _P("[clic](java\tscript:alert(1))", "md-link-js-tab-in-scheme"),
    _P("[clic](<java\nscript:alert(1)>)", "md-link-js-newline-in-scheme"),
    _P("[clic](jav&#x09;ascript:alert(1))", "md-link-js-tab-entity-in-scheme"),
    _P("[clic](jav&#x0A;ascript:alert(1))", "md-link-js-newline-entity-in-scheme"),
    _P("[clic](java\x00script:alert(1))", "md-link-js-nul-in-scheme"),
    _P("[clic](javascript%3Aalert(1))", "md-link-js-url-encoded-colon"),
    _P("[clic](%6Aavascript:alert(1))", "md-link-js-url-encoded-letter"),
    _P("[clic](<javascript:alert(1)>)", "md-link-js-angle-destination"),
    _P('[clic](javascript:alert(1) "titre")', "md-link-js-with-title"),
    _P("[clic](javascript://%0aalert(1))", "md-link-js-comment-newline"),
    _P("[![img](javascript:alert(1))](javascript:alert(2))", "md-image-in-link-js"),
    # --- javascript: in autolinks -----------------------------------------------------------
    _P("<javascript:alert(1)>", "autolink-js"),
    _P("<JAVASCRIPT:alert(1)>", "autolink-js-upper"),
    _P("<javascript:alert(1)@example.org>", "autolink-email-js"),
    _P('<http://example.org/" onmouseover="alert(1)>', "autolink-quote-breakout"),
    # --- javascript: in reference-style links -----------------------------------------------
    _P("[clic][r]\n\n[r]: javascript:alert(1)", "ref-link-js"),
    _P("[r]\n\n[r]: JavaScript:alert(document.cookie)", "ref-link-js-mixed-case-shortcut"),
    _P('[clic][r]\n\n[r]: <&#106;avascript:alert(1)> "titre"', "ref-link-js-entity-angle"),
    _P("[clic][r]\n\n[r]: &#x6Aavascript:alert(1)", "ref-link-js-hex-no-semicolon"),
    _P("[clic][r]\n\n[r]:  \tjava&#09;script:alert(1)", "ref-link-js-tab-entity"),
    # --- vbscript: and data: ----------------------------------------------------------------
    _P("[clic](vbscript:msgbox(1))", "md-link-vbscript"),
    _P("[clic](VbScRiPt:msgbox(1))", "md-link-vbscript-mixed-case"),
    _P("[clic](data:text/html,<script>alert(1)</script>)", "md-link-data-html"),
    _P(
        "[clic](DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "md-link-data-html-b64",
    ),
    _P("[clic][r]\n\n[r]: data:text/html,<script>alert(1)</script>", "ref-link-data-html"),
    _P("![img](javascript:alert(1))", "md-image-js"),
    _P("![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "md-image-data-svg-b64"),
    _P("![img](data:image/svg+xml,<svg onload=alert(1)>)", "md-image-data-svg"),
    _P("![img](data:text/html,<script>alert(1)</script>)", "md-image-data-html"),
    _P('![img](http://example.org/x.png" onerror="alert(1))', "md-image-src-breakout"),
    # --- SVG and MathML ---------------------------------------------------------------------
    _P("<svg><style><img src=x onerror=alert(1)></style></svg>", "svg-style-img"),
    _P("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "math-mglyph-style"),
    _P('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "svg-xlink-href"),
    _P('<math href="javascript:alert(1)">x</math>', "math-href"),
    _P(
        "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
        "svg-foreignobject",
    ),
    # --- broken nesting and unclosed tags ---------------------------------------------------
    _P("<img src=x onerror=alert(1)", "unclosed-img"),
    _P('<a href="javascript:alert(1)">clic', "unclosed-a"),
    _P("<p><b><i>x</b></i></p><img src=x onerror=alert(1)//", "misnested-then-img"),
    _P('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "noscript-breakout"),
    _P("<textarea><img src=x onerror=alert(1)></textarea>", "textarea-rawtext"),
    _P("<xmp><img src=x onerror=alert(1)></xmp>", "xmp-rawtext"),
    _P("<title><img src=x onerror=alert(1)></title>", "title-rcdata"),
    # --- embedding elements and forms -------------------------------------------------------
    _P('<iframe src="javascript:alert(1)"></iframe>', "iframe-js"),
    _P('<iframe srcdoc="<script>alert(1)</script>">', "iframe-srcdoc"),
    _P('<object data="javascript:alert(1)"></object>', "object-data"),
    _P('<embed src="data:image/svg+xml,<svg onload=alert(1)>">', "embed-data-svg"),
    _P('<form action="javascript:alert(1)"><button>go</button></form>', "form-action"),
    _P("<button formaction=javascript:alert(1)>go</button>", "button-formaction"),
    # --- raw <a href> and style= ------------------------------------------------------------
    _P('<a href="javascript:alert(1)">clic</a>', "raw-a-js"),
    _P('<a href="&#1;javascript:alert(1)">clic</a>', "raw-a-js-control-entity"),
    _P(
        '<a href="http://example.org" onclick="alert(1)" style="x" id=a class=b>clic</a>',
        "raw-a-extra-attributes",
    ),
    _P('<p style="background:url(javascript:alert(1))">x</p>', "style-attribute-url"),
    _P('<div style="width:expression(alert(1))">x</div>', "style-attribute-expression"),
    _P("<style>*{display:none}</style>", "style-element"),
    # --- attr_list-style syntax (extension disabled on purpose) -----------------------------
    _P('Paragraphe\n{: onclick="alert(1)" }', "attr-list-onclick-block"),
    _P("**gras**{: onclick=alert(1)}", "attr-list-onclick-inline"),
    _P('**gras**{: style="position:fixed;top:0;left:0" }', "attr-list-style"),
    _P("# Titre {: #page .cls onmouseover=alert(1) }", "attr-list-heading-id-class"),
    _P('[clic](http://example.org){: onclick="alert(1)" }', "attr-list-on-link"),
    # --- comments and CDATA -----------------------------------------------------------------
    _P("<!-- <script>alert(1)</script> -->", "comment-script"),
    _P("<!--><img src=x onerror=alert(1)>-->", "comment-breakout"),
    _P("<![CDATA[<img src=x onerror=alert(1)>]]>", "cdata-img"),
    # --- document-level elements ------------------------------------------------------------
    _P('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "meta-refresh"),
    _P('<base href="javascript:alert(1)//">', "base-href"),
    _P('<link rel=stylesheet href="javascript:alert(1)">', "link-stylesheet"),
    # --- payloads hidden in otherwise valid Markdown ----------------------------------------
    _P("[<img src=x onerror=alert(1)>](http://example.org)", "md-link-text-html"),
    _P('[clic](http://example.org"onmouseover="alert(1))', "md-link-href-quote-breakout"),
    _P('[clic](http://example.org "t\\" onmouseover=\\"alert(1)")', "md-link-title-breakout"),
    _P("```html\n<script>alert(1)</script>\n```", "fenced-code-script"),
    _P(
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
        "table-cell-payloads",
    ),
    _P("> <svg onload=alert(1)>\n> [x](javascript:alert(1))", "blockquote-payloads"),
    _P("- <iframe src=javascript:alert(1)>\n- [x](vbscript:msgbox(1))", "list-payloads"),
]


class _Collector(HTMLParser):
    """Records every tag, attribute and non-text token the output contains."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.end_tags: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag):
        self.end_tags.append(tag)

    def handle_comment(self, data):
        self.other.append(f"comment {data!r}")

    def handle_decl(self, decl):
        self.other.append(f"declaration {decl!r}")

    def unknown_decl(self, data):
        self.other.append(f"declaration {data!r}")

    def handle_pi(self, data):
        self.other.append(f"processing instruction {data!r}")


def href_is_safe(value: str) -> bool:
    """http(s)/mailto, or relative (no scheme at all, so it cannot run code).

    `value` is the attribute as a browser sees it (HTMLParser already decoded character
    references once). Whitespace and control characters are removed everywhere, which is
    stricter than browsers (they only drop them at the ends and tab/LF/CR inside).
    """
    normalized = URL_IGNORED.sub("", value).lower()
    if normalized.startswith(SAFE_HREF_PREFIXES):
        return True
    return SCHEME.match(normalized) is None


def html_problems(html: str) -> list[str]:
    """Everything in `html` that the allowlist should have removed."""
    problems = []
    parser = _Collector()
    parser.feed(html)
    parser.close()
    problems += parser.other
    for tag, attrs in parser.elements:
        if tag not in ALLOWED_TAGS:
            problems.append(f"element <{tag}>")
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, _value in attrs:
            if name.startswith("on"):
                problems.append(f"event handler {name}= on <{tag}>")
            if name in FORBIDDEN_ATTRIBUTES:
                problems.append(f"attribute {name}= on <{tag}>")
            if name not in allowed:
                problems.append(f"attribute {name}= not allowed on <{tag}>")
        values = dict(attrs)
        if "href" in values:
            href = values["href"] or ""
            if not href_is_safe(href):
                problems.append(f"unsafe href {href!r}")
            if tag == "a" and values.get("rel") != REL:
                problems.append(f"link {href!r} has rel={values.get('rel')!r}")
    for tag in parser.end_tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"end tag </{tag}>")
    # Belt and braces against parser differentials: no raw '<name' that is not allowed.
    for name in RAW_TAG.findall(html):
        if name.lower() not in ALLOWED_TAGS:
            problems.append(f"raw tag text <{name}")
    return problems


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_neutralised(payload):
    html = str(render_markdown(payload))
    assert html_problems(html) == [], html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_neutralised_by_the_sanitiser_alone(payload):
    """Defence in depth: even if raw HTML reached the bleach step (say, someone re-enables
    Markdown's HTML passthrough), the allowlist alone must hold."""
    html = markup._cleaner.clean(payload)
    assert html_problems(html) == [], html


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 40
    assert len({p.id for p in PAYLOADS}) == len(PAYLOADS)


def test_app_allowlist_stays_within_the_audited_one():
    assert markup.ALLOWED_TAGS <= ALLOWED_TAGS
    for tag, attributes in markup.ALLOWED_ATTRIBUTES.items():
        assert set(attributes) <= ALLOWED_ATTRIBUTES.get(tag, set()), tag
    assert set(markup.ALLOWED_PROTOCOLS) <= {"http", "https", "mailto"}


@pytest.mark.parametrize(
    "bad",
    [
        "<script>alert(1)</script>",
        "<img src=x>",
        "<h1>x</h1>",
        '<p onclick="x">x</p>',
        '<p style="x">x</p>',
        '<p class="x">x</p>',
        '<h3 id="x">x</h3>',
        '<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>',
        '<a href="&#106;avascript:alert(1)" rel="nofollow ugc noopener">x</a>',
        '<a href=" &#x09;JaVa&#x0A;Script:alert(1)" rel="nofollow ugc noopener">x</a>',
        '<a href="vbscript:x" rel="nofollow ugc noopener">x</a>',
        '<a href="data:text/html,x" rel="nofollow ugc noopener">x</a>',
        '<a href="http://example.org">x</a>',
        '<a href="http://example.org" rel="nofollow">x</a>',
        "<!-- x -->",
    ],
)
def test_checker_rejects_known_bad_html(bad):
    """The oracle itself must not be vacuous."""
    assert html_problems(bad)


# --- what members may legitimately write ---------------------------------------------------


def test_returns_markup_and_handles_empty_input():
    assert isinstance(render_markdown("x"), Markup)
    assert str(render_markdown("")) == ""
    assert str(render_markdown(None)) == ""


def test_bold_italic_and_inline_code_render():
    html = str(render_markdown("Du **gras**, de l'*italique* et du `code`."))
    assert "<strong>gras</strong>" in html
    assert "<em>italique</em>" in html
    assert "<code>code</code>" in html
    assert html_problems(html) == []


def test_lists_render():
    html = str(render_markdown("- un\n- deux\n\n1. premier\n2. second"))
    assert "<ul>" in html and "<li>un</li>" in html and "<li>deux</li>" in html
    assert "<ol>" in html and "<li>premier</li>" in html
    assert html_problems(html) == []


def test_blockquote_renders():
    html = str(render_markdown("> Une porteuse : « enfin du concret »"))
    assert "<blockquote>" in html and "enfin du concret" in html
    assert html_problems(html) == []


def test_fenced_code_renders_and_escapes():
    html = str(render_markdown("```\nif a < b:\n    print('<ok>')\n```"))
    assert "<pre><code>" in html
    assert "a &lt; b" in html and "&lt;ok&gt;" in html
    assert html_problems(html) == []


def test_tables_render():
    html = str(render_markdown("| Temps | Outil |\n|---|---|\n| 30 min | Photolangage |"))
    for tag in ("<table>", "<thead>", "<tbody>", "<th>Temps</th>", "<td>Photolangage</td>"):
        assert tag in html
    assert html_problems(html) == []


def test_http_link_keeps_its_href_and_gets_rel():
    html = str(render_markdown("[le kit](https://example.org/kit?m=3&x=1)"))
    assert 'href="https://example.org/kit?m=3&amp;x=1"' in html
    assert f'rel="{REL}"' in html
    assert html_problems(html) == []


def test_mailto_link_and_bare_url_are_kept():
    html = str(render_markdown("[écrire](mailto:contact@example.org) ou http://example.org/page"))
    assert 'href="mailto:contact@example.org"' in html
    assert 'href="http://example.org/page"' in html
    assert html.count(f'rel="{REL}"') == 2
    assert html_problems(html) == []


def test_raw_html_is_shown_as_text():
    html = str(render_markdown("Un <b>faux gras</b>"))
    assert "&lt;b&gt;faux gras&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# Titre", "<h3>Titre</h3>"),
        ("Titre\n=====", "<h3>Titre</h3>"),
        ("## Sous-titre", "<h4>Sous-titre</h4>"),
        ("Sous-titre\n----------", "<h4>Sous-titre</h4>"),
    ],
)
def test_member_headings_never_outrank_the_page(source, expected):
    html = str(render_markdown(source))
    assert html == expected
    assert "<h1" not in html and "<h2" not in html


def test_line_breaks_are_kept():
    html = str(render_markdown("ligne un\nligne deux"))
    assert "<br>" in html or "<br />" in html or "<br/>" in html


# --- a list right under a line of text (as CommonMark, as the writing hint promises) --------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Intro :\n- un\n- deux", "<p>Intro :</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
        ("Intro :\n* un\n+ deux", "<p>Intro :</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
        ("Ordre du jour\n1. accueil\n2. bilan", "<p>Ordre du jour</p>\n<ol>\n<li>accueil</li>"),
        ("* puce\n1. premier", "<ul>\n<li>puce</li>\n</ul>\n<ol>\n<li>premier</li>\n</ol>"),
        ("1. premier\n- puce", "<ol>\n<li>premier</li>\n</ol>\n<ul>\n<li>puce</li>\n</ul>"),
        # a list already under a blank line, or an item's own lines: as before
        ("Intro\n\n- un\n- deux", "<p>Intro</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
        ("- un\nsuite\n- deux", "<ul>\n<li>un<br>\nsuite</li>\n<li>deux</li>\n</ul>"),
    ],
)
def test_a_list_may_start_right_under_a_line_of_text(source, expected):
    """Tester's finding: « Intro : » then « - un » rendered « Intro :<br>- un »; a « 1. »
    under a « * » item was swallowed into it."""
    html = str(render_markdown(source))
    assert expected in html
    assert html_problems(html) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # only a line that starts with the marker and a space; « 2. » never interrupts text
        ("Saison 2024 - 2025\nsuite", "<p>Saison 2024 - 2025<br>\nsuite</p>"),
        ("Texte\n-un\n*gras*", "<p>Texte<br>\n-un<br>\n<em>gras</em></p>"),
        ("Texte\n3. trois", "<p>Texte<br>\n3. trois</p>"),
        # code is code: fenced, or indented
        ("```\nIntro :\n- un\n```", "<pre><code>Intro :\n- un\n</code></pre>"),
        ("Intro\n\n    code :\n    - un", "<pre><code>code :\n- un\n</code></pre>"),
    ],
)
def test_what_is_not_a_list_start_stays_as_written(source, expected):
    html = str(render_markdown(source))
    assert expected in html
    assert "<li>" not in html


# --- bullets pasted from a word processor (« • item », « – item ») ------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("• un\n• deux", "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
        ("Intro :\n◦ un\n‣ deux", "<p>Intro :</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
        ("· un\n– deux\n— trois", "<ul>\n<li>un</li>\n<li>deux</li>\n<li>trois</li>\n</ul>"),
        # as Word pastes them: a tab or a no-break space after the bullet, a few spaces in
        ("•\tun\n•\u00a0deux\n   • trois", "<li>un</li>\n<li>deux</li>\n<li>trois</li>"),
        ("• un\n- deux", "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
    ],
)
def test_a_pasted_bullet_starts_a_list_item(source, expected):
    """Tester's finding: « • item », « – item », « · item » pasted from a word processor
    stayed plain text; at the start of a line they are items, as « - item » is."""
    html = str(render_markdown(source))
    assert expected in html
    assert html_problems(html) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a dash inside a line, or with no space after it, is the text's own
        ("Saison 2024 – 2025\nsuite", "<p>Saison 2024 – 2025<br>\nsuite</p>"),
        ("Texte\n–5 °C la nuit", "<p>Texte<br>\n–5 °C la nuit</p>"),
        ("les élus — et eux seuls", "<p>les élus — et eux seuls</p>"),
        ("texte · point", "<p>texte · point</p>"),
        # code is code: fenced, or indented
        ("```\n• un\n– deux\n```", "<pre><code>• un\n– deux\n</code></pre>"),
        ("Intro\n\n    • code", "<pre><code>• code\n</code></pre>"),
    ],
)
def test_a_dash_or_bullet_elsewhere_stays_as_written(source, expected):
    html = str(render_markdown(source))
    assert expected in html
    assert "<li>" not in html


@pytest.mark.parametrize(
    "source, expected",
    [
        # A tester: the « -du-lot.fr » became a link of its own, to http://-du-lot.fr
        (
            "Écrivez à contact@fabrique-du-lot.fr.",
            '<p>Écrivez à <a href="mailto:contact@fabrique-du-lot.fr" rel="nofollow ugc noopener">'
            "contact@fabrique-du-lot.fr</a>.</p>",
        ),
        (
            "animation@tiers-lieu-grange.org",
            '<p><a href="mailto:animation@tiers-lieu-grange.org" rel="nofollow ugc noopener">'
            "animation@tiers-lieu-grange.org</a></p>",
        ),
        # an address with accents (no e-mail link for it): never a piece of it as a link
        ("prénom.nom@asso-été.fr", "<p>prénom.nom@asso-été.fr</p>"),
        ("`x@fabrique-du-lot.fr`", "<p><code>x@fabrique-du-lot.fr</code></p>"),
        (
            "www.fabrique-du-lot.fr",
            '<p><a href="http://www.fabrique-du-lot.fr" rel="nofollow ugc noopener">'
            "www.fabrique-du-lot.fr</a></p>",
        ),
    ],
)
def test_an_address_with_a_hyphen_stays_whole(source, expected):
    assert str(render_markdown(source)) == expected
