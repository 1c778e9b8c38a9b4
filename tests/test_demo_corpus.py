"""The demo reads as real (issue 12, point 14): no sentence in two reports, no two reports
with the same title, each report in its structure's (or its parcours') département."""

from collections import Counter

from sqlalchemy.orm import joinedload

from forum.demo import corpus
from forum.extensions import db
from forum.models import SECTIONS, Report


def test_the_seeded_demo_never_repeats_itself(demo_reports):
    reports = (
        db.session.scalars(
            db.select(Report).options(
                joinedload(Report.body), joinedload(Report.structure), joinedload(Report.parcours)
            )
        )
        .unique()
        .all()
    )
    assert len(reports) == demo_reports >= 100
    titles = Counter(r.title for r in reports)
    assert [t for t, n in titles.items() if n > 1] == []
    seen: dict[str, int] = {}
    repeated = []
    for report in reports:
        for sentence in {s for name in SECTIONS for s in corpus.sentences(report.section_md(name))}:
            if sentence in seen:
                repeated.append((seen[sentence], report.id, sentence))
            seen[sentence] = report.id
    assert repeated == []
    for report in reports:
        expected = (report.parcours or report.structure).department_code
        assert report.department_code == expected, (report.id, report.title)
    # Still something to read in every report.
    assert all(any(report.section_md(name).strip() for name in SECTIONS) for report in reports)


def test_benchmark_corpora_keep_every_sentence():
    """Tens of thousands of reports cannot all differ: only the demo is deduplicated."""
    plain = list(corpus.generate_reports(30, seed=7))
    assert sum(len(corpus.sentences(r["context"])) for r in plain) > 30
