"""Generated corpora for benchmarks (`seed-demo --reports N`) may repeat themselves, but they
keep the demo's rules: no porteur named, places in the report's département and contracted,
structure reports signed by that structure's members, no claim on a parcours session. The
hand-written demo people read is checked in tests/test_demo_realism.py."""

import re

from forum.demo import corpus, network
from tests.test_demo_realism import CONTRACTION, ELISION, FIRST_NAMES

SECTIONS = ("context", "proceedings", "worked", "difficulties", "advice")


def test_generated_reports_follow_the_demo_rules():
    generated = list(corpus.generate_reports(2000, seed=11))
    members = {f["email"]: f for f in network.FACILITATORS}
    first_names = FIRST_NAMES - {f["display_name"].split()[0] for f in network.FACILITATORS}
    name = re.compile(r"(?<![\w-])(" + "|".join(sorted(first_names)) + r")(?![\w-])")
    town_department = {t: code for code, towns in network.TOWNS.items() for t in towns}
    town = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, town_department)) + r")(?![\w-])")
    for report in generated:
        text = "\n".join([report["title"], *(report[s] for s in SECTIONS)])
        assert name.findall(text) == [], report["title"]
        assert CONTRACTION.findall(text) == ELISION.findall(text) == [], report["title"]
        assert {town_department[t] for t in town.findall(text)} <= {report["department"]}
        assert members[report["author"]]["structure"] == report["structure"]
        assert report["parcours"] is None
    assert any(report["structure"] is None for report in generated)  # independents too
    assert any("au Mas-d'Agenais" in r["context"] + r["title"] for r in generated)


def test_slotted_names_are_contracted_and_elided():
    assert corpus.french("à Le Mas-d'Agenais, de Le Bugue, à Les Eyzies") == (
        "au Mas-d'Agenais, du Bugue, aux Eyzies"
    )
    assert corpus.french("la mairie de Ussel, le projet de une aide-soignante") == (
        "la mairie d'Ussel, le projet d'une aide-soignante"
    )
    assert corpus.french("à La Réole, de La Souterraine") == "à La Réole, de La Souterraine"
