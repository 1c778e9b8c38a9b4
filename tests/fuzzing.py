"""What the fuzzing tests (tests/test_fuzz.py) draw from and share: strategies for hostile
values, the world the examples share, the POST forms found on the pages, and a snapshot of
the database to tell that a refused request wrote nothing."""

import io
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import sqlalchemy as sa
from hypothesis import strategies as st
from werkzeug.datastructures import FileStorage, MultiDict

from forum.extensions import db
from tests.conftest import IsolatedClient, post_form
from tests.test_hostile_input import routes

# Every query parameter the views read (checked against the sources below), and a few
# that nothing reads.
QUERY_KEYS = (
    "q", "page", "sort", "from", "to", "module", "tag", "region", "department", "structure",
    "type", "kind", "format", "category", "report", "quote", "next", "v", "locale", "id",
    "role", "status", "supports", "parcours", "carte", "publier",
)  # fmt: skip
SPECIAL = [
    "", " ", "\x00", "a\x00b", "\x01\x02\x7f", "\x1b[31m", "\x85", "\u202e", "\u200f\u200b",
    "\ufeff", "\ufffe", "\uffff", "e\u0301\u0301\u0301", "\U0001f600", "\U0010ffff", "𝟗𝟗",
    "٣٤", "Ⅻ", "\r\n", "\t", "null", "None", "[]", "{}", "true", "NaN", "-inf", "1e308",
    "-0", "0x10", "1_000", "2024-02-30", "0000-00-00", "+10000-01-01", "9999-12-31",
    "2024-13-45", "../../etc/passwd", "%", "%00", "\\", "'; DROP TABLE report; --",
]  # fmt: skip
NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 10**20]),
).map(str)
SMALL = st.one_of(
    st.text(max_size=40),  # any Unicode but surrogates (a form cannot carry them)
    st.text(st.characters(categories=["Cc", "Cf", "Mn", "Me", "Zl", "Zp", "Co"]), max_size=20),
    st.text(st.characters(min_codepoint=0x10000), max_size=20),  # astral planes
    st.sampled_from(SPECIAL),
    NUMBERS,
    st.floats().map(str),
    st.dates().map(str),
)
HUGE = st.text(min_size=1, max_size=3).flatmap(  # 100k+ characters
    lambda unit: st.integers(100_000 // len(unit) + 1, 110_000 // len(unit)).map(lambda n: unit * n)
)
# Huge values are rare: the test client spends ~0.5 s percent-encoding one (non-ASCII).
VALUES = st.integers(0, 14).flatmap(lambda i: HUGE if i == 14 else SMALL)
KEYS = st.one_of(st.sampled_from(QUERY_KEYS), st.text(max_size=12))
PAIRS = st.lists(st.tuples(KEYS, SMALL), max_size=8)
REPEATED = st.tuples(KEYS, st.lists(SMALL, min_size=10, max_size=80)).map(
    lambda kv: [(kv[0], v) for v in kv[1]]
)
ONE_HUGE = st.integers(0, 9).flatmap(
    lambda i: st.tuples(KEYS, HUGE).map(lambda kv: [kv]) if i == 9 else st.just([])
)
PARAMS = st.tuples(PAIRS, st.one_of(st.just([]), REPEATED), ONE_HUGE).map(
    lambda parts: MultiDict(parts[0] + parts[1] + parts[2])
)
RAW_PIECES = [
    b"%", b"%G", b"%zz", b"%f", b"%ff", b"%c3", b"%e2%82", b"%ed%a0%80", b"%00", b"%25",
    b"&", b"=", b";", b"+", b"\xff", b"\xc3\x28", b"\xed\xa0\x80",
    b"q=", b"page=", b"tag=", b"from=", b"structure=", b"sort=",
]  # fmt: skip
RAW_QUERY = st.lists(
    st.one_of(st.binary(max_size=8), st.sampled_from(RAW_PIECES)), max_size=30
).map(b"".join)
# --- the world the examples share ------------------------------------------------------------


@dataclass
class World:
    """What the examples share."""

    clients: dict  # "anonymous", "member", "admin" -> a test client
    path_values: dict  # (blueprint, argument) or argument -> real values for URL arguments
    forms: dict = field(default_factory=dict)  # POST endpoint -> FormTarget
    before: tuple = ()  # the database as the last example left it
    tokens: dict = field(default_factory=dict)  # each browser's CSRF token

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text("World(...)")  # how Hypothesis prints it in a failing example

    def real_values(self, rule) -> dict:
        blueprint = rule.endpoint.split(".")[0]
        return {
            arg: self.path_values.get((blueprint, arg), self.path_values.get(arg))
            for arg in rule.arguments
        }

    def build(self, app, rule, chosen: dict | None = None, index: int = 0) -> str:
        """The rule's path, with real values for its arguments unless `chosen` says."""
        values = {arg: v[min(index, len(v) - 1)] for arg, v in self.real_values(rule).items()}
        values.update(chosen or {})
        return app.url_map.bind("localhost").build(rule.endpoint, values, append_unknown=False)

    def all_paths(self, app, rule) -> list[str]:
        """The rule's path with each of the real values of its arguments (zipped)."""
        count = max((len(v) for v in self.real_values(rule).values()), default=1)
        return list(dict.fromkeys(self.build(app, rule, index=i) for i in range(count)))


def signed_in(app, email: str, password: str):
    app.test_client_class = IsolatedClient  # each request in its own app context
    client = app.test_client()
    response = post_form(client, "/auth/login", {"email": email, "password": password})
    assert response.status_code == 303, response.status_code
    return client


# --- forms -----------------------------------------------------------------------------------

# Logging out would leave the rest of the examples anonymous (ending one's own session on
# /account is logging out too).
# Logging out would end the fuzzing session; /preview is the « Aperçu » button's script
# endpoint (no page shows it as a form; the no-JavaScript round trip is fuzzed through
# every form that has the button).
NOT_FUZZED = {"auth.logout", "users.end_session", "writing.preview"}
CSRF_EXEMPT = {"notifications.unsubscribe"}  # the signed token in the URL is the credential
# Written on purpose by refused requests: failed logins (throttling) and read markers.
UNCHECKED_TABLES = {"login_failure", "read_marker", "region", "department", "alembic_version"}
SMALL_TABLES = (
    "user_account", "discussion", "post", "challenge_tag", "kit_module", "category",
    "structure", "parcours", "watch", "bookmark", "flag",
)  # fmt: skip


@dataclass
class FormTarget:
    who: str  # the first browser that was shown the form
    actions: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)  # name -> values the page offered
    kinds: dict = field(default_factory=dict)  # name -> input type, "select", "textarea"...

    def plausible(self, name: str) -> str:
        """What a person would send: the page's choice, or a valid value of the field's type."""
        kind, offered = self.kinds[name], [v for v in self.fields[name] if v]
        if offered and kind not in ("text", "textarea", "email", "password", "url"):
            return offered[0]
        return PLAUSIBLE.get(kind, "Un texte tout à fait ordinaire")


