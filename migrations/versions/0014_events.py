"""events: the network's calendar (parcours sessions and meetings), registrations with a
waiting list, private feed addresses, and notifications about an event

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_feed_token',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_calendar_feed_token_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_calendar_feed_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_calendar_feed_token_token_hash'))
    )
    op.create_table('calendar_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('department_code', sa.String(length=3), nullable=True),
    sa.Column('commune', sa.String(length=120), nullable=False),
    sa.Column('online', sa.Boolean(), nullable=False),
    sa.Column('online_url', sa.String(length=500), nullable=False),
    sa.Column('structure_id', sa.Integer(), nullable=True),
    sa.Column('parcours_id', sa.Integer(), nullable=True),
    sa.Column('session_number', sa.Integer(), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('registration_open', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=10), nullable=False),
    sa.Column('description_md', sa.Text(), nullable=False),
    sa.Column('description_html', sa.Text(), nullable=False),
    sa.Column('creator_id', sa.Integer(), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['creator_id'], ['user_account.id'], name=op.f('fk_calendar_event_creator_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['department_code'], ['department.code'], name=op.f('fk_calendar_event_department_code_department')),
    sa.ForeignKeyConstraint(['parcours_id'], ['parcours.id'], name=op.f('fk_calendar_event_parcours_id_parcours'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_calendar_event_report_id_report'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_calendar_event_structure_id_structure'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_event'))
    )
    with op.batch_alter_table('calendar_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_event_creator_id'), ['creator_id'], unique=False)
        batch_op.create_index('ix_calendar_event_department_starts', ['department_code', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_event_parcours_id'), ['parcours_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_event_report_id'), ['report_id'], unique=False)
        batch_op.create_index('ix_calendar_event_starts_at', ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_event_structure_id'), ['structure_id'], unique=False)

    op.create_table('calendar_event_module',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['calendar_event.id'], name=op.f('fk_calendar_event_module_event_id_calendar_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['module_id'], ['kit_module.id'], name=op.f('fk_calendar_event_module_module_id_kit_module'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'module_id', name=op.f('pk_calendar_event_module'))
    )
    with op.batch_alter_table('calendar_event_module', schema=None) as batch_op:
        batch_op.create_index('ix_calendar_event_module_module_event', ['module_id', 'event_id'], unique=False)

    op.create_table('event_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['calendar_event.id'], name=op.f('fk_event_registration_event_id_calendar_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_event_registration_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_registration')),
    sa.UniqueConstraint('event_id', 'user_id', name=op.f('uq_event_registration_event_id'))
    )
    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_registration_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_registration_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar_event_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notification_calendar_event_id_calendar_event'), 'calendar_event', ['calendar_event_id'], ['id'], ondelete='CASCADE')



def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notification_calendar_event_id_calendar_event'), type_='foreignkey')
        batch_op.drop_column('calendar_event_id')

    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_registration_user_id'))
        batch_op.drop_index(batch_op.f('ix_event_registration_event_id'))

    op.drop_table('event_registration')
    with op.batch_alter_table('calendar_event_module', schema=None) as batch_op:
        batch_op.drop_index('ix_calendar_event_module_module_event')

    op.drop_table('calendar_event_module')
    with op.batch_alter_table('calendar_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_event_structure_id'))
        batch_op.drop_index('ix_calendar_event_starts_at')
        batch_op.drop_index(batch_op.f('ix_calendar_event_report_id'))
        batch_op.drop_index(batch_op.f('ix_calendar_event_parcours_id'))
        batch_op.drop_index('ix_calendar_event_department_starts')
        batch_op.drop_index(batch_op.f('ix_calendar_event_creator_id'))

    op.drop_table('calendar_event')
    op.drop_table('calendar_feed_token')
