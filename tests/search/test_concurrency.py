"""Several processes publish and edit 200 reports at once, one is killed mid-way:
afterwards the index holds exactly what the database says (search check)."""

import os
import signal
import subprocess
import sys

import pytest

from forum import ROOT
from forum.extensions import db
from forum.models import Report
from forum.search import engine
from tests.conftest import A_MONTH_AGO

pytestmark = pytest.mark.whoosh_only(
    "an outbox drained by concurrent processes: the postgres backend has no outbox "
    "(each writing transaction writes its documents; tests/test_two_servers.py kills a "
    "server during a stream of writes)"
)


def test_concurrent_writers_and_a_killed_one_leave_the_index_in_sync(app, make_user):
    make_user(email="concurrence@example.org", created_at=A_MONTH_AGO)  # many reports
    engine().store.ensure()
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    search_dir = app.config["SEARCH_DIR"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    counts = [50, 50, 50, 50]  # 200 reports, each published then edited
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.search.concurrency_worker",
                url,
                search_dir,
                str(i),
                str(n),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i, n in enumerate(counts)
    ]
    victim = workers[-1]
    for _ in range(200):  # kill the last one once it is well under way
        line = victim.stdout.readline()
        if not line or line.strip().endswith(":10"):
            break
    victim.send_signal(signal.SIGKILL)
    outputs = [w.communicate(timeout=900) for w in workers]  # a ceiling, not a target
    for worker, (_out, err) in zip(workers[:-1], outputs[:-1]):
        assert worker.returncode == 0, err[-2000:]
    assert victim.returncode == -signal.SIGKILL

    db.session.expire_all()
    written = db.session.scalar(db.select(db.func.count(Report.id)))
    assert 150 + 11 <= written < 200  # the victim stopped part-way
    engine().sync()  # whatever the victim left in the outbox (every worker has exited)
    result = app.test_cli_runner().invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
    assert (
        "missing: 0" in result.output
        and "stale: 0" in result.output
        and "extra: 0" in result.output
    )
    assert engine().search("covoiturage").total == written
    assert engine().search("transport demande").total >= written - 1  # edits reached the index
