"""Readers and writers for benchmarks/load.py and faults.py: the client, the mix, the records.

The client is the standard library's http.client, one connection per thread: gunicorn's
sync workers close every connection anyway, and neither requests nor httpx is installed.
"""

import gzip
import http.client
import random
import re
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import stack

DEMO_PASSWORD = "maillage-demo"
LIST_URLS = [
    "/reports/",
    "/reports/?page=2",
    "/reports/?tag=financement",
    "/reports/?module=modele-economique-financement&region=76",
    "/reports/?tag=mobilite&tag=isolement-des-porteurs&sort=session",
    "/reports/?department=46&format=presentiel&from=2024-01-01&to=2025-12-31",
    "/reports/?structure=fabrique-du-lot&page=3",
]
SEARCHES = [
    {"q": "financement"},
    {"q": "mobilité"},
    {"q": "porteurs"},
    {"q": "isolement rural"},
    {"q": "élus", "tag": "relation-aux-elus"},
    {"q": "covoiturage", "region": "76"},
    {"q": '"plan de financement"'},
    {"q": "école parents"},
    {"q": "enquête terrain marché"},
    {"q": "financement", "module": "modele-economique-financement", "department": "46"},
    {"q": "gouvernance", "from": "2024-01-01", "to": "2025-12-31"},
    {"q": "animation", "tag": "mobilite"},
    {"q": "tiers-lieu -numérique"},
    {"q": "bénévoles OR salariés", "type": "report"},
    {"q": "financer", "sort": "date"},
]
# Reader mix (weights): what a visitor does most is read reports and search.
READER_ROUTES = {
    "home /": 1,
    "reports list": 2,
    "report page": 3,
    "search": 3,
    "discussions list": 1,
    "discussion page": 2,
}
WORDS = (
    "séance porteurs territoire mobilité financement covoiturage bénévoles tiers-lieu "
    "animation commune élus atelier parcours projet rural association réseau"
).split()
TOKEN_LETTERS = "bcdfghjklmnpqrstvwxz"  # no vowel: the French stemmer leaves it whole


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


@dataclass
class Sample:
    at: float  # seconds since the start of the run, when the response ended
    route: str
    status: int | str  # HTTP status, or "conn-error"
    ms: float


@dataclass
class Ack:
    kind: str  # "report" or "post"
    object_id: int
    token: str
    at: float


