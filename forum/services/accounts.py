"""Registration, authentication with throttling, password reset, profile changes."""

import smtplib
import unicodedata
from datetime import timedelta

from confusable_homoglyphs import confusables
from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from forum.extensions import db
from forum.mail import send_mail
from forum.models import LoginFailure, Structure, StructureRequest, User, UserSession
from forum.models.base import utcnow
from forum.services import brakes, memberships, sessions
from forum.services.errors import Forbidden, Invalid, RateLimited
from forum.text import slugify

RESET_SALT = "maillage-password-reset"


class TooManyAttempts(RateLimited):
    """Login throttled: too many recent failures for this account or address."""


class AccountSuspended(Forbidden):
    """Right password, but an administrator suspended the account."""


def normalise_email(email: str) -> str:
    """The one spelling of an address that is stored and compared: no surrounding spaces,
    lower case, Unicode NFKC (UAX #15). 'Solène@Example.org' typed on a Mac (è decomposed
    into e + U+0300), on Windows (è precomposed) or in full-width letters (a Japanese
    input method) then name the same account. The local part is case-sensitive in theory
    (RFC 5321 §2.4), never in practice; RFC 6532 §3.1 asks for NFC, and the width mapping
    of NFKC is the one RFC 8265 §3.3 applies to user names. Migration 0006 normalised old
    rows the same way."""
    return unicodedata.normalize("NFKC", email.strip()).lower()


