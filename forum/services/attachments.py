"""Attachments: receive a file for a report (or one of its sections) or a message, process
it after the response (the `media` worker), say who may read it, delete it.

A file goes through three places, in this order, so that nothing is half-written:
1. the request stores the upload as it came (`raw/<token>`) and writes its row, status
   pending, in the request's transaction; if that transaction rolls back, the stored file
   is deleted after the rollback (and `sweep()` removes any a crash left behind);
2. after the commit the `media` worker (forum/background.py) decodes it: images are
   re-encoded without EXIF/GPS into resized variants, documents' text is extracted; the
   row becomes ready (or failed) and the parent is queued for the search index;
3. deleting a row (or its report, its message, its uploader's account) deletes its stored
   files once the deletion is committed.

Nothing is served before step 2: a photo still carries its GPS position until then.
Access: a file inherits the visibility of what it is attached to (`can_view`), one rule
used by every route."""

import logging
import secrets
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from flask import Flask, current_app
from flask_babel import force_locale, format_decimal, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from forum import media
from forum.background import listen, wake_after_commit
from forum.extensions import db
from forum.models import (
    SECTIONS,
    Attachment,
    AttachmentStatus,
    Post,
    Report,
    User,
    report_modules,
)
from forum.models.base import utcnow
from forum.services import discussions, events, indexing, reports
from forum.services.errors import Forbidden, Invalid
from forum.storage import StorageUnavailable, StoredFileMissing, storage

log = logging.getLogger(__name__)

UPLOAD_FIELDS = ("file", "alt", "consent")  # what attach() names in Invalid errors
MEDIA_FLAG = "media_dirty"  # session.info: wake the media worker after the commit
PUT_KEYS = "maillage.storage_put"  # session.info: stored in this transaction (undo on rollback)
DROP_KEYS = "maillage.storage_drop"  # session.info: to delete once the deletion commits


def init_app(app: Flask) -> None:
    """Wake the media worker after a commit that queued files; keep storage and rows in
    step across commits and rollbacks (see the module docstring)."""
    wake_after_commit(MEDIA_FLAG, "media")
    listen("before_flush", _deleted_parents)
    listen("after_commit", _after_commit)
    listen("after_soft_rollback", _after_rollback)


@dataclass(frozen=True)
class Limits:
    """The configured limits: bytes per file, files per report and per message, bytes
    per member (FORUM_ATTACHMENT_* settings, config.py)."""

    file_bytes: int
    per_report: int
    per_post: int
    quota_bytes: int

    @classmethod
    def current(cls) -> "Limits":
        config = current_app.config
        return cls(
            config["ATTACHMENT_MAX_BYTES"],
            config["ATTACHMENTS_PER_REPORT"],
            config["ATTACHMENTS_PER_POST"],
            config["ATTACHMENT_QUOTA_BYTES"],
        )


# --- who may do what ---------------------------------------------------------------


def can_view(attachment: Attachment, viewer: User | None) -> bool:
    """Whether `viewer` may see this file: exactly when they may see what it is attached
    to (a draft, a hidden or deleted message, an erased account's report: not), and, while
    it is not processed or failed, only its uploader and moderators."""
    if attachment.report_id is not None:
        parent_ok = attachment.report is not None and reports.can_view(attachment.report, viewer)
    else:
        parent_ok = discussions.can_view_post(attachment.post, viewer)
    if not parent_ok:
        return False
    if attachment.status == AttachmentStatus.READY:
        return True
    return _is_uploader_or_moderator(attachment, viewer)


def can_manage(attachment: Attachment, viewer: User | None) -> bool:
    """Delete it: its uploader, or a moderator."""
    return can_view(attachment, viewer) and _is_uploader_or_moderator(attachment, viewer)


def _is_uploader_or_moderator(attachment: Attachment, viewer) -> bool:
    if viewer is None or not viewer.is_authenticated:
        return False
    return viewer.is_moderator or viewer.id == attachment.uploader_id


def may_attach_to_report(report: Report, user: User) -> bool:
    """Its author attaches files to a report that is not deleted or erased."""
    return (
        user.is_authenticated
        and report.author_id == user.id
        and report.deleted_at is None
        and report.status != "erased"
    )


