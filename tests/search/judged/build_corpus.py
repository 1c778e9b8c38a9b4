"""Compose corpus.json from the hand-written fragments (run once; the JSON is the fixture).

    .venv/bin/python -m tests.search.judged.build_corpus

Deterministic (seeded). Each report records the labels it is about, with a grade:
2 for its main subject, 1 for a secondary mention; judgments are derived from them
(see README.md). The builder refuses a fragment whose words belong to a judged subject it
is not labelled with, and any sentence written twice.
"""

import json
import random
import re
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from forum.text import slugify
from tests.search.judged import entities, fragments, fragments_more

OUT = Path(__file__).with_name("corpus.json")
SEED = 11
REPORTS_PER_TOPIC = 15
REPORTS_PER_MINI_TOPIC = 12
NFD_EVERY = 6  # every sixth report is stored in decomposed Unicode (typed on a Mac)

# Words that reveal a judged subject: a fragment containing one must carry the label.
MARKERS = {
    "financement": r"financement|financer|subvention|pret d.honneur",
    "mobilite": r"mobilite|covoitur|transport|voiture",
    "isolement": r"isol",
    "gouvernance": r"gouvernance|statut|scic|scop",
    "elus": r"\belu|\bmaire\b",
    "garde": r"garde d.enfant|garderie|creche|solution de garde|assistante maternelle",
    "numerique": r"numerique|\bvisio|\bconnexions?\b",
    "evaluation": r"evalu|indicateur|impact",
    "confiance": r"confiance en soi|redonne\w* confiance|legitime|imposteur",
    "communication": r"\baffiches?\b|radio|flyer|journal|presse",
    "agriculture": r"agriculteur|agricultrice|paysan|maraich",
    "tiers-lieu": r"tiers.lieu",
    "demi-journee": r"demi.journee",
    "co-construction": r"co.?constru",
    "porte-parole": r"porte.parole",
    "rendez-vous": r"rendez.vous",
    "promo-2024-2025": r"2024-2025",
    "micro-trottoir": r"micro.trottoir",
    "savoir-faire": r"savoir.faire",
    "pret-honneur": r"pret d.honneur",
    "covoiturage": r"covoitur",
    "visio": r"\bvisio",
    "entretiens": r"entretien",
}
# How a sentence without slots starts when it is used again (never a judged word).
OPENERS = [
    "À {c}, ",
    "Cette fois, ",
    "En {m}, ",
    "Comme souvent, ",
    "Dans le groupe de {c}, ",
    "Une fois encore, ",
    "Comme à {ail} l'an passé, ",
    "Pour cette séance, ",
    "Chez {st}, ",
    "Au fil des semaines, ",
]
# Labels that stand in for a marker (a casual "rendez-vous" is not about individual meetings).
EQUIVALENT = {
    "rendez-vous": {"rendez-vous-mot"},
    "financement": {"pret-honneur", "subventions", "financement-participatif", "plan-financement"},
    "numerique": {"visio"},
    "communication": {"affiches", "radio"},
}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def split(fragment: str, topic: str) -> tuple[str, set[str], bool]:
    text, _, labels = fragment.partition(" | ")
    hard = text.startswith("!")
    return text.lstrip("!").strip(), {topic, *labels.split()} - {""}, hard


def audit(text: str, labels: set[str]) -> None:
    folded = fold(text)
    for label, pattern in MARKERS.items():
        if re.search(pattern, folded) and not labels & ({label} | EQUIVALENT.get(label, set())):
            # Words of the kit itself are everywhere in a report and never judged alone.
            raise ValueError(f"{text!r} mentions {label} without the label")


class Composer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used_fragments: Counter = Counter()
        self.sentences: set[str] = set()

    def pick(self, pool: list[str], topic: str, slots: dict, hard: bool | None = None, title=False):
        """A fragment of the pool (least used first), filled, never a sentence seen before."""
        candidates = [f for f in pool if hard is None or split(f, topic)[2] == hard]
        self.rng.shuffle(candidates)
        candidates.sort(key=lambda f: self.used_fragments[f])
        for fragment in candidates:
            text, labels, _ = split(fragment, topic)
            audit(text.replace("{", "").replace("}", ""), labels)
            for _ in range(30):
                filled, extra = self.fill(text, slots, title)
                if filled not in self.sentences:
                    self.sentences.add(filled)
                    self.used_fragments[fragment] += 1
                    return filled, labels | extra
                slots = self.reroll(slots)
        raise RuntimeError(f"pool exhausted for {topic}")

    def fill(self, text: str, slots: dict, title: bool = False) -> tuple[str, set[str]]:
        labels = set()
        if title and "{" not in text and text in self.sentences:
            # A title used before gets the place (and then the month) of this session.
            text += " — {c}" if text + " — " + slots["c"] not in self.sentences else " — {c}, {m}"
        elif "{" not in text and text in self.sentences:
            # A sentence without slots is told again in another place and time.
            opener = self.rng.choice(OPENERS)
            text = opener + text[0].lower() + text[1:]
        for key in ("autre", "coll", "ail", "proj"):
            if "{" + key + "}" in text:
                labels |= slots["labels_" + key]
        return text.format(
            **{k: v for k, v in slots.items() if not k.startswith("labels_")}
        ), labels

    def reroll(self, slots: dict) -> dict:
        new = dict(slots)
        new["p"] = self.rng.choice(fragments_more.FIRST_NAMES)
        new["q"] = self.rng.choice(fragments_more.SECOND_NAMES)
        new["n"] = str(self.rng.randint(3, 14))
        new["m"] = self.rng.choice(fragments_more.MONTHS)
        proj, proj_label = self.rng.choice(fragments_more.PROJECTS)
        new["proj"], new["labels_proj"] = proj, {"projet:" + proj_label}
        return new


