"""Admin forms for kit modules and moderator forms for tags."""

from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from forum import limits
from forum.forms.base import CreatingForm, EditingForm, MaillageForm
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


class TagForm(EditingForm):
    label = StringField(
        lazy("Nom du défi"),
        validators=[
            InputRequired(lazy("Indiquez le nom.")),
            Length(min=limits.TAG_LABEL_MIN, max=limits.TAG_LABEL_MAX),
        ],
    )
    description = TextAreaField(lazy("Description"), validators=[Length(max=2000)])
    approved = BooleanField(
        lazy("Validé (proposé à tous dans les formulaires et la liste des défis)")
    )


class TagMergeForm(MaillageForm):
    target = SelectField(lazy("Fusionner dans"), choices=[])
