"""Insert the judged corpus through the app's own services, then index it for real.

Needs an app context on a migrated database with the reference data and the default kit
(`reference.bootstrap()` or the test `app` fixture's `modules.load_defaults()`).
"""

import unicodedata
from datetime import date

from forum.extensions import db
from forum.search import engine
from forum.services import accounts, parcours, reports, structures
from forum.services.affiliation import TRUSTED_CALLER
from forum.services.reports import ReportInput
from tests.conftest import A_MONTH_AGO
from tests.search.conftest import index_ready
from tests.search.judged.queries import corpus

PASSWORD = "motdepasse-solide"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def load_corpus() -> dict[str, int]:
    """Structures, members, parcours and the 303 reports; returns report key -> id."""
    data = corpus()
    by_slug = {}
    for item in data["structures"]:
        structure = structures.save_structure(
            None,
            name=item["name"],
            kind=item["kind"],
            department_code=item["department"],
            description=f"Structure d'accompagnement à {item['communes'][0]}.",
        )
        assert structure.slug == item["slug"], (structure.slug, item["slug"])
        by_slug[item["slug"]] = structure
    authors = {}
    for item in data["authors"]:
        name = nfd(item["name"]) if item["nfd"] else item["name"]
        authors[item["key"]] = accounts.register_user(
            f"{item['key']}@example.org", PASSWORD, name, structure=by_slug[item["structure"]]
        )
        authors[item["key"]].created_at = A_MONTH_AGO  # members who write 30 reports each
    runs = {}
    for item in data["parcours"]:
        runs[item["slug"]] = parcours.create_parcours(
            item["title"],
            item["place"],
            item["department"],
            date.fromisoformat(item["start"]),
            date.fromisoformat(item["end"]),
            8,
            [by_slug[s].id for s in item["structures"]],
            creator=TRUSTED_CALLER,
        )
        assert runs[item["slug"]].slug == item["slug"]
    ids = {}
    for item in data["reports"]:
        convert = nfd if item["nfd"] else (lambda text: text)
        report = reports.create_report(
            authors[item["author"]],
            ReportInput(
                title=convert(item["title"]),
                session_date=date.fromisoformat(item["session_date"]),
                department=item["department"],
                format=item["format"],
                participants=item["participants"],
                modules=item["modules"],
                structure_id=by_slug[item["structure"]].id,
                parcours_id=runs[item["parcours"]].id if item["parcours"] else None,
                tags=item["tags"],
                sections={name: convert(text) for name, text in item["sections"].items()},
                publish=True,
            ),
        )
        ids[item["key"]] = report.id
    db.session.commit()
    return ids


def index_corpus(expected: int) -> None:
    """Drain the outbox into a fresh index, as the background drainer does after a publish."""
    index_ready()
    found = engine().search("").total
    assert found >= expected, f"only {found} of {expected} reports indexed"


def maillage_search(ids: dict[str, int]):
    """search(text) -> report keys, top 10: the call /search makes for a query typed in the
    box (no facet ticked, no dates, relevance order, first page)."""
    from forum.views.search import FILTER_PARAMS

    keys = {report_id: key for key, report_id in ids.items()}
    no_facets = {field: [] for field in FILTER_PARAMS.values()}

    def search(text: str) -> list[str]:
        results = engine().search(text[:3000], no_facets, None, None, "relevance", 1)
        assert results.status == "ok", f"index {results.status} for {text!r}"
        return [keys[hit.item.id] for hit in results.hits if hit.kind == "report"]

    return search
