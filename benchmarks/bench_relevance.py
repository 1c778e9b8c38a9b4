"""Relevance on the judged set (tests/search/judged): Maillage beside PostgreSQL full-text search.

    .venv/bin/python benchmarks/bench_relevance.py                    # Maillage on SQLite
    .venv/bin/python benchmarks/bench_relevance.py --maillage-db postgresql
    .venv/bin/python benchmarks/bench_relevance.py --markdown out.md  # also write the tables

Loads the 303-report corpus through the app's services into a fresh PostgreSQL database on
--server (and, by default, into a fresh SQLite file for Maillage's own run), indexes it,
then runs the 96 judged queries through Maillage (the call /search makes) and through the
yardstick a user would pick instead: PostgreSQL's own full-text search, a `fr_unaccent`
configuration (french with unaccent before french_stem), title weighted A, structure +
author + place B, the five sections C, `websearch_to_tsquery`, ranked by `ts_rank_cd`.
Filters typed in the box (region:, departement:, structure:, tag:, module:, apres:,
avant:, type:) are resolved by name or code and become WHERE clauses for the yardstick.
Prints nDCG@10 and recall@10 per class for both, the overall means and median latencies.
"""

import argparse
import os
import platform
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.text import slugify  # noqa: E402
from tests.search.judged.evaluate import evaluate, table  # noqa: E402
from tests.search.judged.loader import index_corpus, load_corpus, maillage_search  # noqa: E402
from tests.search.judged.queries import judgments  # noqa: E402

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
FILTER_RE = re.compile(r'(?<!\S)([A-Za-zéèÉ]+):(?:"([^"]*)"|(\S+))')
ALIASES = {
    "tag": "tag", "defi": "tag", "module": "module", "departement": "department",
    "dep": "department", "region": "region", "structure": "structure", "type": "kind",
    "avant": "before", "apres": "after",
}  # fmt: skip

YARDSTICK_SQL = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION fr_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TABLE yardstick AS
SELECT r.id, r.session_date, r.department_code, d.region_code, s.slug AS structure,
       setweight(to_tsvector('fr_unaccent', r.title), 'A')
    || setweight(to_tsvector('fr_unaccent', concat_ws(' ', s.name, u.display_name, p.place)), 'B')
    || setweight(to_tsvector('fr_unaccent', concat_ws(' ', b.context_md, b.proceedings_md,
                 b.worked_md, b.difficulties_md, b.advice_md)), 'C') AS doc
