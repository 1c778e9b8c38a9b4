"""The forms of the calendar: an event, a registration."""

import re
from datetime import date, datetime

from flask_babel import gettext as _
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from forum import limits
from forum.forms import choices
from forum.forms.base import CreatingForm, EditingForm, MaillageForm, WholeNumber, WholeNumberField
from forum.forms.reports import MultiCheckboxField
from forum.i18n import lazy
from forum.services.calendar import ROLE_LABELS, EventInput, local_times

KIND_LABELS = (
    ("seance", lazy("Séance de parcours")),
    ("echange", lazy("Échange de pratiques")),
    ("transfert", lazy("Journée de transfert / formation")),
    ("autre", lazy("Autre rendez-vous")),
)
TIME_FORMAT = "%Y-%m-%dT%H:%M"  # what a browser's datetime-local sends and shows
# What a person may type in a text box (browsers without datetime-local show one), read
# with datetime.strptime after `_normalised`: the ISO forms (seconds allowed, dropped) and
# the French ones, « 18/03/2027 14:00 », « 18/03/2027 14h00 », « 18/03/2027 14h ».
INPUT_FORMATS = (
    TIME_FORMAT,
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %Hh%M",
    "%d/%m/%Y %Hh",
)
_DATE_SHAPES = (
    re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
)


def _normalised(typed: str) -> str:
    """`typed` with its spaces (no-break ones too) made single, « H » made « h », and the
    words and spaces French puts around an hour left out, a day typed with « - » or « . »
    written with « / »: « 18-03-2027 à 14 h 00 » -> « 18/03/2027 14h00 »."""
    text = " ".join(typed.replace("\u00a0", " ").replace("\u202f", " ").split())
    text = re.sub(r"\s+(?:à|a)\s+", " ", text.replace("H", "h"))
    # « 18-03-2027 », « 18.03.2027 »: the day first, as the date fields take it too
    text = re.sub(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?!\d)", r"\1/\2/\3", text)
    return re.sub(r"(\d)\s*h\s*(\d|$)", r"\1h\2", text)


def parse_local_time(typed: str) -> datetime:
    """A date and time as a person or a browser writes it (INPUT_FORMATS), to the
    minute (seconds dropped). Raises ValueError with a French message: for a date that
    does not exist (« 31/02/2027 »), or anything else, with an example a year ahead."""
    text = _normalised(typed)
    for fmt in INPUT_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(second=0, microsecond=0)
        except ValueError:
            continue
    for shape in _DATE_SHAPES:
        found = shape.match(text)
        if found:
            day, month, year = (int(found.group(k)) for k in "dmy")
            try:
                date(year, month, day)
            except ValueError:
                raise ValueError(
                    _(
                        "Le %(date)s n’existe pas : vérifiez le jour et le mois.",
                        date=f"{day:02d}/{month:02d}/{year}",
                    )
                ) from None
    example = f"18/03/{date.today().year + 1} 14:00"
    raise ValueError(_("Indiquez la date et l’heure, par exemple %(example)s.", example=example))


