"""The judged queries and how their graded judgments are derived from the corpus labels.

A query lists the labels that make a report relevant: a report's grade is the highest grade
it has for any of them (2 = its main subject, 1 = a mention; "label@1" caps a label at 1).
Filters in the box restrict relevance to the reports that satisfy them, and per-query
overrides (report key -> grade) have the last word. See README.md.
"""

import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

CORPUS_FILE = Path(__file__).with_name("corpus.json")
CLASSES = ("words", "compounds", "names", "questions", "misspellings", "filters")


@dataclass(frozen=True)
class Judged:
    cls: str
    text: str  # as typed in the box (NFC here; see nfd)
    labels: tuple[str, ...]
    where: dict = field(default_factory=dict)  # department, region, structure, tag, module, after
    overrides: dict = field(default_factory=dict)
    nfd: bool = False  # typed on a Mac: sent in decomposed Unicode

    @property
    def query(self) -> str:
        return unicodedata.normalize("NFD", self.text) if self.nfd else self.text

    @property
    def label(self) -> str:
        return self.text + (" [NFD]" if self.nfd else "")


def q(cls, text, *labels, where=None, overrides=None, nfd=False) -> Judged:
    return Judged(cls, text, labels, where or {}, overrides or {}, nfd)


SEASON = ("promo-2024-2025",) + tuple(
    "parcours:" + slug
    for slug in (
        "premiers-pas-figeac-2024-2025",
        "premiers-pas-bassin-de-decazeville-2024-2025",
        "germoir-tulle-2024-2025",
        "pepiniere-val-de-creuse-2024-2025",
    )
)

QUERIES = [
    # ---------------------------------------------------------------- single words
    q("words", "financement", "financement"),
    q("words", "mobilité", "mobilite"),
    q("words", "mobilite", "mobilite"),
    q("words", "isolement", "isolement"),
    q("words", "covoiturage", "covoiturage"),
    q("words", "gouvernance", "gouvernance"),
    q("words", "élus", "elus"),
    q("words", "agricultrices", "agriculture"),
    q("words", "agriculteurs", "agriculture"),
    q("words", "visioconférence", "visio"),
    q("words", "subventions", "subventions"),
    q("words", "recyclerie", "projet:recyclerie", "recyclerie"),
    q("words", "évaluation", "evaluation", nfd=True),
    q("words", "confiance", "confiance"),
    q("words", "épicerie", "projet:epicerie", "epicerie"),
    q("words", "horaires", "horaires", "garde@1"),
    q("words", "bénévoles", "benevoles"),
    q("words", "numérique", "numerique", nfd=True),
    # ---------------------------------------------------------------- compounds
    q("compounds", "tiers-lieux", "tiers-lieu"),
    q("compounds", "tiers lieu", "tiers-lieu"),
    q("compounds", "demi-journée", "demi-journee"),
    q("compounds", "demi journée", "demi-journee"),
    q("compounds", "demi-journees", "demi-journee"),
    q("compounds", "co-construction", "co-construction"),
    q("compounds", "coconstruction", "co-construction"),
    q("compounds", "porte-parole", "porte-parole"),
    q("compounds", "2024-2025", *SEASON),
    q("compounds", "rendez-vous", "rendez-vous", "rendez-vous-mot"),
    q("compounds", "rendez-vous individuels", "rendez-vous"),
    q("compounds", "micro-trottoir", "micro-trottoir"),
    q("compounds", "prêt d'honneur", "pret-honneur"),
    q("compounds", "savoir-faire", "savoir-faire"),
    q("compounds", "arbre à problèmes", "arbre-problemes"),
    q("compounds", "Saint-Céré", "place:saint-cere"),
    q("compounds", "Villefranche-de-Rouergue", "place:villefranche-de-rouergue"),
    q("compounds", "garde d'enfants", "garde"),
    # ---------------------------------------------------------------- names
    q("names", "Fabrique du Lot", "structure:tiers-lieu-la-fabrique-du-lot"),
    q("names", "Cap Coopératif", "structure:cap-cooperatif"),
    q("names", "Établi des Causses", "structure:l-etabli-des-causses"),
    q("names", "Germoir corrézien", "structure:le-germoir-correzien"),
    q("names", "Pôle territorial Cœur d'Albret", "structure:pole-territorial-cur-d-albret"),
    q("names", "Ruche d'Aubrac", "structure:la-ruche-d-aubrac"),
    q("names", "Claire Fabre", "author:claire-fabre"),
    q("names", "Zoé Lefèvre-Castan", "author:zoe-lefevre-castan"),
    q("names", "Olivier Séguy", "author:olivier-seguy"),
    q("names", "Maëlle Riviere", "author:maelle-riviere"),
    q("names", "Premiers pas en Couserans", "parcours:premiers-pas-en-couserans"),
    q("names", "Parcours Aubrac-Margeride", "parcours:parcours-aubrac-margeride"),
    q("names", "Confronter son idée au terrain", "module:confronter-idee-terrain"),
    q("names", "Statut, gouvernance et collectif", "module:statut-gouvernance-collectif"),
    q("names", "Garde d'enfants et horaires", "tag:garde-d-enfants"),
    q("names", "Isolement des porteurs", "tag:isolement-des-porteurs"),
    q("names", "Sarlat", "place:sarlat-la-caneda"),
    q("names", "Oloron", "place:oloron-sainte-marie"),
    q("names", "Nérac", "place:nerac", nfd=True),
    # ---------------------------------------------------------------- questions
    q("questions", "comment mobiliser les porteurs", "mobilisation"),
    q("questions", "que faire quand les porteurs ne viennent plus", "mobilisation"),
    q("questions", "comment financer un projet sans apport", "financement"),
    q("questions", "comment travailler avec les élus", "elus"),
    q("questions", "quel statut choisir pour un collectif", "gouvernance"),
    q("questions", "comment faire venir des porteurs sans voiture", "mobilite"),
    q("questions", "comment rompre l'isolement des porteurs", "isolement"),
    q("questions", "comment animer une séance à distance", "numerique"),
    q("questions", "comment mesurer l'impact du parcours", "evaluation"),
    q("questions", "qui peut garder les enfants pendant les séances", "garde"),
    q("questions", "comment faire connaître le parcours aux habitants", "communication"),
    q("questions", "comment redonner confiance à une porteuse qui doute", "confiance"),
    q("questions", "comment calculer le prix de vente", "modele-eco"),
    q("questions", "pourquoi les porteurs abandonnent en cours de parcours", "mobilisation"),
    q("questions", "comment coopérer avec une autre structure", "cooperation"),
    # ---------------------------------------------------------------- misspellings
    q("misspellings", "mobilté", "mobilite"),
    q("misspellings", "finacement", "financement"),
    q("misspellings", "isolemnt", "isolement"),
    q("misspellings", "gouvernace", "gouvernance"),
    q("misspellings", "covoiturrage", "covoiturage"),
    q("misspellings", "evalutation", "evaluation"),
    q("misspellings", "numérque", "numerique"),
    q("misspellings", "confience", "confiance"),
    q("misspellings", "agricultrises", "agriculture"),
    q("misspellings", "subvensions", "subventions"),
    q("misspellings", "tier-lieu", "tiers-lieu"),
    q("misspellings", "communicaton", "communication"),
    # ---------------------------------------------------------------- filters in the box
    q("filters", "financement departement:lot", "financement", where={"department": "46"}),
    q("filters", "financement dep:46", "financement", where={"department": "46"}),
    q("filters", "mobilité region:occitanie", "mobilite", where={"region": "76"}),
    q("filters", "mobilité region:76", "mobilite", where={"region": "76"}),
    q(
        "filters",
        'structure:"Cap Coopératif" porteurs',
        "mobilisation",
        "isolement",
        "confiance",
        where={"structure": "cap-cooperatif"},
    ),
    q(
        "filters",
        "structure:cap-cooperatif partenaires",
        "partenariats",
        where={"structure": "cap-cooperatif"},
    ),
    q("filters", "tag:mobilite horaires", "horaires", where={"tag": "mobilite"}),
    q(
        "filters",
        "module:confronter-idee-terrain entretiens",
        "entretiens",
        where={"module": "confronter-idee-terrain"},
    ),
    q(
        "filters",
        'module:"Modèle économique et financement" subventions',
        "subventions",
        "financement@1",
        where={"module": "modele-economique-financement"},
    ),
    q("filters", "region:nouvelle-aquitaine élus", "elus", where={"region": "75"}),
    q("filters", 'region:"Nouvelle-Aquitaine" isolement', "isolement", where={"region": "75"}),
    q("filters", "gouvernance apres:2025-01-01", "gouvernance", where={"after": "2025-01-01"}),
    q("filters", "departement:gironde gouvernance", "gouvernance", where={"department": "33"}),
    q("filters", "type:retour confiance region:occitanie", "confiance", where={"region": "76"}),
]


