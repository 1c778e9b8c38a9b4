"""Flask commands: bootstrap, users create-admin, seed-demo, backup, restore, search,
notifications, attachments, calendar, parcours, markup."""

import sys
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from forum.search import BACKENDS, IndexUnavailable, PostgresUnavailable, engine
from forum.services import (
    ServiceError,
    accounts,
    attachments,
    backup,
    calendar,
    calendar_reminders,
    demo,
    follow_ups,
    notifications,
    reference,
    rerender,
)
from forum.transactions import unit_of_work

users_cli = AppGroup("users", help="Gérer les comptes.")


@users_cli.command("create-admin")
@click.option("--email", required=True)
@click.option("--password", required=True)
@click.option("--name", required=True)
def create_admin(email: str, password: str, name: str) -> None:
    """Create an administrator account (or promote an existing one)."""
    if len(password) < 10:
        raise click.ClickException("Le mot de passe doit compter au moins 10 caractères.")
    user = accounts.find_user_by_email(email)
    if user is not None:
        with unit_of_work():
            user.role, user.approved = "admin", True
            accounts.set_password(user, password)  # a new password: its sessions end
        click.echo(f"Compte existant promu administrateur : {user.email}")
        return
    try:
        with unit_of_work():
            user = accounts.register_user(email, password, name, role="admin")
    except ServiceError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Administrateur créé : {user.email}")


@click.command("bootstrap")
def bootstrap_command() -> None:
    """Load reference data (territories, kit modules, challenge tags); idempotent."""
    with unit_of_work():
        written = reference.bootstrap()
    for name, count in written.items():
        click.echo(f"{name}: {count} ligne(s) écrite(s)")


@click.command("seed-demo")
@click.option("--reports", type=int, default=None, help="Add N generated reports (benchmarks).")
@click.option("--if-empty", is_flag=True, help="Do nothing if the database already has members.")
def seed_demo_command(reports: int | None, if_empty: bool) -> None:
    """Create demo structures, members and content."""
    with unit_of_work():
        summary = demo.seed(extra_reports=reports, only_if_empty=if_empty)
    if summary.get("events"):
        # The Couserans session of last week leaves its draft retour waiting, as the
        # `flask calendar draft-reports` job does in production (issue 15).
        with unit_of_work():
            summary["draft retours of ended sessions"] = len(
                calendar.draft_reports_for_ended_sessions()
            )
    for name, count in summary.items():
        click.echo(f"{name}: {count}")

    # Bulk-loaded reports bypass the outbox: index them in one go (or restore a lost index).
    if "skipped (database not empty)" not in summary or not engine().available():
        click.echo(f"index: {engine().rebuild()} document(s)")


@click.command("backup")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=True, path_type=Path),
    default=None,
    help="File to write, or folder to write maillage-DATE.tar.gz in (default: here).",
)
def backup_command(output: Path | None) -> None:
    """Write an archive of the database and the stored files (the search index is rebuilt
    on restore)."""
    path = backup.default_archive_path(output)
    try:
        manifest = backup.create_backup(path)
    except backup.BackupError as error:
        raise click.ClickException(error.message) from None
    tables = manifest["database"]["tables"]
    click.echo(
        f"Archive écrite : {path.resolve()} ({manifest['dump']['size'] // 1024} Kio de base "
        f"{manifest['database']['kind']}, révision {manifest['database']['revision']})"
    )
    click.echo(f"{sum(tables.values())} ligne(s) dans {len(tables)} table(s)")
    files = manifest["files"]
    click.echo(
        f"{files['count']} fichier(s) stocké(s) ({files['bytes'] // 1024} Kio, "
        f"stockage {files['backend']})"
    )


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Replace the database without asking for confirmation.")
def restore_command(path: Path, yes: bool) -> None:
    """Replace the whole database and the stored files with an archive from `flask backup`,
    then rebuild the index."""
    try:
        manifest = backup.read_manifest(path)
        if not yes:
            if not sys.stdin.isatty():
                raise click.ClickException(
                    "Restauration refusée : pas de terminal pour confirmer, ajoutez --yes."
                )
            click.confirm(
                f"Remplacer toute la base par celle du {manifest['created_at']} "
                f"(Maillage {manifest['app']['version']}) ? Ce qui a été écrit depuis sera perdu",
                abort=True,
            )
        result = backup.restore_backup(path)
    except backup.BackupError as error:
        raise click.ClickException(error.message) from None
    for table, count in result.counts.items():
        click.echo(f"{table}: {count}")
    if result.files is None:
        click.echo("Archive sans fichiers stockés (format 1) : les fichiers actuels restent.")
    else:
        click.echo(f"{result.files} fichier(s) stocké(s) remis en place.")
    if result.upgraded_from:
        click.echo(f"Base migrée de la révision {result.upgraded_from} à la plus récente.")
    if result.schema_changed:
        click.echo("Le schéma de l'index a changé depuis la sauvegarde : index reconstruit.")
    click.echo(
        f"Base restaurée ({sum(result.counts.values())} lignes) ; "
        f"{result.documents} document(s) indexé(s)."
    )


