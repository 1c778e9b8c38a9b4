"""Language choice and locale-aware formatting (French first, English second)."""

import re
import unicodedata
from datetime import UTC, date
from functools import lru_cache
from zoneinfo import ZoneInfo

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_time,
    get_locale,
    get_translations,
    lazy_gettext,
)
from flask_babel import gettext as _
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup

from forum.models.base import utcnow

lazy = lazy_gettext


def select_locale() -> str:
    """The member's saved language, else the visitor's choice, else Accept-Language, else fr;
    outside a request (a background job, a command), the default language."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        # A job that words something for a person forces their language (force_locale);
        # anything else it writes (a failed file's reason) is in the site's language.
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in languages:
        return chosen
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def select_timezone() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_locale() -> str:
    return str(get_locale() or "fr")


VOWELS = frozenset("aeiouæœ")


def de(name: str) -> str:
    """French « de » before a name, elided before a vowel sound: « d'Élodie », « de Karim ».

    Deliberately simple rules, on the first letter with its accent removed:
    - a, e, i, o, u (æ, œ too): elided (d'Élodie, d'Émile, d'Uriel, d'Œlla);
    - y before a consonant sounds like i: elided (d'Yves, d'Yvonne); y before a vowel is a
      consonant: not elided (de Yacine, de Yann);
    - h then a vowel is taken as a mute h, which is the case of nearly every first name:
      elided (d'Hélène, d'Hugo); an aspirated h (de Hugues for some) is not told apart;
    - anything else, digits and punctuation included: « de » (de Karim, de 3C Lot).
    The name is kept as written; « le », « les » are not contracted (« du », « des »)."""
    name = (name or "").strip()
    letters = unicodedata.normalize("NFKD", name[:3].lower())
    letters = "".join(c for c in letters if not unicodedata.combining(c))
    first, second = (letters + "  ")[:2]
    if first in VOWELS:
        elided = True
    elif first == "y":
        elided = second.isalpha() and second not in VOWELS
    elif first == "h":
        elided = second in VOWELS or second == "y"
    else:
        elided = False
    return f"d'{name}" if elided else f"de {name}"


def init_templates(app: Flask) -> None:
    app.jinja_env.globals["current_locale"] = current_locale
    app.jinja_env.globals["de"] = de
    app.jinja_env.globals["now_utc"] = utcnow
    app.jinja_env.filters["date"] = lambda value, fmt="long": (
        _formatted(format_date, value, fmt, current_locale()) if value else ""
    )
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        _formatted(format_datetime, value, fmt, current_locale()) if value else ""
    )
    app.jinja_env.filters["date_time"] = date_and_time
    app.jinja_env.filters["datetime_in"] = datetime_in
    app.jinja_env.filters["month"] = month_label
    app.jinja_env.filters["number"] = number
    # Jinja's own (installed by Flask-Babel), with counts written as `number` writes them;
    # gettext stays as it is: its whole numbers include years (« entre %(a)d et %(b)d »).
    app.jinja_env.globals["ngettext"] = _template_ngettext
    app.jinja_env.globals["enumeration"] = enumeration
    app.jinja_env.globals["labelled"] = labelled


def enumeration(items) -> str:
    """Texts joined as the current language joins the parts of an enumeration: « a ; b »
    in French, « a; b » in English (the separator is translated, through the pattern
    « %(list)s ; %(item)s »: English read French spacing before « ; »). "" when empty."""
    said = ""
    for item in items:
        said = _("%(list)s ; %(item)s", list=said, item=item) if said else str(item)
    return said


def labelled(label, value) -> str:
    """« label : value » as the current language writes it (« label: value » in
    English), through the translated pattern « %(label)s : %(value)s »."""
    return _("%(label)s : %(value)s", label=label, value=value)


def number(value) -> str:
    """`{{ event.capacity|number }}`: a number as the current language writes it, Babel's
    format_decimal: « 10 000 » in French (a narrow no-break space between groups
    of three digits, CLDR), « 10,000 » in English; "" for None. For text only: a form
    field's value stays digits (an `<input type="number">` empties « 10 000 »)."""
    if value is None or value == "":
        return ""
    return format_decimal(value)


_WHOLE_NUMBER = re.compile(r"%\((\w+)\)d")


