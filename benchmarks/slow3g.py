"""First and repeat visit on an emulated slow 3G line, in Chromium, against gunicorn.

    .venv/bin/python benchmarks/slow3g.py \\
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/maillage_slow3g

Prepares the database as benchmarks/load.py does (its own; `test` is refused; the demo seed
by default), starts gunicorn as `make serve-prod` does, then, for the home page, a report
and a search, in Debian's Chromium with the line throttled through the DevTools protocol
(`Network.emulateNetworkConditions`: 400 ms latency, 50,000 bytes/s down and up):

- first visit: a fresh browser context (empty cache, no cookie), the page loaded until its
  `load` event;
- repeat visit: a new tab in the same context, the same page again (the HTTP cache and the
  cookie kept, as when a facilitator comes back).

For each it prints the load time (navigation start → load event end, from the page's own
Navigation Timing) and every request that went to the network (not served from the cache),
with its status: a 304 is a revalidation, the cost this benchmark is about. Median of --runs.
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/maillage_slow3g"
SLOW_3G = {
    "offline": False,
    "latency": 400,  # ms, added to every round trip
    "downloadThroughput": 50_000,  # bytes/s: 400 kbit/s
    "uploadThroughput": 50_000,
}
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
LOAD_TIME = """() => { const n = performance.getEntriesByType('navigation')[0];
  return n.loadEventEnd - n.startTime; }"""


def visit(context, url: str) -> dict:
    """Load `url` in a new tab of `context` on the slow line; what went to the network."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    sent, cached, statuses, sizes, wire = {}, set(), {}, {}, {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: sent.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on(
        "Network.responseReceived",
        lambda e: (
            (e["response"].get("fromDiskCache") or e["response"].get("fromPrefetchCache"))
            and cached.add(e["requestId"])
            or statuses.__setitem__(e["requestId"], e["response"]["status"])
        ),
    )
    # The status on the wire: a revalidated file is reported 200 above, 304 here.
    cdp.on(
        "Network.responseReceivedExtraInfo",
        lambda e: wire.__setitem__(e["requestId"], e["statusCode"]),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url, wait_until="load", timeout=120_000)
    seconds = page.evaluate(LOAD_TIME) / 1000
    network = [
        (sent[rid].split("/", 3)[-1], wire.get(rid, statuses.get(rid)), sizes.get(rid, 0))
        for rid in sent
        if rid not in cached and rid in statuses
    ]
    page.close()
    return {"seconds": seconds, "network": network}


def measure(browser, base: str, path: str, runs: int) -> dict:
    """Median first and repeat visit of one page over `runs` fresh contexts."""
    first, repeat, sample = [], [], None
    for _ in range(runs):
        context = browser.new_context(locale="fr-FR", viewport={"width": 360, "height": 640})
        one, two = visit(context, base + path), visit(context, base + path)
        first.append(one["seconds"])
        repeat.append(two["seconds"])
        sample = (one, two)
        context.close()
    return {
        "first": statistics.median(first),
        "repeat": statistics.median(repeat),
        "first_requests": sample[0]["network"],
        "repeat_requests": sample[1]["network"],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--reports", type=int, default=0, help="extra generated reports")
    parser.add_argument("--reuse", action="store_true", help="keep an already seeded database")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from sqlalchemy.engine import make_url

    workdir = Path(f"/var/tmp/maillage-bench/{make_url(args.database_url).database}")
    workdir.mkdir(parents=True, exist_ok=True)
    env = stack.app_env(args.database_url, workdir, stack.free_port(), args.workers)
    stack.prepare_database(env, args.reports, args.reuse)
    with stack.connect(args.database_url) as conn:
        report_id = conn.execute(
            "SELECT id FROM report WHERE status = 'published' AND deleted_at IS NULL "
            "ORDER BY id LIMIT 1"
        ).fetchone()[0]
    pages = {"home": "/", "report": f"/reports/{report_id}", "search": "/search?q=mobilit%C3%A9"}
    server = stack.Gunicorn(env, Path(tempfile.mkdtemp(prefix="maillage-3g-")) / "gunicorn.log")
    try:
        server.start()
        base = f"http://127.0.0.1:{server.port}"
        facts = stack.machine_facts(args.database_url, len(server.workers()))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=FLAGS, headless=True
            )
            print("\n".join(facts), f"\nChromium {browser.version}, slow 3G: {SLOW_3G}\n")
            print("| page | first visit | repeat visit | network requests on the repeat visit |")
            print("|---|---:|---:|---|")
            for name, path in pages.items():
                result = measure(browser, base, path, args.runs)
                repeat = ", ".join(
                    f"`{url[:40]}` {status} ({size} B)"
                    for url, status, size in result["repeat_requests"]
                )
                print(
                    f"| {name} `{path}` | {result['first']:.2f} s "
                    f"({len(result['first_requests'])} requests) | {result['repeat']:.2f} s | {repeat} |",
                    flush=True,
                )
            browser.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