def may_attach_to_post(post: Post, user: User) -> bool:
    """Its author attaches files to a visible message of an open, readable thread."""
    return (
        user.is_authenticated
        and post.author_id == user.id
        and post.visible
        and discussions.can_view_post(post, user)
    )


# --- receiving ---------------------------------------------------------------------


def used_bytes(user: User) -> int:
    """Bytes of the files this member uploaded that are still kept (the quota counts them)."""
    total = db.session.scalar(
        select(func.coalesce(func.sum(Attachment.size), 0)).where(
            Attachment.uploader_id == user.id,
            Attachment.status != AttachmentStatus.FAILED.value,  # refused ones count for nothing
        )
    )
    return int(total)  # PostgreSQL sums a bigint into a numeric: Decimal, which ngettext refuses


def of_report(report: Report) -> list[Attachment]:
    """The files of a report, in the order they were added."""
    return list(
        db.session.scalars(
            select(Attachment).where(Attachment.report_id == report.id).order_by(Attachment.id)
        )
    )


def of_posts(post_ids: Iterable[int]) -> dict[int, list[Attachment]]:
    """{post id: its files} for these messages, in one statement."""
    ids = list(post_ids)
    found: dict[int, list[Attachment]] = {}
    if not ids:
        return found
    rows = db.session.scalars(
        select(Attachment).where(Attachment.post_id.in_(ids)).order_by(Attachment.id)
    )
    for row in rows:
        found.setdefault(row.post_id, []).append(row)
    return found


def attach(
    user: User,
    stream: BinaryIO,
    filename: str,
    *,
    report: Report | None = None,
    post: Post | None = None,
    alt: str = "",
    section: str | None = None,
    consent: bool = False,
) -> Attachment:
    """Store an uploaded file for `report` (optionally in `section`) or `post` and write its
    row (flushed; the caller's edge commits). Returns the pending Attachment.

    Raises Forbidden when `user` may not attach there; Invalid("file", …) for an empty or
    too large file, a refused type (decided from the content: forum/media/sniff.py), an
    image too large in pixels or truncated (what can be checked before the worker), too
    many files or a full quota; Invalid("alt", …) for an image without a description;
    Invalid("consent", …) for a photo without the consent box; Invalid("section", …) for
    an unknown section."""
    if (report is None) == (post is None):
        raise ValueError("attach() needs exactly one of report and post")
    if report is not None and not may_attach_to_report(report, user):
        raise Forbidden(_("Seul l'auteur ou l'autrice de ce retour peut y joindre des fichiers."))
    if post is not None and not may_attach_to_post(post, user):
        raise Forbidden(_("Seul l'auteur ou l'autrice de ce message peut y joindre des fichiers."))
    if section and (report is None or section not in SECTIONS):
        raise Invalid("section", _("Cette partie du retour n'existe pas."))
    limits = Limits.current()
    spooled, size = _spool(stream, limits.file_bytes)
    with spooled:  # closed whatever happens (a refusal is the common case)
        if size == 0:
            raise Invalid("file", _("Le fichier est vide."))
        if size > limits.file_bytes:
            raise Invalid(
                "file",
                _(
                    "Ce fichier dépasse la taille permise (%(max)s par fichier).",
                    max=human_size(limits.file_bytes),
                ),
            )
        _check_counts(report, post, limits)
        used = used_bytes(user)
        if used + size > limits.quota_bytes:
            raise Invalid(
                "file",
                _(
                    "Votre espace est plein : %(used)s utilisés sur %(quota)s. Supprimez des "
                    "fichiers dont vous n'avez plus besoin, ou écrivez à l'équipe.",
                    used=human_size(used),
                    quota=human_size(limits.quota_bytes),
                ),
            )
        head = spooled.read(media.HEAD_BYTES)
        spooled.seek(0)
        try:
            found = media.sniff(head, size, spooled)
        except media.UnsupportedFile as refused:
            raise Invalid("file", str(refused.message)) from None
        spooled.seek(0)
        if found.kind != "image" and _named_as_image(filename):
            # its name says photo, its content something else: a text renamed « .jpg » was
            # kept as a CSV, its description dropped (a third fresh tester)
            raise Invalid(
                "file",
                _(
                    "«\u00a0%(name)s\u00a0» porte un nom de photo mais n'en contient pas "
                    "(%(kind)s) : choisissez la bonne photo.",
                    name=filename[:80],
                    kind=str(found.label),
                ),
            )
        if found.kind == "image":
            _check_image(spooled)
        alt = " ".join((alt or "").split())
        if found.kind == "image":
            _check_alt(alt)
            if not consent:
                raise Invalid(
                    "consent",
                    _("Cochez la case : les personnes reconnaissables ont donné leur accord."),
                )
        key = f"raw/{int(time.time())}-{secrets.token_hex(12)}"  # its age is in its name
        storage().put(key, spooled, found.mime)
        db.session.info.setdefault(PUT_KEYS, []).append(key)
    attachment = Attachment(
        report_id=report.id if report is not None else None,
        post_id=post.id if post is not None else None,
        section=section or None,
        uploader_id=user.id,
        filename=media.safe_filename(filename, found),
        kind=found.kind,
        mime=found.mime,
        label=str(found.label),
        size=size,
        raw_key=key,
        alt=alt[:300],
        consent=bool(consent),
        status=AttachmentStatus.PENDING.value,
    )
    db.session.add(attachment)
    db.session.flush()
    db.session.info[MEDIA_FLAG] = True
    return attachment


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif")


