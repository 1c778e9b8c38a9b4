"""A masked number of porteurs (1 or 2, « < 3 ») cannot be derived from the totals: not
from one total beside the public counts, nor by differencing two selections
(forum.services.activity.porteurs_published), on the page, the bilan, its PDF and XLSX."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.views.test_activity import _figures, _indicator_sheet, _page

WITH = "/activity?structure=fabrique&to=2024-03-01"  # the masked session in it
WITHOUT = "/activity?structure=fabrique&to=2024-02-28"  # the same without it


@pytest.fixture
def fabrique(make_user, make_structure, make_report):
    """A structure with two sessions outside any parcours: `known` porteurs on
    2024-02-20, `hidden` (1 or 2: masked) on 2024-03-01."""

    def build(known: int, hidden: int):
        structure = make_structure(name="Fabrique", slug="fabrique", department_code="46")
        author = make_user(structure_id=structure.id)
        for day, count in ((date(2024, 2, 20), known), (date(2024, 3, 1), hidden)):
            make_report(
                author,
                title=f"Séance du {day}",
                session_date=day,
                department="46",
                structure_id=structure.id,
                participants=count,
            )
        return author

    return build


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


# (public count, what the total with the masked session shows, whatever it hides). With
# 6, the true totals 7 and 8 round to 5 and 10: rounding them would give the 1 or 2 away.
@pytest.mark.parametrize("known, shown", [(4, "≈\u00a05"), (6, "≈\u00a010")])
@pytest.mark.parametrize("hidden", [1, 2])
def test_a_masked_count_cannot_be_derived(client, login, fabrique, known, shown, hidden):
    author = fabrique(known, hidden)
    with_it = _figures(_page(client, WITH))["porteurs"][0]
    without_it = _figures(_page(client, WITHOUT))["porteurs"][0]
    # Signed out: the same figure whether the session had 1 or 2, and the difference of
    # the two selections tells nothing but « < 3 ».
    assert (with_it, without_it) == (shown, str(known))
    page = _page(client, WITH)
    assert "total arrondi au multiple de 5" in page
    assert "total arrondi" not in _page(client, WITHOUT)  # an exact total is not rounded

    login(author)  # a member of the structure reads its bilan
    query = "structure=fabrique&to=2024-03-01"
    bilan = _page(client, f"/activity/bilan?{query}")
    assert f'data-indicator="porteurs"><th scope="row">Porteurs touchés</th><td>{shown}' in bilan
    assert "total arrondi au multiple de 5" in bilan
    text = _pdf_text(client.get(f"/activity.pdf?{query}").data)
    assert f"Porteurs touchés {shown.replace(chr(160), ' ')}" in text.replace("\u00a0", " ")
    assert f"Porteurs touchés {known + hidden}" not in text
    book = load_workbook(io.BytesIO(client.get(f"/activity.xlsx?{query}").data))
    assert _indicator_sheet(book)["Porteurs touchés"] == int(shown.split("\u00a0")[1])
    notes = {row[0]: row[2] for row in book["Indicateurs"].iter_rows(values_only=True)}
    assert "arrondi" in notes["Porteurs touchés"]
    legend = " ".join(str(row[0]) for row in book["Légende"].iter_rows(values_only=True))
    assert "arrondi au multiple de 5" in legend and "0 porteur est écrit 0" in legend
