"""calendar details (issue 15, tester's findings): a report's « porteurs présents » may be
unknown (a draft made after a session leaves it empty for its author, rather than a false
0 that would count in the indicators; publishing asks for it); an event in the outbox may
carry a detail (what changed in a calendar event: old and new time and place, told to its
registered)

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.alter_column("participants", existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table("event_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("event_outbox", schema=None) as batch_op:
        batch_op.drop_column("detail")
    op.execute("UPDATE report SET participants = 0 WHERE participants IS NULL")
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.alter_column("participants", existing_type=sa.Integer(), nullable=False)