search_cli = AppGroup("search", help="Index de recherche.")


@search_cli.command("rebuild")
@click.option(
    "--backend",
    type=click.Choice(sorted(BACKENDS)),
    default=None,
    help="Remplir l'index de ce moteur plutôt que celui de FORUM_SEARCH_BACKEND "
    "(avant de changer de moteur).",
)
def search_rebuild(backend: str | None) -> None:
    """Rebuild the index from the database (readers keep the old one until it is done).
    With --backend, the index of that backend, whichever one serves now: fill the
    PostgreSQL documents of a Whoosh site before switching it over (README, Production),
    or the Whoosh files before switching back."""
    started = time.monotonic()
    target = engine()
    if backend is not None and backend != current_app.config.get("SEARCH_BACKEND", "whoosh"):
        try:
            target = BACKENDS[backend](current_app)
        except PostgresUnavailable as error:
            raise click.ClickException(str(error)) from None
    with click.progressbar(length=1, label="Indexation") as bar:

        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        count = target.rebuild(progress=progress)
    click.echo(f"{count} document(s) indexé(s) en {time.monotonic() - started:.1f} s")


@search_cli.command("sync")
def search_sync() -> None:
    """Apply pending changes (the outbox) to the index; for cron."""
    click.echo(f"{engine().sync()} changement(s) appliqué(s)")


@search_cli.command("check")
@click.option("--fix", is_flag=True, help="Reindex what is missing or stale, drop what is extra.")
def search_check(fix: bool) -> None:
    """Compare the index with the database; exit 1 if anything differs."""
    try:
        found = engine().check(fix=fix)
    except IndexUnavailable:
        raise click.ClickException(
            "Index absent ou illisible : lancez « flask search rebuild »."
        ) from None
    for name in ("missing", "stale", "extra"):
        ids = found[name]
        click.echo(
            f"{name}: {len(ids)}"
            + (f" ({', '.join(map(str, ids[:20]))}{' …' if len(ids) > 20 else ''})" if ids else "")
        )
    if any(found.values()):
        click.echo("corrigé" if fix else "incohérences trouvées")
        if not fix:
            raise SystemExit(1)


notifications_cli = AppGroup("notifications", help="Notifications et e-mails.")


@notifications_cli.command("send-digests")
def send_digests() -> None:
    """Send each member the digest due by their settings: daily kinds, and weekly kinds
    once a week has passed since their last weekly digest (run once a day from cron)."""
    notifications.process_events()
    click.echo(f"{notifications.send_digests()} résumé(s) envoyé(s)")


@notifications_cli.command("process")
def process_notifications() -> None:
    """Fan out pending events into notifications (normally done after each response)."""
    total = 0
    while done := notifications.process_events():
        total += done
    click.echo(f"{total} événement(s) traité(s)")


attachments_cli = AppGroup("attachments", help="Fichiers joints.")


