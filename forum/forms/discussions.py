"""Forms for discussions, replies, edits and flags."""

from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from forum import limits
from forum.forms import choices
from forum.forms.base import CreatingForm, EditingForm, MaillageForm
from forum.forms.reports import MultiCheckboxField
from forum.i18n import lazy


class DiscussionForm(CreatingForm):
    title = StringField(
        lazy("Titre"),
        validators=[
            DataRequired(lazy("Donnez un titre à la discussion.")),
            Length(
                min=limits.TITLE_MIN,
                max=limits.TITLE_MAX,
                message=lazy("Le titre doit compter de 3 à 200 caractères."),
            ),
        ],
    )
    category = SelectField(lazy("Catégorie"), choices=[])
    body = TextAreaField(lazy("Message"), validators=[DataRequired(lazy("Le message est vide."))])
    tags = MultiCheckboxField(lazy("Défis"), choices=[])
    modules = MultiCheckboxField(lazy("Modules du kit concernés"), choices=[])
    reports = StringField(
        lazy("Retours d'expérience liés"),
        validators=[Optional(), Length(max=500)],
    )

    def fill_choices(self, categories, tags, modules) -> None:
        self.category.choices = choices((c.slug, c.name) for c in categories)
        self.tags.choices = choices((t.slug, t.label) for t in tags)
        self.modules.choices = choices((m.slug, f"{m.position}. {m.title}") for m in modules)


class ReplyForm(CreatingForm):
    body = TextAreaField(
        lazy("Votre réponse"), validators=[DataRequired(lazy("Le message est vide."))]
    )
    parent_id = HiddenField()


class PostEditForm(EditingForm):
    body = TextAreaField(lazy("Message"), validators=[DataRequired(lazy("Le message est vide."))])


class FlagForm(CreatingForm):
    reason = TextAreaField(
        lazy("Pourquoi signalez-vous ce message ?"),
        validators=[
            DataRequired(lazy("Indiquez la raison du signalement.")),
            Length(max=limits.REASON_MAX),
        ],
    )


class HideForm(MaillageForm):
    reason = TextAreaField(
        lazy("Motif (communiqué à l'auteur du message)"),
        validators=[
            DataRequired(lazy("Indiquez le motif : il sera communiqué à l'auteur.")),
            Length(max=limits.REASON_MAX),
        ],
    )
    next = HiddenField()


class MoveForm(MaillageForm):
    category = SelectField(lazy("Déplacer vers"), choices=[], validators=[Optional()])


class CategoryForm(CreatingForm, EditingForm):
    name = StringField(
        lazy("Nom"), validators=[DataRequired(lazy("Indiquez le nom.")), Length(max=120)]
    )
    description = TextAreaField(lazy("Description"), validators=[Length(max=2000)])