class Recorder:
    """Every response of the run, and every acknowledged write."""

    def __init__(self):
        self.started = time.monotonic()
        self.samples: list[Sample] = []
        self.acks: list[Ack] = []
        self.errors: Counter = Counter()
        self.unacknowledged: list[tuple[str, str]] = []  # (kind, token): no answer, or a 5xx
        self._lock = threading.Lock()

    def now(self) -> float:
        return time.monotonic() - self.started

    def sample(self, route: str, status, ms: float) -> None:
        with self._lock:
            self.samples.append(Sample(self.now(), route, status, ms))

    def ack(self, kind: str, object_id: int, token: str) -> None:
        with self._lock:
            self.acks.append(Ack(kind, object_id, token, self.now()))

    def table(self, duration: float) -> list[str]:
        by_route = defaultdict(list)
        for s in self.samples:
            by_route[s.route].append(s)
        lines = [
            "| route | requests | req/s | p50 ms | p95 ms | p99 ms | statuses |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        everything = []
        for route in sorted(by_route, key=lambda r: (r.startswith("w "), r)):
            samples = by_route[route]
            everything += samples
            lines.append(_row(f"`{route}`", samples, duration))
        lines.append(_row("**all**", everything, duration))
        return lines

    def timeline(self, bucket: float = 1.0, start: float = 0, end: float | None = None):
        """Status counts per time bucket: [(t, Counter)]."""
        end = self.now() if end is None else end
        buckets = defaultdict(Counter)
        for s in self.samples:
            if start <= s.at < end:
                buckets[int(s.at // bucket)][s.status] += 1
        return [(b * bucket, buckets[b]) for b in sorted(buckets)]


def _row(name: str, samples: list[Sample], duration: float) -> str:
    ms = [s.ms for s in samples]
    statuses = Counter(s.status for s in samples)
    counts = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str))
    return (
        f"| {name} | {len(samples)} | {len(samples) / duration:.1f} | {pct(ms, 0.5):.0f} "
        f"| {pct(ms, 0.95):.0f} | {pct(ms, 0.99):.0f} | {counts} |"
    )


class Client:
    """One browser: a connection, a cookie jar, gzip accepted."""

    def __init__(self, port: int, recorder: Recorder, timeout: float = 60):
        self.port, self.recorder, self.timeout = port, recorder, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, route: str, form: dict | None = None):
        """Returns (status, headers, body bytes), or None if the connection failed."""
        headers = {"Accept-Encoding": "gzip", "Accept-Language": "fr"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            self.conn.request(method, path, body, headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            self.recorder.sample(route, "conn-error", (time.perf_counter() - started) * 1000)
            return None
        self.recorder.sample(route, response.status, (time.perf_counter() - started) * 1000)
        if response.will_close:
            self.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            if value and "expires=thu, 01 jan 1970" not in cookie.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        if response.headers.get("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        return response.status, response.headers, data

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


CSRF = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def csrf_token(body: bytes) -> str | None:
    match = CSRF.search(body)
    return (match.group(1) or match.group(2)).decode() if match else None


@dataclass
class Corpus:
    """Ids and choices the clients pick from, read from the database before the run."""

    report_ids: list[int]
    discussion_ids: list[int]  # open discussions (not report threads)
    members: list[str]  # e-mails of demo members who may post
    departments: list[str]
    modules: list[str]
    tags: list[str]
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, database_url: str) -> "Corpus":
        with stack.connect(database_url) as conn:

            def column(sql):
                return [row[0] for row in conn.execute(sql)]

            return cls(
                report_ids=column(
                    "SELECT id FROM report WHERE status = 'published' AND deleted_at IS NULL"
                ),
                discussion_ids=column(
                    "SELECT id FROM discussion WHERE report_id IS NULL AND deleted_at IS NULL "
                    "AND NOT locked"
                ),
                members=column(
                    "SELECT email FROM user_account WHERE email LIKE '%@example.org' "
                    "AND role = 'member' AND approved ORDER BY id"
                ),
                departments=column("SELECT code FROM department"),
                modules=column("SELECT slug FROM kit_module"),
                tags=column("SELECT slug FROM challenge_tag WHERE approved"),
            )


def reader(client: Client, corpus: Corpus, stop: threading.Event, rng: random.Random) -> None:
    routes, weights = zip(*READER_ROUTES.items())
    while not stop.is_set():
        route = rng.choices(routes, weights)[0]
        if route == "home /":
            path = "/"
        elif route == "reports list":
            path = rng.choice(LIST_URLS)
        elif route == "report page":
            path = f"/reports/{rng.choice(corpus.report_ids)}"
        elif route == "search":
            path = "/search?" + urllib.parse.urlencode(rng.choice(SEARCHES))
        elif route == "discussions list":
            path = rng.choice(["/discussions/", "/discussions/?page=2"])
        else:
            path = f"/discussions/{rng.choice(corpus.discussion_ids)}"
        client.request("GET", path, route)


def new_token(rng: random.Random) -> str:
    return "jt" + "".join(rng.choice(TOKEN_LETTERS) for _ in range(12))


def log_in(client: Client, email: str, stop: threading.Event) -> bool:
    """Log in (retrying while the site is unavailable); False if the run ended first."""
    while not stop.is_set():
        page = client.request("GET", "/auth/login", "w GET /auth/login")
        token = page and page[0] == 200 and csrf_token(page[2])
        if token:
            form = {"csrf_token": token, "email": email, "password": DEMO_PASSWORD}
            done = client.request("POST", "/auth/login", "w POST /auth/login", form)
            if done and done[0] == 303:
                return True
        time.sleep(0.5)
    return False


def writer(
    client: Client,
    email: str,
    corpus: Corpus,
    stop: threading.Event,
    rng: random.Random,
    recorder: Recorder,
) -> None:
    """Publish reports and reply to discussions and reports, as fast as the site allows."""
    if not log_in(client, email, stop):
        return
    while not stop.is_set():
        token = new_token(rng)
        action = rng.choices(["report", "discussion reply", "report reply"], [2, 2, 1])[0]
        if action == "report":
            page = client.request("GET", "/reports/new", "w GET /reports/new")
            target, form = "/reports/new", report_form(corpus, rng, token)
            route, pattern = "w POST /reports/new", r"^/reports/(\d+)$"
        else:
            if action == "discussion reply":
                thread = f"/discussions/{rng.choice(corpus.discussion_ids)}"
                page = client.request("GET", thread, "w GET /discussions/<id>")
            else:
                thread = f"/reports/{rng.choice(corpus.report_ids)}"
                page = client.request("GET", thread, "w GET /reports/<id>")
            body = f"Réponse de test de charge {token} : {' '.join(rng.sample(WORDS, 8))}."
            target, form = thread + "/reply", {"body": body}
            route, pattern = f"w POST {thread.rsplit('/', 1)[0]}/<id>/reply", r"#post-(\d+)$"
        token_value = page and page[0] == 200 and csrf_token(page[2])
        if not token_value:
            if page and page[0] == 200:  # a page without a form: logged out?
                recorder.errors["form page without csrf token"] += 1
                log_in(client, email, stop)
            continue
        form["csrf_token"] = token_value
        done = client.request("POST", target, route, form)
        location = done[1].get("Location", "") if done and done[0] == 303 else ""
        created = re.search(
            pattern, urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl()
        )
        if created:
            recorder.ack("report" if action == "report" else "post", int(created.group(1)), token)
        elif done and done[0] < 500:
            recorder.errors[f"write answered {done[0]}"] += 1
        else:  # it may have been committed all the same: checked after the run
            recorder.unacknowledged.append(("report" if action == "report" else "post", token))


def report_form(corpus: Corpus, rng: random.Random, token: str) -> dict:
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentence = " ".join(rng.sample(WORDS, 10))
    return {
        "title": f"Séance de test de charge {token}",
        "session_date": day,
        "department": rng.choice(corpus.departments),
        "structure": "",
        "parcours": "",
        "modules": rng.sample(corpus.modules, 2),
        "tags": rng.sample(corpus.tags, 1),
        "format": rng.choice(["presentiel", "distanciel", "hybride"]),
        "participants": str(rng.randint(2, 15)),
        "context": f"Contexte {token}. " + sentence.capitalize() + ".",
        "proceedings": "Tour de table, puis atelier en petits groupes. " * rng.randint(1, 8),
        "worked": "Le covoiturage organisé entre porteurs a bien marché.",
        "action": "publish",
    }


def run(
    port: int,
    corpus: Corpus,
    readers: int,
    writers: int,
    duration: float,
    recorder: Recorder,
    during=None,
    seed: int = 7,
):
    """Readers and writers for `duration` seconds; `during(recorder)` runs meanwhile
    (fault injection). Returns the measured duration."""
    stop = threading.Event()
    threads = []
    for n in range(readers):
        client = Client(port, recorder)
        rng = random.Random(seed * 1000 + n)
        threads.append(threading.Thread(target=reader, args=(client, corpus, stop, rng)))
    if writers > len(corpus.members):
        raise SystemExit(f"{writers} writers but only {len(corpus.members)} demo members")
    for n in range(writers):
        client = Client(port, recorder)
        rng = random.Random(seed * 1000 + 500 + n)
        args = (client, corpus.members[n], corpus, stop, rng, recorder)
        threads.append(threading.Thread(target=writer, args=args))
    started = recorder.now()
    for thread in threads:
        thread.start()
    try:
        if during is not None:
            during(recorder, started + duration)
        while recorder.now() < started + duration:
            time.sleep(0.2)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
    return recorder.now() - started
