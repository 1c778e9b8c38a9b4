"""Every migration upgrades a populated database, and the models match the last one."""

import sqlalchemy as sa
from alembic.command import downgrade, upgrade

from forum import ROOT, create_app
from forum.extensions import db


def alembic_config(app):
    return app.extensions["migrate"].migrate.get_config(str(ROOT / "migrations"))


def test_upgrade_a_populated_database_step_by_step(tmp_path):
    url = f"sqlite:///{tmp_path}/steps.sqlite"
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SEARCH_DIR": str(tmp_path / "ix")}, env="testing"
    )
    with app.app_context():
        config = alembic_config(app)
        upgrade(config, "0001")
        with db.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO region (code, name) VALUES ('76', 'Occitanie')"))
            conn.execute(
                sa.text(
                    "INSERT INTO department (code, name, region_code) VALUES ('46', 'Lot', '76')"
                )
            )
            conn.execute(
                sa.text(
                    "INSERT INTO structure (id, slug, name, kind, description, website, department_code, created_at) "
                    "VALUES (1, 'figeac', 'Figeacteurs', 'association', '', '', '46', '2025-01-01')"
                )
            )
            conn.execute(
                sa.text(
                    "INSERT INTO user_account (id, email, password_hash, display_name, bio, structure_id, locale, role, approved, created_at) "
                    "VALUES (1, 'a@example.org', 'x', 'Solène', '', 1, 'fr', 'member', 1, '2025-01-01')"
                )
            )
        upgrade(config, "0002")
        with db.engine.begin() as conn:
            for statement in [
                "INSERT INTO kit_module (id, position, slug, title, summary, objectives, description_md, description_html, tools) "
                "VALUES (1, 1, 'emergence', 'Émergence', '', '', '', '', '')",
                "INSERT INTO challenge_tag (id, slug, label, description, approved, created_at) VALUES (1, 'mobilite', 'Mobilité', '', 1, '2025-01-01')",
                "INSERT INTO report (id, title, session_date, department_code, structure_id, author_id, format, participants, status, created_at, updated_at, published_at) "
                "VALUES (1, 'Covoiturage', '2025-01-07', '46', 1, 1, 'presentiel', 8, 'published', '2025-01-08', '2025-01-08', '2025-01-08')",
                "INSERT INTO report_body (report_id, context_md, context_html, proceedings_md, proceedings_html, worked_md, worked_html, "
                "difficulties_md, difficulties_html, advice_md, advice_html) VALUES (1, 'Le covoiturage', '<p>Le covoiturage</p>', '', '', '', '', '', '', '', '')",
                "INSERT INTO report_module (report_id, module_id) VALUES (1, 1)",
                "INSERT INTO report_tag (report_id, tag_id) VALUES (1, 1)",
            ]:
                conn.execute(sa.text(statement))
        upgrade(config, "head")
        assert (
            db.session.scalar(sa.text("SELECT display_name FROM user_account WHERE id = 1"))
            == "Solène"
        )
        assert (
            db.session.scalar(sa.text("SELECT context_md FROM report_body WHERE report_id = 1"))
            == "Le covoiturage"
        )
        assert db.session.scalar(sa.text("SELECT count(*) FROM report_tag")) == 1
        from forum.services import demo

        demo.seed(extra_reports=50)  # today's code runs on the upgraded database
        reports = db.session.scalar(sa.text("SELECT count(*) FROM report"))
        assert reports == 51
        db.session.remove()
        downgrade(config, "0002")  # and back, without losing the reports
        assert db.session.scalar(sa.text("SELECT count(*) FROM report")) == reports
        db.session.remove()
        db.engine.dispose()


def test_models_and_migrations_agree(migrated):
    """An autogenerate against the migrated test database finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    app = create_app({"SQLALCHEMY_DATABASE_URI": migrated}, env="testing")
    with app.app_context():
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "render_as_batch": True}
            )
            assert compare_metadata(context, db.metadata) == []
        db.engine.dispose()