def find_user_by_email(email: str) -> User | None:
    """The account with this address, whatever its case or Unicode spelling, or None."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


# Words a name made only of (articles aside) passes for the network's own team, one of
# TEAM_CORE at least: « Équipe Maillage », « La modération », « Admin ». A name with other
# words is a person's or a structure's (« Association Maillage Rural », « Administration
# communale de Cajarc », « Anne Modérateur-Ribes »: the second fresh tester of issue 17
# found those refused by a rule that looked for the words anywhere).
TEAM_CORE = frozenset(
    {
        "maillage",
        "admin",
        "administrateur",
        "administratrice",
        "administrateurs",
        "administration",
        "moderateur",
        "moderatrice",
        "moderateurs",
        "moderatrices",
        "moderation",
    }
)
TEAM_WORDS = TEAM_CORE | {"equipe", "support", "service", "staff", "team", "officiel", "contact"}
_LINK_WORDS = frozenset({"l", "la", "le", "les", "de", "d", "du", "des", "et", "a"})
# Digits and signs written for the letters they look like (« Mai11age », « M0dération »).
_LOOK_ALIKES = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "@": "a",
        "$": "s",
        "|": "l",
    }
)


# A capital I drawn as a lower-case l in most fonts (« Equipe MailIage »): the skeletons
# are compared with I read both ways.
_CAPITAL_I_AS_L = str.maketrans({"I": "l"})
# Characters that change the order text is shown in (Unicode bidirectional controls):
# « \u202eegalliaM epiuqÉ » shows as « Équipe Maillage » (a third fresh tester).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def name_skeleton(name: str, capital_i: str = "i") -> list[str]:
    """The words of a name as compared for look-alikes: compatibility forms (NFKC), accents,
    case and invisible characters (Unicode category Cf: zero-width spaces and joiners…)
    dropped, digits and signs read as the letters they stand for, a capital I as an « i »
    or (`capital_i` "l") as the « l » it looks like, anything else a word break.
    'Équipe Mai11age' -> ['equipe', 'maillage']. Letters of other alphabets are judged
    apart (check_team_likeness)."""
    if capital_i == "l":
        name = name.translate(_CAPITAL_I_AS_L)
    plain = "".join(
        c
        for c in unicodedata.normalize("NFKD", name.translate(_LOOK_ALIKES))
        if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    ).casefold()
    return "".join(c if c.isalnum() else " " for c in plain).split()


def _skeletons(name: str) -> list[list[str]]:
    """name_skeleton with a capital I read as « i », then as « l »."""
    return [name_skeleton(name), name_skeleton(name, capital_i="l")]


def _made_of_team_words(words: list[str]) -> bool:
    """Are `words` (a skeleton), articles aside, only the team's words with one of
    TEAM_CORE, written apart or run together (« ÉquipeMaillage »)?"""
    meaningful = [w for w in words if w not in _LINK_WORDS]
    if meaningful and set(meaningful) <= TEAM_WORDS and set(meaningful) & TEAM_CORE:
        return True
    joined = "".join(meaningful)
    # Can `joined` be cut into team or link words, one of them in TEAM_CORE? reached[i]:
    # for the cuts of joined[:i] found, whether a core word was among them.
    reached: list[set[bool]] = [set() for _ in range(len(joined) + 1)]
    reached[0].add(False)
    for i in range(len(joined)):
        for core_seen in reached[i]:
            for word in TEAM_WORDS | _LINK_WORDS:
                if joined.startswith(word, i):
                    reached[i + len(word)].add(core_seen or word in TEAM_CORE)
    return bool(joined) and True in reached[len(joined)]


def visible_name(name: str) -> str:
    """A display name as it is stored and shown: invisible characters (zero-width spaces
    and joiners, soft hyphens, BOM: Unicode category Cf) dropped, spaces collapsed;
    bidirectional controls are left for check_team_likeness to refuse."""
    kept = "".join(
        c if c in _BIDI_CONTROLS or unicodedata.category(c) != "Cf" else "" for c in name
    )
    return " ".join(kept.split())


def check_team_likeness(name: str, field: str) -> None:
    """Refuse a name that would pass for the network's team, whoever takes it: letters of
    several alphabets that look alike (a Cyrillic « а » in « Mаthieu »: UTS #39
    confusables, through confusable-homoglyphs), or a name made only of the team's words
    (TEAM_WORDS, one of TEAM_CORE at least), compared by name_skeleton. For a member's
    name (check_display_name) and a proposed structure's (a fresh tester of issue 17
    proposed « Équipe Maillage » as a structure). Raises Invalid(field, message)."""
    # Composed first: a name typed on a Mac comes decomposed (« é » as e + U+0301), and
    # the combining accent alone reads as another script (« Zoé » was refused); then
    # without zero-width joiners and kin.
    visible = "".join(
        c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c) != "Cf"
    )
    if confusables.is_dangerous(visible):
        raise Invalid(
            field,
            _(
                "Ce nom mêle des lettres d'alphabets différents qui se ressemblent (un «\u00a0а\u00a0» "
                "cyrillique pour un «\u00a0a\u00a0», par exemple) : écrivez-le avec un seul alphabet."
            ),
        )
    if any(c in _BIDI_CONTROLS for c in name):
        raise Invalid(
            field,
            _(
                "Ce nom contient des caractères invisibles qui changent l'ordre de "
                "l'affichage : retirez-les."
            ),
        )
    if any(_made_of_team_words(words) for words in _skeletons(name)):
        raise Invalid(
            field, _("Ce nom est celui de l'équipe de Maillage : choisissez-en un autre.")
        )


# What pages sign a deleted account's contributions with (« ancien membre », in English
# « former member »: templates/_macros/posts.html, forum/pages.py, forum/feeds.py), its
# feminine and inclusive spellings too, as name_skeleton's words run together with every
# « l » read as an « i » (« Anc1en », « AncIen »); articles before it do not count.
ERASED_LABELS = frozenset({"ancienmembre", "anciennemembre", "formermember"})
_ARTICLES = frozenset({"l", "le", "la", "un", "une", "a", "an", "the"})


def check_not_erased_label(name: str) -> None:
    """Refuse a name that reads as the label of a deleted account (ERASED_LABELS), alone
    or followed by more (« Ancien membre (Lot) »), whatever its case, accents, spaces or
    look-alike digits: its posts would pass for a former member's. For everyone, the team
    included. Raises Invalid("display_name", message)."""
    for words in _skeletons(name):
        meaningful = [w for w in words if w not in _ARTICLES]
        for end in range(1, len(meaningful) + 1):
            if "".join(meaningful[:end]).replace("l", "i") in ERASED_LABELS:
                raise Invalid(
                    "display_name",
                    _(
                        "Ce nom est celui que le forum affiche pour un compte supprimé "
                        "(«\u00a0ancien membre\u00a0») : choisissez-en un autre."
                    ),
                )


def check_display_name(name: str, user: User | None = None) -> None:
    """Refuse a member's display name that would pass for someone else (`user` None: a
    newcomer): a deleted account's label (check_not_erased_label, for everyone); unless
    `user` moderates (the team signs as it likes), the team's (check_team_likeness), or a
    moderator's or administrator's name, alone or followed by more (« Mathieu Lacoste
    (Sud Gironde) »), compared by name_skeleton. Raises Invalid("display_name", message)."""
    check_not_erased_label(name)
    if user is not None and user.is_moderator:
        return
    check_team_likeness(name, "display_name")
    staff = select(User.display_name).where(User.role.in_(("moderator", "admin")))
    if user is not None and user.id is not None:
        staff = staff.where(User.id != user.id)
    for other in db.session.scalars(staff):
        if _passes_for(name, other):
            raise Invalid(
                "display_name",
                _(
                    "Ce nom est celui d'un membre de l'équipe de modération : choisissez-en un autre."
                ),
            )
    check_not_taken(name, user)


def check_not_taken(name: str, user: User | None = None) -> None:
    """Refuse the name another member already goes by, compared by name_skeleton (case,
    accents, spaces and look-alike digits aside): a fresh tester renamed herself « Claire
    Fabre », another member's name, and only the @handle told them apart on her posts.
    Namesakes exist; the message says how to stand apart (an initial: a name followed by
    more, « (Lot) », still passes for it, see _passes_for). The names no more than four
    letters longer are read (one statement), `user`'s (None: a newcomer) aside. Raises
    Invalid("display_name", message)."""
    if not name_skeleton(name):
        return
    # names as long or longer (« Julien Faure (Lot) » holds « Julien Faure »): one statement
    longer = select(User.display_name).where(func.length(User.display_name) >= 2)
    if user is not None and user.id is not None:
        longer = longer.where(User.id != user.id)
    shortest = len(name) + 4
    for other in db.session.scalars(longer.where(func.length(User.display_name) <= shortest)):
        if _passes_for(name, other):
            first, *rest = other.split(maxsplit=1)
            example = f"{first} {_initial(name)}. {rest[0]}" if rest else f"{other} B."
            raise Invalid(
                "display_name",
                _(
                    "Un membre porte déjà ce nom : pour qu'on ne vous confonde pas, ajoutez-y "
                    "une initiale (par exemple «\u00a0%(example)s\u00a0»).",
                    example=example,
                ),
            )


def _initial(name: str) -> str:
    """A capital letter for the message's example of an initial: « B », unless the name
    starts with one."""
    return "M" if name[:1].upper() == "B" else "B"


def _passes_for(name: str, other: str) -> bool:
    """Does `name` read as `other`, someone's name, compared by name_skeleton (each with a
    capital I read as an « i », then as an « l »): the same words, the same words in
    another order (« Lacoste Mathieu »), or `other`'s words followed by more (« Julien
    Faure (Lot) »: a fresh tester took a member's name in the very form the message
    suggested)."""
    for theirs in _skeletons(other):
        if not theirs:
            continue
        for words in _skeletons(name):
            if words == theirs or sorted(words) == sorted(theirs):
                return True
            if len(theirs) > 1 and words[: len(theirs)] == theirs:
                return True
    return False


def register_user(
    email: str,
    password: str,
    display_name: str,
    structure: Structure | None = None,
    locale: str = "fr",
    role: str = "member",
) -> User:
    """Create a member; needs an admin's approval when registration is by approval.
    `structure` is set as is (trusted callers: the CLI, fixtures); a newcomer's own choice
    goes through memberships.choose_structure once the account exists."""
    email = normalise_email(email)
    if find_user_by_email(email):
        raise Invalid("email", _("Un compte existe déjà avec cette adresse e-mail."))
    display_name = visible_name(display_name)
    if len(display_name) < 2:  # invisible characters alone, or one letter
        raise Invalid("display_name", _("Indiquez votre nom."))
    if role == "member":
        check_display_name(display_name)
    approved = role != "member" or current_app.config["REGISTRATION"] != "approval"
    user = User(
        email=email,
        handle=unique_handle(display_name),
        display_name=display_name,
        structure=structure,
        locale=locale,
        role=role,
        approved=approved,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def unique_handle(display_name: str) -> str:
    """'Solène Riaublanc' -> 'solene-riaublanc' (then -2, -3… if taken): for @mentions."""
    base = slugify(display_name, 60)
    handle, n = base, 2
    while db.session.scalar(select(User.id).where(User.handle == handle)) is not None:
        handle, n = f"{base}-{n}", n + 1
    return handle


def _window_start():
    return utcnow() - timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"])


def _throttled_for(column, value, limit: int) -> int:
    """Seconds until fewer than `limit` failures of this account (or address) remain in the
    login window; 0 when fewer already do (services.brakes.seconds_until_under)."""
    now = utcnow()
    window = timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"])
    failures = select(LoginFailure.created_at).where(
        column == value, LoginFailure.created_at >= now - window
    )
    return brakes.seconds_until_under(failures, limit, window, now)


def authenticate(email: str, password: str, ip: str) -> User | None:
    """Check credentials; throttle by account and by IP before even looking at the password.

    Returns the User, or None for a wrong address or password (the failure is recorded).
    Raises TooManyAttempts (its `retry_after` in seconds) past LOGIN_MAX_FAILURES failures
    for the address, or three times as many from the IP, within LOGIN_WINDOW_SECONDS;
    AccountSuspended for a suspended account's right password."""
    email = normalise_email(email)
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    for_account = _throttled_for(LoginFailure.email, email, limit)
    for_network = _throttled_for(LoginFailure.ip, ip, limit * 3)  # a tiers-lieu shares an IP
    wait = max(for_account, for_network)
    if wait:
        minutes = -(-wait // 60)
        if for_network > for_account:  # the others on this Wi-Fi: say it is not them
            message = ngettext(
                "Trop de tentatives de connexion depuis ce réseau (une connexion partagée, "
                "comme le Wi-Fi d’un tiers-lieu, compte pour tous ses postes). Réessayez "
                "dans %(num)d minute.",
                "Trop de tentatives de connexion depuis ce réseau (une connexion partagée, "
                "comme le Wi-Fi d’un tiers-lieu, compte pour tous ses postes). Réessayez "
                "dans %(num)d minutes.",
                minutes,
            )
        else:
            message = ngettext(
                "Trop de tentatives de connexion. Réessayez dans %(num)d minute.",
                "Trop de tentatives de connexion. Réessayez dans %(num)d minutes.",
                minutes,
            )
        raise TooManyAttempts(message, retry_after=wait)
    user = find_user_by_email(email)
    # Failures older than the window no longer count: drop them at every login attempt, so
    # the table stays the size of one window and holds no IP longer than needed (privacy page).
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.created_at < _window_start()))
    if user is None or not user.check_password(password):
        db.session.add(LoginFailure(email=email[:254], ip=ip[:64]))
        db.session.flush()
        return None
    if user.is_suspended:  # told only to whoever knows the password
        db.session.flush()
        raise AccountSuspended(
            _("Ce compte est suspendu : contactez l'équipe d'administration de Maillage.")
        )
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_SALT)


