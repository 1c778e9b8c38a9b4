"""The index schema. Text is indexed but not stored (snippets re-read the database), which
keeps the index small; facet fields are plain terms read back per segment for counts."""

import functools
import hashlib
import json

from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from forum.search.analysis import ANALYSIS_VERSION, folding_analyzer, french_analyzer

FACET_FIELDS = ("kind", "module", "tag", "region", "department", "structure")


def build_schema() -> Schema:
    french = french_analyzer()
    return Schema(
        key=ID(unique=True, stored=True),  # "report:42"
        kind=ID,
        rid=NUMERIC(int, bits=64, stored=True),
        title=TEXT(analyzer=french, field_boost=2.0),
        tags_text=TEXT(analyzer=french, field_boost=1.5),
        names=TEXT(analyzer=french, field_boost=2.0),  # structure, author, places, parcours…
        body=TEXT(analyzer=french),
        files=TEXT(analyzer=french, field_boost=0.7),  # text of attached documents
        spell=TEXT(analyzer=folding_analyzer(), phrase=False, spelling=True),
        module=KEYWORD(commas=True, scorable=False),
        tag=KEYWORD(commas=True, scorable=False),
        region=ID,
        department=ID,
        structure=ID,
        day=ID,  # session date, YYYYMMDD
        digest=STORED,
        # The result a document is shown under (forum.search.groups.group_code): a column,
        # read back per segment as one integer per document, not indexed.
        group=COLUMN(NumericColumn("q", default=-1)),
    )


@functools.cache
def settings() -> dict:
    """What an index depends on besides the data: its fields, their analyzers and the
    analysis version, with a 16-hex fingerprint. An index built under other settings is
    rebuilt (forum.search.store.IndexStore.open refuses it)."""
    schema = build_schema()
    fields = {}
    for name in schema.names():
        field = schema[name]
        analyzer = getattr(field, "analyzer", None)
        steps = getattr(analyzer, "items", [analyzer] if analyzer is not None else [])
        fields[name] = "/".join([type(field).__name__, *(type(step).__name__ for step in steps)])
    payload = json.dumps({"fields": fields, "analysis": ANALYSIS_VERSION}, sort_keys=True)
    fingerprint = hashlib.sha256(payload.encode()).hexdigest()[:16]
    return {"schema": fields, "analysis": ANALYSIS_VERSION, "fingerprint": fingerprint}
