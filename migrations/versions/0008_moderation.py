"""moderation: reports can be flagged; a moderator's reason travels with a notification

A flag now points at a post or at a report (post_id becomes nullable, report_id is new).
A notification may carry the reason a moderator gave (a hidden message: its author is
told why).

Revision ID: 0008
Revises: 0007 (relinked after 0006 and 0007 at merge time)
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("flag", schema=None) as batch_op:
        batch_op.add_column(sa.Column("report_id", sa.Integer(), nullable=True))
        batch_op.alter_column("post_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(batch_op.f("ix_flag_report_id"), ["report_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_flag_report_id_report"),
            "report",
            ["report_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_column("reason")
    # Flags on reports have no place in the older schema.
    op.execute(sa.text("DELETE FROM flag WHERE post_id IS NULL"))
    with op.batch_alter_table("flag", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_flag_report_id_report"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_flag_report_id"))
        batch_op.alter_column("post_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("report_id")