def make_reset_token(user: User) -> str:
    # The hash fragment makes the token single-use: it dies once the password changes.
    return _serializer().dumps({"id": user.id, "h": user.password_hash[-12:]})


def user_from_reset_token(token: str) -> User:
    """Return the user a valid token names, or raise Invalid("token") (expired or tampered)."""
    try:
        data = _serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except SignatureExpired:
        raise Invalid("token", _("Ce lien a expiré. Demandez-en un nouveau.")) from None
    except BadSignature:
        raise Invalid("token", _("Ce lien n'est pas valide. Demandez-en un nouveau.")) from None
    user = db.session.get(User, data.get("id")) if isinstance(data, dict) else None
    if user is None or user.password_hash[-12:] != data.get("h"):
        raise Invalid("token", _("Ce lien n'est pas valide. Demandez-en un nouveau."))
    return user


def request_password_reset(email: str, link_for) -> None:
    """E-mail a reset link if the account exists; callers say the same thing either way."""
    user = find_user_by_email(email)
    if user is None:
        return
    link = link_for(make_reset_token(user))
    body = _(
        "Bonjour %(name)s,\n\nPour choisir un nouveau mot de passe sur Maillage, ouvrez ce lien "
        "(valable une heure) :\n%(link)s\n\nSi vous n'avez rien demandé, ignorez ce message.",
        name=user.display_name,
        link=link,
    )
    try:
        send_mail(user.email, _("Maillage : réinitialiser votre mot de passe"), body)
    except (smtplib.SMTPException, OSError) as error:
        # Same answer as for an unknown address (no account probing): the failure goes to
        # the log, where the administrators see it.
        current_app.logger.error("Password reset e-mail not sent to account %s: %r", user.id, error)


