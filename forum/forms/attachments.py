"""The upload form of a report or a message (the file itself is read from request.files:
the base form reads text fields only)."""

from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import Length

from forum.forms.base import CreatingForm
from forum.forms.reports import SECTION_LABELS
from forum.i18n import lazy


class AttachmentForm(CreatingForm):
    """`file` (request.files, one or several), `alt`, `section`, `consent`."""

    alt = StringField(
        lazy("Description de l'image"),
        validators=[Length(max=300, message=lazy("300 caractères au plus."))],
        description=lazy(
            "Obligatoire pour une image : une phrase pour qui ne la voit pas (lecteur "
            "d'écran, connexion lente). Par exemple : « Le tableau des idées après le tour "
            "de table »."
        ),
    )
    section = SelectField(lazy("Partie du retour"), choices=[], default="")
    consent = BooleanField(lazy("Les personnes reconnaissables sur la photo ont donné leur accord"))

    def for_report(self) -> "AttachmentForm":
        """Offer the report's five sections (or the report as a whole)."""
        self.section.choices = [("", lazy("Le retour entier"))] + [
            (key, label) for key, label in SECTION_LABELS.items()
        ]
        return self

    def for_post(self) -> "AttachmentForm":
        """A message has no sections."""
        self.section.choices = [("", "")]
        return self
