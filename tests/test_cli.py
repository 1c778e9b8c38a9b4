"""Flask commands through the real CLI runner."""

from forum.extensions import db
from forum.models import Department, Region, Structure, User


def test_bootstrap_is_idempotent(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["bootstrap"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["bootstrap"])
    assert "territories: 0" in second.output
    assert db.session.scalar(db.select(db.func.count(Region.code))) == 18
    assert db.session.scalar(db.select(db.func.count(Department.code))) == 101
    assert db.session.get(Department, "46").region.name == "Occitanie"


def test_create_admin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            "Admin@Example.org",
            "--password",
            "un-long-secret",
            "--name",
            "Admin",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(db.select(User))
    assert (user.email, user.role, user.approved) == ("admin@example.org", "admin", True)
    assert user.check_password("un-long-secret")
    short = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            "b@example.org",
            "--password",
            "court",
            "--name",
            "B",
        ]
    )
    assert short.exit_code != 0 and "10 caractères" in short.output


def test_seed_demo_creates_structures_and_members_once(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    structures = db.session.scalar(db.select(db.func.count(Structure.id)))
    members = db.session.scalar(db.select(db.func.count(User.id)))
    assert structures >= 10 and members >= 20
    kinds = set(db.session.scalars(db.select(Structure.kind)))
    assert {"incubateur", "tiers-lieu", "association", "pole-territorial"} <= kinds
    regions = set(db.session.scalars(db.select(Department.region_code).join(Structure)))
    assert {"75", "76"} <= regions
    again = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "skipped" in again.output
    assert db.session.scalar(db.select(db.func.count(User.id))) == members
