"""The parcours form."""

from wtforms import DateField, IntegerField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from forum import limits
from forum.forms import choices
from forum.forms.base import CreatingForm
from forum.forms.reports import MultiCheckboxField
from forum.i18n import lazy


class ParcoursForm(CreatingForm):
    title = StringField(
        lazy("Intitulé"),
        validators=[
            InputRequired(lazy("Indiquez l'intitulé.")),
            Length(min=limits.TITLE_MIN, max=limits.TITLE_MAX),
        ],
    )
    place = StringField(lazy("Lieu"), validators=[Optional(), Length(max=120)])
    department = SelectField(lazy("Département"), choices=[])
    start_date = DateField(
        lazy("Début"), validators=[InputRequired(lazy("Indiquez la date de début."))]
    )
    end_date = DateField(lazy("Fin"), validators=[Optional()])
    cohort_size = IntegerField(
        lazy("Taille de la cohorte"),
        validators=[
            InputRequired(lazy("Indiquez un nombre entre 0 et 500.")),
            NumberRange(0, 500, lazy("Indiquez un nombre entre 0 et 500.")),
        ],
    )
    structures = MultiCheckboxField(lazy("Structures qui le portent"), choices=[])

    def fill_choices(self, departments, structures) -> None:
        self.department.choices = choices((d.code, f"{d.code} — {d.name}") for d in departments)
        self.structures.choices = choices((s.id, s.name) for s in structures)
