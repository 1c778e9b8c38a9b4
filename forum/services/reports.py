"""Reports: write, publish, edit with revisions, soft-delete and restore; who may see what."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import or_, select, true
from sqlalchemy.orm import joinedload, selectinload

from forum import limits
from forum.extensions import db
from forum.i18n import long_date
from forum.markup import render_markdown
from forum.models import (
    ROLES,
    SECTIONS,
    Department,
    KitModule,
    Report,
    ReportBody,
    ReportRevision,
    ReportStatus,
    User,
)
from forum.models.base import utcnow
from forum.services import affiliation, events
from forum.services import tags as tag_service
from forum.services.brakes import check_new_account
from forum.services.errors import Forbidden, Invalid
from forum.services.moderation import log
from forum.text import collation_key, is_blank


@dataclass
class ReportInput:
    """Validated form data; slugs and codes are resolved here, in the service."""

    title: str
    session_date: date
    department: str
    format: str
    participants: int | None  # None: not known yet (a draft); required to publish
    modules: list[str]
    structure_id: int | None = None
    parcours_id: int | None = None
    tags: list[str] = field(default_factory=list)
    new_tags: list[str] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    publish: bool = False
    quotable: list[str] = field(default_factory=list)  # sections a bilan may quote


def can_view(report: Report, viewer: User | None) -> bool:
    """Published reports are public; drafts and deleted ones only for the author and moderators."""
    if report.is_published:
        return True
    if viewer is None or not viewer.is_authenticated:
        return False
    return viewer.is_moderator or viewer.id == report.author_id


def visible_clause(viewer: User | None, report=Report):
    """`can_view` as an SQL condition on `report` (the Report entity or an alias): the same
    rule, for counting and filtering in the database."""
    if viewer is None or not viewer.is_authenticated:
        return report.is_published
    if viewer.is_moderator:
        return true()
    return or_(report.is_published, report.author_id == viewer.id)


def draft_readers() -> set[str]:
    """The roles, besides its author, that can_view lets read a member's draft: asked of
    can_view itself, so that the privacy page says what the code does."""
    draft = Report(status=ReportStatus.DRAFT, author_id=1, deleted_at=None)
    return {role for role in ROLES if can_view(draft, User(id=2, role=role))}


def can_edit(report: Report, viewer: User | None) -> bool:
    if viewer is None or not viewer.is_authenticated or not viewer.can_post:
        return False
    if report.deleted_at is not None:
        return False
    return viewer.id == report.author_id or viewer.is_moderator


def _resolve(data: ReportInput, author: User, report: Report | None = None) -> dict:
    """Turn slugs and ids into rows, or raise Invalid naming the field. The structure and
    parcours follow forum.services.affiliation (`report`: the one being edited)."""
    if data.session_date > date.today():
        raise Invalid("session_date", _("La date de la séance ne peut pas être dans le futur."))
    if data.session_date.year < limits.FIRST_YEAR:
        raise Invalid(
            "session_date",
            _("Indiquez une date entre %(a)d et %(b)d.", a=limits.FIRST_YEAR, b=limits.LAST_YEAR),
        )
    department = db.session.get(Department, data.department)
    if department is None:
        raise Invalid("department", _("Département inconnu."))
    modules = list(db.session.scalars(select(KitModule).where(KitModule.slug.in_(data.modules))))
    if not data.modules:
        raise Invalid("modules", _("Choisissez au moins un module du kit."))
    if len(modules) != len(set(data.modules)):
        raise Invalid("modules", _("Module inconnu."))
    kept = (report.structure, report.parcours) if report is not None else (None, None)
    structure, parcours = affiliation.resolve(author, data.structure_id, data.parcours_id, kept)
    if parcours is not None:
        _check_within_parcours(data.session_date, parcours)
    tags = tag_service.resolve_tags(data.tags, data.new_tags, proposer=author)
    for name in SECTIONS:
        if len(data.sections.get(name, "").encode()) > limits.SECTION_MAX_BYTES:
            raise Invalid(name, _("Cette partie dépasse 100 Ko."))
    return dict(
        department=department, modules=modules, structure=structure, parcours=parcours, tags=tags
    )


def _check_within_parcours(session_date: date, parcours) -> None:
    """A report tells a session of its parcours: its date within the parcours' period
    (from its start, to its end when it has one). Raises Invalid("session_date", French
    message naming the parcours' dates)."""
    if session_date >= parcours.start_date and (
        parcours.end_date is None or session_date <= parcours.end_date
    ):
        return
    if parcours.end_date is None:
        message = _(
            "Le parcours «\u00a0%(title)s\u00a0» commence le %(start)s : la date de la "
            "séance ne peut pas le précéder.",
            title=parcours.title,
            start=long_date(parcours.start_date),
        )
    else:
        message = _(
            "Le parcours «\u00a0%(title)s\u00a0» se déroule du %(start)s au %(end)s : "
            "indiquez une date de séance dans cette période, ou un autre parcours.",
            title=parcours.title,
            start=long_date(parcours.start_date),
            end=long_date(parcours.end_date),
        )
    raise Invalid("session_date", message)


def _apply(report: Report, data: ReportInput, resolved: dict) -> bool:
    """Copy the input onto the report; True when this save publishes it."""
    report.title = data.title.strip()
    report.session_date = data.session_date
    report.department = resolved["department"]
    report.structure = resolved["structure"]
    report.parcours = resolved["parcours"]
    report.format = data.format
    report.participants = data.participants
    report.modules = resolved["modules"]
    report.tags = resolved["tags"]
    report.quotable = ",".join(name for name in SECTIONS if name in set(data.quotable))
    if report.body is None:
        report.body = ReportBody()
    for name in SECTIONS:
        text = data.sections.get(name, "").strip()
        setattr(report.body, f"{name}_md", text)
        setattr(report.body, f"{name}_html", str(render_markdown(text)))
    newly_published = data.publish and report.status != ReportStatus.PUBLISHED
    if newly_published:
        report.status = ReportStatus.PUBLISHED
        report.published_at = utcnow()
    report.updated_at = utcnow()
    return newly_published


def snapshot(report: Report) -> dict:
    """What a revision keeps: every field a reader sees, as plain values."""
    return {
        "title": report.title,
        "session_date": report.session_date.isoformat(),
        "department": report.department_code,
        "structure": report.structure.name if report.structure else "",
        "parcours": report.parcours.title if report.parcours else "",
        # In a fixed order, whatever the order they were just set in: a save that changed
        # neither showed « Défis rencontrés » as changed (a fresh tester).
        "modules": [m.title for m in sorted(report.modules, key=lambda m: m.position)],
        "format": report.format,
        "participants": report.participants,
        "tags": sorted((t.label for t in report.tags), key=collation_key),
        "status": report.status,
        **{name: report.section_md(name) for name in SECTIONS},
    }


def _check_publishable(publisher: User, sections: dict[str, str]) -> None:
    """Before a report goes public: some text in at least one of its five parts (raises
    Invalid naming the first part), and the new-account brake of the one publishing it
    (raises RateLimited: forum.services.brakes)."""
    _require_text(sections)
    check_new_account(publisher, drafts=True)


def _require_text(sections: dict[str, str]) -> None:
    if all(is_blank(sections.get(name)) for name in SECTIONS):
        raise Invalid(
            SECTIONS[0],
            _(
                "Écrivez au moins une des cinq parties avant de publier (un brouillon peut "
                "rester incomplet)."
            ),
        )


def _require_participants(participants: int | None) -> None:
    """A public report says how many porteurs came: they count in the indicators
    (services/activity.py); a draft may leave it empty until its author knows."""
    if participants is None:
        raise Invalid(
            "participants",
            _(
                "Indiquez le nombre de porteurs présents avant de publier (un brouillon "
                "peut le laisser vide)."
            ),
        )


def create_report(author: User, data: ReportInput) -> Report:
    """Validate and store a new report (draft or published) with its first revision."""
    resolved = _resolve(data, author)
    if data.publish:
        _check_publishable(author, data.sections)
        _require_participants(data.participants)
    report = Report(author=author, status=ReportStatus.DRAFT)
    published = _apply(report, data, resolved)
    db.session.add(report)
    db.session.flush()
    db.session.add(ReportRevision(report=report, editor=author, snapshot=snapshot(report)))
    if published:
        events.record("report_published", report.id, author.id)
    db.session.flush()
    return report


def update_report(report: Report, editor: User, data: ReportInput) -> bool:
    """Save an edit, flushed; a save that changes what readers see keeps a revision (the
    history lists real changes only). Returns False when nothing changed at all: no
    revision, and the report keeps its date of last change."""
    resolved = _resolve(data, editor, report)
    if report.status == ReportStatus.PUBLISHED:
        _require_text(data.sections)  # a public report is not emptied by an edit
        _require_participants(data.participants)
    elif data.publish:
        _check_publishable(editor, data.sections)
        _require_participants(data.participants)
    before, quotable_before, updated_at = snapshot(report), report.quotable, report.updated_at
    published = _apply(report, data, resolved)
    after = snapshot(report)
    if after != before:
        db.session.add(ReportRevision(report=report, editor=editor, snapshot=after))
    elif report.quotable == quotable_before:
        report.updated_at = updated_at  # nothing changed: nothing to date
        db.session.flush()
        return False
    if published:
        events.record("report_published", report.id, editor.id)
    db.session.flush()
    return True


def delete_report(report: Report, by: User) -> None:
    """Soft delete: hidden from everyone but the author and moderators, restorable. A
    moderator deleting someone else's report is logged."""
    report.deleted_at = utcnow()
    report.deleted_by_id = by.id
    if by.id != report.author_id:
        log(by, "delete_report", "report", report.id)
    db.session.flush()


def restore_report(report: Report, by: User) -> None:
    """A moderator brings a deleted report back (logged); an erased one cannot be."""
    if report.status == ReportStatus.ERASED:  # its author deleted their account and its words
        raise Forbidden(_("Ce retour a été effacé avec le compte de son auteur."))
    report.deleted_at = None
    report.deleted_by_id = None
    log(by, "restore_report", "report", report.id)
    db.session.flush()


def get_report(report_id: int) -> Report | None:
    """A report with everything its page shows, in three statements (its modules and tags
    by selectin: joining them too made SQLite materialise every report's links, 20× slower)."""
    return db.session.get(
        Report,
        report_id,
        options=[
            joinedload(Report.author),
            joinedload(Report.structure),
            joinedload(Report.parcours),
            joinedload(Report.department).joinedload(Department.region),
            joinedload(Report.body),
            selectinload(Report.modules),
            selectinload(Report.tags),
        ],
    )


def drafts_of(user: User) -> list[Report]:
    return list(
        db.session.scalars(
            select(Report)
            .where(
                Report.author_id == user.id,
                Report.status == ReportStatus.DRAFT,
                Report.deleted_at.is_(None),
            )
            .order_by(Report.updated_at.desc())
        )
    )


def reports_of(user: User) -> list[Report]:
    """The member's own reports, drafts and published (not deleted), latest change first."""
    return list(
        db.session.scalars(
            select(Report)
            .where(Report.author_id == user.id, Report.deleted_at.is_(None))
            .where(Report.status.in_((ReportStatus.DRAFT, ReportStatus.PUBLISHED)))
            .options(selectinload(Report.modules))
            .order_by(Report.updated_at.desc(), Report.id.desc())
        )
    )


def check_complete(report: Report) -> None:
    """What a stored draft lacks to be published: some text in one of its parts, the
    number of porteurs present. Raises Invalid naming the first field to fill in."""
    body = report.body
    _require_text({name: getattr(body, f"{name}_md", "") if body else "" for name in SECTIONS})
    _require_participants(report.participants)


def publish_report(report: Report, editor: User) -> bool:
    """Publish a stored draft as it is (it was validated when saved), keeping a revision;
    False when it was already published."""
    if report.status == ReportStatus.PUBLISHED:
        return False
    check_complete(report)
    check_new_account(editor, drafts=True)
    report.status = ReportStatus.PUBLISHED
    report.published_at = report.updated_at = utcnow()
    db.session.add(ReportRevision(report=report, editor=editor, snapshot=snapshot(report)))
    events.record("report_published", report.id, editor.id)
    db.session.flush()
    return True


def version_of(report: Report) -> str:
    """What a list's « Publier » button carries: the report as it was shown (its last save)."""
    return report.updated_at.isoformat()
