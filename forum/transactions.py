"""Who owns the transaction: the request, the CLI command, the background job — never a
service.

Services change the session and flush (to get ids and meet constraints early); they do
not commit. The edge that called them decides, once:

- **a request** (`init_app`): a POST, PUT, PATCH or DELETE commits once, after the view
  returned and before the response leaves (a failed commit becomes the error page, never
  an acknowledged write that was lost), unless something was raised while it ran: a
  domain error (`forum.services.errors.ServiceError`) dooms the unit of work even when a
  view catches it to show it in its form (so views never roll back), and the error pages
  (`forum/errors.py`: HTTP errors, CSRF, unexpected exceptions) roll back. A page answered
  with a 4xx status by the view itself still commits: a refused login records the failed
  attempt that the throttle counts.
- **a GET or HEAD** writes nothing but its *read markers* (the last message seen in a
  thread, the session's « last seen », a notification opened), queued with
  `record_read()` and written after the page was built, in one short transaction. Any
  other write during a GET is a bug: it is rolled back and logged (in tests it fails).
- **a CLI command or a script**: `with unit_of_work(): …` commits at the end of the block
  or rolls back on an exception.
- **a background job** (search outbox drain, notification fan-out, digests): the job
  function commits its own batches, as it is the edge of its thread
  (`forum/background.py`).

Compare Indico's `web/rh.py` (one commit per request, `operations.py` only flush).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import Flask, current_app, g, request
from sqlalchemy.exc import SQLAlchemyError

from forum.background import listen
from forum.extensions import db, release_session

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# session.info keys: a domain error was raised in this unit of work; it wrote something.
DOOMED = "maillage.doomed"
WROTE = "maillage.wrote"


class WriteDuringRead(RuntimeError):
    """A GET or HEAD changed the database outside `record_read` (raised in tests only)."""


def init_app(app: Flask) -> None:
    """Commit or roll back each request at its end; write GETs' read markers.

    Register after every other `after_request` hook that may change the response: Flask
    runs them in reverse order, so this one runs first and the others (headers,
    compression, conditional GET) see the response it settled on."""
    listen("after_flush", _note_flush)
    listen("do_orm_execute", _note_statement)
    listen("after_commit", _forget)
    listen("after_soft_rollback", _forget_after_rollback)
    app.after_request(_end_request)


def doom() -> None:
    """Mark the current unit of work as failed: its edge rolls it back instead of
    committing. Called when a domain error is raised (forum/services/errors.py)."""
    db.session.info[DOOMED] = True


def record_read(write: Callable[[], object]) -> None:
    """Queue a read marker for the end of this GET: `write()` changes the session (an
    UPDATE or an added row, no commit) after the page was built; the markers of one request
    are committed together. Outside a GET (a POST that also reads) the write simply joins
    the request's own transaction. A failure is logged, never shown: a page is not worth
    failing for a marker."""
    if request.method in SAFE_METHODS:
        g.setdefault("read_markers", []).append(write)
    else:
        write()


@contextmanager
def unit_of_work() -> Iterator[None]:
    """`with unit_of_work(): …` for CLI commands and scripts: commit at the end of the
    block, roll back (and re-raise) on any exception or if a domain error was raised."""
    db.session.info.pop(DOOMED, None)
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    if db.session.info.pop(DOOMED, False):
        db.session.rollback()
    else:
        db.session.commit()


def _end_request(response):
    if request.method in SAFE_METHODS:
        _settle_read(response)
        return response
    if db.session.info.get(DOOMED):
        db.session.rollback()
        return response
    try:
        db.session.commit()
    except SQLAlchemyError as error:
        # The write was not made: say so with the error page (503 when the database is
        # away, 500 otherwise), never the success page the view built.
        return current_app.make_response(current_app.handle_user_exception(error))
    return response


def _settle_read(response) -> None:
    if db.session.info.get(WROTE) or db.session.new or db.session.dirty or db.session.deleted:
        db.session.rollback()
        message = f"{request.method} {request.path} wrote to the database: rolled back"
        if current_app.testing:
            raise WriteDuringRead(message)
        current_app.logger.error(message)
    markers = g.pop("read_markers", None)
    if not markers or response.status_code >= 400:
        return
    try:
        for write in markers:
            write()
        db.session.commit()
    except SQLAlchemyError as error:
        current_app.logger.warning("Read markers not recorded: %s", error.code)
        release_session()  # its rollback may fail too when the server went away


def _note_flush(session, _context) -> None:
    if session.new or session.dirty or session.deleted:
        session.info[WROTE] = True


def _note_statement(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[WROTE] = True


def _forget(session) -> None:
    session.info.pop(WROTE, None)
    session.info.pop(DOOMED, None)


def _forget_after_rollback(session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the outermost transaction ended
        _forget(session)
