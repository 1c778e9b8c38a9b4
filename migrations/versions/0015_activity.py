"""activity (issue 16): the sections of a report its author lets a bilan quote

Revision ID: 0015
Revises: 0013 (relinked at merge time)
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    # Existing reports quote nothing: their authors never agreed to it.
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("quotable", sa.String(length=80), server_default="", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("quotable")
