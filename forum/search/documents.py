"""Turn reports into index documents (discussions and messages: forum.search.threads)."""

from collections.abc import Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from forum.extensions import db
from forum.models import SECTIONS, Attachment, Department, Report
from forum.search.fields import (
    BATCH,
    attach_file_texts,
    by_slug,
    digest,
    file_texts,
    group_code,
    plain_text,
    spelling_words,
)


def visible(report: Report | None) -> bool:
    """Only what everyone may read is indexed: the index never holds a draft or a deleted report."""
    return report is not None and report.is_published


def report_text(report: Report) -> str:
    """The five sections as plain text (what snippets are cut from)."""
    return "\n\n".join(
        plain_text(report.section_html(name)) for name in SECTIONS if report.section_html(name)
    )


def report_names(report: Report) -> str:
    """The names a facilitator types to find a report, as plain words: its structure, its
    author (never an e-mail), its parcours and where it ran, its kit modules, its
    département and région."""
    department = report.department
    names = [
        report.structure.name if report.structure else "",
        report.author.display_name if report.author else "",
        report.parcours.title if report.parcours else "",
        report.parcours.place if report.parcours else "",
        *(m.title for m in by_slug(report.modules)),
        department.name if department else "",
        department.region.name if department and department.region else "",
    ]
    return "\n".join(name for name in names if name)


def report_document(report: Report) -> dict:
    doc = {
        "key": f"report:{report.id}",
        "kind": "report",
        "rid": report.id,
        "title": report.title,
        "tags_text": " ".join(t.label for t in by_slug(report.tags)),
        "names": report_names(report),
        "body": report_text(report),
        "files": file_texts(report),
        "module": ",".join(m.slug for m in by_slug(report.modules)),
        "tag": ",".join(t.slug for t in by_slug(report.tags)),
        "region": report.department.region_code,
        "department": report.department_code,
        **({"structure": report.structure.slug} if report.structure else {}),
        "day": report.session_date.strftime("%Y%m%d"),
    }
    doc["group"] = group_code("report", report.id)  # its thread's messages join it
    # Names and défis too: « Dordognne » or « Gironed » found no correction (a tester of
    # issue 17), the names being written in no report's text.
    doc["spell"] = spelling_words(doc["title"], doc["names"], doc["tags_text"], doc["body"])
    doc["digest"] = digest(doc)
    return doc


def _load(query):
    return query.options(
        joinedload(Report.structure),
        joinedload(Report.author),
        joinedload(Report.parcours),
        joinedload(Report.department).joinedload(Department.region),
        joinedload(Report.body),
        selectinload(Report.modules),
        selectinload(Report.tags),
    )


def reports_by_id(ids: Iterable[int]) -> dict[int, Report]:
    ids = list(ids)
    found = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        batch = list(db.session.scalars(_load(select(Report).where(Report.id.in_(chunk)))).unique())
        for report in attach_file_texts(batch, Attachment.report_id):
            found[report.id] = report
    return found


def report_hits_by_id(ids: Iterable[int]) -> dict[int, Report]:
    """Reports as a results page shows them (title, date, place, structure, modules, the
    sections for snippets): two statements, without what only documents need."""
    query = (
        select(Report)
        .where(Report.id.in_(list(ids)))
        .options(
            joinedload(Report.structure),
            joinedload(Report.department),
            joinedload(Report.body),
            selectinload(Report.modules),
        )
    )
    return {report.id: report for report in db.session.scalars(query).unique()}


def all_visible_reports() -> Iterator[Report]:
    """Every indexable report, in id order, a batch at a time (bounded memory)."""
    last = 0
    while True:
        batch = list(
            db.session.scalars(
                _load(
                    select(Report)
                    .where(Report.id > last, Report.is_published)
                    .order_by(Report.id)
                    .limit(BATCH)
                )
            ).unique()
        )
        if not batch:
            return
        yield from attach_file_texts(batch, Attachment.report_id)
        last = batch[-1].id
        for report in batch:  # keep memory flat on 50,000 reports
            db.session.expunge(report)


def count_visible_reports() -> int:
    return db.session.scalar(select(func.count(Report.id)).where(Report.is_published))
