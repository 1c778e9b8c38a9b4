"""The member directory (members only): who is in the network, their structure and
territory, what they wrote; and the handles offered when mentioning someone."""

from dataclasses import dataclass, field

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import KitModule, Post, Report, Structure, User
from forum.models.reports import report_modules
from forum.pagination import Page, page_number, require_page
from forum.text import slugify

LATEST_REPORTS = 3  # titles shown under each member
SUGGESTIONS = 8


@dataclass
class MemberFilters:
    """The directory's filters, as they travel in the URL (unknown values match nobody)."""

    structure: str = ""  # slug
    department: str = ""  # code
    module: str = ""  # slug
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "MemberFilters":
        def text(name: str) -> str:
            return (args.get(name) or "").strip()[:120]

        return cls(text("structure"), text("department"), text("module"), page_number(args))

    @property
    def active(self) -> bool:
        return bool(self.structure or self.department or self.module)

    def to_args(self, **overrides) -> dict:
        """The non-empty filters as URL arguments (page 1 left out)."""
        args = {"structure": self.structure, "department": self.department}
        args |= {"module": self.module, "page": self.page if self.page > 1 else ""}
        args |= overrides
        return {key: value for key, value in args.items() if value}


@dataclass
class MemberEntry:
    """One line of the directory: the member and what they wrote."""

    user: User
    report_count: int = 0
    post_count: int = 0
    latest_reports: list[Report] = field(default_factory=list)


def _published_by(author_id) -> Select:
    return select(Report.id).where(Report.author_id == author_id, Report.is_published)


def _filtered(filters: MemberFilters) -> Select:
    query = select(User).where(User.approved.is_(True))
    if filters.structure:
        query = query.where(
            User.structure_id.in_(select(Structure.id).where(Structure.slug == filters.structure))
        )
    if filters.department:
        # The département of their structure, or of a report they published.
        in_department = _published_by(User.id).where(Report.department_code == filters.department)
        query = query.where(
            or_(
                User.structure_id.in_(
                    select(Structure.id).where(Structure.department_code == filters.department)
                ),
                exists(in_department),
            )
        )
    if filters.module:
        on_module = (
            _published_by(User.id)
            .join(report_modules, report_modules.c.report_id == Report.id)
            .join(KitModule, KitModule.id == report_modules.c.module_id)
            .where(KitModule.slug == filters.module)
        )
        query = query.where(exists(on_module))
    return query


def directory(filters: MemberFilters, per_page: int) -> Page:
    """A page of the directory, by name, with counts and latest published reports in a
    fixed number of queries; PastLastPage beyond the last page."""
    query = _filtered(filters)
    total = db.session.scalar(
        select(func.count()).select_from(query.with_only_columns(User.id).subquery())
    )
    require_page(filters.page, total, per_page)
    users = list(
        db.session.scalars(
            query.options(joinedload(User.structure))
            .order_by(func.lower(User.display_name), User.id)
            .limit(per_page)
            .offset((filters.page - 1) * per_page)
        )
    )
    entries = {user.id: MemberEntry(user) for user in users}
    if entries:
        _add_counts(entries)
        _add_latest_reports(entries)
    return Page(items=list(entries.values()), total=total, page=filters.page, per_page=per_page)


def _add_counts(entries: dict[int, MemberEntry]) -> None:
    ids = list(entries)
    reports = db.session.execute(
        select(Report.author_id, func.count())
        .where(Report.author_id.in_(ids), Report.is_published)
        .group_by(Report.author_id)
    )
    for author_id, count in reports:
        entries[author_id].report_count = count
    posts = db.session.execute(
        select(Post.author_id, func.count())
        .where(Post.author_id.in_(ids), Post.visible)
        .group_by(Post.author_id)
    )
    for author_id, count in posts:
        entries[author_id].post_count = count


def _add_latest_reports(entries: dict[int, MemberEntry]) -> None:
    rank = (
        func.row_number()
        .over(
            partition_by=Report.author_id, order_by=(Report.published_at.desc(), Report.id.desc())
        )
        .label("rank")
    )
    ranked = (
        select(Report.id, rank)
        .where(
            Report.author_id.in_(list(entries)),
            Report.is_published,
        )
        .subquery()
    )
    latest = db.session.scalars(
        select(Report)
        .join(ranked, ranked.c.id == Report.id)
        .where(ranked.c.rank <= LATEST_REPORTS)
        .order_by(Report.published_at.desc(), Report.id.desc())
    )
    for report in latest:
        entries[report.author_id].latest_reports.append(report)


def suggest_handles(prefix: str, limit: int = SUGGESTIONS) -> list[tuple[str, str]]:
    """(handle, display name) of approved members whose handle, or a word of it, starts
    with the typed text, for the @mention picker. Handles are the names without accents
    or capitals (« Élodie Marchand » → elodie-marchand), so « Élo », « elodie m » and
    « Marchand » all find her, in any database."""
    typed = prefix.strip().lstrip("@")[:80]
    if not typed:
        return []
    wanted = slugify(typed, 80) or typed.lower()
    escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.session.execute(
        select(User.handle, User.display_name)
        .where(
            User.approved.is_(True),
            User.handle.is_not(None),
            or_(
                User.handle.like(escaped + "%", escape="\\"),
                User.handle.like("%-" + escaped + "%", escape="\\"),
            ),
        )
        .order_by(User.handle)
        .limit(limit)
    )
    return [(handle, name) for handle, name in rows]