def _numbers_in_words(text: str, variables: dict) -> tuple[str, dict]:
    """`text`'s « %(name)d » placeholders whose value is a whole number made « %(name)s »,
    and those values written by `number`: « 10 000 places » from the catalogs'
    « %(num)d places », whose msgids stay as they are. A value shown with « %(name)s »
    (a year: « Début en %(year)s ») is left as it is."""
    counts = {
        name
        for name in _WHOLE_NUMBER.findall(text)
        if isinstance(variables.get(name), int) and not isinstance(variables[name], bool)
    }
    if not counts:
        return text, variables
    text = _WHOLE_NUMBER.sub(
        lambda found: f"%({found.group(1)})s" if found.group(1) in counts else found.group(0),
        text,
    )
    return text, {k: number(v) if k in counts else v for k, v in variables.items()}


@pass_context
def _template_ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
    """`{{ ngettext('%(num)d place', '%(num)d places', n) }}`: Jinja's newstyle ngettext
    (the translation escaped, then formatted with escaped values), the form chosen by
    `num` itself, its counts (« %(num)d », « %(total)d »…) as `number` writes them."""
    variables.setdefault("num", num)
    translated = get_translations().ungettext(singular, plural, num)
    text, variables = _numbers_in_words(translated, variables)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


@lru_cache(maxsize=8192)
def _formatted(formatter, value, fmt: str, locale: str) -> str:
    """A date or time as Babel writes it in `locale` (Europe/Paris), kept per process: a
    thread of 100 messages spent 60 % of its rendering formatting their times again at
    every view (pattern and time zone work in Babel). `locale` is part of the key; the
    zone is the configuration's, the same for the whole process."""
    return first_of_month(formatter(value, fmt), locale)


# French writes the first day of a month as an ordinal: « 1er janvier », never « 1 janvier »
# (Imprimerie nationale, Lexique des règles typographiques; Babel's CLDR patterns have
# no ordinal day).
_FIRST_DAY = re.compile(
    r"(?<![\d])1 (?=(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
    r"|novembre|décembre)\b|(?:janv|févr|avr|juil|sept|oct|nov|déc)\.)"
)  # the months abbreviated too (Babel's « medium »: « 1er oct. 2025 », a fresh tester)


_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_label(value: str) -> str:
    """`{{ "2026-06"|month }}` → « juin 2026 » (« June 2026 »): a chart's month in words in
    the current language; any other text unchanged."""
    found = _YEAR_MONTH.fullmatch(value or "")
    if not found or not 1 <= int(found.group(2)) <= 12:
        return value
    day = date(int(found.group(1)), int(found.group(2)), 1)
    return _formatted(format_date, day, "MMMM y", current_locale())


def long_date(value) -> str:
    """A date in words in the current language, as the `date` filter writes it
    (« 1er janvier 2026 »)."""
    return _formatted(format_date, value, "long", current_locale()) if value else ""


def date_and_time(value) -> str:
    """`{{ post.created_at|date_time }}`: a moment (naive UTC, shown Europe/Paris) in the
    site's style, the `date` filter's day and the hour: « 1er décembre 2026 à 09:48 »
    (« December 1, 2026 at 9:48 AM » once translated); "" for None. Not Babel's short
    « 01/12/2026 09:48 », which the discussions showed beside « 1er décembre 2026 »."""
    if not value:
        return ""
    locale = current_locale()
    return _(
        "%(date)s à %(time)s",
        date=_formatted(format_date, value, "long", locale),
        time=_formatted(format_time, value, "short", locale),
    )


def datetime_in(value, zone: str, fmt: str = "medium") -> str:
    """`{{ event.starts_at|datetime_in("Indian/Reunion", "HH:mm") }}`: a moment (naive UTC)
    as the clock of `zone` (an IANA time zone name) shows it, Babel's pattern `fmt`, in
    the current language; "" for None. The `datetime` filter shows Europe/Paris."""
    if not value:
        return ""
    return _formatted_in(value, zone, fmt, current_locale())


@lru_cache(maxsize=8192)
def _formatted_in(value, zone: str, fmt: str, locale: str) -> str:
    """`datetime_in`, kept per process as `_formatted` is; keyed by the zone's name, since
    two aware times of one moment in two zones compare equal."""
    local = value.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    return first_of_month(format_datetime(local, fmt, rebase=False), locale)


def wall_date_and_time(value) -> str:
    """A wall-clock time (naive, not converted: a form's value) in the words of
    `date_and_time`: « 10 mars 2027 à 15:00 »; "" for None."""
    if not value:
        return ""
    locale = current_locale()
    return _(
        "%(date)s à %(time)s",
        date=first_of_month(format_date(value, "long", rebase=False), locale),
        time=format_time(value.replace(tzinfo=UTC), "short", rebase=False),
    )


def first_of_month(text: str, locale: str) -> str:
    """`text` (a date Babel wrote) with « 1 janvier » made « 1er janvier » in French;
    other languages unchanged."""
    return _FIRST_DAY.sub("1er ", text) if locale.startswith("fr") else text
