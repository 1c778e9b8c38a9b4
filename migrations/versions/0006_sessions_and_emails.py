"""open sessions (user_session); e-mail addresses stored in one spelling

- user_session: one row per logged-in browser; the Flask session and the remember-me
  cookie name it, so logout, a password change or reset and « Déconnecter » on /account
  end it (forum/services/sessions.py). Sessions opened before this migration named the
  account only: every member logs in once more.
- user_account.email: lower case, Unicode NFC (forum.services.accounts.normalise_email),
  so an address typed with decomposed accents no longer opens a second account. If two
  existing accounts become the same address, the migration stops before changing anything
  and names them: an administrator decides which one stays.

Revision ID: 0006
Revises: 0005
"""

import unicodedata
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

users = sa.table(
    "user_account",
    sa.column("id", sa.Integer),
    sa.column("email", sa.String),
    sa.column("display_name", sa.String),
)


def normalise(email: str) -> str:
    """As forum.services.accounts.normalise_email on the day of this migration."""
    return unicodedata.normalize("NFKC", email.strip()).lower()


def _describe(user_id: int, name: str, email: str) -> str:
    spelling = "" if unicodedata.is_normalized("NFKC", email) else ", accents décomposés ou pleine chasse"
    return f"compte n° {user_id} « {name} » ({email!r}{spelling})"


def collisions(rows) -> str:
    """'' when every normalised address is unique, else one line per shared address."""
    groups = defaultdict(list)
    for user_id, email, name in rows:
        groups[normalise(email)].append(_describe(user_id, name, email))
    return "\n".join(
        f"  {address} : " + " ; ".join(accounts)
        for address, accounts in sorted(groups.items())
        if len(accounts) > 1
    )


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(users.c.id, users.c.email, users.c.display_name).order_by(users.c.id)
    ).all()
    shared = collisions(rows)
    if shared:  # checked first: nothing has been changed yet
        raise RuntimeError(
            "Migration 0006 arrêtée, rien n'a été modifié : ces comptes ont la même adresse "
            "e-mail une fois majuscules et accents normalisés. Gardez un seul compte par "
            "adresse (changez l'adresse des autres ou supprimez-les), puis relancez "
            "« flask db upgrade ».\n" + shared
        )

    op.create_table(
        "user_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("remember", sa.Boolean(), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_user_session_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_session_token_hash")),
    )
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_session_user_id"), ["user_id"], unique=False)

    for user_id, email, _name in rows:
        if normalise(email) != email:
            bind.execute(users.update().where(users.c.id == user_id).values(email=normalise(email)))


def downgrade():
    # Addresses stay normalised: the old spelling is not kept, and both are valid.
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_session_user_id"))
    op.drop_table("user_session")
