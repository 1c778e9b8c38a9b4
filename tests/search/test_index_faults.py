"""Index faults while the app serves: directory deleted, files corrupted, disk full.

A real threaded HTTP server runs the app with its background drainer; a traffic thread
reads pages the whole time. Pages must keep working (never a 5xx), search must say it is
being rebuilt rather than fail, the index must heal on its own from the database, and
writes to the database must succeed whatever happens to the index's disk.
"""

import gc
import os
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections import Counter

import pytest
from werkzeug.serving import make_server

from forum.extensions import db
from forum.search import engine
from forum.services import reports as report_service
from tests.search.test_index_sync import new_input, outbox_count, publish_via_form
from tests.waiting import PATIENCE, wait_for

# Whoosh leaves the handles of files it failed to read or write (damaged, disk full) for the
# garbage collector to close; the resulting warnings are expected here, not failures.
pytestmark = [
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.whoosh_only(
        "damaged, missing or full index files: the postgres backend has no index files "
        "(its documents are rows of the database, with the database's guarantees)"
    ),
]


@pytest.fixture(autouse=True)
def _collect_leaked_handles():
    yield
    gc.collect()  # now, under this module's filter, not during some later test


class Traffic:
    """Readers hitting pages in a loop from a thread; records every status and counts the
    rounds (every path once) it completed, so that tests wait on rounds, not on the clock."""

    def __init__(self, base: str, paths: list[str]):
        self.base, self.paths = base, paths
        self.statuses: Counter = Counter()
        self.errors: list[str] = []
        self.rounds = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            for path in self.paths:
                try:
                    with urllib.request.urlopen(self.base + path, timeout=PATIENCE) as response:
                        self.statuses[response.status] += 1
                except urllib.error.HTTPError as error:
                    self.statuses[error.code] += 1
                    if error.code >= 500:
                        self.errors.append(f"{error.code} {path}")
                except OSError as error:
                    self.errors.append(f"{path}: {error}")
            self.rounds += 1

    def wait_for_rounds(self, count: int, what: str) -> None:
        """Wait until `count` rounds are complete (a round started now needs `rounds + 2`)."""
        wait_for(lambda: self.rounds >= count, what)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=PATIENCE)
        assert not self._thread.is_alive(), "the traffic thread did not stop"


@pytest.fixture
def served(app, corpus):
    """The test's app on a real threaded HTTP server, its drainer running every second."""
    app.config.update(SEARCH_BACKGROUND=True)
    engine().worker.enabled = True
    engine().worker.interval = 1
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    engine().shutdown()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=PATIENCE) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_until_found(base: str, word: str, report_id: int) -> None:
    """Wait until the search page lists this report (every answer meanwhile is a 200)."""

    def listed():
        status, html = get(f"{base}/search?q={word}")
        assert status == 200
        return f'href="/reports/{report_id}"' in html

    wait_for(listed, f"the search page to list report {report_id} for {word!r}")


@pytest.mark.parametrize("damage", ["delete", "corrupt"])
def test_index_damaged_while_serving_heals_itself(app, corpus, served, damage, caplog, make_user):
    base = served
    report_id = corpus["covoiturage"]
    paths = ["/", "/reports/", f"/reports/{report_id}", "/search?q=covoiturage", "/healthz"]
    with Traffic(base, paths) as traffic:
        traffic.wait_for_rounds(1, "the readers to read every page once")
        live = engine().store.current.resolve()
        if damage == "delete":
            # Out of the way in one step, then removed: the drainer, seeing the index gone,
            # may start writing a new one into the same path while rmtree is still walking.
            gone = app.config["SEARCH_DIR"] + ".gone"
            os.rename(app.config["SEARCH_DIR"], gone)
            shutil.rmtree(gone)
        else:
            for path in live.iterdir():
                path.write_bytes(b"\x00garbage")
        damaged_at = traffic.rounds
        # A report written during the outage is acknowledged by the database...
        written = report_service.create_report(
            make_user(), new_input("Pendant la panne", "Un ornithorynque est passé.")
        )
        db.session.commit()  # as the request that publishes it does
        # ...and the index comes back on its own, with it.
        wait_until_found(base, "covoiturage", report_id)
        wait_until_found(base, "ornithorynque", written.id)
        healed_at = traffic.rounds
        # Every page read in a round begun after the damage, and again once healed: what
        # the readers must have seen, however fast or slow the machine is.
        traffic.wait_for_rounds(healed_at + 2, "a full round after healing")
    assert traffic.errors == []
    assert traffic.rounds >= damaged_at + 2
    assert all(status < 500 for status in traffic.statuses), traffic.statuses
    assert "rebuilding" in caplog.text  # the drainer said what it did
    assert engine().check() == {"missing": [], "stale": [], "extra": []}


