"""follow_up_reminders (issue 16, point 4): « Que sont devenus les projets ? » asked of a
parcours' structures 3, 6 and 12 months after its end — one row per parcours and stage,
and notifications that point to a parcours

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "parcours_follow_up_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parcours_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parcours_id"],
            ["parcours.id"],
            name=op.f("fk_parcours_follow_up_reminder_parcours_id_parcours"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcours_follow_up_reminder")),
        sa.UniqueConstraint(
            "parcours_id", "stage", name=op.f("uq_parcours_follow_up_reminder_parcours_id")
        ),
    )
    # Existing notifications point to no parcours: the column starts empty.
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parcours_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_notification_parcours_id_parcours"),
            "parcours",
            ["parcours_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade():
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_notification_parcours_id_parcours"), type_="foreignkey"
        )
        batch_op.drop_column("parcours_id")
    op.drop_table("parcours_follow_up_reminder")