FROM report r
JOIN report_body b ON b.report_id = r.id
JOIN department d ON d.code = r.department_code
LEFT JOIN structure s ON s.id = r.structure_id
LEFT JOIN user_account u ON u.id = r.author_id
LEFT JOIN parcours p ON p.id = r.parcours_id
WHERE r.status = 'published' AND r.deleted_at IS NULL;
CREATE INDEX yardstick_doc ON yardstick USING gin (doc);
ANALYZE yardstick;
"""


def fresh_database(server: str) -> str:
    name = f"maillage_relevance_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        available = conn.execute(
            sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
        ).scalar()
    admin.dispose()
    if not available:
        sys.exit("The unaccent extension is missing: apt-get install postgresql-contrib")
    return sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_database(server: str, url: str) -> None:
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        name = sa.engine.make_url(url).database
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def loaded_app(url: str, search_dir: str):
    """An app on a fresh database: migrations, reference data, the judged corpus."""
    from forum.services import reference

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SEARCH_DIR": search_dir}, env="testing")
    with app.app_context():
        upgrade()
        reference.bootstrap()
        db.session.commit()  # the CLI command commits; so does a fixture
        app.config["JUDGED_IDS"] = load_corpus()
    return app


class Yardstick:
    """PostgreSQL full-text search over the same reports, filters as WHERE clauses."""

    def __init__(self, url: str, ids: dict[str, int]):
        self.engine = sa.create_engine(url)
        self.keys = {report_id: key for key, report_id in ids.items()}
        with self.engine.begin() as conn:
            conn.exec_driver_sql(YARDSTICK_SQL)
            self.names = {
                "region": self._names(conn, "SELECT code, name FROM region"),
                "department": self._names(conn, "SELECT code, name FROM department"),
                "structure": self._names(conn, "SELECT slug, name FROM structure"),
                "tag": self._names(conn, "SELECT slug, label FROM challenge_tag"),
                "module": self._names(conn, "SELECT slug, title FROM kit_module"),
            }

    @staticmethod
    def _names(conn, sql: str) -> dict[str, str]:
        """Folded code or name -> code."""
        found = {}
        for code, name in conn.execute(sa.text(sql)):
            found[slugify(code)] = found[slugify(name)] = code
        return found

    def sql(self, raw: str) -> tuple[str, dict]:
        where, params = [], {}

        def take(match: re.Match) -> str:
            name = ALIASES.get(slugify(match.group(1)).replace("-", ""))
            value = match.group(2) if match.group(2) is not None else match.group(3)
            if name is None:
                return match.group(0)
            n = f"p{len(params)}"
            if name in ("before", "after"):
                where.append(f"session_date {'<' if name == 'before' else '>='} :{n}")
                params[n] = value
            elif name in self.names:
                params[n] = self.names[name].get(slugify(value), value)
                where.append(
                    {
                        "region": f"region_code = :{n}",
                        "department": f"department_code = :{n}",
                        "structure": f"structure = :{n}",
                        "tag": "id IN (SELECT rt.report_id FROM report_tag rt JOIN challenge_tag t"
                        f" ON t.id = rt.tag_id WHERE t.slug = :{n})",
                        "module": "id IN (SELECT rm.report_id FROM report_module rm JOIN kit_module"
                        f" m ON m.id = rm.module_id WHERE m.slug = :{n})",
                    }[name]
                )
            return " "  # type: the corpus holds only reports

        text = " ".join(FILTER_RE.sub(take, raw).split())
        params["q"] = text
        if text:
            where.append("doc @@ websearch_to_tsquery('fr_unaccent', :q)")
            order = (
                "ts_rank_cd(doc, websearch_to_tsquery('fr_unaccent', :q)) DESC, session_date DESC"
            )
        else:
            order = "session_date DESC"
        clause = " AND ".join(where) or "TRUE"
        return f"SELECT id FROM yardstick WHERE {clause} ORDER BY {order} LIMIT 10", params

    def search(self, raw: str) -> list[str]:
        statement, params = self.sql(raw)
        with self.engine.connect() as conn:
            return [self.keys[i] for (i,) in conn.execute(sa.text(statement), params)]


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{cpu}, {os.cpu_count()} cores (shared), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=SERVER, help="PostgreSQL server (any database)")
    parser.add_argument("--maillage-db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--markdown", help="also write the report to this file")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="maillage-relevance-"))
    pg_url = fresh_database(args.server)
    try:
        started = time.perf_counter()
        pg_app = loaded_app(pg_url, str(tmp / "search-pg"))
        if args.maillage_db == "sqlite":
            app = loaded_app(f"sqlite:///{tmp / 'judged.sqlite'}", str(tmp / "search"))
        else:
            app = pg_app
        with app.app_context():
            ids = app.config["JUDGED_IDS"]
            index_corpus(len(ids))
            loaded = time.perf_counter() - started
            search = maillage_search(ids)
            evaluate(search)  # warm the searcher and its caches
            maillage = evaluate(search)
            db.engine.dispose()
        with pg_app.app_context():
            yardstick = Yardstick(pg_url, pg_app.config["JUDGED_IDS"])
            evaluate(yardstick.search)
            postgres = evaluate(yardstick.search)
            yardstick.engine.dispose()
            db.engine.dispose()
        with sa.create_engine(args.server).connect() as conn:
            pg_version = conn.execute(sa.text("SHOW server_version")).scalar()
    finally:
        drop_database(args.server, pg_url)

    lines = [
        f"Corpus: {len(ids)} reports, {len(maillage.results)} judged queries "
        f"(loaded and indexed in {loaded:.0f} s). Maillage on {args.maillage_db}; "
        f"yardstick PostgreSQL {pg_version} (fr_unaccent, websearch_to_tsquery, ts_rank_cd).",
        f"Machine: {machine()}.",
        "",
        table({"Maillage": maillage, "PostgreSQL": postgres}),
        "",
        f"Median latency per query: Maillage {maillage.median_ms():.1f} ms "
        f"(engine().search, the /search call), PostgreSQL {postgres.median_ms():.1f} ms "
        "(one SELECT, top 10 ids).",
        "",
        "Maillage's weakest queries (nDCG@10, what came first):",
    ]
    for row in maillage.worst(15):
        lines.append(
            f"- {row.query.cls}: `{row.query.label}` — {row.ndcg:.2f}; top 3 {row.ranked[:3]}"
        )
    lines += ["", "Per query (nDCG@10; relevant reports of grade 2 / grade 1):", ""]
    lines += ["| class | query | rel. 2/1 | Maillage | PostgreSQL |", "|---|---|---|---|---|"]
    for ours, theirs in zip(maillage.results, postgres.results, strict=True):
        grades = list(judgments(ours.query).values())
        lines.append(
            f"| {ours.query.cls} | `{ours.query.label}` | {grades.count(2)}/{grades.count(1)} "
            f"| {ours.ndcg:.2f} | {theirs.ndcg:.2f} |"
        )
    report = "\n".join(lines)
    print(report)
    if args.markdown:
        Path(args.markdown).write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
