"""Personal data (RGPD): a member's export of everything held about them, and account
deletion that keeps their contributions signed "ancien membre" or erases them.

Deletion is explicit, table by table, rather than left to ON DELETE clauses: SQLite does
not enforce foreign keys here, and the choice between keeping and erasing is ours to make.
"""

import json
import zipfile
from datetime import date, datetime
from typing import BinaryIO

from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from forum.extensions import db
from forum.models import (
    SECTIONS,
    Attachment,
    Bookmark,
    ChallengeTag,
    ContactMessage,
    Discussion,
    EventOutbox,
    Flag,
    LoginFailure,
    ModerationLog,
    Notification,
    NotificationSetting,
    Post,
    PostRevision,
    ReadMarker,
    Report,
    ReportBody,
    ReportRevision,
    ReportStatus,
    StructureRequest,
    User,
    UserSession,
    Watch,
)
from forum.models.base import utcnow
from forum.services import attachments, calendar, memberships, notification_settings
from forum.services.errors import Conflict, Invalid
from forum.services.indexing import enqueue
from forum.storage import StoredFileMissing, storage

EXPORT_FORMAT = 2  # 2: "attachments" (the files are in the ZIP of export_archive)
EXPORT_JSON = "mes-donnees.json"  # names inside the ZIP
EXPORT_FILES = "fichiers/"
EXPORT_README = "LISEZMOI.txt"
SERVED_EXTENSIONS = {"image/jpeg": "jpg", "image/webp": "webp", "image/png": "png"}
DELETION_MODES = ("keep", "erase")
ERASED_TITLE = "—"  # what an erased report or discussion title becomes (titles are required)


