"""Property-based fuzzing (hypothesis) of every query parameter and every form field:
arbitrary Unicode, huge strings, NUL and control bytes, wrong types, repeated keys, broken
percent-encoding, missing CSRF tokens. Never a 500; a refused form writes nothing.

The `app` fixture empties the database after each *test*, not after each example: each
test builds one world (the demo network, three signed-in browsers) and its examples share
it, so what an accepted example wrote is simply part of the world for the next ones.
"""

import inspect
import io
import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from werkzeug.routing.converters import NumberConverter
from werkzeug.test import encode_multipart

from forum.extensions import db
from tests.conftest import csrf_token, post_form
from tests.fuzzing import (
    CSRF_EXEMPT,
    NOT_FUZZED,
    PARAMS,
    QUERY_KEYS,
    RAW_QUERY,
    SMALL,
    VALUES,
    World,
    body,
    discover_forms,
    signed_in,
    snapshot,
)
from tests.test_hostile_input import routes

# A failing example with 100k-character values has a long repr: Hypothesis warns, and under
# filterwarnings=error that warning would hide the failure behind a FlakyStrategyDefinition.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)
# FUZZ_SCALE=10 for a longer hunt (the defaults keep the module under a minute).
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = dict(
    deadline=None,
    database=None,  # no .hypothesis/ folder in the work tree; failures print their example
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def world(app, demo_reports, make_user) -> World:
    """The demo network; a member who opened discussions and wrote reports, an admin, a
    member awaiting approval; real ids, slugs and tokens for every URL argument."""
    from forum.models import (
        Attachment,
        CalendarEvent,
        Category,
        ChallengeTag,
        Discussion,
        Flag,
        KitModule,
        Notification,
        Parcours,
        Post,
        Report,
        Structure,
        StructureRequest,
        User,
        parcours_structures,
    )
    from forum.models.base import utcnow
    from forum.services import accounts, calendar, demo, memberships, notifications

    member = db.session.scalar(
        sa.select(User)
        .join(Discussion, Discussion.author_id == User.id)
        .join(Report, Report.author_id == User.id)
        .where(User.role == "member", Discussion.report_id.is_(None))
        .limit(1)
    )
    admin = make_user(role="admin", created_at=utcnow() - timedelta(days=90))
    pending = make_user(approved=False)
    # First in the admins' list, so that its « Rétablir » form is found on the first page.
    make_user(display_name="Aaron Suspendu", suspended_at=utcnow())

    def ids(query, limit=3):
        return list(db.session.scalars(query.limit(limit)))

    published = sa.select(Report.id).where(
        Report.status == "published", Report.deleted_at.is_(None)
    )
    reports = [
        *ids(published.where(Report.author_id == member.id), 1),
        *ids(published.where(Report.author_id != member.id), 1),
        *ids(sa.select(Report.id).where(Report.status == "draft"), 1),
        *ids(sa.select(Report.id).where(Report.deleted_at.is_not(None)), 1),
    ]
    discussions = [
        *ids(sa.select(Discussion.id).where(Discussion.author_id == member.id), 1),
        *ids(sa.select(Discussion.id).where(Discussion.report_id.is_(None)), 2),
    ]
    posts = [
        *ids(sa.select(Post.id).where(Post.author_id == member.id), 1),
        *ids(sa.select(Post.id).where(Post.discussion_id == discussions[0]), 3),
    ]
    path_values = {
        "report_id": reports,
        "discussion_id": discussions,
        "post_id": posts,
        "user_id": [member.id, admin.id, pending.id],
        "category_id": ids(sa.select(Category.id)),
        "flag_id": ids(sa.select(Flag.id)),
        "notification_id": ids(
            sa.select(Notification.id).where(Notification.user_id == member.id), 2
        ),
        "attachment_id": ids(sa.select(Attachment.id), 3),
        "width": [480, 1200],
        "target": ["discussion", "tag", "module", "category"],
        "target_id": discussions,
        ("modules", "slug"): ids(sa.select(KitModule.slug), 2),
        ("tags", "slug"): ids(sa.select(ChallengeTag.slug).where(ChallengeTag.approved), 2)
        + ["saisonnalite"],  # the demo's proposed tag
        ("structures", "slug"): ids(sa.select(Structure.slug), 2)
        + ["tiers-lieu-la-grange-de-florac"]  # the demo's proposed structure
        # one with a request to join it: its « Membres » page shows « Accepter » / « Refuser »
        + ids(
            sa.select(Structure.slug)
            .join(StructureRequest, StructureRequest.structure_id == Structure.id)
            .where(StructureRequest.status == "pending"),
            1,
        ),
        ("parcours", "slug"): ids(sa.select(Parcours.slug), 2)
        # one the member's structure runs: its follow-up form (issue 16) is theirs to see
        + ids(
            sa.select(Parcours.slug)
            .join(parcours_structures, parcours_structures.c.parcours_id == Parcours.id)
            .where(parcours_structures.c.structure_id == member.structure_id),
            1,
        ),
        ("auth", "token"): [accounts.make_reset_token(make_user())],
        ("notifications", "token"): [notifications.unsubscribe_token(member)],
        "event_id": [
            *ids(sa.select(CalendarEvent.id).where(CalendarEvent.starts_at > utcnow()), 2),
            *ids(sa.select(CalendarEvent.id).where(CalendarEvent.visibility == "members"), 1),
            *ids(sa.select(CalendarEvent.id).where(CalendarEvent.starts_at < utcnow()), 1),
        ],
        ("calendar", "token"): [calendar.new_feed_token(member)],
    }
    # The member asks to join another structure with members: « Retirer ma demande » shows.
    other = db.session.scalar(
        sa.select(Structure)
        .join(User, User.structure_id == Structure.id)
        .where(Structure.id != member.structure_id)
        .limit(1)
    )
    memberships.choose_structure(member, other)
    # A photo on the member's report: its files page shows « Enregistrer la description »
    from io import BytesIO

    from forum.services import attachments
    from tests.files import jpeg_with_gps

    attachments.attach(
        member, BytesIO(jpeg_with_gps(320, 240)), "atelier.jpg",
        report=db.session.get(Report, reports[0]), alt="Le tableau des idées", consent=True,
    )  # fmt: skip
    upcoming = db.session.get(CalendarEvent, path_values["event_id"][0])
    if calendar.registration_of(member, upcoming) is None:  # so « Annuler mon inscription » shows
        calendar.register(member, upcoming, "participant")
    db.session.commit()
    clients = {
        "member": signed_in(app, member.email, demo.DEMO_PASSWORD),
        "admin": signed_in(app, admin.email, "motdepasse-solide"),
        "anonymous": app.test_client(),
    }
    return World(clients, path_values)


# --- query parameters ------------------------------------------------------------------------


def test_every_query_parameter_the_views_read_is_fuzzed():
    from forum.services.report_queries import ReportFilters
    from forum.views.search import FILTER_PARAMS

    forum = Path(__file__).resolve().parents[1] / "forum"
    sources = "\n".join(path.read_text() for path in forum.rglob("*.py"))
    read = set(re.findall(r"""\bargs(?:\.get|\.getlist)?[(\[]\s*["']([\w-]+)["']""", sources))
    read |= set(re.findall(r"""\btext\(["'](\w+)["']\)""", inspect.getsource(ReportFilters)))
    assert read | set(FILTER_PARAMS) <= set(QUERY_KEYS)


@settings(max_examples=int(350 * SCALE), **FUZZ)
@given(data=st.data(), params=PARAMS)
def test_get_routes_survive_hostile_query_strings(app, world, data, params):
    from forum.search import engine

    if not engine().available():
        engine().rebuild()  # once: /search really runs its queries
    rule = data.draw(st.sampled_from(sorted(routes(app, "GET"), key=str)), label="rule")
    chosen = {}
    for arg in rule.arguments:
        if data.draw(st.integers(0, 4), label=f"hostile {arg}?") == 0:
            is_id = arg.endswith("_id") or isinstance(rule._converters[arg], NumberConverter)
            hostile = st.integers(0, 2**64) if is_id else st.one_of(VALUES, st.text(max_size=5))
            chosen[arg] = data.draw(hostile, label=arg)
    path = world.build(app, rule, chosen)
    who = data.draw(st.sampled_from(sorted(world.clients)), label="who")
    response = world.clients[who].get(path, query_string=params)
    assert response.status_code < 500, (who, path)


@settings(max_examples=int(200 * SCALE), **FUZZ)
@given(data=st.data(), raw=RAW_QUERY)
def test_raw_query_strings_with_broken_encoding(app, world, data, raw):
    rule = data.draw(st.sampled_from(sorted(routes(app, "GET"), key=str)), label="rule")
    path = world.build(app, rule)
    if rule.arguments and data.draw(st.booleans(), label="raw path"):
        # Invalid UTF-8 in the path too, percent-encoded as a browser would send it.
        path = path.rsplit("/", 1)[0] + "/" + quote(raw, safe="")
    client = world.clients[data.draw(st.sampled_from(sorted(world.clients)), label="who")]
    # WSGI carries the raw query bytes as a latin-1 string.
    response = client.get(path, query_string=raw.decode("latin-1"))
    assert response.status_code < 500, (path, raw)


@pytest.fixture
def forms(app, world) -> dict:
    """Every POST endpoint's form, as the pages show it (a new form is fuzzed unasked)."""
    world.forms = discover_forms(app, world)
    missing = {rule.endpoint for rule in routes(app, "POST")} - set(world.forms) - NOT_FUZZED
    assert not missing, f"no page shows a form for {missing}"
    world.before = snapshot()
    world.tokens = {who: csrf_token(client) for who, client in world.clients.items()}
    return world.forms


# No shrinking: examples share a database that earlier ones changed, so replaying one
# rarely fails the same way; the example that failed is reported as it was.
@settings(max_examples=int(600 * SCALE), phases=[Phase.generate], **FUZZ)
@given(data=st.data())
@pytest.mark.usefixtures("forms")
def test_every_form_survives_hostile_fields(world, data):
    endpoint = data.draw(st.sampled_from(sorted(set(world.forms) - NOT_FUZZED)), label="form")
    target = world.forms[endpoint]
    action = data.draw(st.sampled_from(target.actions), label="action")
    encoding, payload = body(data, target)
    csrf = data.draw(st.sampled_from(["valid", "valid", "valid", "missing", "forged", "both"]))
    token, forged = world.tokens[target.who], data.draw(SMALL, label="forged token")
    tokens = {"valid": [token], "missing": [], "forged": [forged], "both": [forged, token]}[csrf]
    client = world.clients[target.who]
    note(f"POST {action} as {target.who}, {encoding}: {payload!r:.3000}")
    if encoding == "json":
        # The first token is the one checked; a JSON body carries it in a header (where the
        # test client refuses line breaks: a browser could not send them either).
        headers = {"X-CSRFToken": re.sub("[\r\n]", "", tokens[0])} if tokens else {}
        response = client.post(action, json=payload, headers=headers)
    elif encoding == "multipart":
        # Encoded here, in memory: the test client spills bodies over 500 KB to a temporary
        # file it never closes (a ResourceWarning, so an error under filterwarnings).
        boundary, raw = encode_multipart(MultiDict(payload + [("csrf_token", t) for t in tokens]))
        response = client.post(
            action, data=raw, content_type=f"multipart/form-data; boundary={boundary}"
        )
    else:
        response = client.post(
            action, data=MultiDict(payload + [("csrf_token", t) for t in tokens])
        )

    event(f"{endpoint} {response.status_code}")
    assert response.status_code < 500, (endpoint, action)
    after = snapshot()
    if csrf != "valid" and endpoint not in CSRF_EXEMPT:
        assert response.status_code in (400, 413), (endpoint, csrf)  # 413: before the check
    if response.status_code >= 400:
        assert after == world.before, f"{endpoint} answered {response.status_code} but wrote"
    world.before = after
    if target.who == "anonymous" and response.status_code == 303:
        # A registration or login may have succeeded: stay anonymous for the next examples.
        # Logging out ends that session (a row): the next example starts from after it.
        client.post("/auth/logout", data={"csrf_token": token})
        world.before = snapshot()


@pytest.mark.parametrize("encoding", ["multipart", "json"])
def test_files_and_json_bodies_are_not_form_input(app, client, make_user, login, encoding):
    """No form takes uploads or JSON: a file or a JSON number where text is expected used
    to reach the validators (TypeError, a 500); now the field is simply empty."""
    login(make_user())
    token = csrf_token(client)
    expected = {
        "/discussions/new": "Donnez un titre à la discussion.",
        "/reports/new": "Donnez un titre à votre retour.",
        "/account": "Indiquez votre nom.",
        "/auth/reset": "Indiquez votre adresse e-mail.",
    }
    for path, message in expected.items():
        if encoding == "json":
            fields = {"title": 5, "body": [1], "display_name": {"a": 1}, "email": 3, "bio": 2.5}
            response = client.post(path, json=fields, headers={"X-CSRFToken": token})
        else:
            names = ("title", "body", "display_name", "email", "bio", "session_date")
            files = {name: (io.BytesIO(b"<p>x</p>"), "x.html") for name in names}
            response = client.post(path, data={"csrf_token": token, **files})
        assert response.status_code == 400, path
        assert message in response.get_data(as_text=True), path


def test_profile_without_a_presentation_field_is_saved(client, make_user, login):
    """The fuzzer found it: a profile form without `bio` reached .strip() on None (a 500)."""
    user = make_user()
    login(user)
    fields = {"display_name": "Nom correct", "locale": "fr"}
    response = post_form(client, "/account", {**fields, "structure": ""})
    assert response.status_code == 303
    db.session.refresh(user)
    assert (user.display_name, user.bio) == ("Nom correct", "")


def test_linking_a_discussion_to_a_huge_report_number_is_refused_calmly(client, make_user, login):
    """The fuzzer found it: an id past 2**63 reached SQLite (OverflowError, a 500)."""
    login(make_user())
    for number in ("99999999999999999999", "/reports/" + "9" * 400, "2147483648"):
        fields = {"title": "Une question", "category": "questions-de-pratique", "body": "Bonjour"}
        response = post_form(client, "/discussions/new", {**fields, "reports": number})
        assert response.status_code == 400, number
        assert "Retour d&#39;expérience introuvable" in response.get_data(as_text=True)


def test_multipart_part_without_a_name_is_ignored(client, make_user, login):
    """The fuzzer found it: such a part has the key None, which the NUL-byte check and
    Flask-WTF's CSRF check did not expect (a 500); now the part is dropped."""
    login(make_user())
    token = csrf_token(client).encode()
    for part in (b"Content-Disposition: form-data", b"Content-Disposition: form-data; name"):
        raw = b"--b\r\n%s\r\n\r\nvaleur\r\n--b--\r\n" % part
        response = client.post(
            "/language", data=raw, content_type="multipart/form-data; boundary=b"
        )
        assert response.status_code == 400  # no CSRF token
        raw = (
            raw[:-4]
            + b'\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n--b--\r\n'
            % token
        )
        response = client.post(
            "/language", data=raw, content_type="multipart/form-data; boundary=b"
        )
        assert response.status_code == 303
