"""The admins' structure form."""

from wtforms import SelectField, StringField, TextAreaField, URLField
from wtforms.validators import URL, InputRequired, Length, Optional

from forum.forms import choices
from forum.forms.base import CreatingForm, EditingForm
from forum.i18n import lazy
from forum.models import STRUCTURE_KINDS

KIND_LABELS = {
    "incubateur": lazy("Incubateur"),
    "tiers-lieu": lazy("Tiers-lieu"),
    "association": lazy("Association"),
    "pole-territorial": lazy("Pôle territorial"),
    "collectivite": lazy("Collectivité"),
    "autre": lazy("Autre"),
}


def department_choices(departments) -> list[tuple[str, str]]:
    return choices((d.code, f"{d.code} — {d.name}") for d in departments)


class StructureForm(CreatingForm, EditingForm):
    name = StringField(
        lazy("Nom"), validators=[InputRequired(lazy("Indiquez le nom.")), Length(max=200)]
    )
    kind = SelectField(lazy("Type"), choices=choices((k, KIND_LABELS[k]) for k in STRUCTURE_KINDS))
    department = SelectField(lazy("Département"), choices=[])
    website = URLField(
        lazy("Site web"),
        validators=[
            Optional(),
            URL(require_tld=True, message=lazy("Adresse web invalide.")),
            Length(max=300),
        ],
    )
    description = TextAreaField(lazy("Description"), validators=[Length(max=5000)])