def _iso(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(statement) -> list:
    return list(db.session.scalars(statement))


# ----------------------------------------------------------------------------- export
def export_data(user: User) -> dict:
    """Everything Maillage holds about this member, as plain JSON-ready values.

    Other members appear only by display name (never by e-mail address)."""
    reports = _rows(select(Report).where(Report.author_id == user.id).order_by(Report.id))
    posts = _rows(select(Post).where(Post.author_id == user.id).order_by(Post.id))
    discussions = _rows(
        select(Discussion).where(Discussion.author_id == user.id).order_by(Discussion.id)
    )
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _iso(utcnow()),
        "account": {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "handle": user.handle,
            "bio": user.bio,
            "structure": user.structure.name if user.structure else None,
            "structure_role": user.structure_role,
            "accepts_contact": user.contactable,
            "locale": user.locale,
            "role": user.role,
            "approved": user.approved,
            "email_settings": notification_settings.modes_of(user),
            "created_at": _iso(user.created_at),
            "last_login_at": _iso(user.last_login_at),
            "last_digest_sent_at": _iso(user.digest_sent_at),
            "last_weekly_digest_sent_at": _iso(user.weekly_digest_sent_at),
        },
        "contact_messages_sent": [  # what is kept of them: never their text
            {
                "created_at": _iso(m.created_at),
                "to_structure": m.structure.name if m.structure else None,
                "to_member": m.recipient.display_name if m.recipient else None,
                "recipients": m.recipients,
                "shared_my_email": m.share_email,
            }
            for m in _rows(
                select(ContactMessage)
                .where(ContactMessage.sender_id == user.id)
                .order_by(ContactMessage.id)
            )
        ],
        "structure_requests": [  # asking to join a structure, and the answer
            {
                "structure": r.structure.name,
                "status": r.status,
                "created_at": _iso(r.created_at),
                "decided_at": _iso(r.decided_at),
            }
            for r in _rows(
                select(StructureRequest)
                .where(StructureRequest.user_id == user.id)
                .order_by(StructureRequest.id)
            )
        ],
        "reports": [_report(r) for r in reports],
        "report_revisions": [
            {
                "report_id": rev.report_id,
                "by_me": rev.editor_id == user.id,
                "created_at": _iso(rev.created_at),
                "snapshot": rev.snapshot,
            }
            for rev in _rows(
                select(ReportRevision)
                .where(  # versions I saved, and versions of my reports others saved
                    (ReportRevision.editor_id == user.id)
                    | ReportRevision.report_id.in_([r.id for r in reports])
                )
                .order_by(ReportRevision.id)
            )
        ],
        "discussions": [
            {
                "id": d.id,
                "title": d.title,
                "report_id": d.report_id,  # set for the thread under one of my reports
                "created_at": _iso(d.created_at),
                "deleted": d.deleted_at is not None,
                "tags": [t.label for t in d.tags],
            }
            for d in discussions
        ],
        "posts": [
            {
                "id": p.id,
                "discussion_id": p.discussion_id,
                "discussion_title": p.discussion.title,
                "parent_id": p.parent_id,
                "body_markdown": p.body_md,
                "created_at": _iso(p.created_at),
                "edited_at": _iso(p.edited_at),
                "deleted_at": _iso(p.deleted_at),
                "hidden_by_moderation_at": _iso(p.hidden_at),
            }
            for p in posts
        ],
        "post_revisions": [
            {
                "post_id": rev.post_id,
                "by_me": rev.editor_id == user.id,
                "created_at": _iso(rev.created_at),
                "body_markdown": rev.body_md,
            }
            for rev in _rows(
                select(PostRevision)
                .where(  # my earlier wordings, even when a moderator made the edit
                    (PostRevision.editor_id == user.id)
                    | PostRevision.post_id.in_([p.id for p in posts])
                )
                .order_by(PostRevision.id)
            )
        ],
        "follows": [
            {"target": w.target, "target_id": w.target_id, "muted": w.muted}
            for w in _rows(select(Watch).where(Watch.user_id == user.id).order_by(Watch.id))
        ],
        "read_up_to": [
            {"discussion_id": m.discussion_id, "last_post_id": m.last_post_id}
            for m in _rows(
                select(ReadMarker)
                .where(ReadMarker.user_id == user.id)
                .order_by(ReadMarker.discussion_id)
            )
        ],
        "bookmarks": [
            {"report_id": b.report_id, "post_id": b.post_id, "created_at": _iso(b.created_at)}
            for b in _rows(
                select(Bookmark).where(Bookmark.user_id == user.id).order_by(Bookmark.id)
            )
        ],
        "notifications": [
            {
                "kind": n.kind,
                "from": n.actor.display_name if n.actor else None,
                "discussion_id": n.discussion_id,
                "post_id": n.post_id,
                "report_id": n.report_id,
                "calendar_event_id": n.calendar_event_id,
                "parcours_id": n.parcours_id,
                "structure_id": n.structure_id,
                "created_at": _iso(n.created_at),
                "read_at": _iso(n.read_at),
                "emailed_at": _iso(n.emailed_at),
            }
            for n in _rows(
                select(Notification)
                .where(Notification.user_id == user.id)
                .order_by(Notification.id)
            )
        ],
        "flags_filed": [
            {
                "post_id": f.post_id,
                "report_id": f.report_id,
                "reason": f.reason,
                "created_at": _iso(f.created_at),
            }
            for f in _rows(select(Flag).where(Flag.reporter_id == user.id).order_by(Flag.id))
        ],
        "tags_proposed": [
            t.label
            for t in _rows(
                select(ChallengeTag)
                .where(ChallengeTag.proposed_by_id == user.id)
                .order_by(ChallengeTag.id)
            )
        ],
        "moderation_actions": [
            {
                "action": m.action,
                "target_type": m.target_type,
                "target_id": m.target_id,
                "detail": m.detail,
                "created_at": _iso(m.created_at),
            }
            for m in _rows(
                select(ModerationLog)
                .where(ModerationLog.moderator_id == user.id)
                .order_by(ModerationLog.id)
            )
        ],
        "sessions": [
            {
                "device": s.device,
                "remember": s.remember,
                "created_at": _iso(s.created_at),
                "last_seen_at": _iso(s.last_seen_at),
            }
            for s in _rows(
                select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.id)
            )
        ],
        "failed_logins": [
            {"ip": f.ip, "at": _iso(f.created_at)}
            for f in _rows(
                select(LoginFailure)
                .where(LoginFailure.email == user.email)
                .order_by(LoginFailure.id)
            )
        ],
        "attachments": [
            _attachment(a)
            for a in _rows(
                select(Attachment).where(Attachment.uploader_id == user.id).order_by(Attachment.id)
            )
        ],
    }