@attachments_cli.command("process")
def process_attachments() -> None:
    """Process the pending uploads (variants, text); normally done after each response,
    run from cron when MEDIA_BACKGROUND is off. Each file is committed on its own."""
    total = 0
    while done := attachments.process_pending():
        total += done
    click.echo(f"{total} fichier(s) traité(s)")


@attachments_cli.command("check")
@click.option("--fix", is_flag=True, help="Delete the stored files that no row names.")
@click.option(
    "--older-than",
    type=click.IntRange(min=0),
    default=3600,
    show_default=True,
    help="With --fix, only files stored at least this many seconds ago (younger ones may "
    "belong to an upload still under way).",
)
def check_attachments(fix: bool, older_than: int) -> None:
    """Compare stored files with their rows; exit 1 if anything is left to do."""
    with unit_of_work():  # reads only; the block ends its transaction
        found = attachments.sweep(older_than_seconds=older_than, fix=fix)
    for name in ("orphans", "missing"):
        keys = found[name]
        shown = ", ".join(keys[:20]) + (" …" if len(keys) > 20 else "")
        click.echo(f"{name}: {len(keys)}" + (f" ({shown})" if keys else ""))
    if fix:
        click.echo(f"deleted: {len(found['deleted'])}")
    if found["missing"]:
        click.echo(
            "Des fichiers nommés en base manquent au stockage : restaurez-les depuis une "
            "sauvegarde (flask restore) ou supprimez les fichiers joints concernés."
        )
    if found["missing"] or len(found["orphans"]) > len(found["deleted"]):
        raise SystemExit(1)


calendar_cli = AppGroup("calendar", help="Calendrier du réseau.")


@calendar_cli.command("draft-reports")
def draft_reports() -> None:
    """Make the draft retour of each parcours session that has ended (idempotent: run it
    from cron every few minutes); its author is told after the commit."""
    total = 0
    while True:
        with unit_of_work():
            made = calendar.draft_reports_for_ended_sessions()
        total += len(made)
        if not made:
            break
    notifications.process_events()
    click.echo(f"{total} brouillon(s) de retour préparé(s)")


@calendar_cli.command("send-reminders")
def send_reminders() -> None:
    """E-mail the reminder (with the .ics) of events starting in the next two days to
    their registered members, once each (run from cron every hour)."""
    with unit_of_work():
        sent = calendar_reminders.send_reminders()
    click.echo(f"{sent} rappel(s) envoyé(s)")


parcours_cli = AppGroup("parcours", help="Parcours et suivi des projets.")


@parcours_cli.command("ask-follow-ups")
def ask_follow_ups() -> None:
    """Ask « Que sont devenus les projets ? » of the structures of each parcours that
    ended 3, 6 or 12 months ago and that nobody answered for yet (once per stage, safe on
    every server at once: run it from cron once a day); they are told after the commit."""
    with unit_of_work():
        made = follow_ups.ask_due()
    notifications.process_events()
    click.echo(f"{len(made)} parcours relancé(s)")


markup_cli = AppGroup("markup", help="Textes des membres (Markdown et HTML).")


@markup_cli.command("rerender")
@click.option("--dry-run", is_flag=True, help="Compter sans rien écrire.")
def markup_rerender(dry_run: bool) -> None:
    """Render every stored text again with today's renderer (after an upgrade that changed
    forum/markup.py: the release notes say so), writing only the HTML that differs; the
    search documents of what changed are queued again."""
    with unit_of_work():
        counts = rerender.rerender(dry_run=dry_run)
    if not dry_run:
        engine().sync()
    for label, (read, changed) in counts.items():
        verb = "à refaire" if dry_run else "refait(s)"
        click.echo(f"{label} : {read} lu(s), {changed} {verb}")


def init_app(app: Flask) -> None:
    app.cli.add_command(markup_cli)
    app.cli.add_command(parcours_cli)
    app.cli.add_command(calendar_cli)
    app.cli.add_command(attachments_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(notifications_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(bootstrap_command)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
