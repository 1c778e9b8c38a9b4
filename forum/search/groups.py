"""Results a person can scan: one result per report or discussion, its matching messages
under it.

Every document carries the integer of the result it belongs to
(`forum.search.fields.group_code`), stored in a
column of the index and read back per segment with the facet arrays (forum.search.facets).
Grouping a page then takes a few numpy steps over the matching documents: only the groups
that contain a matching message need collapsing, every other document is its own result.
"""

from dataclasses import dataclass, field

import numpy as np
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import Attachment, AttachmentStatus, ChallengeTag, Discussion, Post
from forum.models.reports import report_tags
from forum.search import documents, threads
from forum.search.fields import plain_text
from forum.search.snippets import snippet

MESSAGES_PER_RESULT = 3  # the best matching messages shown under a result


def group_of(code: int) -> tuple[str, int] | None:
    """("report" | "discussion", id) for a group code; None for a document indexed before
    groups existed (it stands alone)."""
    if code < 0:
        return None
    return ("discussion" if code & 1 else "report", code >> 1)


@dataclass
class Message:
    """A matching message shown under its report or discussion."""

    post: object  # forum.models.Post
    snippet: Markup

    @property
    def anchor(self) -> str:
        """Its id on the discussion or report page."""
        return f"post-{self.post.id}"


@dataclass
class Hit:
    """One result: a report or a discussion, with its own snippet when it matched itself,
    and its best matching messages."""

    kind: str  # "report" or "discussion": what the result opens
    item: object  # the Report or Discussion
    snippet: Markup | None = None
    messages: list[Message] = field(default_factory=list)

    @property
    def report(self):
        return self.item if self.kind == "report" else None


@dataclass
class Grouping:
    """The matching documents folded into results. Indices are positions in `matches`."""

    matches: np.ndarray  # docnums, ascending
    codes: np.ndarray  # group code per match
    singles: np.ndarray  # matches that are a result on their own
    order: np.ndarray  # matches of collapsed groups, by group then best first
    starts: np.ndarray  # where each collapsed group begins in `order`

    @property
    def leaders(self) -> np.ndarray:
        """One match per result (the best of each collapsed group), ascending."""
        return np.sort(np.concatenate([self.singles, self.order[self.starts]]))

    @property
    def total(self) -> int:
        """How many results: what the count and the pages are made of."""
        return len(self.singles) + len(self.starts)

    def members(self, leader: int) -> list[int]:
        """The docnums of the result led by this match, best first."""
        code = self.codes[leader]
        sorted_codes = self.codes[self.order]
        lo = np.searchsorted(sorted_codes, code, "left")
        hi = np.searchsorted(sorted_codes, code, "right")
        if hi == lo:
            return [int(self.matches[leader])]
        return self.matches[self.order[lo:hi]].tolist()


def group_matches(
    matches: np.ndarray,
    codes: np.ndarray,
    is_post: np.ndarray,
    day: np.ndarray,
    scores: np.ndarray | None,
) -> Grouping:
    """Fold the matches (docnums) into results; `codes`, `is_post` and `day` are per document
    of the index, `scores` per match (None: order by date). A result's leader is its best
    match; by date, its report or discussion when it matched (the date the page shows for
    it: a report's session, a discussion's opening), else its latest message."""
    g = codes[matches]
    posts = is_post[matches]
    threaded = np.isin(g, np.unique(g[posts])) if posts.any() else np.zeros(len(g), dtype=bool)
    singles = np.flatnonzero(~threaded)
    inner = np.flatnonzero(threaded)
    days = day[matches[inner]]
    if scores is None:
        order = inner[np.lexsort((-days, posts[inner], g[inner]))]
    else:
        order = inner[np.lexsort((-days, -scores[inner], g[inner]))]
    sorted_codes = g[order]
    starts = (
        np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]]) if len(order) else order
    )
    return Grouping(matches, g, singles, order, starts)


