"""Full-text search: the only package that imports whoosh.

The rest of the app uses `engine()` (search, similar, sync, rebuild, check) and never
writes to the index itself: changes travel through the outbox (forum.services.indexing).
"""

from forum.search.engine import IndexUnavailable
from forum.search.service import SearchEngine, SearchResults, engine, init_app

__all__ = ["IndexUnavailable", "SearchEngine", "SearchResults", "engine", "init_app"]