def _named_as_image(filename: str) -> bool:
    """Does the file's name end as a photo's does (IMAGE_SUFFIXES, any case)?"""
    return (filename or "").lower().rstrip().endswith(IMAGE_SUFFIXES)


def _check_image(spooled: BinaryIO) -> None:
    """Refuse now, while its sender waits, what the media worker would refuse later and
    can be told cheaply: an image declaring more pixels than the budget (a decompression
    bomb), a truncated JPEG or PNG (forum.media.images.check_image)."""
    from forum.media.images import check_image  # loads Pillow: only when an image comes

    config = current_app.config
    try:
        check_image(spooled, max_pixels=config["ATTACHMENT_MAX_PIXELS"])
    except media.UnsupportedFile as refused:
        raise Invalid("file", str(refused.message)) from None


def _spool(stream: BinaryIO, limit: int) -> tuple[BinaryIO, int]:
    """Copy the upload into a temporary file (in memory up to 1 MB), reading at most
    limit + 1 bytes: (the file at offset 0, bytes read)."""
    spooled = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)
    size = 0
    while size <= limit:
        chunk = stream.read(min(256 * 1024, limit + 1 - size))
        if not chunk:
            break
        spooled.write(chunk)
        size += len(chunk)
    spooled.seek(0)
    return spooled, size


def _check_counts(report: Report | None, post: Post | None, limits: Limits) -> None:
    """Invalid("file", …) when the report or the message already carries its most files
    (refused ones do not count)."""
    if report is not None:
        column, parent_id, most = Attachment.report_id, report.id, limits.per_report
        message = ngettext(
            "Un retour peut porter %(num)d fichier au plus.",
            "Un retour peut porter %(num)d fichiers au plus.",
            most,
        )
    else:
        column, parent_id, most = Attachment.post_id, post.id, limits.per_post
        message = ngettext(
            "Un message peut porter %(num)d fichier au plus.",
            "Un message peut porter %(num)d fichiers au plus.",
            most,
        )
    count = db.session.scalar(
        select(func.count(Attachment.id)).where(
            column == parent_id, Attachment.status != AttachmentStatus.FAILED.value
        )
    )
    if count >= most:
        raise Invalid("file", message)


def human_size(size: int) -> str:
    """1536 -> « 1,5 Ko », 10485760 -> « 10 Mo » (French units, 1 Ko = 1024 octets)."""
    for unit, factor in ((_("Mo"), 1024**2), (_("Ko"), 1024)):
        if size >= factor:
            value = size / factor
            shown = format_decimal(round(value, 1) if value < 10 else round(value))
            return f"{shown}\u00a0{unit}"
    return ngettext("%(num)d octet", "%(num)d octets", size)


