"""« Que sont devenus les projets ? », the follow-up form of a parcours (issue 16)."""

from flask_babel import gettext as _
from wtforms import HiddenField, IntegerField, TextAreaField
from wtforms.validators import Length, Optional, StopValidation

from forum.forms import choices
from forum.forms.base import MaillageForm
from forum.forms.reports import MultiCheckboxField
from forum.i18n import lazy
from forum.services.follow_ups import MAX_PROJECTS, UNCHECKED, FollowUpInput


class _Count:
    """One message per bad count, the right one (the tester saw three at once for
    « abc »: not an integer, positive or zero, at most 500): a whole number ≥ 0 and at
    most MAX_PROJECTS."""

    def __call__(self, form, field) -> None:
        field.errors[:] = []  # IntegerField's own « Not a valid integer value »
        if field.data is None or field.data < 0:
            raise StopValidation(_("Indiquez un nombre entier positif ou nul."))
        if field.data > MAX_PROJECTS:
            raise StopValidation(_("Au plus %(max)s projets.", max=MAX_PROJECTS))


def _count(label):
    return IntegerField(label, default=0, validators=[_Count()])


class FollowUpForm(MaillageForm):
    abandoned = _count(lazy("Projets abandonnés"))
    maturing = _count(lazy("Projets en maturation"))
    started = _count(lazy("Projets lancés"))
    oriented = _count(lazy("Projets orientés ailleurs"))
    oriented_to = MultiCheckboxField(lazy("Orientés vers"), choices=[])
    comment = TextAreaField(lazy("Commentaire"), validators=[Optional(), Length(max=4000)])
    # The answer the form started from (its id; empty for the first one): two members
    # answering at once do not silently overwrite each other (follow_ups.record).
    based_on = HiddenField()

    def fill_choices(self, labels: dict[str, str]) -> None:
        self.oriented_to.choices = choices(labels.items())

    def load(self, answer) -> None:
        """Start from the latest answer (a second answer updates it; both are kept)."""
        for name in ("abandoned", "maturing", "started", "oriented", "comment"):
            getattr(self, name).data = getattr(answer, name)
        self.oriented_to.data = [v for v in answer.oriented_to.split(",") if v]
        self.based_on.data = str(answer.id)

    def started_from(self) -> int | None | str:
        """The id of the answer the form was loaded with, None when it was the first
        answer, follow_ups.UNCHECKED when the POST carries no such field (a script)."""
        if not self.based_on.raw_data:
            return UNCHECKED
        value = (self.based_on.data or "").strip()
        return int(value) if value.isdigit() else None

    def to_input(self) -> FollowUpInput:
        return FollowUpInput(
            abandoned=self.abandoned.data,
            maturing=self.maturing.data,
            started=self.started.data,
            oriented=self.oriented.data,
            oriented_to=list(self.oriented_to.data or []),
            comment=self.comment.data or "",
        )
