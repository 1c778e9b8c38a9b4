"""The network's calendar: /events/ (list, filters, past events), an event's page, its
form, registration, the list of registrations, and the iCalendar feeds."""

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

from forum import cache, once
from forum.access import posting_required
from forum.errors import limited_form
from forum.extensions import db
from forum.forms import choices
from forum.forms.calendar import (
    KIND_LABELS,
    ROLE_LABELS,
    ActionForm,
    EditEventForm,
    LinkReportForm,
    NewEventForm,
    RegisterForm,
)
from forum.i18n import current_locale, long_date
from forum.models import CalendarEvent, Report
from forum.models.calendar import WAITING
from forum.once import submitted_once
from forum.pagination import page_number
from forum.services import (
    Invalid,
    NotFound,
    RateLimited,
    affiliation,
    calendar_feeds,
    calendar_zones,
    form_data,
    lock_for_update,
    structures,
    territories,
)
from forum.services import calendar as cal
from forum.services import reports as report_rules

bp = Blueprint("calendar", __name__)
# Which clock an event's times are shown in (templates: `event_zone(e)`, an IANA name, and
# `zone_label(zone)`, « heure de La Réunion »), with the `datetime_in` filter.
bp.add_app_template_global(calendar_zones.event_zone, "event_zone")
bp.add_app_template_global(calendar_zones.zone_label, "zone_label")

ICS = "text/calendar; charset=utf-8"


def _ics(body: bytes, filename: str) -> Response:
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Type"] = ICS
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _event(event_id: int) -> CalendarEvent:
    try:
        return cal.get_event(event_id, current_user)
    except NotFound:
        abort(404)


def _organiser(event: CalendarEvent) -> None:
    if not cal.may_organise(current_user, event):
        abort(403)


def _filter_choices() -> dict:
    return {
        "regions": territories.regions(),
        "departments": territories.departments(),
        "structures": structures.all_structures(),
        "modules": form_data.modules(),
        "kinds": KIND_LABELS,
    }


@bp.get("/events/")
def index():
    """Upcoming events by month, soonest first, with the filters of the query string."""
    return _list(past=False)


@bp.get("/events/past")
def past():
    """Past events, latest first, with their retours."""
    return _list(past=True)


def _list(past: bool):
    filters = cal.Filters.from_args(request.args)
    page_no = page_number(request.args)
    member = bool(current_user.is_authenticated)

    def build() -> Markup:
        page = cal.list_events(filters, current_user, page_no, past=past)
        return Markup(
            render_template(
                "calendar/_list.html",
                page=page,
                months=cal.by_month(page.items),
                seats=cal.seat_counts([e.id for e in page.items]),
                filters=filters,
                past=past,
                **_filter_choices(),
            )
        )

    # The list is the same for every visitor (and every member) until the content changes
    # or, for what is « upcoming », until the next five minutes.
    window = cache.clock_window()
    key = (
        tuple(sorted(filters.to_args().items())),
        page_no,
        past,
        member,
        window,
        current_locale(),
    )
    listing = cache.memo("calendar.list", build, *key)
    return render_template(
        "calendar/index.html",
        listing=listing,
        filters=filters,
        past=past,
        years=(cal.FIRST_YEAR, cal.LAST_YEAR),
    )


@bp.get("/events.ics")
def feed():
    """The iCalendar feed of /events/ with the same filters (public events for visitors)."""
    filters = cal.Filters.from_args(request.args)
    member = bool(current_user.is_authenticated)

    def build() -> tuple[str, bytes]:
        name = calendar_feeds.feed_name(filters)  # each filter its own calendar name
        body = calendar_feeds.calendar_bytes(cal.feed_events(filters, current_user), name)
        return calendar_feeds.filename(name), body  # and its own file name

    # The same for every visitor (and every member) until the content changes: kept per
    # content stamp, filters, day (the feed starts FEED_PAST_DAYS back) and language.
    key = (
        tuple(sorted(filters.to_args().items())),
        member,
        cal.utcnow().date(),
        current_locale(),
    )
    filename, body = cache.memo("calendar.feed", build, *key)
    return _ics(body, filename)


@bp.get("/events/feed/<token>.ics")
def private_feed(token: str):
    """A member's private feed (their registrations and their structure's events), opened
    by its secret: 404 when the secret is wrong or revoked."""
    user = cal.user_for_feed_token(token)
    if user is None:
        abort(404)
    events, registered, waiting = cal.private_feed_events(user)
    with force_locale(user.locale or "fr"):  # a calendar application sends no session
        name = calendar_feeds.private_feed_name(user)
    body = calendar_feeds.calendar_bytes(events, name, registered, waiting)
    return _ics(body, calendar_feeds.filename(name))