SHELF_KINDS = ("document", "image", "text")


def shelf(module_id: int, kind: str | None = None, limit: int = 60) -> list[Attachment]:
    """« Supports partagés » of a kit module: the ready files of published reports on that
    module, newest session first, optionally of one kind ("document", "image", "text");
    with their report, its structure and date loaded (one statement)."""
    query = (
        select(Attachment)
        .join(Report, Report.id == Attachment.report_id)
        .join(report_modules, report_modules.c.report_id == Report.id)
        .where(
            report_modules.c.module_id == module_id,
            Report.is_published,
            Attachment.status == AttachmentStatus.READY.value,
        )
        .options(joinedload(Attachment.report).joinedload(Report.structure))
        .order_by(Report.session_date.desc(), Attachment.id.desc())
        .limit(limit)
    )
    if kind in SHELF_KINDS:
        query = query.where(Attachment.kind == kind)
    return list(db.session.scalars(query).unique())


def _check_alt(alt: str) -> None:
    """An image's description is required (WCAG 2.2, SC 1.1.1). Raises Invalid("alt", …)."""
    if not alt:
        raise Invalid(
            "alt",
            _(
                "Décrivez l'image en une phrase pour les personnes qui ne la voient pas "
                "(par exemple : « Le tableau des idées après le tour de table »)."
            ),
        )


def describe(attachment: Attachment, user: User, alt: str) -> None:
    """Give an image its own description (flushed): several photos sent at once shared
    the one typed for them (a fresh tester: two different photos read the same to a
    screen reader). Its uploader or a moderator (can_manage). Spaces are folded. Raises
    Forbidden; Invalid("alt", …) for a file that is no image, an empty description or
    one over 300 characters."""
    if not can_manage(attachment, user):
        raise Forbidden(
            _("Seule la personne qui l’a ajoutée, ou la modération, décrit cette image.")
        )
    if not attachment.is_image:
        raise Invalid("alt", _("Seule une image a une description."))
    alt = " ".join((alt or "").split())
    _check_alt(alt)
    if len(alt) > 300:  # browsers stop at maxlength; anything else is told, not cut
        raise Invalid("alt", _("300 caractères au plus."))
    attachment.alt = alt
    db.session.flush()
    parent = _search_parent(attachment)
    if parent is not None:
        indexing.enqueue(db.session, *parent)


# --- deleting ----------------------------------------------------------------------


def delete(attachment: Attachment) -> None:
    """Delete the row (flushed); its stored files go once the deletion is committed."""
    db.session.info.setdefault(DROP_KEYS, []).extend(stored_keys(attachment))
    parent = _search_parent(attachment)
    db.session.delete(attachment)
    db.session.flush()
    if parent is not None:
        indexing.enqueue(db.session, *parent)


def delete_all(attachments: Iterable[Attachment]) -> int:
    """delete() each of them; returns how many."""
    count = 0
    for attachment in list(attachments):
        delete(attachment)
        count += 1
    return count


def delete_uploaded_by(user: User) -> int:
    """Every file this member uploaded (their account is erased)."""
    return delete_all(
        db.session.scalars(select(Attachment).where(Attachment.uploader_id == user.id))
    )


def stored_keys(attachment: Attachment) -> list[str]:
    """Every storage key of this file: raw upload, served file, variants."""
    keys = [attachment.raw_key, attachment.file_key]
    keys += [v.get("key") for v in attachment.variants or []]
    return list(dict.fromkeys(k for k in keys if k))


def _search_parent(attachment: Attachment) -> tuple[str, list[int]] | None:
    """What the search index holds the file's text in: ("report", [id]) or ("post", [id])."""
    if attachment.kind == "image":
        return None
    if attachment.report_id is not None:
        return ("report", [attachment.report_id])
    return ("post", [attachment.post_id])


def _after_commit(session) -> None:
    session.info.pop(PUT_KEYS, None)
    keys = session.info.pop(DROP_KEYS, None)
    if keys:
        _drop(keys)