def test_search_says_it_is_rebuilding_until_the_index_is_back(app, corpus, client):
    """Without a drainer (a cron-only deployment) the outage is visible, never a 500."""
    shutil.rmtree(app.config["SEARCH_DIR"])
    engine().store.close()
    response = client.get("/search?q=covoiturage")
    assert response.status_code == 200
    assert "en cours de reconstruction" in response.get_data(as_text=True)
    assert client.get("/healthz").get_json()["index"] == "unavailable"
    assert app.test_cli_runner().invoke(args=["search", "rebuild"]).exit_code == 0
    assert "en cours de reconstruction" not in client.get("/search?q=covoiturage").get_data(
        as_text=True
    )


@pytest.fixture
def tiny_disk(tmp_path):
    """A 3 MB tmpfs for the index (root only: mount needs CAP_SYS_ADMIN)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def app_config(tmp_path, request):
    config = {"SEARCH_DIR": str(tmp_path / "search")}
    if "tiny_disk" in request.fixturenames:
        config["SEARCH_DIR"] = str(request.getfixturevalue("tiny_disk") / "search")
    return config


def fill(mount) -> None:
    """Write zeros until the file system is full."""
    with open(mount / "filler", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


def test_full_disk_for_the_index_never_blocks_database_writes(
    app, tiny_disk, corpus, client, login, make_user
):
    fill(tiny_disk)
    login(make_user())
    response = publish_via_form(client, "Écrit disque plein", "Un kinkajou sur le disque plein.")
    assert response.status_code == 303  # acknowledged: it is in the database
    report_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert client.get(f"/reports/{report_id}").status_code == 200
    pending = outbox_count()
    assert pending >= 1
    with pytest.raises(OSError):
        engine().sync()  # the index cannot grow: the work stays in the outbox
    assert outbox_count() == pending
    search = client.get("/search?q=covoiturage")  # the old index still answers
    assert search.status_code == 200 and f'/reports/{corpus["covoiturage"]}"' in search.get_data(
        as_text=True
    )
    (tiny_disk / "filler").unlink()
    assert engine().sync() >= 1
    assert outbox_count() == 0
    assert f'/reports/{report_id}"' in client.get("/search?q=kinkajou").get_data(as_text=True)
    assert engine().check() == {"missing": [], "stale": [], "extra": []}


def test_damaged_segments_under_a_readable_table_of_contents_are_replaced(
    app, corpus, client, make_user
):
    """Only the segment files are damaged: the index still opens, but reading or writing it
    fails. The next drain notices, rebuilds from the database, and replays the outbox."""
    for path in engine().store.current.resolve().glob("*.seg"):
        path.write_bytes(b"\x00garbage")
    engine().store.close()
    search = client.get("/search?q=covoiturage")
    assert search.status_code == 200  # "being rebuilt", never a 500
    written = report_service.create_report(
        make_user(), new_input("Segments abîmés", "Un axolotl dans le segment.")
    )
    engine().sync()  # fails on the damaged segments, rebuilds
    engine().sync()  # replays what the rebuild may have raced with
    assert outbox_count() == 0
    html = client.get("/search?q=axolotl").get_data(as_text=True)
    assert f'/reports/{written.id}"' in html
    assert f'/reports/{corpus["covoiturage"]}"' in client.get("/search?q=covoiturage").get_data(
        as_text=True
    )


def test_a_failing_rebuild_is_not_retried_at_every_request(app, tiny_disk, corpus, client, caplog):
    """The index is gone and its disk is full: the rebuild fails, leaves no half-built
    generation behind, and is not attempted again for a while (not once per search)."""
    shutil.rmtree(app.config["SEARCH_DIR"])
    engine().store.close()
    fill(tiny_disk)
    assert engine().writer.heal() is False
    assert "rebuild failed" in caplog.text
    assert list((tiny_disk / "search").glob("gen-*")) == []
    failed_at = engine().writer._heal_failed_at
    caplog.clear()
    assert engine().writer.heal() is False  # within the retry delay: refused without trying
    assert "rebuild" not in caplog.text and engine().writer._heal_failed_at == failed_at
    assert client.get("/search?q=covoiturage").status_code == 200
    (tiny_disk / "filler").unlink()
    engine().writer._heal_failed_at = -1e9  # the delay has passed
    assert engine().writer.heal() is True
    assert f'/reports/{corpus["covoiturage"]}"' in client.get("/search?q=covoiturage").get_data(
        as_text=True
    )
