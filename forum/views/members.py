"""The member directory and the handles the @mention picker suggests (members only)."""

from flask import Blueprint, current_app, jsonify, render_template, request
from flask_login import login_required

from forum.services import directory, form_data, structures, territories
from forum.services.directory import MemberFilters

bp = Blueprint("members", __name__, url_prefix="/members")


@bp.get("/")
@login_required
def index():
    """Members by name: structure, territory, what they wrote (never an e-mail address);
    filtered by structure, département and kit module."""
    filters = MemberFilters.from_args(request.args)
    return render_template(
        "members/index.html",
        page=directory.directory(filters, current_app.config["PER_PAGE"]),
        filters=filters,
        structures=structures.all_structures(),
        departments=territories.departments(),
        modules=form_data.modules(),
    )


@bp.get("/suggest")
@login_required
def suggest():
    """JSON [{handle, name}] for the @mention picker, from the first letters typed."""
    found = directory.suggest_handles(request.args.get("q", ""))
    response = jsonify([{"handle": handle, "name": name} for handle, name in found])
    response.headers["Cache-Control"] = "private, no-store"
    return response