def _after_rollback(session, previous_transaction) -> None:
    if previous_transaction.parent is not None:
        return
    session.info.pop(DROP_KEYS, None)  # the rows are still there: so are their files
    keys = session.info.pop(PUT_KEYS, None)
    if keys:
        _drop(keys)  # stored for rows that were never written


def _drop(keys: list[str]) -> None:
    try:
        store = storage()
    except RuntimeError:  # no app context (a session used by a bare script)
        return
    for key in keys:
        try:
            store.delete(key)
        except Exception as error:  # sweep() finds it later; never fail the caller for it
            log.warning("Stored file %s not deleted: %r", key, error)


# --- processing (the media worker and `flask attachments process`) -------------------


def process_pending(batch: int = 10) -> int:
    """Process up to `batch` pending files, each in its own transaction (a job: it
    commits). Returns how many were processed (ready or failed)."""
    ids = list(
        db.session.scalars(
            select(Attachment.id)
            .where(Attachment.status == AttachmentStatus.PENDING.value)
            .order_by(Attachment.id)
            .limit(batch)
        )
    )
    db.session.rollback()
    done = 0
    for attachment_id in ids:
        # Claimed until its commit: a worker of another server running this job at the
        # same moment skips it rather than decoding it twice (FOR UPDATE SKIP LOCKED on
        # PostgreSQL; SQLite has one writer at a time and ignores the clause).
        attachment = db.session.scalar(
            select(Attachment)
            .where(
                Attachment.id == attachment_id,
                Attachment.status == AttachmentStatus.PENDING.value,
            )
            .with_for_update(skip_locked=True)
        )
        if attachment is None:
            continue
        try:
            process(attachment)
            db.session.commit()
        except StorageUnavailable:
            db.session.rollback()  # the store is away: the file stays pending, tried again
            raise
        except Exception:  # a decoder's bug must not block the queue on this file forever
            log.exception("Attachment %s could not be processed", attachment_id)
            db.session.rollback()
            attachment = db.session.get(Attachment, attachment_id)
            with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
                _refuse(attachment, _("Ce fichier n'a pas pu être préparé."))
            db.session.commit()
        done += 1
    return done


def _refuse(attachment: Attachment, error: str) -> None:
    """Mark a file refused by its processing, with its reason (300 characters at most), and
    tell its uploader (event « attachment_refused »: they were told at the upload that it
    would be visible in a few seconds; a fresh tester waited for files that never came)."""
    attachment.status = AttachmentStatus.FAILED.value
    attachment.error = error[:300]
    attachment.processed_at = utcnow()
    events.record(
        "attachment_refused",
        attachment.id,
        None,
        detail=f"{attachment.filename}\n{attachment.error}",
    )


