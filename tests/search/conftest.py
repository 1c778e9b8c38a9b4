"""A small, fixed French corpus indexed for real, by each search backend.

Every test of tests/search runs once per backend (the `search_backend` fixture): Whoosh
(index files in a temp dir) always; PostgreSQL full-text search when the run is on
PostgreSQL (FORUM_TEST_DATABASE_URL), skipped with its reason on SQLite, where that backend
refuses to start. A test of what only one backend has (Whoosh's index files, outbox and
drainer) carries `@pytest.mark.whoosh_only("why")` and is skipped for the other, saying
why.
"""

import os
from datetime import date

import pytest

from forum.extensions import db
from forum.search import engine
from forum.services import reports as report_service
from forum.services.reports import ReportInput
from tests.conftest import A_MONTH_AGO

# (key, title, module, tags, département, date, sections) — written so each judged query
# has an unambiguous best answer.
CORPUS = [
    (
        "cofinancement",
        "Boucler le plan de financement avec la Région et France Active",
        "modele-economique-financement",
        ["financement"],
        "33",
        date(2025, 3, 4),
        "Les porteurs ont construit leur plan de financement : subventions de la Région, prêt d'honneur France Active, financement participatif.",
    ),
    (
        "financer-garage",
        "Comment financer un garage solidaire",
        "modele-economique-financement",
        ["financement", "modele-economique"],
        "46",
        date(2024, 11, 12),
        "Deux porteurs veulent financer un garage solidaire ; les dépenses financées par les fondations couvrent l'outillage.",
    ),
    (
        "covoiturage",
        "Covoiturage organisé pour venir aux séances",
        "emergence-interconnaissance",
        ["mobilite"],
        "19",
        date(2025, 1, 21),
        "La mobilité est le premier frein : sans voiture, deux porteuses ne pouvaient pas venir. Nous avons organisé un covoiturage dès l'inscription.",
    ),
    (
        "transport-demande",
        "Transport à la demande et horaires décalés",
        "emergence-interconnaissance",
        ["mobilite", "garde-d-enfants"],
        "23",
        date(2024, 9, 17),
        "Le transport à la demande du Département a permis de rejoindre le tiers-lieu ; les horaires ont été calés sur l'école.",
    ),
    (
        "isolement",
        "Rompre l'isolement des porteurs en Haute-Corrèze",
        "emergence-interconnaissance",
        ["isolement-des-porteurs"],
        "19",
        date(2025, 5, 6),
        "Beaucoup de porteurs se sentaient isolés. Le groupe a créé une entraide durable ; l'isolement a reculé dès la deuxième séance.",
    ),
    (
        "isolee-porteuse",
        "Une porteuse isolée retrouve de l'élan",
        "besoin-social-utilite-sociale",
        ["isolement-des-porteurs", "confiance-en-soi"],
        "32",
        date(2023, 10, 3),
        "Isolée dans son village, elle doutait de son idée d'épicerie itinérante ; le regard du groupe l'a remise en mouvement.",
    ),
    (
        "ecole",
        "Une école des parents au village",
        "besoin-social-utilite-sociale",
        ["garde-d-enfants"],
        "24",
        date(2025, 2, 11),
        "Le projet d'École des parents répond à un besoin social : les familles manquent de lieux d'échange. Nous avons mené la séance dans l'école.",
    ),
    (
        "elus",
        "Présenter son projet aux élus de la communauté de communes",
        "plan-action-suites",
        ["relation-aux-elus"],
        "47",
        date(2024, 6, 25),
        "Les élus ont écouté trois pitchs ; le maire a proposé un local. Préparer la rencontre avec les élus change tout.",
    ),
    (
        "enquete",
        "Enquête terrain : soixante entretiens au marché",
        "confronter-idee-terrain",
        ["mobilisation-des-porteurs"],
        "46",
        date(2025, 4, 15),
        "Les porteurs ont mené soixante entretiens au marché de Figeac. Confronter son idée au terrain a fait évoluer deux projets.",
    ),
    (
        "gouvernance",
        "Association ou SCIC : choisir sa gouvernance",
        "statut-gouvernance-collectif",
        ["gouvernance"],
        "81",
        date(2024, 3, 19),
        "Atelier sur les statuts : association, coopérative SCIC, SARL ; la gouvernance partagée a séduit le groupe.",
    ),
    (
        "numerique",
        "Séance à distance : le numérique comme lien",
        "plan-action-suites",
        ["numerique"],
        "12",
        date(2025, 6, 10),
        "En visioconférence, les porteurs ont partagé leur plan d'action. La fracture numérique reste un défi : deux connexions ont lâché.",
    ),
    (
        "cooperation",
        "Coopération entre deux structures du Sud Gironde",
        "plan-action-suites",
        ["cooperation-entre-structures"],
        "33",
        date(2025, 9, 23),
        "Le pôle territorial et l'association ont co-construit le parcours ; la coopération entre structures a élargi le réseau des porteurs.",
    ),
]


BACKENDS = ("whoosh", "postgres")
ON_POSTGRES = bool(os.environ.get("FORUM_TEST_DATABASE_URL"))


@pytest.fixture(params=BACKENDS, autouse=True)
def search_backend(request, app_config) -> str:
    """The search backend of this test's app (set before `app` is built)."""
    if request.param == "postgres":
        if not ON_POSTGRES:
            pytest.skip("the postgres search backend needs PostgreSQL (FORUM_TEST_DATABASE_URL)")
        marker = request.node.get_closest_marker("whoosh_only")
        if marker is not None:
            pytest.skip(f"Whoosh only: {marker.args[0] if marker.args else ''}")
    app_config["SEARCH_BACKEND"] = request.param
    return request.param


def index_ready() -> int:
    """Bring the index up to date with what was committed, as each backend does on its
    own (Whoosh: create the files, drain the outbox; PostgreSQL: nothing left to do, the
    documents were written by the commits). Returns the outbox rows applied."""
    backend = engine()
    if hasattr(backend, "store"):
        backend.store.ensure()
    return backend.sync()


CLEAN = {"missing": [], "stale": [], "extra": []}


def make_reports(author, structure=None, publish=True) -> dict[str, int]:
    ids = {}
    for key, title, module, tag_slugs, dep, day, text in CORPUS:
        report = report_service.create_report(
            author,
            ReportInput(
                title=title,
                session_date=day,
                department=dep,
                format="presentiel",
                participants=8,
                modules=[module],
                structure_id=structure.id if structure else None,
                tags=tag_slugs,
                sections={"context": text, "worked": "Le groupe était attentif."},
                publish=publish,
            ),
        )
        ids[key] = report.id
    db.session.commit()  # as the requests that publish them do
    return ids


@pytest.fixture
def corpus(app, make_user, make_structure):
    structure = make_structure(name="Fabrique du Lot", slug="fabrique-du-lot", department_code="46")
    # A member for a month: the new-account brake stops a first day at ten publications.
    author = make_user(display_name="Claire F.", structure=structure, created_at=A_MONTH_AGO)
    ids = make_reports(author, structure)
    index_ready()
    assert engine().check() == CLEAN
    assert engine().search("").total == len(CORPUS)
    return ids


@pytest.fixture
def search_ids(client):
    """search_ids("query", **params) -> report ids on the results page, in order."""
    import re

    def run(q, **params):
        response = client.get("/search", query_string={"q": q, **params})
        assert response.status_code == 200, response.status_code
        html = response.get_data(as_text=True)
        results = html.split('class="results"', 1)[1] if 'class="results"' in html else ""
        return [int(i) for i in re.findall(r'<h2 class="h3"><a href="/reports/(\d+)">', results)]

    return run
