"""Background jobs when every server runs them at once (issue 17, point 3): two app
instances (two servers) on one PostgreSQL database drain the notification queue and send
the digests at the same moment; every notification is created once and every e-mail sent
once (the queues are claimed with FOR UPDATE SKIP LOCKED: forum/services/notifications.py).

Skipped on SQLite: one SQLite file is never shared by two servers (it is the one-server
setup), and it lets one writer at a time anyway.
"""

import os
from datetime import timedelta

import pytest

from forum.extensions import db
from forum.models import Discussion, Notification
from forum.models.base import utcnow
from forum.services import discussions, notification_settings, notifications, watches
from tests.servers import at_once, second_server

OLD = utcnow() - timedelta(days=30)  # past the limits of brand-new accounts

pytestmark = pytest.mark.skipif(
    not os.environ.get("FORUM_TEST_DATABASE_URL"),
    reason="two servers share a PostgreSQL database (FORUM_TEST_DATABASE_URL), never an SQLite file",
)


def test_two_servers_running_every_job_at_once_notify_and_mail_once(
    app, migrated, make_user, smtp, tmp_path
):
    alice = make_user(
        display_name="Alice Martin", handle="alice", created_at=OLD
    )  # replies: at once
    bob = make_user(display_name="Bob Duval", handle="bob", created_at=OLD)  # writes the replies
    carol = make_user(
        display_name="Carole Petit", handle="carole", created_at=OLD
    )  # follows: daily digest
    notification_settings.save_modes(alice, {"reply": "immediate"})
    notification_settings.set_all(bob, "never")
    notification_settings.set_all(carol, "daily")
    threads_ids = []
    for n in range(12):
        discussion = discussions.create_discussion(
            alice, f"Question {n} sur la mobilité", "Comment venir ?", discussions.categories()[0]
        )
        watches.watch(carol, "discussion", discussion.id)
        threads_ids.append(discussion.id)
    db.session.commit()
    while notifications.process_events():  # the openings' own events, before the test
        pass
    before = len(smtp.messages)
    for discussion_id in threads_ids:
        discussions.reply(db.session.get(Discussion, discussion_id), bob, "Le covoiturage.")
    db.session.commit()

    def job(start):
        while notifications.process_events(batch=2):  # small batches: interleave
            pass
        start.wait()
        notifications.send_digests()

    with second_server(app, migrated, tmp_path) as other:
        errors = at_once([app, other], job)
    assert not errors, errors

    db.session.expire_all()
    replies_to_alice = db.session.scalars(
        db.select(Notification).where(Notification.user_id == alice.id)
    ).all()
    assert len(replies_to_alice) == 12  # one notification per reply, not one per server
    assert len({n.post_id for n in replies_to_alice}) == 12
    sent = smtp.messages[before:]
    to_alice = [m for m in sent if m["To"] == alice.email]
    to_carol = [m for m in sent if m["To"] == carol.email]
    assert len(to_alice) == 12  # each reply e-mailed once
    assert len({m.get_body(("plain",)).get_content() for m in to_alice}) == 12
    assert len(to_carol) == 1  # one digest, though both servers ran the job
    assert not [m for m in sent if m["To"] == bob.email]


def test_the_login_throttle_counts_failures_on_every_server(
    app, client, migrated, make_user, tmp_path
):
    """Five failures on A and five on B: the eleventh attempt, on either, is refused (the
    failures are rows of the shared database, not counters of one process)."""
    from tests.conftest import IsolatedClient, post_form

    make_user(email="anim@example.org")
    with second_server(app, migrated, tmp_path) as other:
        other.test_client_class = IsolatedClient
        on_b = other.test_client()
        limit = app.config["LOGIN_MAX_FAILURES"]
        for n in range(limit):
            response = post_form(
                client if n % 2 else on_b,
                "/auth/login",
                {"email": "anim@example.org", "password": "mauvais-mot"},
            )
            assert response.status_code == 400
        for server in (client, on_b):
            response = post_form(
                server,
                "/auth/login",
                {"email": "anim@example.org", "password": "motdepasse-solide"},
            )
            assert response.status_code == 429


def test_the_contact_limits_count_messages_sent_through_every_server(
    app, client, migrated, make_user, make_structure, smtp, tmp_path
):
    """Issue 17, point 3: three contact messages through A and two through B; the sixth
    within the hour is refused on either (the limit counts rows of the shared database,
    under a lock of the sender's row: forum/services/contact.py)."""
    from forum.services.contact import LIMITS
    from tests.conftest import IsolatedClient, post_form

    hourly = LIMITS[0][1]
    structure = make_structure(name="La Fabrique", department_code="46")
    make_user(email="claire@example.org", structure=structure, structure_role="referent")
    sender = make_user(email="lea@example.org", display_name="Léa Roux", created_at=OLD)
    message = {"subject": "Parcours en Lozère", "body": "Pouvons-nous échanger ?"}
    path = f"/structures/{structure.slug}/contact"
    with second_server(app, migrated, tmp_path) as other:
        other.test_client_class = IsolatedClient
        on_b = other.test_client()
        for server in (client, on_b):
            response = post_form(
                server, "/auth/login", {"email": sender.email, "password": "motdepasse-solide"}
            )
            assert response.status_code in (302, 303)
        for n in range(hourly):
            response = post_form(client if n % 2 else on_b, path, message)
            assert response.status_code in (302, 303), response.get_data(as_text=True)[:300]
        for server in (client, on_b):
            response = post_form(server, path, message)
            assert response.status_code == 429
            assert "Pouvons-nous échanger ?" in response.get_data(as_text=True)  # text kept
