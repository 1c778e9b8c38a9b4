"""Snippets: PostgreSQL's ts_headline (configuration `maillage_fr`, migration 0016) beside the
app's Python snippets (forum/search/snippets.py), on the texts a results page shows.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_headline.py \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench17

For each query of bench_search.py, the PostgreSQL backend serves /search once (Flask test
client) and every (text, words) pair its page hands to `snippet` is recorded: the top 10
results' own texts and their best messages. On those texts, measured per page (n = --repeat
pages per query, interleaved):

- python: `snippet` without its per-process cache (candidate paragraphs, the shared
  analyser, whoosh's highlighter), i.e. the cost of a page never shown before;
- ts_headline(q): one statement for the page's texts (bound as a text[] parameter), q =
  the tsquery the search itself matched with (lexemes of the Python analysis);
- ts_headline(web): the same with websearch_to_tsquery('maillage_fr', typed text), i.e.
  PostgreSQL analysing both the query and the text itself;
- ts_headline(web, paragraphs): the same, over the paragraphs that match only (the
  issue's design), chosen in SQL with to_tsvector('maillage_fr', paragraph) @@ q.

Then which words each one highlights, over the whole text (whoosh's WholeFragmenter;
HighlightAll=true): texts where ts_headline highlights nothing though the search matched,
words the search matched that ts_headline misses, and a few built cases (œ, compounds,
NFD, inclusive writing) through both.
"""

import argparse
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlalchemy as sa  # noqa: E402
from bench_search import QUERIES, load, pct  # noqa: E402
from whoosh import highlight  # noqa: E402

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402

OPTIONS = (
    "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, "
    'FragmentDelimiter=" … "'
)
ALL = "StartSel=<mark>, StopSel=</mark>, HighlightAll=true"
MARK = re.compile(r"<mark>(.*?)</mark>", re.S)

HEADLINE = sa.text(
    "SELECT ts_headline('maillage_fr', t, CAST(:q AS tsquery), :o) "
    "FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS x(t, i) ORDER BY i"
)
HEADLINE_WEB = sa.text(
    "SELECT ts_headline('maillage_fr', t, websearch_to_tsquery('maillage_fr', :raw), :o) "
    "FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS x(t, i) ORDER BY i"
)
HEADLINE_PARAGRAPHS = sa.text(
    "WITH q AS (SELECT websearch_to_tsquery('maillage_fr', :raw) AS q) "
    "SELECT ts_headline('maillage_fr', coalesce(("
    "  SELECT string_agg(p, E'\\n\\n' ORDER BY n) "
    "  FROM regexp_split_to_table(t, E'\\n\\n') WITH ORDINALITY AS s(p, n) "
    "  WHERE to_tsvector('maillage_fr', p) @@ q.q), t), q.q, :o) "
    "FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS x(t, i), q ORDER BY i"
)


def fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()


def marked(html: str) -> set[str]:
    return {fold(m) for m in MARK.findall(html)}


