"""The report form (fields named as in the URL and form contract)."""

from datetime import date

from wtforms import (
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from forum import limits
from forum.forms import choices
from forum.forms.base import CreatingForm, DayField, EditingForm, WholeNumber, WholeNumberField
from forum.i18n import lazy
from forum.models import SECTIONS
from forum.services.reports import ReportInput
from forum.services.tags import parse_new_tags

FORMAT_LABELS = {
    "presentiel": lazy("Présentiel"),
    "distanciel": lazy("Distanciel"),
    "hybride": lazy("Hybride"),
}
SECTION_LABELS = {
    "context": lazy("Contexte"),
    "proceedings": lazy("Déroulé"),
    "worked": lazy("Ce qui a marché"),
    "difficulties": lazy("Difficultés"),
    "advice": lazy("Conseils"),
}
SECTION_HINTS = {
    "context": lazy(
        "Le territoire, la structure, les porteurs présents, leurs projets, la place de la séance dans le parcours."
    ),
    "proceedings": lazy("Le déroulé de la demi-journée : temps, outils d'animation, consignes."),
    "worked": lazy("Ce qui a fonctionné, et pourquoi selon vous."),
    "difficulties": lazy("Ce qui a coincé : imprévus, outils mal reçus, absences, contraintes."),
    "advice": lazy("Ce que vous conseilleriez à une autre structure qui anime ce module."),
}


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def not_in_future(form, field):
    if field.data and field.data > date.today():
        raise ValidationError(lazy("La date de la séance ne peut pas être dans le futur."))


def at_most_100_kb(form, field):
    if field.data and len(field.data.encode()) > limits.SECTION_MAX_BYTES:
        raise ValidationError(lazy("Cette partie dépasse 100 Ko."))


def section_field(name: str) -> TextAreaField:
    return TextAreaField(SECTION_LABELS[name], validators=[Optional(), at_most_100_kb])


class ReportForm(CreatingForm, EditingForm):
    title = StringField(
        lazy("Titre"),
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
        validators=[
            DataRequired(lazy("Donnez un titre à votre retour.")),
            Length(
                min=limits.TITLE_MIN,
                max=limits.TITLE_MAX,
                message=lazy("Le titre doit compter de 3 à 200 caractères."),
            ),
        ],
    )
    session_date = DayField(
        lazy("Date de la séance"),
        validators=[InputRequired(lazy("Indiquez la date de la séance.")), not_in_future],
    )
    department = SelectField(
        lazy("Département"),
        choices=[],
        validators=[InputRequired(lazy("Choisissez le département."))],
    )
    structure = SelectField(lazy("Structure"), choices=[])
    parcours = SelectField(lazy("Parcours"), choices=[])
    modules = MultiCheckboxField(
        lazy("Modules du kit"),
        choices=[],
        validators=[InputRequired(lazy("Choisissez au moins un module du kit."))],
    )
    format = SelectField(
        lazy("Format"), choices=choices(FORMAT_LABELS.items()), default="presentiel"
    )
    participants = WholeNumberField(
        lazy("Nombre de porteurs présents"),
        # Empty is allowed in a draft (e.g. the one made after a session, issue 15);
        # publishing asks for it (services/reports.py:_require_participants).
        validators=[
            Optional(),
            WholeNumber(
                0,
                500,
                not_whole=lazy("Indiquez un nombre entier de porteurs."),
                too_small=lazy("Indiquez un nombre entre 0 et 500."),
                too_large=lazy("Indiquez un nombre entre 0 et 500."),
            ),
        ],
    )
    context = section_field("context")
    proceedings = section_field("proceedings")
    worked = section_field("worked")
    difficulties = section_field("difficulties")
    advice = section_field("advice")
    tags = MultiCheckboxField(lazy("Défis rencontrés"), choices=[])
    quotable = MultiCheckboxField(
        lazy("Parties citables dans un bilan"),
        # Its own words, not the section's bare name: « Contexte » already names the
        # section's text box, and two controls must not share an accessible name.
        choices=choices(
            (name, lazy("Citer la partie « %(section)s »", section=SECTION_LABELS[name]))
            for name in SECTIONS
        ),
    )
    new_tags = StringField(
        lazy("Proposer d'autres défis"), validators=[Optional(), Length(max=400)]
    )

    def fill_choices(self, departments, structures, parcours, modules, tags) -> None:
        self.department.choices = choices(
            [("", lazy("— Choisir —"))] + [(d.code, f"{d.code} — {d.name}") for d in departments]
        )
        self.structure.choices = choices(
            [("", lazy("— Aucune —"))] + [(s.id, s.name) for s in structures]
        )
        self.parcours.choices = choices(
            [("", lazy("— Aucun —"))] + [(p.id, p.title) for p in parcours]
        )
        self.modules.choices = choices((m.slug, f"{m.position}. {m.title}") for m in modules)
        self.tags.choices = choices((t.slug, t.label) for t in tags)

    def to_input(self, action: str) -> ReportInput:
        return ReportInput(
            title=self.title.data,
            session_date=self.session_date.data,
            department=self.department.data,
            structure_id=int(self.structure.data) if self.structure.data else None,
            parcours_id=int(self.parcours.data) if self.parcours.data else None,
            modules=list(self.modules.data or []),
            format=self.format.data,
            participants=self.participants.data,
            tags=list(self.tags.data or []),
            new_tags=parse_new_tags(self.new_tags.data or ""),
            sections={name: getattr(self, name).data or "" for name in SECTIONS},
            publish=action == "publish",
            quotable=list(self.quotable.data or []),
        )

    def load(self, report) -> None:
        """Fill the form from a stored report (for editing)."""
        self.title.data = report.title
        self.session_date.data = report.session_date
        self.department.data = report.department_code
        self.structure.data = str(report.structure_id or "")
        self.parcours.data = str(report.parcours_id or "")
        self.modules.data = [m.slug for m in report.modules]
        self.format.data = report.format
        self.participants.data = report.participants
        self.tags.data = [t.slug for t in report.tags]
        self.quotable.data = report.quotable_sections
        for name in SECTIONS:
            getattr(self, name).data = report.section_md(name)
