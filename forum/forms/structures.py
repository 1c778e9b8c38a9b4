"""Structure forms: the moderators' edit form, a member's proposal, a merge, a message."""

from flask_babel import gettext
from wtforms import BooleanField, SelectField, StringField, TextAreaField, URLField
from wtforms.validators import URL, InputRequired, Length, Optional

from forum import limits
from forum.forms import choices
from forum.forms.base import CreatingForm, EditingForm, MaillageForm
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


def department_choices(departments, empty: bool = False) -> list[tuple[str, str]]:
    """Départements by INSEE code; with `empty`, a first « choose » option."""
    first = [("", lazy("— Choisir le département —"))] if empty else []
    return choices(first + [(d.code, f"{d.code} — {d.name}") for d in departments])


def website_field():
    """An optional web address (http or https, with a domain)."""
    return URLField(
        lazy("Site web"),
        validators=[
            Optional(),
            URL(require_tld=True, message=lazy("Adresse web invalide.")),
            Length(max=300, message=lazy("300 caractères au plus.")),
        ],
    )


class ProposalFields:
    """What a member says of the structure they propose (at registration or later)."""

    name = StringField(
        lazy("Nom de la structure"),
        validators=[
            InputRequired(lazy("Indiquez le nom de la structure.")),
            Length(
                min=limits.STRUCTURE_NAME_MIN,
                max=limits.STRUCTURE_NAME_MAX,
                message=lazy("Le nom compte de 2 à 200 caractères."),
            ),
        ],
    )
    kind = SelectField(
        lazy("Type de structure"),
        choices=choices((k, KIND_LABELS[k]) for k in STRUCTURE_KINDS),
        default="autre",
    )
    department = SelectField(
        lazy("Département"),
        choices=[],
        validators=[InputRequired(lazy("Choisissez le département de la structure."))],
    )
    commune = StringField(
        lazy("Commune"),
        validators=[Length(max=120, message=lazy("120 caractères au plus."))],
    )
    website = website_field()
    description = TextAreaField(
        lazy("Présentation courte"),
        validators=[Length(max=1000, message=lazy("1 000 caractères au plus."))],
    )

    PROPOSAL_FIELDS = ("name", "kind", "department", "commune", "website", "description")

    def proposal(self) -> dict:
        """The validated fields, as the structures service takes them."""
        return dict(
            name=self.name.data,
            kind=self.kind.data,
            department_code=self.department.data,
            commune=self.commune.data or "",
            website=self.website.data or "",
            description=self.description.data or "",
        )


class ProposalForm(ProposalFields, CreatingForm):
    """A member proposes their structure (/structures/propose). A member who already
    belongs to one confirms that they leave it (`leave_current`)."""

    leave_current = BooleanField(lazy("Je quitte ma structure actuelle pour celle que je propose"))

    def confirms_leaving(self, current) -> bool:
        """False, with a French error on `leave_current`, when the member belongs to
        `current` (a Structure, or None) and did not tick the box."""
        if current is None or self.leave_current.data:
            return True
        self.leave_current.errors.append(
            gettext(
                "Vous êtes membre de «\u00a0%(name)s\u00a0» : cochez la case pour la quitter "
                "et rejoindre la structure que vous proposez.",
                name=current.name,
            )
        )
        return False


class StructureForm(CreatingForm, EditingForm):
    name = StringField(
        lazy("Nom"), validators=[InputRequired(lazy("Indiquez le nom.")), Length(max=200)]
    )
    kind = SelectField(lazy("Type"), choices=choices((k, KIND_LABELS[k]) for k in STRUCTURE_KINDS))
    department = SelectField(lazy("Département"), choices=[])
    commune = StringField(
        lazy("Commune"), validators=[Length(max=120, message=lazy("120 caractères au plus."))]
    )
    website = website_field()
    description = TextAreaField(lazy("Description"), validators=[Length(max=5000)])


class MergeForm(MaillageForm):
    """A moderator merges a proposed structure into an existing one."""

    target = SelectField(
        lazy("Fusionner dans"),
        choices=[],
        validators=[InputRequired(lazy("Choisissez la structure qui reste."))],
    )

    def set_targets(self, structures) -> None:
        """Offer the validated structures (the view leaves the proposal itself out)."""
        self.target.choices = choices(
            [("", lazy("— Choisir une structure validée —"))] + [(s.id, s.name) for s in structures]
        )


class ReferentForm(MaillageForm):
    """Moderators name the référent·e of a structure among its members."""

    member = SelectField(
        lazy("Référent·e"),
        choices=[],
        validators=[InputRequired(lazy("Choisissez un membre de la structure."))],
    )

    def set_members(self, members) -> None:
        """Offer the structure's members."""
        self.member.choices = choices(
            [("", lazy("— Choisir un membre —"))] + [(m.id, m.display_name) for m in members]
        )


class ContactForm(CreatingForm):
    """A message relayed by e-mail to a structure's members or to a member."""

    subject = StringField(
        lazy("Objet"),
        validators=[
            InputRequired(lazy("Indiquez l'objet de votre message.")),
            Length(
                min=limits.CONTACT_SUBJECT_MIN,
                max=limits.CONTACT_SUBJECT_MAX,
                message=lazy("L'objet compte de 3 à 150 caractères."),
            ),
        ],
    )
    body = TextAreaField(
        lazy("Message"),
        validators=[
            InputRequired(lazy("Écrivez votre message.")),
            Length(
                min=limits.CONTACT_BODY_MIN,
                max=limits.CONTACT_BODY_MAX,
                message=lazy("Le message compte de 10 à 5 000 caractères."),
            ),
        ],
    )
    share_email = BooleanField(
        lazy("Partager mon adresse e-mail pour que l'on puisse me répondre directement")
    )
