"""notification settings: an e-mail mode per kind of notification, daily and weekly digests

The single `user_account.email_mode` (immediate / digest / none) becomes one row per member
and kind in `notification_setting` (immediate / daily / weekly / never), each member's
current choice carried into every kind: immediate → immediate, digest → daily, none → never.
`weekly_digest_sent_at` records when the last weekly digest went out.

Revision ID: 0010
Revises: 0009 (relinked at merge time)
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The kinds as they stand in this revision (forum/services/notification_settings.py may
# grow: a kind without a row takes its default there).
KINDS = ("reply", "mention", "accepted", "watched", "contact", "moderation")
MODE_OF_EMAIL_MODE = (
    "CASE email_mode WHEN 'immediate' THEN 'immediate' WHEN 'none' THEN 'never' ELSE 'daily' END"
)


def upgrade():
    op.create_table(
        "notification_setting",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_notification_setting_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "kind", name=op.f("pk_notification_setting")),
    )
    for kind in KINDS:
        # `kind` is one of the constants above, never outside input.
        op.execute(
            sa.text(
                "INSERT INTO notification_setting (user_id, kind, mode) "
                f"SELECT id, :kind, {MODE_OF_EMAIL_MODE} FROM user_account"
            ).bindparams(kind=kind)
        )
    # SQLite rebuilds the table: it must keep AUTOINCREMENT (ids never reused, see 0005).
    with op.batch_alter_table(
        "user_account", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(sa.Column("weekly_digest_sent_at", sa.DateTime(), nullable=True))
        batch_op.drop_column("email_mode")


def downgrade():
    # SQLite rebuilds the table: it must keep AUTOINCREMENT (ids never reused, see 0005).
    with op.batch_alter_table(
        "user_account", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(
            sa.Column("email_mode", sa.String(length=12), server_default="digest", nullable=False)
        )
        batch_op.drop_column("weekly_digest_sent_at")
    # One mode for everything again: the one chosen for replies (weekly reads as a digest).
    op.execute(
        sa.text(
            "UPDATE user_account SET email_mode = COALESCE(("
            "SELECT CASE mode WHEN 'immediate' THEN 'immediate' WHEN 'never' THEN 'none' "
            "ELSE 'digest' END FROM notification_setting "
            "WHERE notification_setting.user_id = user_account.id "
            "AND notification_setting.kind = 'reply'), 'digest')"
        )
    )
    op.drop_table("notification_setting")
