"""The demo reads as real (issue 12, point 14), checked on what `flask seed-demo` writes to
a real database: no passage of a report in another one (not even with other towns or
numbers slotted in), no two reports with the same title, one report at most per session
of a parcours and in session order, every place in the département of the report's
parcours or structure, no porteur named, French contractions right, structure reports
signed by that structure's members, who registered on different days before writing."""

import re
from collections import Counter, defaultdict
from datetime import date

import pytest
from sqlalchemy.orm import joinedload

from forum.demo import network
from forum.extensions import db
from forum.models import (
    SECTIONS,
    CalendarEvent,
    Discussion,
    Parcours,
    Post,
    Report,
    ReportStatus,
    Structure,
    User,
)
from forum.models.base import utcnow

WINDOW = 8  # words: a run this long in two reports is a reused sentence, slots or not

# First names a report could give a porteur (the old demo did: « Nadia », « Mireille »…).
# Members' own first names are allowed: facilitators may name a colleague.
FIRST_NAMES = set(
    """Nadia Julien Mireille Karim Sylvie Bertrand Léa Damien Josiane Hugo Fatou Cédric
    Amandine Gilles Inès Patrice Margaux Olivier Chantal Rémi Nathalie Isabelle Sandrine
    Céline Stéphanie Sébastien Christophe Laurent Frédéric Nicolas Thierry Éric Pascal
    Philippe Jean-Pierre Jean-Marc Marie-Claude Monique Martine Françoise Brigitte Corinne
    Valérie Véronique Patricia Catherine Dominique Bernard Michel Alain Gérard Daniel
    Jacques Serge Yves Didier Hervé Franck Fabrice Ludovic Mickaël Kevin Jérémy Romain
    Maxime Mathilde Pauline Charlotte Émilie Aurélie Audrey Elsa Chloé Manon Jade Louise
    Inaya Yasmine Samira Rachid Mehdi Moussa Aminata Kofi Ahmed Sophie Lucas Thomas Jules
    Gabriel Arthur Nathan Enzo Théo Emma Lina Zoé Alice Lou Anna Salomé Agathe Bastien
    Gaëlle Solène Clément Guillaume Aurélien Vincent Benoît Régis Gisèle Odile Ginette
    Raymond Marcel Lucienne Paulette Josette Thérèse Jeannine Colette Arlette Huguette""".split()
)

CONTRACTION = re.compile(r"\b(?:à|de) (?:Le|Les)\b")  # au, aux, du, des
# de Ussel, que Eymoutiers, le Albigeois…: elided before a vowel (h and y left out).
ELISION = re.compile(r"\b(?:de|que|le|la|jusque|lorsque|puisque) [AEIOUÀÂÉÈÊÎÏÔÛ]\w")


def plain(markdown: str) -> str:
    return re.sub(r"[*_`#>]|^\s*[-+]\s|^\s*\d+\.\s", " ", markdown, flags=re.M)


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", plain(text).lower().replace("’", "'"))


@pytest.fixture
def seeded(app):
    """The demo as `flask seed-demo` writes it, read back from the database."""
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    reports = (
        db.session.scalars(
            db.select(Report).options(
                joinedload(Report.body),
                joinedload(Report.structure),
                joinedload(Report.parcours).selectinload(Parcours.structures),
                joinedload(Report.author),
                joinedload(Report.modules),
            )
        )
        .unique()
        .all()
    )
    assert len(reports) > 100  # drafts and the deleted report included
    # The drafts the calendar prepared after each ended session (issue 15) hold no text
    # yet, only the session's facts: they wait for their facilitator, not for readers.
    waiting = set(db.session.scalars(db.select(CalendarEvent.report_id)))
    return [r for r in reports if not (r.status == ReportStatus.DRAFT and r.id in waiting)]


def text_of(report: Report) -> str:
    return "\n".join([report.title, *(report.section_md(name) for name in SECTIONS)])


def test_no_passage_or_title_is_used_twice(seeded):
    owner: dict[tuple[str, ...], int] = {}
    repeated = set()
    for report in seeded:
        tokens = words(text_of(report))
        for i in range(len(tokens) - WINDOW + 1):
            window = tuple(tokens[i : i + WINDOW])
            if owner.setdefault(window, report.id) != report.id:
                repeated.add((owner[window], report.id, " ".join(window)))
    assert sorted(repeated)[:20] == []
    titles = Counter(r.title for r in seeded)
    assert [t for t, n in titles.items() if n > 1] == []
    endings = Counter(tuple(words(r.title)[-4:]) for r in seeded)
    assert [e for e, n in endings.items() if n > 1] == []  # no « : <same hook> » either
    assert all(len(words(r.section_md(name))) > 5 for r in seeded for name in SECTIONS)


