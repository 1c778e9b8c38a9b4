"""Configuration from the environment."""

import subprocess
import sys

import pytest

from forum import ROOT


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = {"FORUM_ENV": "production", "FORUM_INSTANCE_DIR": str(tmp_path), "PATH": ""}
    result = run_python("from forum import create_app; create_app()", env)
    assert result.returncode != 0
    assert "FORUM_SECRET_KEY must be set in production" in result.stderr


def test_production_settings_from_environment(tmp_path):
    env = {
        "FORUM_ENV": "production",
        "FORUM_SECRET_KEY": "s" * 64,
        "FORUM_BASE_URL": "https://maillage.example.org",
        "FORUM_DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite",
        "FORUM_SEARCH_DIR": str(tmp_path / "ix"),
        "FORUM_REGISTRATION": "approval",
        "FORUM_MAIL_SERVER": "smtp.example.org",
        "FORUM_MAIL_PORT": "2525",
        "FORUM_INSTANCE_DIR": str(tmp_path),
    }
    code = (
        "from forum import create_app; c = create_app().config; "
        "print(c['SESSION_COOKIE_SECURE'], c['REGISTRATION'], c['MAIL_PORT'], c['SEARCH_DIR'], c['SQLALCHEMY_DATABASE_URI'])"
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "approval",
        "2525",
        str(tmp_path / "ix"),
        f"sqlite:///{tmp_path}/prod.sqlite",
    ]
    result = run_python(code, {**env, "FORUM_SESSION_COOKIE_SECURE": "0"})
    assert result.stdout.split()[0] == "False"


def test_development_generates_a_secret_key_once(tmp_path):
    env = {"FORUM_INSTANCE_DIR": str(tmp_path)}
    code = "from forum import create_app; print(create_app().config['SECRET_KEY'])"
    first = run_python(code, env)
    second = run_python(code, env)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.strip()) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert (
        f"sqlite:///{tmp_path}"
        in run_python(
            "from forum import create_app; print(create_app().config['SQLALCHEMY_DATABASE_URI'])",
            env,
        ).stdout
    )


def test_unknown_environment_is_refused(tmp_path):
    result = run_python(
        "from forum import create_app; create_app()",
        {"FORUM_ENV": "staging", "FORUM_INSTANCE_DIR": str(tmp_path)},
    )
    assert result.returncode != 0 and "FORUM_ENV must be one of" in result.stderr


@pytest.mark.parametrize("value", ["open", "approval"])
def test_registration_mode(value, tmp_path):
    result = run_python(
        "from forum import create_app; print(create_app().config['REGISTRATION'])",
        {"FORUM_REGISTRATION": value, "FORUM_INSTANCE_DIR": str(tmp_path)},
    )
    assert result.stdout.strip() == value


def test_production_refuses_to_start_without_its_public_address(tmp_path):
    """E-mail links (notifications, List-Unsubscribe) must reach readers, not 127.0.0.1."""
    env = {
        "FORUM_ENV": "production",
        "FORUM_SECRET_KEY": "s" * 64,
        "FORUM_INSTANCE_DIR": str(tmp_path),
        "PATH": "",
    }
    result = run_python("from forum import create_app; create_app()", env)
    assert result.returncode != 0
    assert "FORUM_BASE_URL must be set in production" in result.stderr


def test_contact_log_retention_from_environment(tmp_path):
    code = "from forum import create_app; print(create_app().config['CONTACT_LOG_DAYS'])"
    env = {"FORUM_INSTANCE_DIR": str(tmp_path)}
    assert run_python(code, env).stdout.strip() == "365"
    result = run_python(code, {**env, "FORUM_CONTACT_LOG_DAYS": "90"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "90"


def test_the_postgres_search_backend_is_refused_on_sqlite_at_start_up(tmp_path):
    """FORUM_SEARCH_BACKEND=postgres on an SQLite database: the app does not start, and
    says why and what to do (issue 17)."""
    from forum import create_app
    from forum.search import PostgresUnavailable

    config = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/one.sqlite",
        "SEARCH_DIR": str(tmp_path / "search"),
        "SEARCH_BACKEND": "postgres",
    }
    with pytest.raises(PostgresUnavailable, match="demande une base PostgreSQL"):
        create_app(config, env="testing")
    with pytest.raises(ValueError, match="choisissez"):
        create_app({**config, "SEARCH_BACKEND": "elastic"}, env="testing")
    assert create_app({**config, "SEARCH_BACKEND": "whoosh"}, env="testing")
