"""activity (issue 16): the sections of a report its author lets a bilan quote; what
became of a parcours' projects (follow-ups, every answer kept)

Revision ID: 0015
Revises: 0013 (relinked at merge time)
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "parcours_follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parcours_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("abandoned", sa.Integer(), nullable=False),
        sa.Column("maturing", sa.Integer(), nullable=False),
        sa.Column("started", sa.Integer(), nullable=False),
        sa.Column("oriented", sa.Integer(), nullable=False),
        sa.Column("oriented_to", sa.String(length=120), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user_account.id"],
            name=op.f("fk_parcours_follow_up_author_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parcours_id"],
            ["parcours.id"],
            name=op.f("fk_parcours_follow_up_parcours_id_parcours"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcours_follow_up")),
    )
    op.create_index(
        "ix_parcours_follow_up_parcours_id_id",
        "parcours_follow_up",
        ["parcours_id", "id"],
        unique=False,
    )
    # Existing reports quote nothing: their authors never agreed to it.
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("quotable", sa.String(length=80), server_default="", nullable=False)
        )


def downgrade():
    op.drop_index("ix_parcours_follow_up_parcours_id_id", table_name="parcours_follow_up")
    op.drop_table("parcours_follow_up")
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("quotable")