def page_leaders(
    grouping: Grouping, day: np.ndarray, scores: np.ndarray | None, start: int, per_page: int
) -> list[int]:
    """The leading matches (positions) of one page of results, in rank order: by the
    leader's score then date, or by date alone; ties by group code, as the PostgreSQL
    backend orders them. A total order, so that pages never overlap: choosing each page's
    top by a partial selection (np.argpartition) broke ties differently from one page to
    the next, and a result could show on two pages while another showed on none."""
    leaders = grouping.leaders
    if start >= len(leaders):
        return []
    days = day[grouping.matches[leaders]]
    codes = grouping.codes[leaders]
    if scores is None:
        order = np.lexsort((codes, -days))
    else:
        order = np.lexsort((codes, -days, -scores[leaders]))
    return leaders[order[start : start + per_page]].tolist()


def group_counts(masks: np.ndarray, terms: list[str], grouping: Grouping) -> dict[str, int]:
    """Per term of a facet field, how many results (not documents) carry it."""
    if not grouping.total or not terms:
        return {}
    sums = masks[:, grouping.matches[grouping.singles]].sum(axis=1)
    if len(grouping.order):
        collapsed = masks[:, grouping.matches[grouping.order]]
        sums = sums + np.logical_or.reduceat(collapsed, grouping.starts, axis=1).sum(axis=1)
    return {term: int(n) for term, n in zip(terms, sums) if n and term}


def load_hits(page: list[tuple[int, list[str]]], terms: set[str]) -> list[Hit]:
    """The page's results from the database: `page` holds, per result, its group code and
    its matching documents' keys, best first. A fixed number of queries whatever the page
    holds: messages (with their discussion), reports, missing discussions, opening posts."""
    wanted: dict[str, set[int]] = {"report": set(), "discussion": set(), "post": set()}
    for _code, keys in page:
        for key in keys:
            kind, _, object_id = key.partition(":")
            if kind in wanted:
                wanted[kind].add(int(object_id))
    posts = {}
    if wanted["post"]:
        posts = {
            p.id: p
            for p in db.session.scalars(
                select(Post)
                .where(Post.id.in_(wanted["post"]))
                .options(joinedload(Post.discussion), joinedload(Post.author))
            )
            if p.visible and p.discussion.deleted_at is None
        }

    def head_of(code: int, keys: list[str]) -> tuple[str, int] | None:
        head = group_of(code)
        if head is not None:
            return head
        kind, _, object_id = keys[0].partition(":")  # indexed before groups: stands alone
        if kind != "post":
            return kind, int(object_id)
        post = posts.get(int(object_id))
        if post is None:
            return None
        d = post.discussion
        return ("report", d.report_id) if d.report_id else ("discussion", d.id)

    heads = [head_of(code, keys) for code, keys in page]
    report_ids = {i for h in heads if h and h[0] == "report" for i in [h[1]]}
    reports = documents.report_hits_by_id(report_ids) if report_ids else {}
    known = {p.discussion.id: p.discussion for p in posts.values()}
    missing = {h[1] for h in heads if h and h[0] == "discussion"} - set(known)
    if missing:
        known.update(
            (d.id, d)
            for d in db.session.scalars(select(Discussion).where(Discussion.id.in_(missing)))
        )
    openings = threads.opening_posts(sorted(wanted["discussion"])) if wanted["discussion"] else {}
    files = attached_texts(report_ids, set(posts))

    hits = []
    for head, (_code, keys) in zip(heads, page):
        if head is None:
            continue
        kind, object_id = head
        if kind == "report":
            item = reports.get(object_id)
            if item is None or not documents.visible(item):
                continue
        else:
            item = known.get(object_id)
            if item is None or item.deleted_at is not None:
                continue
        hit = Hit(kind, item)
        for key in keys:
            key_kind, _, key_id = key.partition(":")
            if key_kind == "report":
                hit.snippet = _with_files(
                    snippet(documents.report_text(item), terms),
                    files.get(("report", item.id)),
                    terms,
                )
            elif key_kind == "discussion":
                opening = openings.get(item.id)
                text = plain_text(opening.body_html) if opening and opening.visible else ""
                hit.snippet = snippet(text, terms)
            elif (post := posts.get(int(key_id))) and len(hit.messages) < MESSAGES_PER_RESULT:
                found = snippet(plain_text(post.body_html), terms)
                found = _with_files(found, files.get(("post", post.id)), terms)
                hit.messages.append(Message(post, found))
        if hit.snippet is None and not hit.messages:
            continue  # everything it matched was removed since the last sync
        hits.append(hit)
    _say_what_matched(hits, terms)
    return hits


