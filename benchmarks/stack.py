"""The production stack for the load and fault scripts: database, gunicorn, private cluster.

Used by benchmarks/load.py and benchmarks/faults.py; not a script of its own. Everything it
starts (gunicorn, a private PostgreSQL cluster) it stops again; it never touches a database
it did not create (`test` and PostgreSQL's own are refused outright).
"""

import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROTECTED = {"test", "postgres", "template0", "template1"}
PG_BIN = Path("/usr/lib/postgresql/15/bin")
ACCESS_LINE = re.compile(r"method=(\S+) path=(\S+) status=(\d+) duration_ms=([\d.]+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def connect(database_url: str, dbname: str | None = None, **kwargs) -> psycopg.Connection:
    """A plain psycopg connection for the SQLAlchemy URL (or another database on its server)."""
    url = make_url(database_url)
    return psycopg.connect(
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        user=url.username or "postgres",
        password=url.password or None,
        dbname=dbname or url.database,
        connect_timeout=5,
        **kwargs,
    )


def app_env(database_url: str, workdir: Path, port: int, workers: int | None = None) -> dict:
    """The environment `make serve-prod` expects, with a secret key made for this run."""
    env = {
        **os.environ,
        "FORUM_ENV": "production",
        "FORUM_SECRET_KEY": secrets.token_hex(32),
        "FORUM_SESSION_COOKIE_SECURE": "0",  # plain http on 127.0.0.1
        "FORUM_DATABASE_URL": database_url,
        "FORUM_SEARCH_DIR": str(workdir / "search"),
        "FORUM_INSTANCE_DIR": str(workdir / "instance"),
        "FORUM_BIND": f"127.0.0.1:{port}",
        "FORUM_BASE_URL": f"http://127.0.0.1:{port}",
    }
    if workers:
        env["FORUM_WORKERS"] = str(workers)
    return env


def flask(env: dict, *args: str) -> float:
    """Run one `flask --app wsgi` command; returns its duration (fails loudly)."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started


def prepare_database(env: dict, reports: int, reuse: bool) -> dict[str, float]:
    """Create and seed the database unless --reuse finds it seeded; then, as `make
    serve-prod` does, `db upgrade` and `bootstrap`. Returns the duration of each step."""
    database_url = env["FORUM_DATABASE_URL"]
    name = make_url(database_url).database
    if not name or name in PROTECTED:
        sys.exit(f"refusing to use the database {name!r}: pick one of your own")
    with connect(database_url, "postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        seeded = exists and reuse and _report_count(database_url) >= max(reports, 1)
        if exists and not seeded:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        if not seeded:
            admin.execute(f'CREATE DATABASE "{name}"')
    steps = {"db upgrade": flask(env, "db", "upgrade"), "bootstrap": flask(env, "bootstrap")}
    search_dir = Path(env["FORUM_SEARCH_DIR"])
    if not seeded:
        shutil.rmtree(search_dir, ignore_errors=True)
        args = ["--reports", str(reports)] if reports else []
        steps["seed-demo (with index rebuild)"] = flask(env, "seed-demo", *args)
    elif not (search_dir / "current").exists():
        steps["search rebuild"] = flask(env, "search", "rebuild")
    return steps


def _report_count(database_url: str) -> int:
    try:
        with connect(database_url) as conn:
            return conn.execute("SELECT count(*) FROM report").fetchone()[0]
    except psycopg.Error:  # no schema yet
        return 0


class Gunicorn:
    """gunicorn -c gunicorn.conf.py wsgi:app, as `make serve-prod` runs it (`app`: another
    WSGI module under the same configuration, e.g. benchmarks/floor_app.py)."""

    def __init__(self, env: dict, log_path: Path, app: str = "wsgi:app"):
        self.env, self.log_path, self.app = env, log_path, app
        self.port = int(env["FORUM_BIND"].rsplit(":", 1)[1])
        self.process: subprocess.Popen | None = None
        # gunicorn.conf.py's own default: 2 per core + 1.
        self.expected_workers = int(env.get("FORUM_WORKERS") or (os.cpu_count() or 1) * 2 + 1)

    def start(self, timeout: float = 90) -> dict:
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", self.app],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole at the end
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                url = f"http://127.0.0.1:{self.port}/healthz"
                with urllib.request.urlopen(url, timeout=2) as response:
                    health = json.loads(response.read())
                if len(self.workers()) >= self.expected_workers:
                    return health
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit(f"gunicorn did not answer /healthz within {timeout:.0f} s; see {self.log_path}")

    def workers(self) -> list[int]:
        """The worker pids: the master's children."""
        if self.process is None:
            return []
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their request
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_size(self) -> int:
        return self.log_path.stat().st_size

    def access_lines(self, start: int, end: int) -> list[tuple[str, str, int, float]]:
        """(method, path, status, duration ms) of the app's access log lines between two
        log offsets: the time spent in the app, without the wait for a free worker."""
        with open(self.log_path, "rb") as log:
            log.seek(start)
            text = log.read(end - start).decode(errors="replace")
        return [(m[1], m[2], int(m[3]), float(m[4])) for m in ACCESS_LINE.finditer(text)]

    def log_lines(self, needle: str) -> list[str]:
        return [
            line
            for line in self.log_path.read_text(errors="replace").splitlines()
            if needle in line
        ]


class PrivateCluster:
    """A throwaway PostgreSQL 15 cluster (trust auth, TCP on 127.0.0.1, its own port), owned
    by the postgres user, that may be stopped and restarted at will."""

    def __init__(self, root: Path):
        self.root = root / "pg"
        self.data = self.root / "data"
        self.log = self.root / "postgresql.log"
        self.port = free_port()

    def _pg(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *args], capture_output=True, text=True, check=check
        )

    def init(self) -> None:
        self.root.mkdir(parents=True)
        self.root.parent.chmod(0o755)
        shutil.chown(self.root, "postgres", "postgres")
        self._pg(str(PG_BIN / "initdb"), "-D", str(self.data), "--auth=trust", "-E", "UTF8")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self._pg(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.log),
            "-w", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._pg(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        status = self._pg(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "status", check=False)
        return status.returncode == 0

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def destroy(self) -> None:
        if self.data.exists() and self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def machine_facts(database_url: str, workers: int) -> list[str]:
    """What the figures depend on: cores, memory, CPU, versions, workers, load."""
    meminfo = Path("/proc/meminfo").read_text().split()
    ram_gib = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024**2
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    with connect(database_url) as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
    import gunicorn

    return [
        f"cores: {os.cpu_count()} (nproc {nproc}), {cpu}; RAM {ram_gib:.1f} GiB",
        f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"Python {platform.python_version()}, gunicorn {gunicorn.__version__} "
        f"(sync workers: {workers}), PostgreSQL {pg}",
    ]


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> float:
    """CPU seconds all cores have spent busy since boot."""
    jiffies = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = jiffies[3] + jiffies[4]  # idle + iowait
    return (sum(jiffies[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """Where the CPU went during the run: server workers, PostgreSQL backends of this
    database, the load client itself, and everything else on the (shared) machine."""

    def __init__(self, server: Gunicorn, database_url: str):
        self.server, self.database_url = server, database_url

    def _backends(self) -> list[int]:
        name = make_url(self.database_url).database
        with connect(self.database_url) as conn:
            sql = "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
            return [pid for (pid,) in conn.execute(sql, (name,))]

    def snapshot(self) -> dict:
        groups = {
            "gunicorn": self.server.workers() + [self.server.process.pid],
            "postgres": self._backends(),
            "client": [os.getpid()],
        }
        return {
            "at": time.monotonic(),
            "machine": machine_cpu(),
            "groups": {g: {pid: process_cpu(pid) for pid in pids} for g, pids in groups.items()},
        }

    @staticmethod
    def report(before: dict, after: dict) -> str:
        seconds = after["at"] - before["at"]
        used = {}
        for group, pids in after["groups"].items():
            start = before["groups"].get(group, {})
            used[group] = sum(cpu - start.get(pid, 0.0) for pid, cpu in pids.items())
        total = after["machine"] - before["machine"]
        used["rest of the machine"] = max(0.0, total - sum(used.values()))
        cores = os.cpu_count() or 1
        parts = ", ".join(f"{g} {s / seconds:.2f}" for g, s in used.items())
        return (
            f"CPU over the run, in cores busy on average (of {cores}): {parts}; "
            f"machine {total / seconds / cores:.0%} busy"
        )
