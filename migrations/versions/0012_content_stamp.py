"""content stamp: one row whose version every content-changing transaction raises

Revision ID: 0012
Revises: 0011
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        "content_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_stamp")),
    )
    # A random start: a recreated database never meets a version a process cached under.
    op.bulk_insert(table, [{"id": 1, "version": secrets.randbelow(2**40) + 2}])


def downgrade():
    op.drop_table("content_stamp")
