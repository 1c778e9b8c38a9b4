"""Every migration upgrades a populated database, and the models match the last one."""

import os
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import datetime

import pytest
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
        # 0018: members stay members (joining is a request from now on; none is pending).
        assert db.session.scalar(sa.text("SELECT structure_id FROM user_account WHERE id = 1")) == 1
        assert db.session.scalar(sa.text("SELECT count(*) FROM structure_request")) == 0
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


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path) -> Iterator[str]:
    """An empty database of each kind (PostgreSQL when FORUM_TEST_DATABASE_URL names one)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/emails.sqlite"
        return
    server_url = os.environ.get("FORUM_TEST_DATABASE_URL", "")
    if not server_url.startswith("postgresql"):
        pytest.skip("FORUM_TEST_DATABASE_URL does not name a PostgreSQL server")
    name = f"maillage_mig_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_0006_normalises_addresses_and_refuses_to_merge_two_accounts(empty_database, tmp_path):
    """Upper-case and decomposed-accent (NFD) addresses are stored NFC, lower case; two
    accounts that would end up with one address stop the migration before any change,
    with a message naming both; once an administrator has fixed one, it goes through."""
    nfd = unicodedata.normalize("NFD", "solène@example.org")
    accounts = {
        1: ("Solène@Example.org", "Solène Martin"),
        2: (nfd, "Solène M."),  # the same address, typed on a Mac: a second account today
        3: ("ANIM@EXAMPLE.ORG", "Animation"),
        4: (unicodedata.normalize("NFD", "Márie@Example.org"), "Marie"),
        5: ("deja@example.org", "Déjà normale"),
    }
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "SEARCH_DIR": str(tmp_path / "ix")},
        env="testing",
    )
    users = sa.table(
        "user_account",
        *(sa.column(name) for name in ("id", "email", "password_hash", "display_name", "bio")),
        *(sa.column(name) for name in ("locale", "role", "approved", "created_at")),
    )

    def emails() -> dict[int, str]:
        with db.engine.connect() as conn:
            return dict(conn.execute(sa.select(users.c.id, users.c.email)).all())

    with app.app_context():
        config = alembic_config(app)
        upgrade(config, "0005")
        with db.engine.begin() as conn:
            conn.execute(
                users.insert(),
                [
                    dict(
                        id=i,
                        email=email,
                        password_hash="x",
                        display_name=name,
                        bio="",
                        locale="fr",
                        role="member",
                        approved=True,
                        created_at=datetime(2025, 1, i),
                    )
                    for i, (email, name) in accounts.items()
                ],
            )
        with pytest.raises(RuntimeError) as refused:
            upgrade(config, "head")
        message = str(refused.value)
        assert "rien n'a été modifié" in message
        assert "solène@example.org : compte n° 1 « Solène Martin »" in message
        assert "compte n° 2 « Solène M. »" in message and "accents décomposés" in message
        assert "n° 3" not in message and "n° 4" not in message  # only the colliding ones
        with db.engine.connect() as conn:
            assert (
                conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0005"
            )
            assert "user_session" not in sa.inspect(conn).get_table_names()
        assert emails() == {i: email for i, (email, _name) in accounts.items()}

        with db.engine.begin() as conn:  # the administrator gives account 2 another address
            conn.execute(users.update().where(users.c.id == 2).values(email="Solene.M@example.org"))
        upgrade(config, "head")
        assert emails() == {
            1: "solène@example.org",
            2: "solene.m@example.org",
            3: "anim@example.org",
            4: "márie@example.org",
            5: "deja@example.org",
        }
        assert all(unicodedata.is_normalized("NFC", email) for email in emails().values())
        # Today's code logs in from any spelling on the migrated database.
        from forum.services.accounts import find_user_by_email

        assert find_user_by_email(nfd.upper()).id == 1
        db.session.remove()
        downgrade(config, "0005")
        upgrade(config, "head")
        db.engine.dispose()


def test_0021_moves_search_documents_into_their_rows(empty_database, tmp_path):
    """A search document written before 0021 and larger than 2 KB lay in TOAST; after it,
    the same lexemes and positions are in its row (PostgreSQL), and back again. On SQLite
    the migration does nothing (the table stays empty there)."""
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "SEARCH_DIR": str(tmp_path / "ix")},
        env="testing",
    )
    with app.app_context():
        config = alembic_config(app)
        upgrade(config, "0020")
        postgres = db.engine.dialect.name == "postgresql"
        if postgres:
            vector = " ".join(f"'mot{n}':{n}B" for n in range(1, 300))  # about 4 KB
            with db.engine.begin() as conn:
                conn.execute(
                    sa.text(
                        "INSERT INTO search_document (key, kind, object_id, group_code, day, "
                        "modules, tags, document, digest) VALUES ('report:1', 'report', 1, 1, "
                        "20250101, '{}', '{}', CAST(:vector AS tsvector), 'x')"
                    ),
                    {"vector": vector},
                )
            toast = db.session.scalar(
                sa.text(
                    "SELECT reltoastrelid::regclass::text FROM pg_class "
                    "WHERE oid = 'search_document'::regclass"
                )
            )
            chunks = f"SELECT count(*) FROM {toast}"  # a catalog name, not input
            assert db.session.scalar(sa.text(chunks)) > 0  # out of line before
            db.session.remove()
        upgrade(config, "0021")
        if postgres:
            assert db.session.scalar(sa.text(chunks)) == 0
            assert db.session.scalar(
                sa.text("SELECT document = CAST(:vector AS tsvector) FROM search_document"),
                {"vector": vector},
            )
            db.session.remove()
        downgrade(config, "0020")
        db.session.remove()
        db.engine.dispose()


def test_0022_indexes_the_search_documents_days(empty_database, tmp_path):
    """0022 adds an index on search_document.day over the documents already written, on
    both databases (one schema), and takes it away again."""
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "SEARCH_DIR": str(tmp_path / "ix")},
        env="testing",
    )

    def day_indexes() -> list:
        indexes = sa.inspect(db.engine).get_indexes("search_document")
        return [i["column_names"] for i in indexes if i["name"] == "ix_search_document_day"]

    with app.app_context():
        config = alembic_config(app)
        upgrade(config, "0021")
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(
                    sa.text(
                        "INSERT INTO search_document (key, kind, object_id, group_code, day, "
                        "modules, tags, document, digest) VALUES ('report:1', 'report', 1, 1, "
                        "20250101, '{}', '{}', 'mot:1B', 'x')"
                    )
                )
        assert day_indexes() == []
        upgrade(config, "0022")
        assert day_indexes() == [["day"]]
        downgrade(config, "0021")
        assert day_indexes() == []
        db.session.remove()
        db.engine.dispose()