def test_parcours_sessions_are_possible(seeded):
    by_parcours = defaultdict(list)
    for report in seeded:
        if report.parcours:
            session = min(m.position for m in report.modules)
            by_parcours[report.parcours].append((session, report.session_date, report.id))
    assert len(by_parcours) >= 5
    for parcours, sessions in by_parcours.items():
        numbers = [s for s, _, _ in sessions]
        assert len(numbers) == len(set(numbers)), (parcours.slug, sorted(numbers))
        in_order = [d for _, d, _ in sorted(sessions)]
        assert in_order == sorted(in_order), parcours.slug
        assert len(set(in_order)) == len(in_order), parcours.slug
        assert all(parcours.start_date <= d <= parcours.end_date for d in in_order), parcours.slug
    for report in seeded:
        numbered = re.search(r"\b(?:séance|session) (\d)\b", report.title, re.I)
        if numbered:
            assert int(numbered.group(1)) == min(m.position for m in report.modules), report.title
        if report.parcours:
            assert report.participants <= report.parcours.cohort_size, report.title


def test_places_are_in_the_reports_territory(seeded):
    town_department = {town: code for code, towns in network.TOWNS.items() for town in towns}
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(sorted(map(re.escape, town_department), key=len, reverse=True))
        + r")(?![\w-])"
    )
    for parcours in db.session.scalars(db.select(Parcours)):
        assert town_department.get(parcours.place) == parcours.department_code, parcours.slug
        assert {s.department_code for s in parcours.structures} == {parcours.department_code}
    for structure in db.session.scalars(db.select(Structure)):
        if structure.commune:
            assert town_department.get(structure.commune) == structure.department_code
    planned = {  # (parcours, session number) -> (date, town), as the network plans them
        (p["slug"], n): (date.fromisoformat(day), town)
        for p in network.PARCOURS
        for n, (day, town) in enumerate(p["sessions"], start=1)
    }
    for report in seeded:
        named = set(pattern.findall(text_of(report)))
        if report.parcours:
            session = min(m.position for m in report.modules)
            day, town = planned[report.parcours.slug, session]
            assert report.session_date == day, report.title
            assert not named or town in named, (report.title, town, named)
        home = report.parcours or report.structure
        if home:
            assert report.department_code == home.department_code, report.title
        if report.parcours and report.structure:
            assert report.structure in report.parcours.structures, report.title
        elsewhere = {town for town in named if town_department[town] != report.department_code}
        assert elsewhere == set(), (report.title, report.department_code, elsewhere)


def test_reports_are_signed_by_members_of_their_structure(seeded):
    for report in seeded:
        author = report.author
        if author is None:  # a member who left, contributions kept (« ancien membre »)
            continue
        assert author.structure_id == report.structure_id, (report.title, author.display_name)
        assert author.created_at <= report.created_at, (report.title, author.display_name)
    members = list(db.session.scalars(db.select(User)))
    joined = Counter(m.created_at.date() for m in members)
    assert len(joined) >= len(members) - 2, joined.most_common(3)


def test_no_porteur_is_named_and_french_is_contracted(seeded):
    members = {m.display_name.split()[0] for m in db.session.scalars(db.select(User))}
    forbidden = FIRST_NAMES - members
    name = re.compile(r"(?<![\w-])(" + "|".join(sorted(forbidden)) + r")(?![\w-])")
    texts = [(r.title, text_of(r)) for r in seeded]
    texts += [(f"post {p.id}", p.body_md) for p in db.session.scalars(db.select(Post))]
    texts += [(d.title, d.title) for d in db.session.scalars(db.select(Discussion))]
    texts += [(p.slug, f"{p.title} {p.place}") for p in db.session.scalars(db.select(Parcours))]
    texts += [(s.slug, s.description) for s in db.session.scalars(db.select(Structure))]
    for where, text in texts:
        assert name.findall(text) == [], where
        assert CONTRACTION.findall(text) == [], where
        assert ELISION.findall(text) == [], where


def test_discussions_were_written_over_the_months(seeded):
    """A tester of issue 17: every demo discussion was opened the day of the seed, so a
    search sorted by date put them all above every report. Discussions are opened on
    different days; their messages follow in order, after their author joined, never in
    the future."""
    threads = list(db.session.scalars(db.select(Discussion)))
    listed = [d for d in threads if d.report_id is None]
    assert len({d.created_at.date() for d in listed}) == len(listed) >= 5
    now = db.session.scalar(db.select(db.func.max(Post.created_at)))
    assert max(d.created_at for d in listed) < now and now <= utcnow()
    for discussion in threads:
        posts = list(
            db.session.scalars(
                db.select(Post).where(Post.discussion_id == discussion.id).order_by(Post.id)
            )
        )
        stamps = [p.created_at for p in posts]
        assert stamps == sorted(stamps) and stamps[0] == discussion.created_at, discussion.title
        assert discussion.last_post_at == stamps[-1]
        for post in posts:
            if post.author is not None:
                assert post.author.created_at <= post.created_at, (discussion.title, post.id)
    under_reports = [d for d in threads if d.report_id is not None]
    assert all(d.created_at.date() > d.report.session_date for d in under_reports)
