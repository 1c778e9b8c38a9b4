"""How many of our Python modules (and templates) one report's path runs through, from the
form to the search page: docs/ARCHITECTURE.md quotes the figures.

    .venv/bin/python benchmarks/path_modules.py [--list]

Counted at run time, not by reading: a module of forum/ counts when at least one of its functions
(or its module body) is *called* during one of the four steps below, as seen by
sys.setprofile; a template counts when Jinja runs its code. App start-up, migrations,
sign-in and index creation happen before the count starts. Steps:

  1. GET  /reports/new                (the form)
  2. POST /reports/new, action=publish (services write the report and the outbox row)
  3. the outbox drain                  (what the per-process thread does after the response)
  4. GET  /search?q=<a word of it>     (the results page)

It only uses what every version of the app has (the test client, `engine().sync()`), so
the same file measures an older commit: PYTHONPATH=<its checkout> python path_modules.py.
"""

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(1, str(ROOT))

CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
TOKEN_RE = re.compile(r'name="submission_token" type="hidden" value="([^"]+)"')
WORD = "ornithorynque"


def main() -> None:
    import forum
    from forum import create_app
    from forum.extensions import db
    from forum.models import User
    from forum.search import engine
    from forum.services import reference

    try:
        from forum.services import modules
    except ImportError:  # before issue 13 point 6 the kit modules' service was `kit`
        from forum.services import kit as modules

    code_root = Path(forum.__file__).resolve().parent.parent
    tmp = Path(tempfile.mkdtemp(prefix="path-modules-"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'db.sqlite'}",
            "SEARCH_DIR": str(tmp / "ix"),
        },
        env="testing",
    )
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        reference.bootstrap()
        modules.load_defaults()
        reference.load_categories()
        db.session.commit()  # the CLI command commits; so does a fixture
        user = User(email="a@example.org", display_name="Alice Martin", handle="alice")
        user.set_password("motdepasse-solide")
        db.session.add(user)
        db.session.commit()
        engine().store.ensure()
        engine().sync()
    client = app.test_client()
    html = client.get("/auth/login").get_data(as_text=True)
    client.post(
        "/auth/login",
        data={
            "email": "a@example.org",
            "password": "motdepasse-solide",
            "csrf_token": CSRF_RE.search(html).group(1),
        },
    )
    client.get("/search?q=warmup")  # first-request work (translations, caches) is not the path

    seen: dict[str, set[str]] = {}

    def traced(step: str, action):
        found = seen.setdefault(step, set())

        def profile(frame, event, arg):
            if event == "call":
                found.add(frame.f_code.co_filename)

        sys.setprofile(profile)
        try:
            return action()
        finally:
            sys.setprofile(None)

    form = traced("1 form", lambda: client.get("/reports/new").get_data(as_text=True))
    token = TOKEN_RE.search(form)
    data = {
        "csrf_token": CSRF_RE.search(form).group(1),
        "title": "Une séance avec un ornithorynque",
        "session_date": "2025-02-01",
        "department": "46",
        "format": "presentiel",
        "participants": "6",
        "modules": "besoin-social-utilite-sociale",
        "context": f"Six porteurs et un {WORD} autour de la table.",
        "action": "publish",
        **({"submission_token": token.group(1)} if token else {}),
    }
    response = traced("2 publish", lambda: client.post("/reports/new", data=data))
    assert response.status_code in (302, 303), response.status_code

    def drain():
        with app.app_context():
            return engine().sync()

    assert traced("3 drain", drain) >= 1
    page = traced("4 search", lambda: client.get(f"/search?q={WORD}").get_data(as_text=True))
    assert "Une séance avec un ornithorynque" in page

    def ours(files, suffix):
        names = set()
        for name in files:
            path = Path(name)
            if path.suffix != suffix or not path.is_absolute():
                continue
            if any(path.is_relative_to(code_root / top) for top in ("forum", "templates")):
                names.add(str(path.relative_to(code_root)))
        return names

    union_py, union_html = set(), set()
    for step, files in seen.items():
        py, html_files = ours(files, ".py"), ours(files, ".html")
        union_py |= py
        union_html |= html_files
        print(f"{step:10} {len(py):3} Python modules, {len(html_files):2} templates")
    print(f"{'path':10} {len(union_py):3} Python modules, {len(union_html):2} templates")
    if "--list" in sys.argv:
        print("\n".join(sorted(union_py | union_html)))


if __name__ == "__main__":
    main()
