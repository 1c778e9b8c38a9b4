"""« Activité du réseau »: the indicators of a slice, its charts and map, and its
exports. The figures are defined in forum/services/activity.py, nowhere else."""

import csv
import io
from datetime import date

from flask import Blueprint, Response, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from forum.cache import memo_export
from forum.errors import render_error
from forum.forms.reports import FORMAT_LABELS, SECTION_LABELS
from forum.i18n import current_locale, lazy, long_date
from forum.services import Forbidden, activity, form_data, structures, tags, territories
from forum.text import slugify, spreadsheet_safe

bp = Blueprint("activity", __name__)

small = activity.small


@bp.app_template_filter("porteurs")
def porteurs_filter(value: int) -> str:
    """`{{ report.participants|porteurs }}`: activity.small_in_words, for public pages."""
    return activity.small_in_words(value)


@bp.app_template_test("masked")
def masked_test(value: int | None) -> bool:
    """`{% if parcours.cohort_size is masked %}`: a number of porteurs never shown exactly
    (1 or 2: activity.SMALL_CELL), as `porteurs` masks it."""
    return value is not None and 0 < value < activity.SMALL_CELL


@bp.get("/activity")
def index():
    """The indicators of the slice in the query string, each linking to the reports
    behind it; sessions per month, per module and per défi as SVG bar charts with their
    tables; the map of départements coloured by `carte` (sessions, structures, zones
    blanches).

    What cannot be honoured is said above the filter form, which keeps every other
    choice, and the figures are those of the selection without it (never a 404 that
    loses the selection: a fresh tester typed « Figeacois » for a parcours): a wrong
    date (each one named) drops the period, a filter naming nothing (« Filtre inconnu
    ignoré ») drops that filter. Either answers 400: the page is not what the URL asks
    for, as a link checker should learn; the bilan and its exports refuse instead
    (`_bilan_slice`)."""
    asked = activity.read_slice(request.args)
    return _index_page(asked), 200 if asked.ok else 400


def _index_page(asked: activity.SliceRequest):
    """Render /activity: the figures, charts and map of `asked.chosen` (kept per content
    stamp: activity.summary, activity.map_context); the filter form filled with
    `asked.picked`; the wrong dates and the unknown filters said above it."""
    chosen = asked.chosen
    return render_template(
        "activity/index.html",
        **activity.summary(chosen),
        **activity.map_context(request.args.get("carte", ""), chosen),
        picked=asked.picked,
        error=" ".join(asked.bad_dates),
        typed_dates=asked.typed_dates,
        date_errors=asked.date_errors,
        unknown=asked.unknown,
        repeated=asked.repeated,
        quoted=activity.quoted,
        filter_labels=activity.NAMED_FILTERS,
        contradictions=activity.contradictions(chosen),
        figure_maps=activity.FIGURE_MAPS,
        figure_charts=activity.FIGURE_CHARTS,
        unlinked=activity.UNLINKED,
        outcomes=activity.OUTCOMES,
        regions=territories.regions(),
        departments=territories.departments(),
        structures=structures.all_structures(),
        parcours_years=form_data.parcours_by_year(),
        module_choices=form_data.modules(),
        tags=tags.approved_tags(),
        figure_text=activity.figure_text,
        rounded_note=activity.rounded_note,
        figure_labels=activity.figure_labels,
        may_see_bilan=activity.can_see_bilan(current_user, chosen),
    )


# The exports' column headings, in the reader's language: a funder opens the file in a
# spreadsheet and reads words, not the app's codes (tester, issue 16).
EXPORT_HEADINGS = (
    lazy("N° du retour"),
    lazy("Date"),
    lazy("Titre"),
    lazy("Code du département"),
    lazy("Département"),
    lazy("Structure"),
    lazy("Parcours"),
    lazy("Format"),
    lazy("Porteurs"),
    lazy("Note sur les porteurs"),  # why a Porteurs cell is empty (activity.small_for_export)
)