@cache
def corpus() -> dict:
    return json.loads(CORPUS_FILE.read_text(encoding="utf-8"))


REGION_OF = {
    "46": "76", "12": "76", "32": "76", "48": "76", "09": "76",
    "47": "75", "19": "75", "23": "75", "24": "75", "33": "75", "64": "75",
    "36": "24", "89": "27",
}  # fmt: skip


def report_labels(report: dict) -> dict[str, int]:
    """Its written labels plus what its metadata says (own structure, author, place…)."""
    from forum.text import slugify

    labels = dict(report["labels"])

    def at_least(label, grade):
        labels[label] = max(labels.get(label, 0), grade)

    at_least("structure:" + report["structure"], 2)
    at_least("author:" + report["author"], 2)
    # Where the session took place: known from its parcours, or said in its text (a report
    # outside a parcours that never names its commune cannot be found by it).
    text = report["title"] + " " + " ".join(report["sections"].values())
    if report["parcours"] or report["place"] in text:
        at_least("place:" + slugify(report["place"]), 2)
    if report["parcours"]:
        at_least("parcours:" + report["parcours"], 2)
    for position, module in enumerate(report["modules"]):
        at_least("module:" + module, 2 if position == 0 else 1)
    from tests.search.judged.fragments import TOPIC_TAGS

    for topic, tag in TOPIC_TAGS.items():
        if topic in labels:
            at_least("tag:" + tag, labels[topic])
    return labels


def satisfies(report: dict, where: dict) -> bool:
    for name, value in where.items():
        if name == "department" and report["department"] != value:
            return False
        if name == "region" and REGION_OF[report["department"]] != value:
            return False
        if name == "structure" and report["structure"] != value:
            return False
        if name == "tag" and value not in report["tags"]:
            return False
        if name == "module" and value not in report["modules"]:
            return False
        if name == "after" and date.fromisoformat(report["session_date"]) < date.fromisoformat(
            value
        ):
            return False
    return True


def judgments(query: Judged) -> dict[str, int]:
    """Report key -> grade (1 or 2) for this query; unlisted reports are 0."""
    grades = {}
    for report in corpus()["reports"]:
        if not satisfies(report, query.where):
            continue
        labels = report_labels(report)
        grade = 0
        for spec in query.labels:
            label, _, cap = spec.partition("@")
            grade = max(grade, min(labels.get(label, 0), int(cap or 2)))
        if grade:
            grades[report["key"]] = grade
    for key, grade in query.overrides.items():
        if grade:
            grades[key] = grade
        else:
            grades.pop(key, None)
    return grades
