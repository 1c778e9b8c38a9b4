"""Admin forms for kit modules."""

from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from forum.forms.base import CreatingForm, EditingForm
from forum.i18n import lazy


class ModuleForm(CreatingForm, EditingForm):
    title = StringField(
        lazy("Titre"), validators=[InputRequired(lazy("Indiquez le titre.")), Length(max=200)]
    )
    summary = TextAreaField(lazy("Résumé"), validators=[Length(max=2000)])
    objectives = TextAreaField(lazy("Objectifs (un par ligne)"), validators=[Length(max=5000)])
    description = TextAreaField(lazy("Description"), validators=[Length(max=100_000)])
    tools = TextAreaField(
        lazy("Outils d'animation suggérés (un par ligne)"), validators=[Length(max=5000)]
    )
