"""The base of every form: text fields lose control characters before validation, only the
request's text fields are read, and a field a client leaves out means empty (or its
default) rather than an invalid choice."""

import hashlib
import json
import re
import unicodedata
from datetime import date, datetime

from flask import request
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from flask_wtf.i18n import translations as wtforms_translations
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, StopValidation

from forum.i18n import number, wall_date_and_time
from forum.services.submissions import new_token
from forum.text import is_blank, strip_control_characters, strip_directional_formatting


def _strip(value):
    """A one-line field without its surrounding spaces; one that shows nothing is empty
    (forum.text.is_blank); None stays None."""
    if not isinstance(value, str):
        return value
    return "" if is_blank(value) else value.strip()


def _nfc(value):
    """A text in Unicode's composed form (NFC): « é » typed on a Mac arrives as « e » and a
    combining accent, which searches, sorts and comparisons would tell apart."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _strip_blank_lines(value):
    """A text without its leading blank lines and trailing spaces (a first line's
    indentation is Markdown and stays); only spaces means empty."""
    if not isinstance(value, str):
        return value
    if is_blank(value):
        return ""
    return re.sub(r"\A(?:[ \t\u00a0]*\r?\n)+", "", value).rstrip()


# Digits in groups of three, as French writes « 10 000 » (space, no-break or narrow
# no-break space) and English « 10,000 » is not: a comma is a decimal point in French.
_GROUPED_DIGITS = re.compile(r"\s*([+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+)\s*")
_DIGITS = re.compile(r"\s*[+-]?\d+\s*")


class WholeNumberField(IntegerField):
    """A whole number typed by a person: « 12 », « 10 000 » (digits grouped by spaces, as
    French writes them) read as 10000; anything else leaves `data` None for WholeNumber
    to word the error."""

    def process_formdata(self, valuelist):
        if valuelist and isinstance(valuelist[0], str):
            grouped = _GROUPED_DIGITS.fullmatch(valuelist[0])
            if grouped:
                valuelist = [re.sub(r"[ \u00a0\u202f]", "", grouped.group(1))]
        super().process_formdata(valuelist)


class WholeNumber:
    """A whole number from `minimum` to `maximum`, with one French message per bad value,
    the one that fits: `not_whole` (« 2.5 », « douze »), `too_small`, `too_large` (which
    should say the maximum). Empty is for Optional or InputRequired placed before it.
    Raises StopValidation; the field's other messages go (IntegerField's own English
    « Not a valid integer value. » beside a range message was two errors for one value)."""

    def __init__(self, minimum: int, maximum: int, not_whole, too_small, too_large):
        self.minimum, self.maximum = minimum, maximum
        self.not_whole, self.too_small, self.too_large = not_whole, too_small, too_large

    def __call__(self, form, field) -> None:
        field.errors[:] = []
        value = field.data
        if value is None:
            raw = (field.raw_data or [""])[0]
            if not (isinstance(raw, str) and _DIGITS.fullmatch(raw)):
                raise StopValidation(self.not_whole)
            # Digits that int() refuses: longer than Python's 4 300-digit guard.
            raise StopValidation(self.too_small if raw.strip()[0] == "-" else self.too_large)
        if value < self.minimum:
            raise StopValidation(self.too_small)
        if value > self.maximum:
            raise StopValidation(self.too_large)


# A day as a person types it: « 10/04/2025 », « 1/4/2025 », « 10-04-2025 », « 10.04.2025 »,
# or as a browser's <input type="date"> sends it, « 2025-04-10 ».
_FRENCH_DAY = re.compile(r"(?P<d>\d{1,2})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>\d{4})")
_ISO_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
DAY_EXAMPLE = "10/04/2025"


def parse_day(typed: str) -> date:
    """A day typed JJ/MM/AAAA (J/M/AAAA, with « / », « - » or « . ») or AAAA-MM-JJ. Raises
    ValueError with a French message: one for a day that does not exist (« 31/02/2025 »),
    one with an example for anything else."""
    text = typed.replace("\u00a0", " ").replace("\u202f", " ").strip()
    found = _FRENCH_DAY.fullmatch(text) or _ISO_DAY.fullmatch(text)
    if not found:
        raise ValueError(_("Indiquez une date, par exemple %(example)s.", example=DAY_EXAMPLE))
    day, month, year = (int(found.group(k)) for k in "dmy")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            _(
                "Le %(date)s n’existe pas : vérifiez le jour et le mois.",
                date=f"{day:02d}/{month:02d}/{year}",
            )
        ) from None


class DayField(DateField):
    """A date without time, the app's only kind (report, parcours): what a browser's date
    picker sends, or a day typed the French way where it shows a plain text box
    (`parse_day`); empty is None, for InputRequired or Optional to word."""

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        typed = " ".join(v for v in valuelist if isinstance(v, str)).strip()
        if not typed:
            self.data = None
            return
        try:
            self.data = parse_day(typed)
        except ValueError:
            self.data = None
            raise


BOOKKEEPING = frozenset({"csrf_token", "submission_token", "version"})


class _Apostrophes:
    """WTForms' own messages (its catalogs, through Flask-WTF), with the typographic
    apostrophe the rest of the site writes: « N’est pas un choix valide. »."""

    def gettext(self, string: str) -> str:
        return wtforms_translations.gettext(string).replace("'", "’")

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return wtforms_translations.ngettext(singular, plural, n).replace("'", "’")


class MaillageForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return _Apostrophes()

        def bind_field(self, form, unbound_field, options):
            field_class = unbound_field.field_class
            if issubclass(field_class, (StringField, TextAreaField)) and not issubclass(
                field_class, PasswordField
            ):
                filters = unbound_field.kwargs.get("filters", ())
                clean = [strip_control_characters, _nfc]
                if issubclass(field_class, TextAreaField):
                    clean.append(_strip_blank_lines)  # a text's paragraphs end its overrides
                else:
                    # a one-line text is shown inside others' (lists, notices, e-mails);
                    # names are checked, not cleaned (accounts.check_team_likeness says so)
                    if not getattr(form, "refuses_directional_formatting", False):
                        clean.append(strip_directional_formatting)
                    clean.append(_strip)
                options = {**options, "filters": [*clean, *filters]}
                # « Required » means required once the spaces are gone: a name or a
                # message made of spaces gets the field's own French message.
                validators = unbound_field.kwargs.get("validators")
                if validators:
                    options["validators"] = [
                        DataRequired(message=v.message) if type(v) is InputRequired else v
                        for v in validators
                    ]
            return super().bind_field(form, unbound_field, options)

        def wrap_formdata(self, form, formdata):
            # Flask-WTF would also read uploaded files and JSON bodies; no form here takes
            # either, and their values (a FileStorage, a number, a list) reached validators
            # that expect text: a 500. A file or JSON value now simply is not there.
            if formdata is None or hasattr(formdata, "getlist"):
                return formdata  # given explicitly
            return request.form if form.is_submitted() and request.form else None

    def validate(self, extra_validators=None) -> bool:
        """Validate, a single-choice field left out of the request counting as its default."""
        self._absent_choices_take_default()
        return super().validate(extra_validators)

    def _absent_choices_take_default(self) -> None:
        # Browsers always send a <select>; scripts, the coming API and e-mail replies may
        # leave an optional one out. Absent means its default (set by the view, e.g. the
        # author's structure), else empty when empty is a choice; a required choice with
        # neither keeps failing with its own message.
        if not self.is_submitted():
            return
        sent = request.form
        for field in self:
            if not isinstance(field, SelectField) or isinstance(field, SelectMultipleField):
                continue
            if field.name in sent:
                continue
            default = field.default() if callable(field.default) else field.default
            values = set(_choice_labels(field))
            if default is not None and str(default) in values:
                field.data = str(default)
            elif "" in values:
                field.data = ""


class CreatingForm(MaillageForm):
    """A form that creates something: it carries a one-time token (see forum/once.py), a
    new one each time the form is shown, kept when it is shown again with errors."""

    submission_token = HiddenField(default=new_token)


class EditingForm(MaillageForm):
    """A form that changes something stored carries the version it was loaded from: a
    fingerprint of the values the form edits. A save whose version is not the stored one
    any more (someone saved in between) is refused, so that nothing is silently erased."""

    version = HiddenField()

    def fingerprint(self) -> str:
        """16 hex characters: SHA-256 of the edited values (bookkeeping fields left out)."""
        values = {field.name: _plain(field.data) for field in self if field.name not in BOOKKEEPING}
        encoded = json.dumps(values, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(encoded.encode()).hexdigest()[:16]

    def is_stale(self, current: "EditingForm") -> bool:
        """True when this submission was loaded from another version than `current` (the
        same form filled from what is stored now). A client that sends no version (a
        script) is not checked."""
        sent = (self.version.data or "").strip()
        return bool(sent) and sent != current.fingerprint()

    def differences(self, current: "EditingForm") -> list[tuple[str, str]]:
        """(label, stored value as shown) for each field whose stored value differs from
        what was typed: what the person needs to see beside their text."""
        changed = []
        for field in current:
            if field.name in BOOKKEEPING or field.type == "HiddenField":
                continue
            if _plain(field.data) != _plain(self[field.name].data):
                changed.append((str(field.label.text), _shown(field)))
        return changed


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return sorted(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return str(value)


def _shown(field) -> str:
    """A stored value as a reader sees it: choice labels rather than codes, numbers as
    the language writes them (« 10 000 »), a date and time in words (« 10 mars 2027 à
    15:00 », as the form holds it: the wall-clock time of its field)."""
    if isinstance(field.data, datetime):
        return wall_date_and_time(field.data)
    if isinstance(field.data, int) and not isinstance(field.data, bool):
        return number(field.data)
    if isinstance(field, SelectField | SelectMultipleField):
        labels = _choice_labels(field)
        values = field.data if isinstance(field.data, list) else [field.data]
        return ", ".join(labels.get(str(v), str(v)) for v in values if v not in (None, ""))
    return "" if field.data is None else str(_plain(field.data))


def _choice_labels(field) -> dict[str, str]:
    """{value: label} of a choice field (SelectChoice objects or (value, label) pairs)."""
    pairs = {}
    for choice in field.choices or ():
        if hasattr(choice, "value"):
            pairs[str(choice.value)] = str(choice.label)
        else:
            pairs[str(choice[0])] = str(choice[1])
    return pairs
