"""Every route, given hostile parameters and garbage forms, answers without a 500."""

import random

import pytest

from tests.conftest import post_form

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "99999999999999999999",
    "abc",
    "é" * 300,
    "x" * 5000,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%",
    "\\",
    "🙂",
    "2024-13-45",
    "null",
    "[]",
    "{}",
    "\u202e",
    "a\u0301",
]


def routes(app, method):
    for rule in app.url_map.iter_rules():
        if method in rule.methods and rule.endpoint != "static":
            yield rule


def fill(rule, value):
    path = rule.rule
    for arg in rule.arguments:
        path = path.replace(f"<int:{arg}>", value if value.isdigit() else "1").replace(
            f"<{arg}>", value or "x"
        )
    return path


@pytest.fixture
def member(client, make_user, login):
    from datetime import timedelta

    from forum.models.base import utcnow

    user = make_user(role="admin", created_at=utcnow() - timedelta(days=90))
    login(user)
    return user


def test_get_routes_with_hostile_query_strings(app, client, member, demo_reports):
    rng = random.Random(7)
    for rule in routes(app, "GET"):
        for value in NASTY[:8]:
            params = {
                k: rng.choice(NASTY)
                for k in (
                    "q",
                    "page",
                    "tag",
                    "module",
                    "region",
                    "department",
                    "from",
                    "to",
                    "sort",
                    "type",
                    "category",
                    "quote",
                    "structure",
                    "next",
                )
            }
            response = client.get(fill(rule, value), query_string=params)
            assert response.status_code < 500, (rule.rule, value, params)


def test_post_routes_with_garbage_forms(app, client, member, demo_reports):
    rng = random.Random(11)
    fields = [
        "title",
        "body",
        "email",
        "password",
        "display_name",
        "session_date",
        "department",
        "modules",
        "tags",
        "participants",
        "format",
        "action",
        "parent_id",
        "category",
        "reason",
        "label",
        "name",
        "state",
        "locale",
        "next",
        "hidden",
        "direction",
        "merge-target",
        "structures",
        "start_date",
        "cohort_size",
    ]
    skip = {"/auth/logout", "/account/sessions/<int:session_id>/end"}  # both log out
    for rule in routes(app, "POST"):
        if rule.rule in skip:
            continue
        for _ in range(4):
            data = [(f, rng.choice(NASTY)) for f in fields for _ in range(rng.randint(0, 2))]
            response = post_form(client, fill(rule, rng.choice(["1", "2", "abc"])), data)
            assert response.status_code < 500, (rule.rule, data)