@bp.get("/events/<int:event_id>")
def detail(event_id: int):
    """An event: when, where, who organises, registration, and its retour once written."""
    event = _event(event_id)
    registration = cal.registration_of(current_user, event)
    organiser = cal.may_organise(current_user, event)
    report = event.report
    return render_template(
        "calendar/detail.html",
        event=event,
        registration=registration,
        waiting_position=cal.waiting_position(registration),
        organiser=organiser,
        # The retour is linked for whoever may read it, by the reports' own rule (a draft:
        # its author and moderators); other organisers are told who holds the draft.
        report_readable=report is not None and report_rules.can_view(report, current_user),
        draft_elsewhere=organiser
        and report is not None
        and not report.is_published
        and report.deleted_at is None
        and not report_rules.can_view(report, current_user),
        confirmed=cal.confirmed_count(event.id),
        registrations=cal.registrations(event) if organiser else [],
        linkable=cal.linkable_reports(current_user)
        if organiser and event.report_id is None
        else [],
        register_form=RegisterForm(),
        action_form=ActionForm(),
        roles=dict(ROLE_LABELS),
        kinds=dict(KIND_LABELS),
        now=cal.utcnow(),
        ended=cal.has_ended(event),
    )


@bp.get("/events/<int:event_id>.ics")
def event_ics(event_id: int):
    """One event as iCalendar (its visio link only for a registered member or an
    organiser)."""
    event = _event(event_id)
    registration = cal.registration_of(current_user, event)
    status = registration.status if registration is not None else None
    registered = {event.id} if cal.may_see_link(current_user, event, status) else set()
    waiting = {event.id} if status == WAITING else set()
    body = calendar_feeds.calendar_bytes([event], event.title, registered, waiting)
    return _ics(body, calendar_feeds.event_filename(event))


def _form(form, event=None):
    """The event form with its choices: the structures and parcours the member may
    announce for (forum.services.affiliation), plus what the edited `event` carries."""
    form.fill_choices(
        territories.departments(),
        affiliation.structure_choices(current_user, event.structure if event else None),
        affiliation.parcours_choices(current_user, event.parcours if event else None),
        form_data.modules(),
    )
    return form


def _say_repeated_times(event: CalendarEvent) -> None:
    """Tell the organiser which of a time shown twice (the night the clocks go back) the
    event took: the first, summer time (forum.services.calendar_zones.to_utc)."""
    zone = calendar_zones.event_zone(event)
    for local in cal.repeated_times(event):
        first = calendar_zones.to_local(calendar_zones.to_utc(local, zone), zone)
        flash(
            _(
                "%(time)s le %(day)s arrive deux fois (retour à l’heure d’hiver) : le "
                "rendez-vous retient la première, à l’heure d’été (UTC%(offset)s), comme "
                "les agendas qui l’importent.",
                time=local.strftime("%H:%M"),
                day=long_date(local.date()),
                offset=first.strftime("%z")[:3],
            ),
            "info",
        )


@bp.route("/events/new", methods=["GET", "POST"])
@posting_required
@submitted_once
def create():
    """Announce an event (a parcours session, an échange de pratiques…)."""
    form = _form(NewEventForm())
    if request.method == "GET":
        form.structure.data = str(current_user.structure_id or "")
        if current_user.structure:
            form.department.data = current_user.structure.department_code
        if request.args.get("parcours", "").isdigit():
            form.parcours.data = request.args["parcours"]
            form.kind.data = "seance"
    status = 400 if request.method == "POST" else 200
    if form.validate_on_submit():
        try:
            once.claim()
            event = cal.create_event(current_user, form.to_input())
        except Invalid as error:
            getattr(form, error.field).errors.append(error.message)
        except RateLimited as error:  # the form comes back as typed, with the reason
            return limited_form(
                error, lambda: render_template("calendar/edit.html", form=form, event=None)
            )
        else:
            flash(_("Le rendez-vous est publié."), "success")
            if event.starts_at <= cal.utcnow():
                # Legitimate (a session recorded afterwards), but a mistyped year too: said.
                flash(
                    _(
                        "Ce rendez-vous est dans le passé : il est gardé pour mémoire, sans "
                        "inscriptions ni rappels. Si vous pensiez à une date à venir, "
                        "corrigez-la avec « Modifier »."
                    ),
                    "warning",
                )
            _say_repeated_times(event)
            return redirect(url_for("calendar.detail", event_id=event.id), code=303)
    return render_template("calendar/edit.html", form=form, event=None), status