def set_password(user: User, password: str, keep: UserSession | None = None) -> int:
    """Change the password and log out every session of the member but `keep` (the one
    that changed it; None after a reset by e-mail: all of them). Returns sessions ended."""
    user.set_password(password)
    ended = sessions.end_sessions(user, keep=keep)
    db.session.flush()
    return ended


def update_profile(
    user: User,
    display_name: str,
    bio: str,
    structure: Structure | None,
    locale: str,
    accepts_contact: bool | None = None,
) -> StructureRequest | None:
    """Save a member's profile (e-mail choices: forum/services/notification_settings.py).
    The structure is chosen through memberships.choose_structure: leaving one, or joining
    one with no member yet, is immediate (and leaves the référent·e role); one with members
    gets a request, returned (None otherwise). The contact setting is stored only when it
    differs from the role's default (yes for a référent·e)."""
    display_name = visible_name(display_name)
    if len(display_name) < 2:  # invisible characters alone, or one letter
        raise Invalid("display_name", _("Indiquez votre nom."))
    if display_name != user.display_name:  # a name kept as it was is not re-judged
        check_display_name(display_name, user)
    # The structure first: leaving one takes its row before the member's (no write to the
    # member's row may come before it, or two members leaving at once could deadlock).
    request = memberships.choose_structure(user, structure)
    user.display_name = display_name
    user.bio = bio.strip()
    user.locale = locale
    if accepts_contact is not None:
        user.accepts_contact = None if accepts_contact == user.is_referent else accepts_contact
    db.session.flush()
    return request


def pending_users() -> list[User]:
    return list(
        db.session.scalars(select(User).where(User.approved.is_(False)).order_by(User.created_at))
    )


def approve_user(user: User) -> None:
    user.approved = True
    db.session.flush()
