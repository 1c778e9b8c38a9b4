"""activity_indexes (issue 16, benchmark): covering indexes of the activity figures on
report — a published report's date, département, structure, parcours and porteurs read
from an index in date order (ix_report_activity, new) or in département order
(ix_report_department_session, widened: its first two columns are unchanged), so the
whole network's aggregates over 50,000 reports never read the rows

Revision ID: 0020
Revises: 0019
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

ACTIVITY = ["status", "deleted_at", "structure_id", "parcours_id", "participants"]


def upgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("ix_report_department_session")
        batch_op.create_index(
            "ix_report_department_session", ["department_code", "session_date", *ACTIVITY]
        )
        batch_op.create_index("ix_report_activity", ["session_date", "department_code", *ACTIVITY])


def downgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("ix_report_activity")
        batch_op.drop_index("ix_report_department_session")
        batch_op.create_index("ix_report_department_session", ["department_code", "session_date"])