@bp.route("/events/<int:event_id>/edit", methods=["GET", "POST"])
@posting_required
def edit(event_id: int):
    """Change an event (its organisers). A change of time or place tells the registered."""
    event = _event(event_id)
    _organiser(event)
    if event.cancelled:
        abort(409)
    form = _form(EditEventForm(), event)
    if request.method == "GET":
        form.fill_from(event)
        form.version.data = form.fingerprint()
    if form.validate_on_submit():
        lock_for_update(event)
        stored = _form(EditEventForm(formdata=None), event)
        stored.fill_from(event)
        if form.is_stale(stored) and (conflict := form.differences(stored)):
            form.version.data = stored.fingerprint()
            return render_template(
                "calendar/edit.html", form=form, event=event, conflict=conflict
            ), 409
        try:
            moved = cal.update_event(event, current_user, form.to_input())
        except Invalid as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            flash(
                _("Le rendez-vous est modifié ; les inscrits sont prévenus du changement.")
                if moved
                else _("Le rendez-vous est modifié."),
                "success",
            )
            _say_repeated_times(event)
            seated = cal.confirmed_count(event.id)
            if event.capacity is not None and seated > event.capacity:
                # Nobody loses a seat they hold: the organiser sees why the count is over.
                flash(
                    ngettext(
                        "%(n)d personnes ont déjà une place, plus que la %(num)d place "
                        "indiquée : personne n’est désinscrit, la liste d’attente attend "
                        "que des places se libèrent.",
                        "%(n)d personnes ont déjà une place, plus que les %(num)d places "
                        "indiquées : personne n’est désinscrit, la liste d’attente attend "
                        "que des places se libèrent.",
                        event.capacity,
                        n=seated,
                    ),
                    "warning",
                )
            return redirect(url_for("calendar.detail", event_id=event.id), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("calendar/edit.html", form=form, event=event), status


@bp.route("/events/<int:event_id>/cancel", methods=["GET", "POST"])
@posting_required
def cancel(event_id: int):
    """Cancel an event (its organisers): asked first (a page that works without
    JavaScript; a POST without the confirmation only shows the question), then the
    registered are told."""
    event = _event(event_id)
    _organiser(event)
    cal.check_cancellable(event)  # cancelled or ended: a 409 page that says why
    if request.method == "GET" or request.form.get("confirm") != "yes":
        return render_template(
            "main/confirm_delete.html",
            title=_("Annuler ce rendez-vous ?"),
            what=event.title,
            consequence=_(
                "Les personnes inscrites (%(n)d) seront prévenues ; le rendez-vous reste "
                "affiché, marqué « Annulé », et les agendas abonnés le voient annulé. "
                "L’annulation est définitive.",
                n=len(cal.registrations(event)),
            ),
            confirm_label=_("Oui, annuler le rendez-vous"),
            action=url_for("calendar.cancel", event_id=event.id),
            cancel=url_for("calendar.detail", event_id=event.id),
        )
    if not ActionForm().validate_on_submit():
        abort(400)
    cal.cancel_event(event, current_user)
    flash(_("Le rendez-vous est annulé ; les inscrits sont prévenus."), "success")
    return redirect(url_for("calendar.detail", event_id=event.id), code=303)


@bp.post("/events/<int:event_id>/register")
@posting_required
def register(event_id: int):
    """« Je viens », with a role: a seat, or the waiting list when the event is full."""
    event = _event(event_id)
    form = RegisterForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        registration = cal.register(current_user, event, form.role.data)
    except cal.AlreadyRegistered:  # a double click: the first one did it
        flash(_("Vous êtes déjà inscrit·e."), "info")
        return redirect(url_for("calendar.detail", event_id=event.id), code=303)
    if registration.status == "confirmed":
        flash(_("C’est noté : vous êtes inscrit·e."), "success")
    else:
        flash(
            _(
                "Le rendez-vous est complet : vous êtes sur la liste d’attente. Nous vous préviendrons si une place se libère."
            ),
            "info",
        )
    return redirect(url_for("calendar.detail", event_id=event.id), code=303)


@bp.post("/events/<int:event_id>/unregister")
@posting_required
def unregister(event_id: int):
    """Cancel one's own registration (until the start): the first waiting gets the seat,
    so a confirmed seat with people waiting is asked first (a POST without `confirm=yes`
    shows the question). Back to the event, or to « Mes inscriptions » when the form came
    from there."""
    event = _event(event_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    back = "mine" if request.form.get("back") == "mine" else ""
    waiting = cal.seat_would_go_to_someone(current_user, event)
    if waiting and request.form.get("confirm") != "yes":
        # A seat of a full event goes to the waiting list at once: asked first (no-JS page).
        return render_template(
            "main/confirm_delete.html",
            title=_("Libérer votre place ?"),
            what=event.title,
            consequence=ngettext(
                "%(num)d personne attend une place : la vôtre lui sera donnée tout de suite, "
                "et vous ne pourrez pas la reprendre si le rendez-vous reste complet.",
                "%(num)d personnes attendent une place : la vôtre ira à la première d’entre "
                "elles tout de suite, et vous ne pourrez pas la reprendre si le rendez-vous "
                "reste complet.",
                waiting,
            ),
            confirm_label=_("Oui, libérer ma place"),
            action=url_for("calendar.unregister", event_id=event.id),
            cancel=url_for("calendar.mine")
            if back
            else url_for("calendar.detail", event_id=event.id),
            hidden={"back": back} if back else {},
        )
    cal.unregister(current_user, event)
    flash(_("Votre inscription est annulée."), "success")
    if request.form.get("back") == "mine":
        return redirect(url_for("calendar.mine"), code=303)
    return redirect(url_for("calendar.detail", event_id=event.id), code=303)


@bp.get("/events/mine")
@login_required
def mine():
    """« Mes inscriptions »: the member's registrations, upcoming first (with their seat or
    place on the waiting list, and a button to cancel), then past ones."""
    upcoming, past = cal.my_registrations(current_user)
    return render_template(
        "calendar/mine.html",
        upcoming=upcoming,
        past=past,
        past_limit=cal.MINE_PAST_LIMIT,
        roles=dict(ROLE_LABELS),
        action_form=ActionForm(),
    )


@bp.post("/events/<int:event_id>/report")
@posting_required
def link_report(event_id: int):
    """Link a retour written without the event to it (organisers, authors of the retour)."""
    event = _event(event_id)
    _organiser(event)
    form = LinkReportForm()
    form.report.choices = choices(
        (r.id, r.title) for r in cal.linkable_reports(current_user, limit=500, linked_too=True)
    )
    if not form.validate_on_submit():
        abort(400)
    report = db.session.get(Report, int(form.report.data))
    cal.link_report(event, report, current_user)
    flash(_("Le retour est relié à ce rendez-vous."), "success")
    return redirect(url_for("calendar.detail", event_id=event.id), code=303)


@bp.get("/events/<int:event_id>/registrations.csv")
@login_required
def registrations_csv(event_id: int):
    """The list of registrations as CSV (organisers only)."""
    event = _event(event_id)
    _organiser(event)
    response = Response(cal.registrations_csv(event), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="inscriptions-{event.id}.csv"'
    return response


FEED_ADDRESS = "calendar_feed_token"  # the session key of a new secret, for one GET


@bp.route("/events/my-feed", methods=["GET", "POST"])
@login_required
def my_feed():
    """The member's private feed: make a new secret address (the old one stops), or
    revoke it. Post/Redirect/Get: the new address waits in the session for the next GET
    only, which shows it once (a refresh shows it no more, and makes no other one)."""
    form = ActionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        if request.form.get("action") == "revoke":
            cal.revoke_feed_token(current_user)
            session.pop(FEED_ADDRESS, None)
            flash(_("L’adresse de votre agenda privé ne fonctionne plus."), "success")
        else:
            token = cal.new_feed_token(current_user)
            session[FEED_ADDRESS] = token
        response = redirect(url_for("calendar.my_feed"), code=303)
    else:
        token = session.pop(FEED_ADDRESS, None)
        address = None
        owner = cal.user_for_feed_token(token) if token else None
        if owner is not None and owner.id == current_user.id:  # not replaced or revoked since
            address = url_for("calendar.private_feed", token=token, _external=True)
        response = make_response(
            render_template(
                "calendar/my_feed.html",
                form=form,
                address=address,
                active=address is not None or cal.has_feed_token(current_user),
            )
        )
    # A secret (or the way to one): kept by no cache, not even the browser's.
    response.headers["Cache-Control"] = "no-store"
    return response