def build() -> dict:
    rng = random.Random(SEED)
    structures = [
        {"slug": slugify(name), "name": name, "kind": kind, "department": dep, "communes": communes}
        for name, kind, dep, communes in entities.STRUCTURES
    ]
    authors = [
        {"key": slugify(name), "name": name, "structure": structures[i]["slug"], "nfd": nfd}
        for name, i, nfd in entities.AUTHORS
    ]
    parcours = [
        {
            "slug": slugify(title),
            "title": title,
            "structures": [structures[i]["slug"] for i in idx],
            "place": place,
            "department": structures[idx[0]]["department"],
            "start": start.isoformat(),
            "end": end.isoformat(),
        }
        for title, idx, place, start, end in entities.PARCOURS
    ]
    topics = {**fragments.TOPICS, **fragments_more.MINI_TOPICS}
    modules = {**fragments.TOPIC_MODULES, **fragments_more.MINI_MODULES}
    mains = [t for t in fragments.TOPICS for _ in range(REPORTS_PER_TOPIC)]
    mains += [t for t in fragments_more.MINI_TOPICS for _ in range(REPORTS_PER_MINI_TOPIC)]
    rng.shuffle(mains)
    composer = Composer(rng)
    reports = []
    for number, main in enumerate(mains):
        reports.append(
            compose(number, main, rng, composer, structures, authors, parcours, topics, modules)
        )
    return {"structures": structures, "authors": authors, "parcours": parcours, "reports": reports}


def compose(number, main, rng, composer, structures, authors, parcours, topics, modules) -> dict:
    structure = structures[number % len(structures)]
    own_authors = [a for a in authors if a["structure"] == structure["slug"]]
    author = own_authors[(number // len(structures)) % len(own_authors)]
    own_parcours = [p for p in parcours if structure["slug"] in p["structures"]]
    chosen = rng.choice(own_parcours) if own_parcours and rng.random() < 0.8 else None
    if chosen:
        start, end = date.fromisoformat(chosen["start"]), date.fromisoformat(chosen["end"])
        place = chosen["place"]
    else:
        start, end = date(2023, 9, 1), date(2025, 12, 15)
        place = rng.choice(structure["communes"])
    day = start + timedelta(days=rng.randint(0, (end - start).days))
    others = [s for s in structures if s["slug"] != structure["slug"]]
    autre = rng.choice(others)
    coll = rng.choice([a for a in authors if a["structure"] == autre["slug"]])
    ail = rng.choice([c for c in structure["communes"] if c != place])
    slots = composer.reroll(
        {
            "c": place,
            "st": structure["name"],
            "autre": autre["name"],
            "coll": coll["name"],
            "ail": ail,
            "labels_autre": {"structure:" + autre["slug"]},
            "labels_coll": {"author:" + coll["key"], "structure:" + autre["slug"]},
            "labels_ail": {"place:" + slugify(ail)},
        }
    )
    regular = [t for t in fragments.TOPICS if t != main]
    secondaries = rng.sample(regular, 2 if rng.random() < 0.3 else 1)
    counts: Counter = Counter()

    def take(pool, topic, hard=None):
        text, labels = composer.pick(pool, topic, slots, hard)
        counts.update(labels)
        return text

    title, title_labels = composer.pick(topics[main]["titles"], main, slots, title=True)
    context = [take(fragments_more.CONTEXTS, "contexte")]
    season = chosen is not None and "2024-2025" in chosen["title"]
    if rng.random() < 0.3:
        tagged = [f for f in fragments_more.CONTEXTS_TAGGED if season or "promo-2024-2025" not in f]
        context.append(take(tagged, "contexte"))
    proceedings = [take(topics[main]["obs"], main, hard=False) for _ in range(2)]
    worked = [take(topics[secondaries[0]]["obs"], secondaries[0], hard=False)]
    if rng.random() < 0.25:
        worked.append(take(fragments_more.EXTRAS, "extra"))
    hard_topic = secondaries[-1] if len(secondaries) > 1 or rng.random() < 0.5 else main
    difficulties = [take(topics[hard_topic]["obs"], hard_topic, hard=True)]
    advice = [take(topics[main]["conseils"], main)]

    labels: dict[str, int] = {}
    counts.pop("contexte", None)
    counts.pop("extra", None)
    for label, count in counts.items():
        labels[label] = 2 if count >= 2 else 1
    for label in title_labels:
        labels[label] = 2
    for topic in secondaries:
        labels.setdefault(topic, 1)
    labels[main] = 2
    report_modules = [modules[main]]
    if rng.random() < 0.3 and modules.get(secondaries[0]) not in report_modules:
        report_modules.append(modules[secondaries[0]])
    tags = sorted({fragments.TOPIC_TAGS[t] for t in labels if t in fragments.TOPIC_TAGS})
    return {
        "key": f"r{number + 1:03d}",
        "title": title,
        "session_date": day.isoformat(),
        "department": structure["department"],
        "structure": structure["slug"],
        "author": author["key"],
        "parcours": chosen["slug"] if chosen else None,
        "place": place,
        "format": "distanciel" if main == "numerique" else "presentiel",
        "participants": rng.randint(4, 12),
        "modules": report_modules,
        "tags": tags,
        "nfd": number % NFD_EVERY == 0,
        "sections": {
            "context": " ".join(context),
            "proceedings": " ".join(proceedings),
            "worked": " ".join(worked),
            "difficulties": " ".join(difficulties),
            "advice": " ".join(advice),
        },
        "main": main,
        "secondary": secondaries,
        "labels": dict(sorted(labels.items())),
    }


if __name__ == "__main__":
    corpus = build()
    OUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(corpus['reports'])} reports written to {OUT}")
