"""/search: the query box, facets with counts, highlighted results."""

from datetime import date
from urllib.parse import urlencode

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _

from forum.forms.reports import FORMAT_LABELS
from forum.pagination import page_number
from forum.search import engine
from forum.search.policy import period
from forum.search.vocabulary import Vocabulary, offered_members
from forum.services import territories

bp = Blueprint("search", __name__)

URL_SAFE = "!$'()*,/:;?@"  # what werkzeug leaves unquoted in the query strings it builds

FILTER_PARAMS = {
    "type": "kind",
    "module": "module",
    "tag": "tag",
    "region": "region",
    "department": "department",
    "structure": "structure",
}


def _date(value: str | None):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@bp.get("/search")
def index():
    """Search the practice base; every parameter is optional and bad ones are ignored."""
    q = (request.args.get("q") or "")[:3000]
    filters = {
        field: [v[:120] for v in request.args.getlist(param) if v.strip()][:10]
        for param, field in FILTER_PARAMS.items()
    }
    date_from, date_to = _date(request.args.get("from")), _date(request.args.get("to"))
    bad_dates = [
        p for p in ("from", "to") if request.args.get(p) and _date(request.args.get(p)) is None
    ]
    sort = "date" if request.args.get("sort") == "date" else "relevance"
    page = page_number(request.args)
    searching = bool(q.strip()) or any(filters.values()) or date_from or date_to
    vocabulary = Vocabulary.load()  # filters typed by name, facet labels, offered names
    results = None
    lower = upper = None
    outside: list[str] = []
    if searching:
        results = engine().search(q, filters, date_from, date_to, sort, page, vocabulary=vocabulary)
        lower, upper = period(results.parsed, date_from, date_to)
        if date_from and date_to and date_from > date_to:
            # the « Période » form's dates reversed find nothing: said, as the box's are
            # (a fresh tester of issue 17)
            results.notices.append("empty_form_period")
        elif lower and upper and lower > upper and "empty_period" not in results.notices:
            # one date typed in the box, the other in the form: said too (a second one)
            results.notices.append("empty_mixed_period")
        in_effect = {field: values for field, values, how in results.typed_filters if how != "none"}
        # a département outside the région chosen with it: nothing can be in both, said
        # as /activity says it (a second fresh tester of issue 17 got 0 and no word)
        outside = territories.outside_regions(
            in_effect.get("department", []), in_effect.get("region", [])
        )
        dated = date_from or date_to or results.parsed.after or results.parsed.before
        kinds = set(filters["kind"]) | {
            value
            for field, values, how in results.typed_filters
            if field == "kind" and how != "none"
            for value in values
        }
        if dated and kinds and "report" not in kinds:
            # dates are sessions': only reports have one (a fresh tester of issue 17 found
            # « type:discussion apres:2025-01-01 » empty, and nothing said why)
            results.notices.append("dates_reports_only")
    offers = _offers(results, vocabulary)
    several = {  # « tag:porteur » names three défis: listed, not « inconnu »
        (name, value): vocabulary.several(name, value)
        for name, value in (results.unknown_filters if results else [])
    }
    labels = {
        **vocabulary.labels(),
        "kind": {
            "report": _("Retours d'expérience"),
            "discussion": _("Discussions"),
            # A facet counts results: a discussion or report found through its messages
            # is one. Named as the box names it (« type:message »): « Discussions, par
            # leurs messages » read as « Discussions » twice (a tester of issue 17).
            "post": _("Messages"),
        },
    }
    args = {
        "q": q,
        "sort": sort if sort != "relevance" else None,
        "from": date_from.isoformat() if date_from else None,
        "to": date_to.isoformat() if date_to else None,
        **{param: filters[field] for param, field in FILTER_PARAMS.items()},
    }

    base = url_for("search.index")

    def toggle_url(param: str, value: str | None = None, **changes) -> str:
        """This search with one facet value added or removed (and the page reset). The
        query string is encoded as url_for encodes it, without a url_for per facet value
        (up to 70 links on a page)."""
        new = {k: (list(v) if isinstance(v, list) else v) for k, v in args.items()}
        if value is not None:
            current = new.get(param) or []
            new[param] = (
                [v for v in current if v != value] if value in current else [*current, value]
            )
        new.update(changes)
        query = [(k, v) for k, v in new.items() if v not in (None, "", [])]
        return f"{base}?{urlencode(query, doseq=True, safe=URL_SAFE)}" if query else base

    return render_template(
        "search/index.html",
        toggle_url=toggle_url,
        q=q,
        results=results,
        filters=filters,
        labels=labels,
        args=args,
        params=FILTER_PARAMS,
        sort=sort,
        date_from=date_from,
        date_to=date_to,
        # the period in effect, the box's and the form's dates together, for the line
        period=(lower, upper) if results else (None, None),
        outside=outside,
        bad_dates=bad_dates,
        formats=FORMAT_LABELS,
        offers=offers,
        filter_names=_filter_names(),
        several=several,
    )


def _offers(results, vocabulary: Vocabulary) -> dict[str, list]:
    """Structures and members whose name the query text matches, offered above the first
    page of results (member profiles are public: see users.profile)."""
    if results is None or results.status != "ok" or results.page != 1 or not results.parsed:
        return {"structures": [], "members": []}
    text = results.parsed.text
    return {
        "structures": vocabulary.offered_structures(text),
        "members": offered_members(text),
    }


def _filter_names() -> dict[str, str]:
    """How an unknown filter is named in its notice."""
    return {
        "kind": _("type"),
        "module": _("module"),
        "tag": _("défi"),
        "region": _("région"),
        "department": _("département"),
        "structure": _("structure"),
    }
