"""What the search page calls things: the names and labels of modules, challenges,
territories and structures (filters typed by name, facet labels), and the structures and
members whose name the query text matches.

Loaded once per results page in five small queries (the same the facet labels always
needed); resolving a filter value then costs no query.
"""

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import func, select

from forum import cache
from forum.extensions import db
from forum.models import User
from forum.search.analysis import FRENCH_STOP_WORDS
from forum.services import form_data, structures, tags, territories
from forum.text import slugify

KINDS = ("report", "discussion", "post")
OFFERS = 3  # structures, and members, offered above the results
_CANDIDATES = 30  # members read to find those 3 (the SQL filter is looser than ours)
_OPERATORS = {"OR", "AND", "NOT"}
# The filter fields whose values have names, and the Vocabulary list that holds them.
_LISTS = {
    "module": "modules",
    "tag": "tags",
    "region": "regions",
    "department": "departments",
    "structure": "structures",
}


def fold(text: str) -> str:
    """Compare names ignoring accents, case, hyphens, spaces and apostrophes."""
    return slugify(text).replace("-", "")


def _words(text: str) -> list[str]:
    return [w for w in slugify(text).split("-") if w and w != "x"]


@dataclass(frozen=True)
class Name:
    """What the vocabulary keeps of a module, tag, région, département or structure: its
    code or slug, its name, how it is labelled, and a module's position. Read with the
    models' attribute names (slug, code, title, label, name, position)."""

    key: str
    name: str
    label: str
    position: int = 0

    slug = code = property(lambda self: self.key)
    title = property(lambda self: self.name)


@dataclass
class Vocabulary:
    """Everything a filter may name or a facet must label, as loaded for one page."""

    modules: list
    tags: list
    regions: list
    departments: list
    structures: list

    @classmethod
    def load(cls) -> "Vocabulary":
        """Every module, tag (approved or proposed), région, département and structure, as
        plain records (`Name`): five queries once per content stamp in each process."""
        return cache.memo("search.vocabulary", cls._read)

    @classmethod
    def _read(cls) -> "Vocabulary":
        vocabulary = cls(
            [Name(m.slug, m.title, m.title, m.position) for m in form_data.modules()],
            [Name(t.slug, t.label, t.label) for t in tags.all_tags()],
            [Name(r.code, r.name, r.name) for r in territories.regions()],
            [Name(d.code, d.name, d.label) for d in territories.departments()],
            [Name(s.slug, s.name, s.name) for s in structures.all_structures()],
        )
        return vocabulary

    def labels(self) -> dict[str, dict[str, str]]:
        """Per facet field, the label of each code or slug the index holds."""
        return {
            "module": {m.slug: f"{m.position}. {m.title}" for m in self.modules},
            "tag": {t.slug: t.label for t in self.tags},
            "region": {r.code: r.name for r in self.regions},
            "department": {d.code: d.label for d in self.departments},
            "structure": {s.slug: s.name for s in self.structures},
        }

    @cached_property
    def _names(self) -> dict[str, dict[str, list[str]]]:
        """Per field, folded code, slug, name or label -> the values the index holds."""
        names: dict[str, dict[str, list[str]]] = {
            "kind": {k: [k] for k in KINDS},
            "module": {},
            "tag": {},
            "region": {},
            "department": {},
            "structure": {},
        }

        def add(field: str, value: str, *spellings: str) -> None:
            for spelling in spellings:
                found = names[field].setdefault(fold(spelling), [])
                if value not in found:
                    found.append(value)

        for m in self.modules:
            add("module", m.slug, m.slug, m.title, str(m.position), f"{m.position}. {m.title}")
        for t in self.tags:
            add("tag", t.slug, t.slug, t.label)
        for r in self.regions:
            add("region", r.code, r.code, r.name)
        for d in self.departments:
            add("department", d.code, d.code, d.name, d.label)
        for s in self.structures:
            add("structure", s.slug, s.slug, s.name)
        return names

    def resolve(self, field: str, value: str) -> list[str]:
        """The index values a filter value stands for (empty when none): codes and slugs as
        they are, names and labels folded ("Lozère", "occitanie", "Cap Coopératif")."""
        names = self._names.get(field, {})
        if value.strip().startswith("-"):
            return []  # « module:-1 »: folding dropped the minus and read module 1
        if field == "department" and value.strip().isdigit() and len(value.strip()) == 1:
            value = "0" + value.strip()  # dep:1 is the Ain
        found = names.get(fold(value), []) or self._partly_named(field, value)
        if field in ("module", "tag"):
            # Each value of these must be present: one name stands for one of them.
            return found[:1] if len(found) == 1 or fold(value) in names else []
        return list(found)

    def several(self, field: str, value: str) -> list[str]:
        """The names a module or tag value partly matches when it matches more than one
        (« tag:porteur »: « Isolement des porteurs », « Mobilisation des porteurs »…), for
        the page to list instead of « Filtre inconnu »; [] otherwise."""
        if field not in ("module", "tag"):
            return []
        keys = set(self._partly_named(field, value))
        names = [n.name for n in getattr(self, _LISTS[field]) if n.key in keys]
        return names if len(names) > 1 else []

    def _partly_named(self, field: str, value: str) -> list[str]:
        """The values whose name holds every word of `value` as a word beginning, when it
        is no whole name: « structure:grange » is « Tiers-lieu La Grange », « dep:garonne »
        the three Garonne départements, « region:nouvelle » (« region:Nouvelle Aquitaine »
        typed without quotes) Nouvelle-Aquitaine. Words of three letters or more, not stop
        words: « la », « des » name nothing."""
        words = [w for w in _words(value) if len(w) >= 3 and w not in FRENCH_STOP_WORDS]
        if not words or field not in _LISTS:
            return []
        return [n.key for n in getattr(self, _LISTS[field]) if _names_match(words, n.name)]

    def offered_structures(self, text: str) -> list:
        """Structures whose name holds every word of the text (as word beginnings)."""
        words = _query_words(text)
        if not words:
            return []
        return [s for s in self.structures if _names_match(words, s.name)][:OFFERS]


