"""structure_requests (issue 16's tester): joining a structure that has members is a
request its référent·e (or, without one, its members; or a moderator) accepts or refuses;
notifications about a structure (a request to decide, the answer to one's own)

Nobody's membership changes: existing members stay members (user_account.structure_id is
untouched), and the table starts empty.

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

PENDING = sa.text("status = 'pending'")


def upgrade():
    op.create_table(
        "structure_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("structure_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["user_account.id"],
            name=op.f("fk_structure_request_decided_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["structure.id"],
            name=op.f("fk_structure_request_structure_id_structure"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_structure_request_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_structure_request")),
    )
    with op.batch_alter_table("structure_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_structure_request_structure_id"), ["structure_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_structure_request_user_id"), ["user_id"], unique=False)
        # One pending request per member (a new one withdraws the old first).
        batch_op.create_index(
            "uq_structure_request_pending_user",
            ["user_id"],
            unique=True,
            sqlite_where=PENDING,
            postgresql_where=PENDING,
        )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(sa.Column("structure_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_notification_structure_id_structure"),
            "structure",
            ["structure_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade():
    # Without the column they would be about nothing: shown nowhere, e-mailed never.
    op.execute("DELETE FROM notification WHERE structure_id IS NOT NULL")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_notification_structure_id_structure"), type_="foreignkey"
        )
        batch_op.drop_column("structure_id")
    with op.batch_alter_table("structure_request", schema=None) as batch_op:
        batch_op.drop_index("uq_structure_request_pending_user")
        batch_op.drop_index(batch_op.f("ix_structure_request_user_id"))
        batch_op.drop_index(batch_op.f("ix_structure_request_structure_id"))
    op.drop_table("structure_request")