def python_all(text: str, terms) -> str:
    from forum.search.snippets import _ANALYZER, _FORMATTER

    return highlight.highlight(
        text, frozenset(terms), _ANALYZER, highlight.WholeFragmenter(), _FORMATTER, top=1
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": args.database_url,
            "SEARCH_BACKEND": "postgres",
            "SEARCH_BACKGROUND": False,
        },
        env="testing",
    )
    from forum.search import groups, snippets
    from forum.search.pg import to_tsquery
    from forum.search.query import parse

    recorded: list[tuple[str, frozenset]] = []
    real = groups.snippet

    def recording(text, terms):
        recorded.append((text, frozenset(terms)))
        return real(text, terms)

    groups.snippet = recording
    client = app.test_client()
    pages = []
    for words, filters in QUERIES:
        recorded.clear()
        response = client.get("/search", query_string={"q": words, **filters})
        assert response.status_code == 200
        label = words + (" " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else "")
        ts = to_tsquery(parse(words).query)
        pages.append((label, words, ts, list(recorded)))
    groups.snippet = real
    print(f"load average at start: {load()}")

    uncached = snippets._snippet.__wrapped__
    timings = {name: {label: [] for label, *_ in pages} for name in ("python", "q", "web", "para")}
    with app.app_context():
        db.session.execute(sa.text("SELECT 1"))
        for _ in range(args.repeat):
            for label, words, ts, texts in pages:
                only = [t for t, _ in texts]
                started = time.perf_counter()
                for text, terms in texts:
                    uncached(text, terms)
                timings["python"][label].append((time.perf_counter() - started) * 1000)
                for name, statement, params in (
                    ("q", HEADLINE, {"q": ts}),
                    ("web", HEADLINE_WEB, {"raw": words}),
                    ("para", HEADLINE_PARAGRAPHS, {"raw": words}),
                ):
                    started = time.perf_counter()
                    db.session.execute(statement, {"texts": only, "o": OPTIONS, **params}).all()
                    timings[name][label].append((time.perf_counter() - started) * 1000)
                db.session.rollback()
        print(f"load average after the timings: {load()}\n")
        print(
            f"{'query':56} {'texts':>5} {'chars':>7} {'python':>7} {'ts_headline(q)':>15} "
            f"{'(web)':>7} {'(web, paragraphs)':>18}   (ms per page, p50)"
        )
        every = {name: [] for name in timings}
        for label, _words, _ts, texts in pages:
            cells = []
            for name in timings:
                cells.append(statistics.median(timings[name][label]))
                every[name] += timings[name][label]
            chars = sum(len(t) for t, _ in texts)
            print(
                f"{label:56} {len(texts):5d} {chars:7d} {cells[0]:7.1f} {cells[1]:15.1f} "
                f"{cells[2]:7.1f} {cells[3]:18.1f}"
            )
        print(
            f"{'ALL (p50 / p95)':56} {'':5} {'':7} "
            + " ".join(
                f"{statistics.median(every[n]):.1f}/{pct(every[n], 0.95):.1f}"
                for n in ("python", "q", "web", "para")
            )
        )

        # Which words each highlights, over the whole text.
        print("\nwords highlighted over the whole text (HighlightAll / WholeFragmenter):")
        print(
            f"{'query':56} {'texts':>5} {'py marks':>8} {'no mark: q':>10} {'web':>5} "
            f"{'missed words q':>15} {'web':>5} {'extra web':>9}"
        )
        examples: dict[str, set] = {}
        for label, words, ts, texts in pages:
            only = [t for t, _ in texts]
            by_q = [r[0] for r in db.session.execute(HEADLINE, {"texts": only, "q": ts, "o": ALL})]
            by_web = [
                r[0]
                for r in db.session.execute(HEADLINE_WEB, {"texts": only, "raw": words, "o": ALL})
            ]
            py_marked = no_q = no_web = miss_q = miss_web = extra_web = 0
            for (text, terms), hq, hw in zip(texts, by_q, by_web):
                ours = marked(python_all(text, terms))
                if not ours:
                    continue  # the search matched this text through another field
                py_marked += 1
                got_q, got_web = marked(hq), marked(hw)
                no_q += not got_q
                no_web += not got_web
                miss_q += len(ours - got_q)
                miss_web += len(ours - got_web)
                extra_web += len(got_web - ours)
                for word in ours - got_web:
                    examples.setdefault(label, set()).add(word)
            print(
                f"{label:56} {len(texts):5d} {py_marked:8d} {no_q:10d} {no_web:5d} "
                f"{miss_q:15d} {miss_web:5d} {extra_web:9d}"
            )
        for label, words in examples.items():
            print(f"  missed by ts_headline(web) for « {label} »: {', '.join(sorted(words)[:12])}")

        print("\nbuilt cases: what the search matches (Python analysis) and each highlight:")
        cases = [
            ("coeur", "Le cœur de la séance a porté sur la mobilité."),
            ("cœur", "Au coeur du parcours, les porteurs."),
            ("tiers-lieux", "Trois tiers-lieux du Couserans ont accueilli la séance."),
            ("tiers lieux", "Trois tiers-lieux du Couserans ont accueilli la séance."),
            ("tierslieux", "Trois tiers-lieux du Couserans ont accueilli la séance."),
            ("réunion", unicodedata.normalize("NFD", "Une réunion d'équipe à Foix.")),
            ("école", unicodedata.normalize("NFD", "Les parents de l'école élémentaire.")),
            ("agricultrices", "Les agriculteur·rice·s du Lot sont venus."),
            ("financées", "Des actions financées par la région."),
            ("financement", "Des actions financées par la région."),
            ("rendez-vous", "Un rendez-vous mensuel avec les élus."),
            ("ﬁnancement", "Le financement participatif."),
        ]
        from forum.search.pg import tsvector_text
        from forum.search.policy import query_words

        for words, text in cases:
            parsed = parse(words)
            ts = to_tsquery(parsed.query)
            doc = tsvector_text({"body": text})
            search_matches = db.session.scalar(
                sa.text("SELECT CAST(:d AS tsvector) @@ CAST(:q AS tsquery)"), {"d": doc, "q": ts}
            )
            py = python_all(text, query_words(parsed))
            hq, hw = db.session.execute(
                sa.text(
                    "SELECT ts_headline('maillage_fr', :t, CAST(:q AS tsquery), :o), "
                    "ts_headline('maillage_fr', :t, websearch_to_tsquery('maillage_fr', :raw), :o)"
                ),
                {"t": text, "q": ts, "raw": words, "o": ALL},
            ).one()
            print(
                f"  « {words} » in {text!r}: search {'matches' if search_matches else 'no match'}"
                f" (tsquery {ts}); python {sorted(MARK.findall(py))}; "
                f"ts_headline(q) {sorted(MARK.findall(hq))}; ts_headline(web) {sorted(MARK.findall(hw))}"
            )
        db.session.rollback()


if __name__ == "__main__":
    main()
