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


# What the renderer stored before it found e-mail addresses whole (a fresh tester).
OLD_HTML = '<p>Écrivez à contact@fabrique<a href="http://-du-lot.fr" rel="nofollow ugc noopener">-du-lot.fr</a></p>'


def test_markup_rerender_brings_stored_html_up_to_date(app, client, make_user, make_report):
    """After an upgrade that changed the renderer, `flask markup rerender` makes the stored
    HTML again from the Markdown: counted first with --dry-run (nothing written), then
    written for the rows that differ only, shown at once on the pages."""
    from forum.services import discussions

    author = make_user(display_name="Alice Martin")
    report = make_report(author, sections={"context": "Écrivez à contact@fabrique-du-lot.fr"})
    thread = discussions.create_discussion(
        author, "Contacts", "Écrivez à contact@fabrique-du-lot.fr", discussions.categories()[0]
    )
    db.session.commit()
    from forum.models import Post

    post = db.session.scalar(db.select(Post).where(Post.discussion_id == thread.id))
    report.body.context_html = OLD_HTML
    post.body_html = OLD_HTML
    db.session.commit()
    runner = app.test_cli_runner()

    counted = runner.invoke(args=["markup", "rerender", "--dry-run"])
    assert counted.exit_code == 0, counted.output
    assert "messages : 1 lu(s), 1 à refaire" in counted.output
    assert "retours : 1 lu(s), 1 à refaire" in counted.output
    db.session.expire_all()
    assert db.session.get(type(post), post.id).body_html == OLD_HTML

    done = runner.invoke(args=["markup", "rerender"])
    assert done.exit_code == 0, done.output
    assert "messages : 1 lu(s), 1 refait(s)" in done.output
    db.session.expire_all()
    mailto = 'href="mailto:contact@fabrique-du-lot.fr"'
    assert mailto in db.session.get(type(post), post.id).body_html
    assert mailto in client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "http://-du-lot.fr" not in client.get(f"/discussions/{thread.id}").get_data(as_text=True)
    again = runner.invoke(args=["markup", "rerender"])
    assert "messages : 1 lu(s), 0 refait(s)" in again.output