class LocalTimeField(DateTimeLocalField):
    """A wall-clock time of the event's place (naive): a browser's datetime-local
    (`YYYY-MM-DDTHH:MM`), or a date and time typed as French writes them
    (`parse_local_time`); a French message when it does not parse."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format=[TIME_FORMAT], **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        typed = " ".join(valuelist).strip()
        if not typed:
            self.data = None
            return
        try:
            self.data = parse_local_time(typed)
        except ValueError:
            self.data = None
            raise


class EventFields(MaillageForm):
    """The fields of the URL and form contract of issue 15 (plus « Inscriptions fermées »)."""

    kind = SelectField(lazy("Type de rendez-vous"), choices=choices(KIND_LABELS))
    title = StringField(
        lazy("Intitulé"),
        validators=[
            InputRequired(lazy("Indiquez l’intitulé.")),
            Length(min=limits.TITLE_MIN, max=limits.TITLE_MAX),
        ],
    )
    starts_at = LocalTimeField(
        lazy("Début"), validators=[InputRequired(lazy("Indiquez la date et l’heure de début."))]
    )
    ends_at = LocalTimeField(
        lazy("Fin"), validators=[InputRequired(lazy("Indiquez la date et l’heure de fin."))]
    )
    department = SelectField(lazy("Département"), choices=[])
    commune = StringField(lazy("Commune"), validators=[Optional(), Length(max=120)])
    online = BooleanField(lazy("En ligne (visio)"))
    online_url = StringField(
        lazy("Lien de la visio (montré aux seuls inscrits)"),
        validators=[Optional(), Length(max=500)],
    )
    structure = SelectField(lazy("Structure organisatrice"), choices=[])
    parcours = SelectField(lazy("Parcours"), choices=[])
    session_number = WholeNumberField(
        lazy("Numéro de la séance (1 à 6)"),
        # One message for « 2.5 », « 0 » and « 9 »: a session has a number from 1 to 6.
        validators=[Optional(), WholeNumber(1, 6, *[lazy("Indiquez un numéro de 1 à 6.")] * 3)],
    )
    modules = MultiCheckboxField(lazy("Modules du kit"), choices=[])
    capacity = WholeNumberField(
        lazy("Places (vide : sans limite)"),
        validators=[
            Optional(),
            WholeNumber(
                1,
                limits.EVENT_CAPACITY_MAX,
                not_whole=lazy("Indiquez un nombre entier."),
                too_small=lazy("Indiquez au moins une place, ou laissez vide."),
                too_large=lazy("Indiquez au plus 10 000 places, ou laissez vide (sans limite)."),
            ),
        ],
    )
    visibility = SelectField(
        lazy("Qui peut le voir"),
        choices=choices(
            (("public", lazy("Tout le monde")), ("members", lazy("Les membres seulement")))
        ),
    )
    registration_closed = BooleanField(lazy("Inscriptions fermées"))
    description = TextAreaField(lazy("Description"), validators=[Optional(), Length(max=20_000)])

    def fill_choices(self, departments, structures, parcours, modules) -> None:
        self.department.choices = choices(
            [("", lazy("— (en ligne seulement)"))]
            + [(d.code, f"{d.code} — {d.name}") for d in departments]
        )
        self.structure.choices = choices(
            [("", lazy("— aucune"))] + [(s.id, s.name) for s in structures]
        )
        self.parcours.choices = choices(
            [("", lazy("— aucun"))] + [(p.id, p.title) for p in parcours]
        )
        self.modules.choices = choices((m.slug, f"{m.position}. {m.title}") for m in modules)

    def fill_from(self, event) -> None:
        """The form as stored (wall-clock times of the event's place: `local_times`)."""
        self.kind.data = event.kind
        self.title.data = event.title
        starts_at, ends_at = local_times(event)
        self.starts_at.data = starts_at.replace(tzinfo=None)
        self.ends_at.data = ends_at.replace(tzinfo=None)
        self.department.data = event.department_code or ""
        self.commune.data = event.commune
        self.online.data = event.online
        self.online_url.data = event.online_url
        self.structure.data = str(event.structure_id) if event.structure_id else ""
        self.parcours.data = str(event.parcours_id) if event.parcours_id else ""
        self.session_number.data = event.session_number
        self.modules.data = [m.slug for m in event.modules]
        self.capacity.data = event.capacity
        self.visibility.data = event.visibility
        self.registration_closed.data = not event.registration_open
        self.description.data = event.description_md

    def to_input(self) -> EventInput:
        return EventInput(
            kind=self.kind.data,
            title=self.title.data,
            starts_at=self.starts_at.data,
            ends_at=self.ends_at.data,
            department=self.department.data or "",
            commune=self.commune.data or "",
            online=bool(self.online.data),
            online_url=self.online_url.data or "",
            structure_id=int(self.structure.data) if self.structure.data else None,
            parcours_id=int(self.parcours.data) if self.parcours.data else None,
            session_number=self.session_number.data,
            modules=list(self.modules.data or []),
            capacity=self.capacity.data,
            visibility=self.visibility.data,
            description=self.description.data or "",
            registration_open=not self.registration_closed.data,
        )


class NewEventForm(CreatingForm, EventFields):
    """Creating an event (one-time token: a double click creates it once)."""


class EditEventForm(EditingForm, EventFields):
    """Changing an event (version: a stale save is refused, both texts kept)."""


class RegisterForm(MaillageForm):
    role = SelectField(lazy("Je viens en tant que"), choices=choices(ROLE_LABELS))


class LinkReportForm(MaillageForm):
    report = SelectField(lazy("Retour à relier"), choices=[])


class ActionForm(MaillageForm):
    """A button that changes something (unregister, cancel, feed address): CSRF only."""
