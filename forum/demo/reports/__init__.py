"""The demo's retours d'expérience, written by hand, one module per territory.

Each module holds TEXT, its reports in a small plain-text format read at import:

    === key                        (a name discussions and the showcase refer to)
    title: …
    author: claire.fabre           (e-mail before the @; the report is its structure's)
    parcours: slug                 (with session: N, the date and town come from the parcours)
    session: 3
    date: 2024-05-02               (a report outside any parcours)
    department: 82                 (a report of no structure: an independent facilitator)
    modules: 3 4                   (kit positions; by default the session's module)
    tags: financement mobilite
    format: presentiel             (or distanciel, hybride)
    participants: 8
    state: draft                   (or deleted; left: its author has since left, with
    structure: slug                 the structure named)
    edit: …                        (added to the advice after publication, kept in history)
    proposed-tag: saisonnalite     (a challenge proposed with this report, awaiting moderation)

    --- context
    Markdown, one line per paragraph (line breaks are kept when rendered).
    --- proceedings
    …

Porteurs are never named: reports speak of « une porteuse de projet d'épicerie
itinérante », not of a person.
"""

from __future__ import annotations

import zlib
from datetime import date
from importlib import import_module

from forum.data.kit import MODULES, TAGS
from forum.demo.network import FACILITATORS, PARCOURS, STRUCTURES

AREAS = (
    "figeacois",
    "sud_gironde",
    "libournais",
    "dordogne",
    "limousin",
    "gatine",
    "segala",
    "couserans",
    "val_de_garonne",
    "haute_correze",
    "sud_creuse",
    "astarac",
    "carmausin",
    "independants",
)
SECTIONS = ("context", "proceedings", "worked", "difficulties", "advice")
FORMATS = ("presentiel", "distanciel", "hybride")
STATES = ("published", "draft", "deleted", "left")

_AUTHORS = {f["email"].split("@")[0]: f for f in FACILITATORS}
_PARCOURS = {p["slug"]: p for p in PARCOURS}
_STRUCTURES = {s["slug"]: s for s in STRUCTURES}
_MODULES = {m["position"]: m["slug"] for m in MODULES}
_TAGS = {t["slug"] for t in TAGS}


def parse(text: str, area: str = "") -> list[dict]:
    """The reports of one TEXT, checked against the network (a ValueError names the fault)."""
    reports = []
    for chunk in text.split("\n=== ")[1:]:
        key, _, rest = chunk.partition("\n")
        head, *parts = rest.split("\n--- ")
        fields = dict(line.split(": ", 1) for line in head.strip().splitlines())
        sections = {}
        for part in parts:
            name, _, body = part.partition("\n")
            sections[name.strip()] = body.strip()
        try:
            reports.append(_report(key.strip(), fields, sections))
        except (KeyError, ValueError) as error:
            raise ValueError(f"demo report {area}/{key.strip()}: {error!r}") from None
    return reports


def _report(key: str, fields: dict, sections: dict) -> dict:
    if set(sections) != set(SECTIONS):
        raise ValueError(f"sections {sorted(sections)}")
    state = fields.get("state", "published")
    if state not in STATES:
        raise ValueError(f"state {state}")
    if state == "left":
        author, structure = None, fields["structure"]
    else:
        person = _AUTHORS[fields["author"]]
        author, structure = person["email"], person["structure"]
    parcours = _PARCOURS[fields["parcours"]] if "parcours" in fields else None
    if parcours:
        session = int(fields["session"])
        when, _town = parcours["sessions"][session - 1]
        if structure not in parcours["structures"]:
            raise ValueError(f"{structure} does not run {parcours['slug']}")
        department = parcours["department"]
        if int(fields["participants"]) > parcours["cohort_size"]:
            raise ValueError("more participants than the cohort")
    else:
        session = int(fields.get("session", 0))
        when = fields["date"]
        department = _STRUCTURES[structure]["department"] if structure else fields["department"]
    positions = [int(p) for p in fields.get("modules", str(session)).split()]
    tags = fields["tags"].split()
    if fields["format"] not in FORMATS or not set(tags) <= _TAGS:
        raise ValueError(f"format or tags {fields['format']} {tags}")
    return {
        "key": key,
        "title": fields["title"],
        "session_date": date.fromisoformat(when),
        # Written up one to nine days after the session (the same delay on every run).
        "delay": 1 + zlib.crc32(key.encode()) % 9,
        "department": department,
        "structure": structure,
        "author": author,
        "parcours": parcours["slug"] if parcours else None,
        "modules": [_MODULES[p] for p in positions],
        "format": fields["format"],
        "participants": int(fields["participants"]),
        "tags": tags,
        "state": state,
        "edit": fields.get("edit", ""),
        "proposed_tag": fields.get("proposed-tag"),
        **sections,
    }


def load() -> list[dict]:
    """Every hand-written report, in the order of their sessions."""
    reports = []
    for area in AREAS:
        reports += parse(import_module(f"{__name__}.{area}").TEXT, area)
    return sorted(reports, key=lambda r: (r["session_date"], r["key"]))