def _say_what_matched(hits: list[Hit], terms: set[str]) -> None:
    """A report found through its défis, kit modules, structure or place (not its text)
    showed its opening lines with nothing highlighted (a tester of issue 17, « mobilité »
    finding reports tagged « Mobilité »): its snippet says, after its opening, which of
    these names held the words — « Défi : <mark>Mobilité</mark> ». The défis' labels are
    read in one statement, only when a page has such a report."""
    quiet = [h for h in hits if h.kind == "report" and h.snippet and "<mark>" not in h.snippet]
    if not quiet or not terms:
        return
    labels: dict[int, list[str]] = {}
    for report_id, label in db.session.execute(
        select(report_tags.c.report_id, ChallengeTag.label)
        .join(ChallengeTag, ChallengeTag.id == report_tags.c.tag_id)
        .where(report_tags.c.report_id.in_([h.item.id for h in quiet]))
        .order_by(ChallengeTag.label)
    ):
        labels.setdefault(report_id, []).append(label)
    for hit in quiet:
        report = hit.item
        named = [
            (_("Défi :"), labels.get(report.id, [])),
            (_("Module :"), [m.title for m in report.modules]),
            (_("Structure :"), [report.structure.name] if report.structure else []),
            (_("Département :"), [report.department.name] if report.department else []),
        ]
        said = []
        for label, names in named:
            marked = [found for n in names if "<mark>" in (found := snippet(n, terms))]
            if marked:
                said.append(
                    Markup('<span class="snippet-source">{}</span> {}').format(
                        label, Markup(", ").join(marked)
                    )
                )
        if said:
            hit.snippet = Markup("{}<br>{}").format(hit.snippet, Markup(" · ").join(said))


def attached_texts(report_ids: set[int], post_ids: set[int]) -> dict[tuple[str, int], list]:
    """{("report" | "post", id): [(file name, text)]} of the ready attached documents of
    these reports and messages, in one statement."""
    if not report_ids and not post_ids:
        return {}
    rows = db.session.execute(
        select(Attachment.report_id, Attachment.post_id, Attachment.filename, Attachment.text)
        .where(
            or_(Attachment.report_id.in_(report_ids), Attachment.post_id.in_(post_ids)),
            Attachment.status == AttachmentStatus.READY.value,
            Attachment.text.is_not(None),
        )
        .order_by(Attachment.id)
    )
    found: dict[tuple[str, int], list] = {}
    for report_id, post_id, filename, text in rows:
        key = ("report", report_id) if report_id is not None else ("post", post_id)
        found.setdefault(key, []).append((filename, text))
    return found


def _with_files(own: Markup, attached: list | None, terms: set[str]) -> Markup:
    """The result's own snippet when the words are in its text; else, when they are only in
    an attached document, a snippet of that document labelled « Dans la pièce jointe
    *nom.pdf* » (issue 14, point 3)."""
    if not attached or "<mark>" in own:
        return own
    for filename, text in attached:
        found = snippet(text, terms)
        if "<mark>" in found:
            # the name escaped, then set in its <em> by the translated sentence (« : » is
            # spaced in French only)
            name = Markup("<em>{}</em>").format(filename)
            label = Markup(_("Dans la pièce jointe %(name)s :", name=name))
            return Markup('<span class="snippet-source">{}</span> {}').format(label, found)
    return own
