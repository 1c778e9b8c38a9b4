"""Moderator forms for challenge tags."""

from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from forum import limits
from forum.forms.base import EditingForm, MaillageForm
from forum.i18n import lazy


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