def _attachment(attachment: Attachment) -> dict:
    return {
        "id": attachment.id,
        "filename": attachment.filename,
        "kind": attachment.kind,
        "type": attachment.mime,
        "label": attachment.label,
        "bytes_uploaded": attachment.size,
        "report_id": attachment.report_id,
        "section": attachment.section,
        "post_id": attachment.post_id,
        "alt": attachment.alt,
        "consent": attachment.consent,
        "status": attachment.status,
        "error": attachment.error or None,
        "created_at": _iso(attachment.created_at),
        "processed_at": _iso(attachment.processed_at),
        # Where the ZIP of export_archive holds it: the version the site serves (a photo
        # re-encoded without its location, a document as it was sent); none before then.
        "file": _archive_name(attachment) if attachment.ready and attachment.file_key else None,
    }


def _archive_name(attachment: Attachment) -> str:
    """fichiers/<id>-<name>, with the extension of what is served (a photo is re-encoded)."""
    name = attachment.filename
    extension = SERVED_EXTENSIONS.get(attachment.mime) if attachment.is_image else None
    if extension:
        name = f"{name.rsplit('.', 1)[0] if '.' in name else name}.{extension}"
    return f"{EXPORT_FILES}{attachment.id}-{name}"


def export_archive(user: User, out: BinaryIO) -> dict:
    """Write into `out` a ZIP of everything held about this member: export_data() as
    mes-donnees.json and, under fichiers/, each file they attached as the site serves it;
    a LISEZMOI.txt says what is where. Returns the exported data. A stored file that is
    missing is named in the JSON ("file_missing") rather than failing the export."""
    data = export_data(user)
    rows = {a.id: a for a in _rows(select(Attachment).where(Attachment.uploader_id == user.id))}
    store = storage()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry in data["attachments"]:
            if not entry["file"]:
                continue
            row = rows[entry["id"]]
            try:
                with store.open(row.file_key) as source:
                    # Photos and documents are compressed already: stored as they are.
                    info = zipfile.ZipInfo(entry["file"], date_time=_zip_time(row.created_at))
                    info.compress_type = zipfile.ZIP_STORED
                    with archive.open(info, "w", force_zip64=True) as target:
                        while chunk := source.read(1024 * 1024):
                            target.write(chunk)
            except StoredFileMissing:
                entry["file"], entry["file_missing"] = None, True
        archive.writestr(EXPORT_JSON, json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr(EXPORT_README, _readme(data))
    return data


def _zip_time(value: datetime | None) -> tuple:
    value = value or utcnow()
    return (max(value.year, 1980), value.month, value.day, value.hour, value.minute, value.second)


def _readme(data: dict) -> str:
    files = sum(1 for entry in data["attachments"] if entry["file"])
    return (
        "Vos données sur Maillage\n"
        "========================\n\n"
        f"Exportées le {data['exported_at']} (heure UTC).\n\n"
        f"- {EXPORT_JSON} : tout ce que Maillage conserve sur vous (compte, retours, messages,\n"
        "  abonnements, notifications, sessions…), lisible par un tableur ou un programme.\n"
        f"- {EXPORT_FILES} : les {files} fichier(s) que vous avez joints, tels que le site les\n"
        "  sert : les photos réencodées, sans leurs métadonnées (position GPS, appareil) ; les\n"
        "  documents tels que vous les avez envoyés. La rubrique « attachments » du fichier\n"
        "  JSON dit à quel retour ou message chacun appartient.\n"
    )


def _report(report: Report) -> dict:
    return {
        "id": report.id,
        "title": report.title,
        "status": report.status,
        "session_date": _iso(report.session_date),
        "department": report.department_code,
        "structure": report.structure.name if report.structure else None,
        "parcours": report.parcours.title if report.parcours else None,
        "format": report.format,
        "participants": report.participants,
        "modules": [m.title for m in report.modules],
        "tags": [t.label for t in report.tags],
        "created_at": _iso(report.created_at),
        "updated_at": _iso(report.updated_at),
        "published_at": _iso(report.published_at),
        "deleted_at": _iso(report.deleted_at),
        "sections_markdown": {name: report.section_md(name) for name in SECTIONS},
    }


# --------------------------------------------------------------------------- deletion
def check_can_delete(user: User) -> None:
    """An instance must keep an administrator: the last one cannot leave."""
    if user.is_admin:
        admins = db.session.scalar(
            select(func.count()).select_from(User).where(User.role == "admin")
        )
        if admins <= 1:
            raise Conflict(
                _(
                    "Vous êtes le seul administrateur : nommez un autre administrateur "
                    "avant de supprimer votre compte."
                )
            )


def delete_account(user: User, mode: str) -> dict[str, int]:
    """Delete the account in one transaction. mode "keep": contributions stay, signed
    "ancien membre"; mode "erase": the member's words are wiped (reports and messages
    become "supprimé"; the tree of others' replies keeps its shape). Returns counts."""
    if mode not in DELETION_MODES:
        raise Invalid("mode", _("Choisissez ce que deviennent vos contributions."))
    check_can_delete(user)
    memberships.set_structure(user, None)  # a référent·e hands the role over first
    uid = user.id
    counts = {"reports": 0, "posts": 0}
    session = db.session
    if mode == "erase":
        attachments.delete_uploaded_by(user)  # their files go with their words
        counts = _erase_contributions(uid)
    else:
        counts["reports"] = session.scalar(
            select(func.count())
            .select_from(Report)
            .where(Report.author_id == uid, Report.status != ReportStatus.DRAFT)
        )
        counts["posts"] = session.scalar(
            select(func.count()).select_from(Post).where(Post.author_id == uid)
        )
        # Drafts were never public: nobody else can ever read them, so keep none.
        drafts = select(Report.id).where(
            Report.author_id == uid, Report.status == ReportStatus.DRAFT
        )
        drafts = list(session.scalars(drafts))
        attachments.delete_all(
            session.scalars(select(Attachment).where(Attachment.report_id.in_(drafts)))
        )
        _erase_reports(drafts)

    # Authorship everywhere becomes anonymous...
    for model, column in (
        (Report, Report.author_id),
        (Report, Report.deleted_by_id),
        (ReportRevision, ReportRevision.editor_id),
        (Discussion, Discussion.author_id),
        (Post, Post.author_id),
        (PostRevision, PostRevision.editor_id),
        (Notification, Notification.actor_id),
        (Flag, Flag.reporter_id),
        (Flag, Flag.resolved_by_id),
        (ModerationLog, ModerationLog.moderator_id),
        (ChallengeTag, ChallengeTag.proposed_by_id),
        (Attachment, Attachment.uploader_id),
        (ContactMessage, ContactMessage.sender_id),
        (ContactMessage, ContactMessage.recipient_id),
        (StructureRequest, StructureRequest.decided_by_id),
    ):
        session.execute(update(model).where(column == uid).values({column.key: None}))
    session.execute(update(EventOutbox).where(EventOutbox.actor_id == uid).values(actor_id=None))
    # ...and what only concerned this member goes.
    for model, column in (
        (Watch, Watch.user_id),
        (Notification, Notification.user_id),
        (NotificationSetting, NotificationSetting.user_id),
        (ReadMarker, ReadMarker.user_id),
        (Bookmark, Bookmark.user_id),
        (UserSession, UserSession.user_id),
        (StructureRequest, StructureRequest.user_id),
    ):
        session.execute(delete(model).where(column == uid))
    calendar.forget_member(user)  # seats freed, the waiting list moves up
    session.execute(delete(LoginFailure).where(LoginFailure.email == user.email))
    session.execute(delete(User).where(User.id == uid))
    session.flush()
    return counts


def _erase_contributions(uid: int) -> dict[str, int]:
    session = db.session
    report_ids = list(session.scalars(select(Report.id).where(Report.author_id == uid)))
    _erase_reports(report_ids)

    post_ids = list(session.scalars(select(Post.id).where(Post.author_id == uid)))
    if post_ids:
        session.execute(delete(PostRevision).where(PostRevision.post_id.in_(post_ids)))
        session.execute(delete(Bookmark).where(Bookmark.post_id.in_(post_ids)))
        session.execute(delete(Flag).where(Flag.post_id.in_(post_ids)))
        session.execute(
            update(Post)
            .where(Post.id.in_(post_ids))
            .values(body_md="", body_html="", deleted_at=func.coalesce(Post.deleted_at, utcnow()))
        )
        enqueue(session, "post", post_ids)

    # Discussions they opened: the title is theirs too. Others' replies keep the thread
    # (its title wiped); a discussion with nobody else in it goes entirely.
    opened = list(
        session.scalars(
            select(Discussion.id).where(Discussion.author_id == uid, Discussion.report_id.is_(None))
        )
    )
    for discussion_id in opened:
        others = session.scalar(
            select(func.count())
            .select_from(Post)
            .where(
                Post.discussion_id == discussion_id,
                Post.author_id.is_distinct_from(uid),
                Post.deleted_at.is_(None),
            )
        )
        values = {"title": ERASED_TITLE}
        if not others:
            values["deleted_at"] = utcnow()
        session.execute(update(Discussion).where(Discussion.id == discussion_id).values(values))
    enqueue(session, "discussion", opened)
    # Replies under erased reports and discussions follow their visibility in the index.
    threads = select(Discussion.id).where(
        Discussion.report_id.in_(report_ids) | Discussion.id.in_(opened)
    )
    enqueue(
        session, "post", session.scalars(select(Post.id).where(Post.discussion_id.in_(threads)))
    )
    return {"reports": len(report_ids), "posts": len(post_ids)}


def _erase_reports(report_ids: list[int]) -> None:
    """Wipe these reports' words and hide them (the row stays so that replies under
    them, written by others, are not silently destroyed)."""
    if not report_ids:
        return
    session = db.session
    empty = {f"{name}_{kind}": "" for name in SECTIONS for kind in ("md", "html")}
    session.execute(update(ReportBody).where(ReportBody.report_id.in_(report_ids)).values(empty))
    session.execute(delete(ReportRevision).where(ReportRevision.report_id.in_(report_ids)))
    session.execute(delete(Bookmark).where(Bookmark.report_id.in_(report_ids)))
    session.execute(delete(Flag).where(Flag.report_id.in_(report_ids)))
    session.execute(
        update(Report)
        .where(Report.id.in_(report_ids))
        .values(
            title=ERASED_TITLE,
            status=ReportStatus.ERASED,  # hidden like a deleted report, and never restorable
            published_at=None,
            participants=0,
            deleted_at=func.coalesce(Report.deleted_at, utcnow()),
        )
    )
    # The thread under a report carries a copy of its title (notifications, bookmarks).
    session.execute(
        update(Discussion).where(Discussion.report_id.in_(report_ids)).values(title=ERASED_TITLE)
    )
    enqueue(session, "report", report_ids)
