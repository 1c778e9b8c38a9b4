"""The parcours forms: declaring one (with its sessions), changing one."""

from wtforms import SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional

from forum import limits
from forum.forms import choices
from forum.forms.base import (
    CreatingForm,
    DayField,
    EditingForm,
    MaillageForm,
    WholeNumber,
    WholeNumberField,
)
from forum.forms.calendar import LocalTimeField
from forum.forms.reports import MultiCheckboxField
from forum.i18n import lazy


class ParcoursFields(MaillageForm):
    """What a parcours is: declared on /parcours/new, changed on its edit page."""

    title = StringField(
        lazy("Intitulé"),
        validators=[
            InputRequired(lazy("Indiquez l'intitulé.")),
            Length(min=limits.TITLE_MIN, max=limits.TITLE_MAX),
        ],
    )
    place = StringField(lazy("Lieu"), validators=[Optional(), Length(max=120)])
    # « — Choisir — » first, as on the report form: a list that opened on « 01 — Ain »
    # declared parcours in the Ain that nobody had chosen (a fresh tester).
    department = SelectField(
        lazy("Département"),
        choices=[],
        validators=[InputRequired(lazy("Choisissez le département du parcours."))],
    )
    start_date = DayField(
        lazy("Début"), validators=[InputRequired(lazy("Indiquez la date de début."))]
    )
    end_date = DayField(lazy("Fin"), validators=[Optional()])
    # 0 stays allowed: it means « not known yet », a parcours declared before its cohort
    # is complete; the bilan then counts the largest attendance of its sessions instead
    # (forum.services.activity.porteurs_reached) and a follow-up is bounded by
    # MAX_PROJECTS (forum.services.follow_ups). An empty field is still refused, with a
    # message saying what is missing and what to type when the number is not known.
    cohort_size = WholeNumberField(
        lazy("Taille de la cohorte"),
        validators=[
            InputRequired(
                lazy(
                    "Indiquez le nombre de porteurs de la cohorte (0 s’il n’est pas encore connu)."
                )
            ),
            WholeNumber(
                0,
                500,
                not_whole=lazy("Indiquez un nombre entier de porteurs."),
                too_small=lazy("Indiquez un nombre entre 0 et 500."),
                too_large=lazy("Indiquez un nombre entre 0 et 500."),
            ),
        ],
    )
    structures = MultiCheckboxField(lazy("Structures qui le portent"), choices=[])

    def fill_choices(self, departments, structures) -> None:
        self.department.choices = choices(
            [("", lazy("— Choisir —"))] + [(d.code, f"{d.code} — {d.name}") for d in departments]
        )
        self.structures.choices = choices((s.id, s.name) for s in structures)

    def values(self) -> dict:
        """The fields as forum.services.parcours takes them (create_parcours,
        update_parcours), by keyword."""
        return {
            "title": self.title.data,
            "place": self.place.data or "",
            "department": self.department.data,
            "start_date": self.start_date.data,
            "end_date": self.end_date.data,
            "cohort_size": self.cohort_size.data,
            "structure_ids": [int(i) for i in self.structures.data],
        }


class ParcoursForm(CreatingForm, ParcoursFields):
    """Declaring a parcours, its sessions in the calendar at once."""

    # Issue 15: its six sessions in the calendar at once (each optional, a half-day of
    # three hours from the time given, Europe/Paris).
    session_1 = LocalTimeField(lazy("Séance 1"), validators=[Optional()])
    session_2 = LocalTimeField(lazy("Séance 2"), validators=[Optional()])
    session_3 = LocalTimeField(lazy("Séance 3"), validators=[Optional()])
    session_4 = LocalTimeField(lazy("Séance 4"), validators=[Optional()])
    session_5 = LocalTimeField(lazy("Séance 5"), validators=[Optional()])
    session_6 = LocalTimeField(lazy("Séance 6"), validators=[Optional()])

    def session_starts(self) -> dict[int, object]:
        """{session number: its start (naive, Europe/Paris)} for the dates filled in."""
        return {n: self[f"session_{n}"].data for n in range(1, 7) if self[f"session_{n}"].data}


class EditParcoursForm(EditingForm, ParcoursFields):
    """Changing a parcours; its sessions are changed one by one in the calendar."""

    def load(self, parcours) -> None:
        """Fill the form with what is stored."""
        self.title.data = parcours.title
        self.place.data = parcours.place
        self.department.data = parcours.department_code
        self.start_date.data = parcours.start_date
        self.end_date.data = parcours.end_date
        self.cohort_size.data = parcours.cohort_size
        self.structures.data = [str(s.id) for s in parcours.structures]
