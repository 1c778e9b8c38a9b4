"""The e-mail settings: one choice of mode per kind of notification."""

from wtforms import RadioField
from wtforms.validators import ValidationError

from forum.forms import choices
from forum.forms.base import MaillageForm
from forum.i18n import lazy
from forum.services.notification_settings import KINDS, MODES

PREFIX = "mode_"


class ModeField(RadioField):
    """A radio group of the four modes, refusing anything else in French."""

    def pre_validate(self, form):
        """Only the modes offered (RadioField's own message is English and generic)."""
        offered = [choice.value for choice in self.choices]
        if self.data in offered:
            return
        if len(offered) == len(MODES):
            raise ValidationError(
                lazy(
                    "Choisissez « Immédiatement », « Résumé quotidien », "
                    "« Résumé hebdomadaire » ou « Jamais »."
                )
            )
        raise ValidationError(lazy("Choisissez « Immédiatement » ou « Jamais »."))


class NotificationSettingsForm(MaillageForm):
    """Built with for_modes(): a ModeField per kind of the registry, in its order."""

    @classmethod
    def for_modes(cls, current: dict[str, str]) -> "NotificationSettingsForm":
        """The form, each kind defaulting to the member's current mode (a kind a client
        leaves out keeps it)."""

        class Form(cls):
            pass

        for name, kind in KINDS.items():
            offered = [(mode, MODES[mode]) for mode in kind.modes]
            field = ModeField(kind.label, choices=choices(offered), default=current[name])
            setattr(Form, PREFIX + name, field)
        return Form()

    def kind_fields(self):
        """(kind, field) in the registry's order."""
        return [(name, self[PREFIX + name]) for name in KINDS]

    def modes(self) -> dict[str, str]:
        """{kind: mode} as submitted (valid once validate() said so)."""
        return {name: field.data for name, field in self.kind_fields()}