def _query_words(text: str) -> list[str]:
    """The words of the query text that a name could hold: no operators, no -exclusions;
    nothing at all unless one word has three letters or more."""
    tokens = [t for t in (text or "").split() if t not in _OPERATORS and not t.startswith("-")]
    words = [w for t in tokens for w in _words(t)]
    return words if any(len(w) >= 3 for w in words) else []


def _names_match(words: list[str], name: str) -> bool:
    held = _words(name)
    return all(any(h.startswith(w) for h in held) for w in words)


@dataclass(frozen=True)
class OfferedMember:
    """A member offered above the results: the name and id, never the e-mail."""

    id: int
    display_name: str


def offered_members(text: str) -> list[OfferedMember]:
    """Members (approved accounts) whose display name holds every word of the text, in
    one query bounded by LIMIT, kept per content stamp and words in each process."""
    words = _query_words(text)
    if not words:
        return []

    def compute() -> tuple[OfferedMember, ...]:
        query = select(User).where(User.approved.is_(True))
        for word in words:
            # Letters that French accents decorate match any one character: "remi" finds
            # "Rémi" on SQLite and PostgreSQL alike; the exact test is done below.
            pattern = "".join("_" if c in "aceinouy" else c for c in word)
            query = query.where(func.lower(User.display_name).like(f"%{pattern}%"))
        candidates = db.session.scalars(query.order_by(User.display_name).limit(_CANDIDATES))
        found = [u for u in candidates if _names_match(words, u.display_name)][:OFFERS]
        return tuple(OfferedMember(u.id, u.display_name) for u in found)

    return list(cache.memo("search.offered_members", compute, tuple(words)))