PLAUSIBLE = {
    "date": "2025-01-07",
    "number": "8",
    "email": "nouveau@example.org",
    "password": "motdepasse-solide",
    "url": "https://example.org",
}


class _Forms(HTMLParser):
    """Every POST form of a page: action, field names, types and the values it offers."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page, self.forms, self.current, self.select = page, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.current = (attrs.get("action") or self.page, {}, {})
            self.forms.append(self.current)
        elif tag in ("input", "select", "textarea", "button") and self.current and "name" in attrs:
            values = self.current[1].setdefault(attrs["name"], [])
            self.current[2][attrs["name"]] = attrs.get("type", "text") if tag == "input" else tag
            if attrs.get("value") is not None:
                values.append(attrs["value"])
            self.select = values if tag == "select" else None
        elif tag == "option" and self.current and self.select is not None:
            self.select.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def discover_forms(app, world: World) -> dict:
    """Open every page as each browser and collect the POST forms, by endpoint."""
    adapter = app.url_map.bind("localhost")
    targets = {}
    for who, client in world.clients.items():
        for path in [p for rule in routes(app, "GET") for p in world.all_paths(app, rule)]:
            response = client.get(path)
            if response.mimetype != "text/html":
                continue
            parser = _Forms(path)
            parser.feed(response.get_data(as_text=True))
            for action, fields, kinds in parser.forms:
                action = urlsplit(action).path
                endpoint, _ = adapter.match(action, method="POST")
                target = targets.setdefault(endpoint, FormTarget(who))
                if target.who != who:
                    continue
                if action not in target.actions:
                    target.actions.append(action)
                for name, values in fields.items():
                    target.fields.setdefault(name, set()).update(values)
                target.kinds.update(kinds)
    for target in targets.values():
        target.fields.pop("csrf_token", None)
        target.fields = {name: sorted(values) for name, values in sorted(target.fields.items())}
    return targets


def snapshot() -> tuple:
    """Row counts of every table, and every row of the small ones (what a refused request
    must leave as it was)."""
    tables = [t for t in db.metadata.sorted_tables if t.name not in UNCHECKED_TABLES]
    counts = db.session.execute(
        sa.select(*[sa.select(sa.func.count()).select_from(t).scalar_subquery() for t in tables])
    ).one()
    rows = [
        db.session.execute(sa.select(t).order_by(*t.primary_key.columns)).all()
        for t in db.metadata.sorted_tables
        if t.name in SMALL_TABLES
    ]
    report = db.metadata.tables["report"]
    rows.append(
        db.session.execute(
            sa.select(report.c.id, report.c.title, report.c.status, report.c.deleted_at)
        ).all()
    )
    db.session.commit()
    return tuple(counts), rows


def field_values(samples: list):
    """What to send for one field: nothing, what the page offers, garbage, or many values."""
    offered = st.sampled_from(samples) if samples else SMALL
    one = st.one_of(offered, VALUES)
    return st.one_of(st.just([]), one.map(lambda v: [v]), st.lists(one, min_size=2, max_size=40))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | SMALL,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(SMALL, inner, max_size=3),
    max_leaves=6,
)
FILES = st.builds(
    lambda content, name: FileStorage(io.BytesIO(content), filename=name),
    st.binary(max_size=64),
    st.text(max_size=20),
)


def body(data, target: FormTarget) -> tuple[str, list]:
    """A submission as a person would make it, with up to three fields made hostile; sent
    urlencoded, as multipart with files in place of some fields, or as a JSON body."""
    names = list(target.fields)
    hostile = data.draw(st.sets(st.sampled_from(names), max_size=3) if names else st.just(set()))
    pairs = []
    for name in names:
        values = [target.plausible(name)]
        if name in hostile:
            values = data.draw(field_values(target.fields[name]), label=name)
        pairs += [(name, value) for value in values]
    pairs += data.draw(st.lists(st.tuples(KEYS, SMALL), max_size=3), label="extra")
    pairs = data.draw(st.permutations(pairs), label="order")
    encoding = data.draw(st.sampled_from(["urlencoded"] * 3 + ["multipart", "json"]))
    if encoding == "multipart" and pairs:
        files = data.draw(st.sets(st.integers(0, len(pairs) - 1), min_size=1), label="files")
        pairs = [(k, data.draw(FILES) if i in files else v) for i, (k, v) in enumerate(pairs)]
    if encoding == "json":
        pairs = data.draw(
            st.one_of(st.dictionaries(st.sampled_from(names or ["x"]), JSON), JSON), label="json"
        )
    return encoding, pairs
