"""Migration 0010: each member's single e-mail mode becomes one setting per kind, on a
populated SQLite and PostgreSQL database, and back."""

from datetime import datetime

import sqlalchemy as sa
from alembic.command import downgrade, upgrade

from forum import create_app
from forum.extensions import db
from tests.test_migrations import alembic_config, empty_database  # noqa: F401 (fixture)

KINDS = {"reply", "mention", "accepted", "watched", "contact", "moderation"}


def test_0010_carries_each_members_email_mode_into_every_kind(empty_database, tmp_path):  # noqa: F811
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "SEARCH_DIR": str(tmp_path / "ix")},
        env="testing",
    )
    users = sa.table(
        "user_account",
        *(sa.column(name) for name in ("id", "email", "password_hash", "display_name", "bio")),
        *(sa.column(name) for name in ("locale", "role", "approved", "created_at")),
        sa.column("email_mode"),
    )
    with app.app_context():
        config = alembic_config(app)
        upgrade(config, "0008")
        with db.engine.begin() as conn:
            conn.execute(
                users.insert(),
                [
                    dict(
                        id=i,
                        email=f"m{i}@example.org",
                        password_hash="x",
                        display_name=name,
                        bio="",
                        locale="fr",
                        role="member",
                        approved=True,
                        created_at=datetime(2025, 1, 1),
                        email_mode=mode,
                    )
                    for i, name, mode in [
                        (1, "Élodie", "immediate"),
                        (2, "Karim", "digest"),
                        (3, "Hélène", "none"),
                    ]
                ],
            )
        upgrade(config, "head")  # 0010 and what follows: today's code reads the rows
        with db.engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT user_id, kind, mode FROM notification_setting")
            ).all()
            columns = {c["name"] for c in sa.inspect(conn).get_columns("user_account")}
        expected = {1: "immediate", 2: "daily", 3: "never"}
        assert sorted(rows) == sorted(
            (uid, kind, mode) for uid, mode in expected.items() for kind in KINDS
        )
        assert "email_mode" not in columns and "weekly_digest_sent_at" in columns
        if db.engine.dialect.name == "sqlite":  # the rebuilt table still never reuses an id
            with db.engine.connect() as conn:
                sql = conn.scalar(
                    sa.text("SELECT sql FROM sqlite_master WHERE name = 'user_account'")
                )
            assert "AUTOINCREMENT" in sql

        # Today's code reads them: Karim's settings are the daily digest for every kind.
        from forum.models import User
        from forum.services import notification_settings

        karim = db.session.get(User, 2)
        # (kinds added later — the calendar's, issue 15 — start at their own default)
        modes = notification_settings.modes_of(karim)
        assert {modes[kind] for kind in KINDS} == {"daily"}
        notification_settings.save_modes(karim, {"reply": "weekly"})
        db.session.remove()

        downgrade(config, "0008")
        with db.engine.connect() as conn:
            back = dict(conn.execute(sa.text("SELECT id, email_mode FROM user_account")).all())
        assert back == {1: "immediate", 2: "digest", 3: "none"}  # weekly reads as a digest
        db.session.remove()
        db.engine.dispose()