def _headings() -> list[str]:
    return [str(heading) for heading in EXPORT_HEADINGS]


def _bilan_slice():
    """The slice of the query string, if the viewer may read its bilan
    (`activity.can_see_bilan`): else 403 for a member, the login page for a visitor.

    The bilan page and its PDF, XLSX and CSV are documents handed on to funders: a
    selection they cannot honour is refused, never replaced by another, as /activity
    does (a file keeps no notice of the filter it lacks, and would pass for the
    selection asked): wrong dates or a filter given several values 400, else filters
    that name nothing 404 (as before),
    every wrong value named in French, with a link to /activity with the same query
    string, whose form says what to correct. Checked before who may read it: what is
    wrong is said first, to a visitor too (the aggregates, and so the names, are public)."""
    asked = activity.read_slice(request.args)
    if not asked.ok:
        said = list(asked.bad_dates)
        if asked.unknown:
            said.append(activity.unknown_filters_text(asked.unknown))
        if asked.repeated:
            said.append(activity.repeated_filters_text(asked.repeated))
        said.append(_("Un bilan n’est jamais établi sur une autre sélection que celle demandée."))
        # every value, repeated ones too: /activity then says what to correct
        args = {
            k: request.args.getlist(k) for k in request.args if k in (*activity.SLICE_ARGS, "carte")
        }
        link = (url_for("activity.index", **args), _("Corriger la sélection"))
        status = 404 if asked.unknown and not (asked.bad_dates or asked.repeated) else 400
        return render_error(status, " ".join(said), link)
    chosen = asked.chosen
    if not activity.can_see_bilan(current_user, chosen):
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        raise Forbidden(activity.bilan_refusal(chosen))
    return chosen


def _bilan_context(chosen: activity.ActivitySlice) -> dict:
    """Everything the bilan shows, for its page and its PDF (the same HTML)."""
    return {
        **activity.summary(chosen),
        "labels": activity.indicator_labels(),
        **activity.map_context(request.args.get("carte", ""), chosen),
        "sessions": activity.bilan_sessions(chosen),
        "excerpts": activity.excerpts(chosen),
        "section_labels": SECTION_LABELS,
        "small": small,
        "figure_text": activity.figure_text,
        "rounded_note": activity.rounded_note,
        "session_limit": activity.BILAN_SESSIONS,
        "title": _bilan_title(chosen),
    }


def _bilan_title(chosen: activity.ActivitySlice) -> str:
    """« Bilan d’activité — <names of the slice> — du <date> au <date> » in words: names,
    not slugs; dates in the reader's language."""
    parts = [_("Bilan d’activité"), *activity.slice_names(chosen)]
    if chosen.date_from and chosen.date_to:
        parts.append(
            _(
                "du %(start)s au %(end)s",
                start=long_date(chosen.date_from),
                end=long_date(chosen.date_to),
            )
        )
    elif chosen.date_from:
        parts.append(_("depuis le %(start)s", start=long_date(chosen.date_from)))
    elif chosen.date_to:
        parts.append(_("jusqu’au %(end)s", end=long_date(chosen.date_to)))
    return " — ".join(parts)


@bp.get("/activity/bilan")
def bilan():
    """The printable bilan of a slice: its indicators, charts, map, the list of its
    sessions with links and the excerpts their authors allowed. Who: see
    activity.can_see_bilan."""
    chosen = _bilan_slice()
    if not isinstance(chosen, activity.ActivitySlice):
        return chosen
    return render_template("activity/bilan.html", **_bilan_context(chosen))


@bp.get("/activity.pdf")
def export_pdf():
    """The bilan as PDF, made by WeasyPrint from the same HTML as the printable page
    (templates/activity/_bilan_body.html) in a paper layout (bilan_document.html)."""
    chosen = _bilan_slice()
    if not isinstance(chosen, activity.ActivitySlice):
        return chosen
    html = render_template("activity/bilan_document.html", **_bilan_context(chosen), pdf=True)
    pdf = bilan_pdf(html)
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": _attachment(_("bilan"), chosen, "pdf")},
    )


