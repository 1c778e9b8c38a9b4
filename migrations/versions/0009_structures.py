"""structures: members propose structures, référent·e·s, contact through Maillage

A structure gains its commune, a status ("validated" for every existing one, "pending" for a
member's proposal; its proposer is its référent·e). A member gains their role in their structure
(member or référent·e) and whether they accept messages relayed by Maillage (NULL: not
chosen, yes for a référent·e). contact_message logs each relayed message, never its text:
the moderators' log and the senders' hourly and daily limits.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("structure", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("commune", sa.String(length=120), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("status", sa.String(length=12), server_default="validated", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_structure_status"), ["status"], unique=False)
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "structure_role", sa.String(length=12), server_default="member", nullable=False
            )
        )
        batch_op.add_column(sa.Column("accepts_contact", sa.Boolean(), nullable=True))
    op.create_table(
        "contact_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=True),
        sa.Column("structure_id", sa.Integer(), nullable=True),
        sa.Column("recipient_id", sa.Integer(), nullable=True),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("share_email", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["user_account.id"],
            name=op.f("fk_contact_message_recipient_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["user_account.id"],
            name=op.f("fk_contact_message_sender_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["structure.id"],
            name=op.f("fk_contact_message_structure_id_structure"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_message")),
    )
    op.create_index(
        "ix_contact_message_sender_created",
        "contact_message",
        ["sender_id", "created_at"],
        unique=False,
    )


def downgrade():
    op.drop_index("ix_contact_message_sender_created", table_name="contact_message")
    op.drop_table("contact_message")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("accepts_contact")
        batch_op.drop_column("structure_role")
    # Proposals are kept as ordinary structures in the older schema.
    with op.batch_alter_table("structure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_structure_status"))
        batch_op.drop_column("status")
        batch_op.drop_column("commune")
