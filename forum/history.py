"""What changed between two saved versions of a report, field by field, for readers: French
labels, values as shown on the report, and the words added or removed marked with
<ins>/<del>. Every piece of member text is escaped before any tag is added."""

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from forum.forms.reports import SECTION_LABELS
from forum.i18n import lazy
from forum.models import ReportStatus

WORD = re.compile(r"\s+|\w+|[^\w\s]")  # words, runs of spaces, single punctuation marks
WORD_CHAR = re.compile(r"\w")
CONTEXT = 12  # unchanged words kept on each side of a change
STATUS_LABELS = {ReportStatus.DRAFT: lazy("Brouillon"), ReportStatus.PUBLISHED: lazy("Publié")}


@dataclass
class Change:
    """One field that changed: its label, and the change as safe HTML."""

    key: str
    label: str
    html: Markup


def field_labels() -> dict:
    """Snapshot keys (forum.services.reports.snapshot) -> French labels of the form."""
    return {
        "title": lazy("Titre"),
        "session_date": lazy("Date de la séance"),
        "department": lazy("Département"),
        "structure": lazy("Structure"),
        "parcours": lazy("Parcours"),
        "modules": lazy("Modules du kit"),
        "format": lazy("Format"),
        "participants": lazy("Nombre de porteurs présents"),
        "tags": lazy("Défis rencontrés"),
        "status": lazy("Statut"),
        **SECTION_LABELS,
    }


def changes(before: dict, after: dict, shown=None) -> list[Change]:
    """The fields whose value differs, in the order of the form. `shown(key, value)` turns a
    stored value into what readers see (a format code into its label...)."""
    shown = shown or (lambda key, value: value)
    labels = field_labels()
    keys = [k for k in labels if k in after or k in before]
    keys += [k for k in after if k not in labels]  # a field added later keeps its key
    result = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if _same(old, new):
            continue
        label = str(labels.get(key, key))
        if isinstance(old, list) or isinstance(new, list):
            html = list_change(
                [shown(key, v) for v in old or []], [shown(key, v) for v in new or []]
            )
        else:
            html = words_change(_text(shown(key, old)), _text(shown(key, new)))
        result.append(Change(key, label, html))
    return result


def _same(old, new) -> bool:
    """Equal values; lists (modules, défis) in any order: older revisions kept them in the
    order they were chosen, not the order they are shown in."""
    if isinstance(old, list) and isinstance(new, list):
        return sorted(map(str, old)) == sorted(map(str, new))
    return old == new


def _text(value) -> str:
    return "" if value is None else str(value)


def _ins(text: str) -> Markup:
    return Markup('<ins><span class="visually-hidden">%s </span>%s</ins>') % (
        lazy("ajouté :"),
        text,
    )


def _del(text: str) -> Markup:
    return Markup('<del><span class="visually-hidden">%s </span>%s</del>') % (
        lazy("retiré :"),
        text,
    )


def list_change(old: list, new: list) -> Markup:
    """Items removed, kept and added, in the new order (removed ones first)."""
    removed = [_del(item) for item in old if item not in new]
    items = removed + [(escape(item) if item in old else _ins(item)) for item in new]
    if not items:
        return Markup("")
    return Markup('<ul class="diff-list">%s</ul>') % Markup("").join(
        Markup("<li>%s</li>") % item for item in items
    )


def words_change(old: str, new: str) -> Markup:
    """The new text with added words in <ins> and removed ones in <del>; long unchanged
    stretches are shortened to their first and last words around « … ». Lines are
    compared first, then words within the lines that changed: quick on long texts."""
    if not old:
        return Markup('<p class="diff-text">%s</p>') % _ins(new)
    if not new:
        return Markup('<p class="diff-text">%s</p>') % _del(old)
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    parts = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        first, last = index == 0, index == len(opcodes) - 1
        if tag == "equal":
            parts.append(_shortened(WORD.findall("".join(a[i1:i2])), first, last))
        else:
            parts.append(_words("".join(a[i1:i2]), "".join(b[j1:j2])))
    return Markup('<p class="diff-text">%s</p>') % Markup("").join(parts)


def _merged(opcodes: list, a: list[str]) -> list:
    """Changes separated only by spaces or punctuation read as one change: « <del>a
    libéré</del><ins>ont trouvé</ins> » rather than word against word."""
    merged = []
    for index, op in enumerate(opcodes):
        tag, i1, i2, j1, j2 = op
        between = 0 < index < len(opcodes) - 1
        if tag == "equal" and between and not any(WORD_CHAR.search(t) for t in a[i1:i2]):
            tag = "replace"
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _, p1, _, q1, _ = merged[-1]
            merged[-1] = ("replace", p1, i2, q1, j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged


def _words(old: str, new: str) -> Markup:
    a, b = WORD.findall(old), WORD.findall(new)
    opcodes = _merged(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), a)
    parts = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts.append(_shortened(a[i1:i2], index == 0, index == len(opcodes) - 1))
            continue
        if i2 > i1:
            parts.append(_del("".join(a[i1:i2])))
        if j2 > j1:
            parts.append(_ins("".join(b[j1:j2])))
    return Markup("").join(parts)


def _shortened(tokens: list[str], first: bool, last: bool) -> Markup:
    words = [i for i, t in enumerate(tokens) if not t.isspace()]
    keep_head = 0 if first else CONTEXT
    keep_tail = 0 if last else CONTEXT
    if len(words) <= keep_head + keep_tail + 3:
        return escape("".join(tokens))
    head = tokens[: words[keep_head - 1] + 1] if keep_head else []
    tail = tokens[words[-keep_tail] :] if keep_tail else []
    return (
        escape("".join(head)) + Markup(' <span class="diff-gap">…</span> ') + escape("".join(tail))
    )
