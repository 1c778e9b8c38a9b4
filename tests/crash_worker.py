"""A worker process the crash tests kill (tests/test_attachment_crashes.py): it signs in
and uploads a file, or deletes one, through the real app and test client, and stops dead
at the point the test names, until it is killed with SIGKILL.

The stopping points are hooks this script installs, not switches of the application:
- `upload`: SQLAlchemy's `before_commit` on the session, once the request has stored the
  upload and flushed its row, before the commit (the window issue 14 names);
- `delete`: the storage's `delete`, which runs after the deletion of the row committed.
It announces it got there by writing `reached` (the keys concerned, one a line) in the
folder named by MAILLAGE_CRASH_BARRIER, read only here. Run as a module."""

import os
import sys
import time
from io import BytesIO
from pathlib import Path

from sqlalchemy import event

from forum import create_app
from forum.extensions import db
from forum.services import attachments
from tests.conftest import csrf_token, post_form
from tests.files import pdf_with_text

BARRIER = Path(os.environ["MAILLAGE_CRASH_BARRIER"])


def stop_here(keys) -> None:
    """Say where we are, then wait to be killed (never returns)."""
    partial = BARRIER / "reached.part"
    partial.write_text("".join(f"{key}\n" for key in keys))
    partial.rename(BARRIER / "reached")
    while True:
        time.sleep(60)


class StopBeforeDeleting:
    """The app's storage, stopping at the first delete (after the commit)."""

    def __init__(self, store) -> None:
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def delete(self, key: str) -> None:
        stop_here([key])


def main(mode: str, database_url: str, storage_dir: str, search_dir: str, email: str, target: int):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "STORAGE_DIR": storage_dir,
            "SEARCH_DIR": search_dir,
        },
        env="testing",
    )
    with app.app_context():
        client = app.test_client()
        post_form(client, "/auth/login", {"email": email, "password": "motdepasse-solide"})
        if mode == "upload":

            def before_commit(session) -> None:
                stored = session.info.get(attachments.PUT_KEYS)
                if stored:  # the upload's transaction: file stored, row flushed
                    stop_here(stored)

            event.listen(db.session, "before_commit", before_commit)
            path = f"/reports/{target}/attachments"
            token = csrf_token(client, path)
            client.post(
                path,
                data={"csrf_token": token, "file": (BytesIO(pdf_with_text()), "grille.pdf")},
                content_type="multipart/form-data",
            )
        elif mode == "delete":
            app.extensions["storage"] = StopBeforeDeleting(app.extensions["storage"])
            post_form(client, f"/attachments/{target}/delete", {"confirm": "yes"})
    sys.exit(f"{mode}: the stopping point was never reached")


if __name__ == "__main__":
    mode, database_url, storage_dir, search_dir, email, target = sys.argv[1:]
    main(mode, database_url, storage_dir, search_dir, email, int(target))
