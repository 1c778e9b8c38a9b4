"""The network's presence per région and département, and its zones blanches."""

from flask import Blueprint, render_template, request
from flask_login import current_user

from forum.services import activity, territories
from forum.services.calendar import upcoming_by_department

bp = Blueprint("territories", __name__, url_prefix="/territories")


@bp.get("/")
def index():
    """The map of départements (issue 16: coloured by `carte`, see activity.map_context),
    then structures, parcours and reports per territory."""
    # the zones blanches of the map's memo (activity.places): none computed twice
    whole = activity.places(activity.ActivitySlice())
    overview = territories.overview(frozenset(p.code for p in whole if p.blank))
    top = max((row["reports"] for item in overview for row in item["departments"]), default=0) or 1
    return render_template(
        "territories/index.html",
        overview=overview,
        top=top,
        **activity.map_context(request.args.get("carte", "")),
        upcoming_events=upcoming_by_department(current_user),  # issue 15: the calendar
    )
