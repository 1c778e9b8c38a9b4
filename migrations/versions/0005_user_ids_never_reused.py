"""user ids never reused (SQLite AUTOINCREMENT)

Once members can delete their account, SQLite would hand the highest freed id to the next
account: old sessions, unsubscribe links and @mention links would then point at someone
else. AUTOINCREMENT forbids reuse. PostgreSQL sequences never reuse ids: nothing to do.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "user_account", recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "user_account", recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ):
            pass
