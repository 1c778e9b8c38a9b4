"""Registration, login, password and profile forms."""

from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Email, EqualTo, InputRequired, Length

from forum.forms import choices
from forum.forms.base import CreatingForm, MaillageForm
from forum.forms.structures import ProposalFields, department_choices
from forum.i18n import lazy

PASSWORD_MIN = 10
NEW_STRUCTURE = "nouvelle"  # the structure choice « ma structure n'est pas dans la liste »


def strip(value):
    return value.strip() if isinstance(value, str) else value


def password_field(label):
    return PasswordField(
        label,
        validators=[
            InputRequired(lazy("Choisissez un mot de passe.")),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=lazy("Le mot de passe doit compter au moins 10 caractères."),
            ),
        ],
    )


def email_field():
    return EmailField(
        lazy("Adresse e-mail"),
        filters=[strip],
        validators=[
            InputRequired(lazy("Indiquez votre adresse e-mail.")),
            Email(lazy("Cette adresse e-mail n'est pas valide."), check_deliverability=False),
            Length(max=254),
        ],
    )


PENDING_MARK = lazy("en attente de validation")


class StructureChoiceMixin:
    """A structure select whose choices the view fills from the database."""

    structure = SelectField(lazy("Structure"), choices=[], validate_choice=True)

    def set_structure_choices(self, structures) -> None:
        self.structure.choices = choices(
            [("", lazy("— Aucune —"))]
            + [
                (s.id, s.name if s.status != "pending" else f"{s.name} ({PENDING_MARK})")
                for s in structures
            ]
        )


class RegisterForm(ProposalFields, StructureChoiceMixin, CreatingForm):
    """A new account; its structure chosen in the directory, or proposed (same fields as
    /structures/propose), which the proposal fields only then have to be valid for."""

    # names are refused with a message when they hold them (accounts.check_team_likeness)
    refuses_directional_formatting = True

    def set_choices(self, structures, departments) -> None:
        """The directory, then « not in the list »; the départements of a proposal."""
        self.set_structure_choices(structures)
        self.structure.choices.append(
            choices([(NEW_STRUCTURE, lazy("Ma structure n'est pas dans la liste"))])[0]
        )
        self.department.choices = department_choices(departments, empty=True)

    @property
    def proposing(self) -> bool:
        return self.structure.data == NEW_STRUCTURE

    def validate(self, extra_validators=None) -> bool:
        """Validate; the proposal's fields count only when a proposal is made."""
        valid = super().validate(extra_validators)
        if self.proposing:
            return valid
        for name in self.PROPOSAL_FIELDS:
            self[name].errors = []
        return not any(field.errors for field in self) and not self.form_errors

    display_name = StringField(
        lazy("Nom affiché"),
        filters=[strip],
        validators=[InputRequired(lazy("Indiquez votre nom.")), Length(min=2, max=80)],
    )
    email = email_field()
    password = password_field(lazy("Mot de passe"))
    password_confirm = PasswordField(
        lazy("Confirmer le mot de passe"),
        validators=[
            InputRequired(lazy("Confirmez le mot de passe.")),
            EqualTo("password", lazy("Les deux mots de passe ne correspondent pas.")),
        ],
    )


class LoginForm(MaillageForm):
    email = StringField(
        lazy("Adresse e-mail"),
        filters=[strip],
        validators=[InputRequired(lazy("Indiquez votre adresse e-mail.")), Length(max=254)],
    )
    password = PasswordField(
        lazy("Mot de passe"), validators=[InputRequired(lazy("Indiquez votre mot de passe."))]
    )
    remember = BooleanField(lazy("Rester connecté sur cet appareil"))


class ResetRequestForm(MaillageForm):
    email = email_field()


class ResetPasswordForm(MaillageForm):
    password = password_field(lazy("Nouveau mot de passe"))
    password_confirm = PasswordField(
        lazy("Confirmer le mot de passe"),
        validators=[EqualTo("password", lazy("Les deux mots de passe ne correspondent pas."))],
    )


class ProfileForm(StructureChoiceMixin, MaillageForm):
    # names are refused with a message when they hold them (accounts.check_team_likeness)
    refuses_directional_formatting = True

    display_name = StringField(
        lazy("Nom affiché"),
        filters=[strip],
        validators=[InputRequired(lazy("Indiquez votre nom.")), Length(min=2, max=80)],
    )
    bio = TextAreaField(lazy("Présentation"), validators=[Length(max=2000)])
    locale = SelectField(
        lazy("Langue de l'interface"), choices=choices([("fr", "Français"), ("en", "English")])
    )
    accepts_contact = BooleanField(
        lazy("Accepter les messages d'autres membres, relayés par e-mail sans montrer mon adresse")
    )


class PasswordChangeForm(MaillageForm):
    current_password = PasswordField(
        lazy("Mot de passe actuel"),
        validators=[InputRequired(lazy("Indiquez votre mot de passe actuel."))],
    )
    password = password_field(lazy("Nouveau mot de passe"))
    password_confirm = PasswordField(
        lazy("Confirmer le mot de passe"),
        validators=[EqualTo("password", lazy("Les deux mots de passe ne correspondent pas."))],
    )


class AccountDeletionForm(MaillageForm):
    """Deleting an account: the member chooses what becomes of their contributions,
    confirms with their password and ticks that they understand it is final."""

    mode = RadioField(
        lazy("Vos contributions"),
        choices=choices(
            [
                ("keep", lazy("Les conserver, signées « ancien membre »")),
                ("erase", lazy("Les effacer")),
            ]
        ),
        validators=[InputRequired(lazy("Choisissez ce que deviennent vos contributions."))],
    )
    password = PasswordField(
        lazy("Mot de passe"),
        validators=[InputRequired(lazy("Indiquez votre mot de passe pour confirmer."))],
    )
    confirm = BooleanField(
        lazy("Je comprends que la suppression est définitive"),
        validators=[InputRequired(lazy("Cochez la case pour confirmer la suppression."))],
    )