def bilan_pdf(html: str) -> bytes:
    """PDF bytes of a bilan's HTML (WeasyPrint), styled by the stylesheet inside that
    HTML; any URL it meets (image, stylesheet, font) is refused: a bilan fetches nothing."""

    # here, not at the top: WeasyPrint loads Pango (about 0.3 s and its system library);
    # every other page, and an app on a host without Pango, spare it.
    from PIL import ImageFile
    from weasyprint import HTML

    # WeasyPrint's import sets Pillow's process-wide LOAD_TRUNCATED_IMAGES; a truncated
    # upload would then be decoded as « ready » by this process's attachment worker.
    # The bilan holds no raster image: put Pillow's default back.
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    def fetch(url: str, *args, **kwargs) -> dict:
        raise ValueError(f"no external resource in a bilan: {url[:80]}")

    return HTML(string=html, url_fetcher=fetch).write_pdf()


@bp.get("/activity.xlsx")
def export_xlsx():
    """The bilan's rows as an XLSX workbook (openpyxl, write-only): a sheet of
    indicators, a sheet of sessions, a sheet saying how to read them; kept per content
    stamp (`_kept`). Numeric columns hold numbers only: a figure that is not shown
    (porteurs under 3, projects' outcomes while no follow-up was answered, porteurs not
    recorded) is an empty cell, its reason in the note column beside it
    (`activity.small_for_export`), so that a spreadsheet sums and filters the column."""
    chosen = _bilan_slice()
    if not isinstance(chosen, activity.ActivitySlice):
        return chosen
    return Response(
        _kept("xlsx", chosen, lambda: _xlsx(chosen)),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": _attachment(_("activite"), chosen, "xlsx")},
    )


def _kept(kind: str, chosen: activity.ActivitySlice, build) -> bytes:
    """An export of the slice, made by `build()` once per content stamp, day and language
    (its sheet names, headings and formats are translated): downloading it again costs
    nothing until the content changes (issue 16's benchmark: 50,000 sessions took
    0.4 s as CSV, 4 s as XLSX to make)."""
    return memo_export(f"activity.{kind}", build, chosen, date.today(), current_locale())


def _xlsx(chosen: activity.ActivitySlice) -> bytes:
    book = Workbook(write_only=True)
    figures = book.create_sheet(_("Indicateurs"))
    figures.append([_("Indicateur"), _("Valeur"), _("Note")])
    labels = activity.indicator_labels()
    kept = activity.summary(chosen)
    unknown = kept["unanswered"]  # no follow-up answer yet: unknown, not 0
    for name, value in kept["figures"].items():
        if name in unknown:
            shown, note = None, _("pas encore de réponse au suivi (inconnu, pas 0)")
        elif name == "porteurs":
            shown, note = activity.small_for_export(value)
            if name in kept["rounded"] and shown is not None:
                note = _("arrondi au multiple de 5 le plus proche (voir Légende)")
        else:
            shown, note = value, ""
        figures.append([spreadsheet_safe(labels[name]), shown, note or None])
    rows = book.create_sheet(_("Séances"))
    rows.append(_headings())
    # Typed texts as they are, in text cells: a title beginning with « = » showed the
    # CSV's protective apostrophe in the cell (tester); a text cell is never a formula.
    for row in map(_export_row(safe=str), activity.session_rows(chosen)):
        count, note = activity.small_for_export(row[8])
        rows.append([*map(_text_cell(rows), row[:8]), count, note or None])
    legend = book.create_sheet(_("Légende"))
    for line in _legend():
        legend.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _legend() -> list[str]:
    """How to read the exports' empty cells, in words, for the XLSX's last sheet."""
    return [
        _("Comment lire ce fichier"),
        _(
            "Les colonnes de nombres (Valeur, Porteurs) ne contiennent que des nombres : "
            "une somme, une moyenne ou un filtre y fonctionne."
        ),
        _(
            "Une cellule vide n’est pas 0 : la colonne de note à sa droite dit pourquoi. "
            "« moins de 3 (nombre masqué) » : 1 ou 2 porteurs, jamais donnés exactement "
            "pour que personne ne puisse être reconnu. « non renseigné » : le nombre n’a "
            "pas été noté. « pas encore de réponse au suivi » : aucun parcours de la "
            "sélection n’a encore dit ce que sont devenus ses projets."
        ),
        _(
            "Une somme de la colonne Porteurs ne compte donc pas les séances de 1 ou 2 "
            "porteurs ; et « Porteurs touchés » (feuille Indicateurs) compte la cohorte "
            "d’un parcours une seule fois, pas à chaque séance."
        ),
        _(
            "0 porteur est écrit 0 : la séance a eu lieu (elle compte parmi les séances "
            "tenues) mais personne n’est venu, il n’y a donc personne à reconnaître."
        ),
        activity.rounded_note(),
    ]


