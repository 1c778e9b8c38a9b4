"""attachments: files on a report (or one of its sections) or on a discussion message

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("section", sa.String(length=20), nullable=True),
        sa.Column("uploader_id", sa.Integer(), nullable=True),
        sa.Column("filename", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("raw_key", sa.String(length=200), nullable=True),
        sa.Column("file_key", sa.String(length=200), nullable=True),
        sa.Column("variants", sa.JSON(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("alt", sa.String(length=300), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("error", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("processed_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "(report_id IS NULL) <> (post_id IS NULL)",
            name=op.f("ck_attachment_attachment_one_parent"),
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_attachment_post_id_post"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_attachment_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploader_id"],
            ["user_account.id"],
            name=op.f("fk_attachment_uploader_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sqlite_autoincrement=True,  # ids never reused (an old link never shows another file)
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_post_id"), ["post_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_report_id"), ["report_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachment_uploader_id"), ["uploader_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attachment_status"), ["status"], unique=False)


def downgrade():
    op.drop_table("attachment")
