"""Challenge tags: the curated taxonomy, members' proposals, moderators' edits and merges.

A member may propose a new tag while writing a report. The tag is attached to that report at
once (nothing the author wrote is lost) but stays "proposed": it is not offered to others in
the form nor listed in the directory until a moderator approves it, renames it or merges it
into an existing tag. This keeps the taxonomy small and free of near-duplicates
("financements", "Financement ") that would split the practice base, without ever blocking
the author.
"""

from flask_babel import gettext as _
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import joinedload

from forum import cache, limits
from forum.extensions import db
from forum.models import ChallengeTag, Report, User, report_tags
from forum.services.errors import Invalid
from forum.services.indexing import enqueue_reports, reports_with_tag
from forum.text import collation_key, slugify


def approved_tags() -> list[ChallengeTag]:
    """The approved défis in French alphabetical order (text.collation_key)."""
    tags = db.session.scalars(select(ChallengeTag).where(ChallengeTag.approved))
    return sorted(tags, key=lambda t: collation_key(t.label))


def all_tags() -> list[ChallengeTag]:
    """Approved tags then proposals, each by label: what may label a search facet."""
    return sorted(
        db.session.scalars(select(ChallengeTag)),
        key=lambda t: (not t.approved, collation_key(t.label)),
    )


def proposed_tags() -> list[ChallengeTag]:
    return list(
        db.session.scalars(
            select(ChallengeTag)
            .where(ChallengeTag.approved.is_(False))
            .options(joinedload(ChallengeTag.proposed_by))
            .order_by(ChallengeTag.created_at)
        )
    )


def get_by_slug(slug: str) -> ChallengeTag | None:
    return db.session.scalar(select(ChallengeTag).where(ChallengeTag.slug == slug))


def published_counts() -> dict[int, int]:
    """{tag id: number of published reports}, one query per content stamp per process."""
    return cache.memo("tags.published_counts", _published_counts)


def _published_counts() -> dict[int, int]:
    rows = db.session.execute(
        select(report_tags.c.tag_id, func.count())
        .join(Report, Report.id == report_tags.c.report_id)
        .where(Report.is_published)
        .group_by(report_tags.c.tag_id)
    )
    return dict(rows.all())


def parse_new_tags(text: str) -> list[str]:
    """'Garde d'enfants, saisonnalité' -> ['Garde d'enfants', 'saisonnalité']."""
    labels = [" ".join(part.split()) for part in (text or "").split(",")]
    return [label for label in labels if label][: limits.NEW_TAGS_MAX + 1]


def resolve_tags(slugs: list[str], new_labels: list[str], proposer: User) -> list[ChallengeTag]:
    """Existing tags by slug, plus proposals (reusing any tag whose slug already exists)."""
    tags = list(db.session.scalars(select(ChallengeTag).where(ChallengeTag.slug.in_(slugs))))
    if len(tags) != len(set(slugs)):
        raise Invalid("tags", _("Défi inconnu."))
    if len(new_labels) > limits.NEW_TAGS_MAX:
        raise Invalid("new_tags", _("Proposez au plus 5 nouveaux défis à la fois."))
    # A proposal that matches an existing tag by slug or by label (ignoring case and
    # accents) reuses it instead of creating a near-duplicate.
    known = {}
    if new_labels:
        for existing in db.session.scalars(select(ChallengeTag)):
            known[existing.slug] = known[slugify(existing.label, 60)] = existing
    for label in new_labels:
        if not limits.TAG_LABEL_MIN <= len(label) <= limits.TAG_LABEL_MAX:
            raise Invalid("new_tags", _("Un défi proposé doit compter de 2 à 60 caractères."))
        slug = slugify(label, 60)
        tag = known.get(slug)
        if tag is None:
            tag = ChallengeTag(slug=slug, label=label, approved=False, proposed_by=proposer)
            db.session.add(tag)
            known[slug] = tag
        if tag not in tags:
            tags.append(tag)
    return tags


def update_tag(tag: ChallengeTag, label: str, description: str, approved: bool = True) -> None:
    """Moderators rename, describe and approve; the slug stays so links keep working."""
    tag.label = " ".join(label.split())
    tag.description = description.strip()
    tag.approved = approved
    enqueue_reports(db.session, reports_with_tag(db.session, tag))  # labels are searchable
    db.session.flush()


def merge_tags(source: ChallengeTag, target: ChallengeTag) -> int:
    """Move every report from source to target, then drop source. Returns reports moved."""
    if source.id == target.id:
        raise Invalid("target", _("Un défi ne peut pas être fusionné avec lui-même."))
    already = select(report_tags.c.report_id).where(report_tags.c.tag_id == target.id)
    moving = select(report_tags.c.report_id).where(
        report_tags.c.tag_id == source.id, report_tags.c.report_id.not_in(already)
    )
    report_ids = list(db.session.scalars(moving))
    enqueue_reports(db.session, reports_with_tag(db.session, source))
    if report_ids:
        db.session.execute(
            insert(report_tags), [{"report_id": rid, "tag_id": target.id} for rid in report_ids]
        )
    db.session.execute(delete(report_tags).where(report_tags.c.tag_id == source.id))
    db.session.delete(source)
    db.session.flush()
    return len(report_ids)
