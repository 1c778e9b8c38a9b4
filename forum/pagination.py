"""The one rule for every paginated list: `?page=` past the last page is a 404.

Lists count their items first, then call `require_page` before fetching a page; forum.errors
turns `PastLastPage` into the French 404 page with a link to the last page. Page 1 always
exists, even for an empty list.
"""

from dataclasses import dataclass


class PastLastPage(LookupError):
    """A page number beyond the list's last page."""

    def __init__(self, page: int, last: int):
        super().__init__(f"page {page} of {last}")
        self.page, self.last = page, last


def page_count(total: int, per_page: int) -> int:
    """Number of pages for `total` items; an empty list still has its page 1."""
    return max(1, -(-total // per_page))


def require_page(page: int, total: int, per_page: int) -> None:
    """Raise PastLastPage when `page` is beyond the last page of `total` items."""
    last = page_count(total, per_page)
    if page > last:
        raise PastLastPage(page, last)


# Past any real last page, and small enough that (page - 1) × per page fits the 64-bit
# OFFSET of PostgreSQL (« bigint out of range » was a 500 on the PostgreSQL search).
MAX_PAGE = 1_000_000


def page_number(args) -> int:
    """The `?page=` argument: a missing, malformed, zero or negative value means page 1; a
    larger one than MAX_PAGE reads as MAX_PAGE (then past the last page: a 404)."""
    try:
        return min(max(1, int(args.get("page", 1))), MAX_PAGE)
    except (TypeError, ValueError):  # "abc", "1.5", or more digits than int() accepts
        return 1


@dataclass
class Page:
    """One page of results, with what the pagination links need."""

    items: list
    total: int
    page: int
    per_page: int

    def __post_init__(self):
        require_page(self.page, self.total, self.per_page)

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1