def process(attachment: Attachment) -> None:
    """Decode one stored upload: an image into its variants (no metadata), a document's
    text extracted; the row is marked ready or failed (not committed)."""
    from forum.media.extract import extract_text  # loads the document libraries
    from forum.media.images import process_image  # loads Pillow

    config = current_app.config
    store = storage()
    try:
        with store.open(attachment.raw_key) as raw:
            data = raw.read()
    except StoredFileMissing:
        # Lost (a restore without its files, a hand-made deletion): failed for good, or
        # this row would stop every upload queued after it, run after run.
        log.error("Attachment %s: stored upload %s missing", attachment.id, attachment.raw_key)
        _refuse(attachment, _("Le fichier envoyé a été perdu avant d'être préparé : renvoyez-le."))
        attachment.raw_key = None
        return
    # Variants are named with the time they are made, not the upload's: sweep() judges an
    # uncommitted key by the age in its name, and a file processed an hour after its upload
    # (a backlog) must not look old enough to delete while its row is being written.
    token = f"{int(time.time())}-{attachment.raw_key.rsplit('-', 1)[-1]}"
    try:
        if attachment.kind == "image":
            result = process_image(
                data,
                widths=tuple(config["ATTACHMENT_IMAGE_WIDTHS"]),
                max_pixels=config["ATTACHMENT_MAX_PIXELS"],
                keep_original=config["ATTACHMENT_KEEP_ORIGINAL"],
            )
            variants = []
            for variant in result.variants:
                extension = "webp" if variant.mime == "image/webp" else "jpg"
                key = f"files/{token}-{variant.name}.{extension}"
                if variant.name == "original":
                    continue  # kept as the raw upload, served to nobody
                store.put(key, variant.data, variant.mime)
                db.session.info.setdefault(PUT_KEYS, []).append(key)
                if variant.name == "full":
                    attachment.file_key, attachment.mime = key, variant.mime
                    attachment.width, attachment.height = variant.width, variant.height
                else:
                    variants.append(
                        {"width": variant.width, "mime": variant.mime, "key": key,
                         "bytes": len(variant.data)}
                    )  # fmt: skip
            attachment.variants = variants
            if not config["ATTACHMENT_KEEP_ORIGINAL"]:
                db.session.info.setdefault(DROP_KEYS, []).append(attachment.raw_key)
                attachment.raw_key = None
        else:
            attachment.file_key = attachment.raw_key
            try:
                kind = next(k for k in media.KINDS.values() if k.mime == attachment.mime)
                text = extract_text(data, kind, max_chars=config["ATTACHMENT_TEXT_MAX"])
                attachment.text = text or None
            except media.ExtractionFailed as error:
                log.warning("Text of attachment %s not extracted: %s", attachment.id, error)
            parent = _search_parent(attachment)
            if parent is not None:
                indexing.enqueue(db.session, *parent)
        attachment.status = AttachmentStatus.READY.value
    except media.UnsupportedFile as refused:
        with force_locale(config["BABEL_DEFAULT_LOCALE"]):  # no request in the worker
            _refuse(attachment, str(refused.message))
        db.session.info.setdefault(DROP_KEYS, []).append(attachment.raw_key)
        attachment.raw_key = None
    attachment.processed_at = utcnow()


# --- keeping storage and rows in step ------------------------------------------------


def sweep(older_than_seconds: int = 3600, fix: bool = False) -> dict[str, list[str]]:
    """Compare stored files and rows: {"orphans": keys with no row (a crash between the
    storage and the commit), "missing": keys a row names that are not stored, "deleted":
    the orphans removed}. With `fix`, orphans older than `older_than_seconds` are deleted
    (younger ones may belong to an upload or a processing still in flight)."""
    store = storage()
    named = set()
    rows = db.session.scalars(select(Attachment))
    missing = []
    for row in rows:
        for key in stored_keys(row):
            named.add(key)
            if not store.exists(key):
                missing.append(key)
    orphans = [k for k in store.keys("") if k not in named]
    deleted = []
    if fix:
        now = time.time()
        for key in orphans:
            if now - _written_at(key) >= older_than_seconds:
                store.delete(key)
                deleted.append(key)
    return {"orphans": orphans, "missing": missing, "deleted": deleted}


def _written_at(key: str) -> float:
    """When a key was made: the Unix time that starts its name (raw/<time>-<token>,
    files/<time>-<token>-<width>.webp); 0 (long ago) for any other name."""
    head = key.rsplit("/", 1)[-1].split("-", 1)[0]
    return float(head) if head.isdigit() else 0.0


# --- a deleted report or message takes its files along --------------------------------


def _deleted_parents(session, _flush_context, _instances) -> None:
    """before_flush: a report or a message whose deleted_at was just set loses its files
    (issue 14: « deleting a report deletes its files »), whichever service deleted it."""
    gone = {Report: [], Post: []}
    for obj in session.dirty:
        if isinstance(obj, Report | Post):
            history = db.inspect(obj).attrs.deleted_at.history
            added = history.added[0] if history.added else None
            before = history.deleted[0] if history.deleted else None
            if added is not None and before is None:
                gone[type(obj)].append(obj.id)
    rows = []
    if gone[Report]:
        rows += session.scalars(select(Attachment).where(Attachment.report_id.in_(gone[Report])))
    if gone[Post]:
        rows += session.scalars(select(Attachment).where(Attachment.post_id.in_(gone[Post])))
    for row in rows:
        session.info.setdefault(DROP_KEYS, []).extend(stored_keys(row))
        session.delete(row)  # part of this flush; the parent leaves the index anyway
