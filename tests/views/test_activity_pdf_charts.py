"""The bilan's PDF draws each chart whole (a long « Séances par mois » ran off the first
page: tester), with the table of its numbers under it, and no page left with a heading
alone."""

import io
from datetime import date

from babel.dates import format_date
from pypdf import PdfReader


def _months(first: date, last: date) -> list[date]:
    found, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        found.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return found


def test_every_month_is_in_the_pdf_with_its_table(client, login, make_user, make_report):
    author = make_user()
    first, last = date(2022, 1, 10), date(2025, 11, 10)  # 47 months, the first and last held
    for day in (first, date(2023, 6, 3), last):
        make_report(author, title=f"Séance du {day}", session_date=day, participants=5)
    login(make_user(role="admin"))
    response = client.get("/activity.pdf")
    assert response.status_code == 200
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages]
    text = " ".join(" ".join(pages).split())
    months = _months(first, last)
    assert len(months) == 47
    for day in months:
        label = format_date(day, "MMMM y", locale="fr")
        # in the chart and in its table: twice at least
        assert text.count(label) >= 2, label
    assert "Les chiffres de ce graphique — Séances par mois" in text
    # No page holds a heading alone (« Graphiques », « Séances par mois » did), and the
    # charts take a few pages, not one per heading.
    for number, page in enumerate(pages, 1):
        assert len(page.split()) > 12, (number, page)
    assert len(pages) <= 12
