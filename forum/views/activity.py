"""« Activité du réseau »: the indicators of a slice, its charts and map, and its
exports. The figures are defined in forum/services/activity.py, nowhere else."""

import csv
import io

from flask import Blueprint, Response, render_template, request
from flask_babel import gettext as _

from forum.services import activity, form_data, structures, tags, territories

bp = Blueprint("activity", __name__)

# Fewer porteurs than this in one cell could point at people: shown « < 3 ».
SMALL_CELL = 3


def small(value: int) -> str:
    """A number of porteurs as shown and exported: « < 3 » under SMALL_CELL, else itself
    (issue 16: small numbers are not shown where they could identify people)."""
    return "< 3" if 0 < value < SMALL_CELL else str(value)


@bp.get("/activity")
def index():
    """The indicators of the slice in the query string, each linking to the reports
    behind it; sessions per month, per module and per défi as SVG bar charts with their
    tables; the map of départements coloured by `carte` (sessions, structures, zones
    blanches). Bad dates: 400; unknown slug or code: 404 (both French pages)."""
    chosen = activity.parse_slice(request.args)
    measure = activity.map_measure(request.args.get("carte", ""))
    places = activity.by_department(chosen)
    return render_template(
        "activity/index.html",
        chosen=chosen,
        figures=activity.indicators(chosen),
        labels=activity.indicator_labels(),
        months=activity.sessions_by_month(chosen),
        modules=activity.sessions_by_module(chosen),
        challenges=activity.sessions_by_challenge(chosen),
        areas=activity.map_areas(places, measure),
        measure=measure,
        map_info=activity.map_shapes(),
        regions=territories.regions(),
        departments=territories.departments(),
        structures=structures.all_structures(),
        module_choices=form_data.modules(),
        tags=tags.approved_tags(),
        small=small,
    )


CSV_HEADER = (
    "id",
    "date",
    "titre",
    "departement",
    "departement_nom",
    "structure",
    "parcours",
    "format",
    "porteurs",
)


@bp.get("/activity.csv")
def export_csv():
    """The sessions of the slice, one row each (CSV, UTF-8 with BOM for spreadsheet
    programs, `;` as French spreadsheets expect), porteurs under 3 as « < 3 »."""
    chosen = activity.parse_slice(request.args)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(CSV_HEADER)
    writer.writerows([*row[:8], small(row[8])] for row in activity.session_rows(chosen))
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{_("activite")}.csv"'},
    )