def _text_cell(sheet):
    """A function making a string a text cell of the write-only `sheet` (data type
    « s »: shown as typed, never run as a formula, even when it begins with « = »);
    other values unchanged."""

    def cell(value):
        if not isinstance(value, str):
            return value
        text = WriteOnlyCell(sheet, value=value)
        text.data_type = "s"  # openpyxl made « =… » a formula (« f »)
        return text

    return cell


def _export_row(safe=spreadsheet_safe):
    """A function making one session row (as `activity.session_rows`) safe to export:
    the texts members typed (title, structure, parcours) and the names passed through
    `safe` (the CSV's forum.text.spreadsheet_safe by default; the XLSX writes them in
    text cells instead, `_text_cell`), the format named in the reader's language (a funder
    reads « Présentiel », not the app's code); id, date, département code and porteurs
    (int or None) as they are. Names repeat from row to row: each is checked once."""
    formats = {slug: str(label) for slug, label in FORMAT_LABELS.items()}
    names: dict[str, str] = {}

    def safe_name(value: str) -> str:
        found = names.get(value)
        if found is None:
            found = names[value] = safe(value)
        return found

    def row(values) -> tuple:
        report_id, day, title, code, name, structure, parcours, kind, count = values
        return (report_id, day, safe(title), code, safe_name(name), safe_name(structure),
                safe_name(parcours), formats.get(kind, kind), count)  # fmt: skip

    return row


@bp.get("/activity.csv")
def export_csv():
    """The sessions of the slice, one row each (CSV, UTF-8 with BOM for spreadsheet
    programs, `;` as French spreadsheets expect), with the XLSX's columns: porteurs a
    number or empty, the reason of an empty one in the next column
    (`activity.small_for_export`); kept per content stamp (`_kept`). Who: see
    activity.can_see_bilan."""
    chosen = _bilan_slice()
    if not isinstance(chosen, activity.ActivitySlice):
        return chosen
    return Response(
        _kept("csv", chosen, lambda: _csv(chosen)),
        mimetype="text/csv",
        headers={"Content-Disposition": _attachment(_("activite"), chosen, "csv")},
    )


def _csv(chosen: activity.ActivitySlice) -> bytes:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_headings())
    row = _export_row()
    writer.writerows(
        (*values[:8], *activity.small_for_export(values[8]))
        for values in map(row, activity.session_rows(chosen))
    )
    return buffer.getvalue().encode()


def _attachment(stem: str, chosen: activity.ActivitySlice, extension: str) -> str:
    """A Content-Disposition whose file name says the selection, so that files sent to a
    funder can be told apart (tester, issue 16): « activite-cap-lot-2025-01-01-2025-12-31.csv »;
    slugs and dates only (ASCII, no quote can reach the header)."""
    parts = [slugify(str(value)) for value in chosen.to_args().values() if value]
    name = "-".join([slugify(stem), *[part for part in parts if part]])[:150]
    return f'attachment; filename="{name}.{extension}"'
