"""The text inside documents, for the search index: PDF (pypdf), Word, Excel and PowerPoint
(python-docx, openpyxl, python-pptx), OpenDocument (odfpy), plain text and CSV.

Run after the response, in a worker: a slow or broken document costs the index a few
words, never an upload. Every reader is bounded (characters, pages, time); a document the
library cannot read raises ExtractionFailed, which the caller logs before keeping the file.
"""

import io
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import BinaryIO

import docx
import openpyxl
import pptx
import pypdf
from odf import opendocument, teletype
from odf.namespaces import DRAWNS, TABLENS, TEXTNS

from forum.media.errors import ExtractionFailed
from forum.media.kinds import KINDS, FileKind
from forum.media.text import decode_text
from forum.text import CONTROL_CHARACTERS

# 200,000 characters is about 30,000 French words, a 100-page report: more than any
# support of a session, and what the search index stores per attachment at most.
DEFAULT_MAX_CHARS = 200_000
# Pages of a PDF, slides of a presentation, sheets of a workbook read at most.
DEFAULT_MAX_PAGES = 200
# Wall time a document may take; past it, the text read so far is kept.
DEFAULT_MAX_SECONDS = 30.0

BLANK_LINES = re.compile(r"\n{3,}")


class _Full(Exception):
    """The budget of characters or time is spent: stop reading, keep what was read."""


class _Collector:
    """The pieces of text read so far, within a budget of characters and a deadline."""

    def __init__(self, max_chars: int, max_seconds: float):
        self.parts: list[str] = []
        self.left = max_chars
        self.deadline = time.monotonic() + max_seconds

    def add(self, text: str | None) -> None:
        if time.monotonic() > self.deadline:
            raise _Full
        if text and text.strip():
            self.parts.append(text[: self.left])
            self.left -= len(self.parts[-1]) + 1
            if self.left <= 0:
                raise _Full

    def text(self) -> str:
        text = unicodedata.normalize("NFC", "\n".join(self.parts))
        text = CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
        lines = "\n".join(line.rstrip() for line in text.split("\n"))
        return BLANK_LINES.sub("\n\n", lines).strip()


def extract_text(
    source: bytes | str | os.PathLike | BinaryIO,
    kind: FileKind | str,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_seconds: float = DEFAULT_MAX_SECONDS,
) -> str:
    """The text of the document `source` (its bytes, a path, or a seekable binary stream)
    of `kind` (a FileKind from `sniff`, or its key: ``pdf``, ``docx``…), paragraphs and
    rows on lines of their own, at most `max_chars` characters from the first `max_pages`
    pages (slides, sheets), what was read within `max_seconds`. Images give "".

    Raises ExtractionFailed when the document cannot be read (corrupt, encrypted, refused
    by its library); KeyError for a key that is not one of KINDS."""
    kind = KINDS[kind] if isinstance(kind, str) else kind
    if kind.kind == "image":
        return ""
    reader = READERS.get(kind.key)
    if reader is None:
        raise ValueError(f"no text reader for {kind.key!r}")
    out = _Collector(max_chars, max_seconds)
    with ExitStack() as stack:
        if isinstance(source, bytes):
            stream: BinaryIO = io.BytesIO(source)
        elif isinstance(source, str | os.PathLike):
            stream = stack.enter_context(open(source, "rb"))  # noqa: SIM115
        else:
            stream = source
            stream.seek(0)
        try:
            reader(stream, out, max_pages)
        except _Full:
            pass
        except ExtractionFailed:
            raise
        except Exception as error:  # each library fails in its own ways; all mean the same
            raise ExtractionFailed(f"{kind.key}: {type(error).__name__}: {error}") from error
    return out.text()


def _pdf(stream: BinaryIO, out: _Collector, max_pages: int) -> None:
    # pypdf bounds what its filters decompress itself (pypdf.filters.ZLIB_MAX_OUTPUT_LENGTH)
    reader = pypdf.PdfReader(stream, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionFailed("pdf: encrypted with a password")
    for number in range(min(len(reader.pages), max_pages)):
        out.add(reader.pages[number].extract_text())


def _docx(stream: BinaryIO, out: _Collector, max_pages: int) -> None:
    document = docx.Document(stream)
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                out.add("\t".join(_unique_cells(row.cells)))
        else:
            out.add(block.text)


def _unique_cells(cells) -> Iterator[str]:
    """The text of each cell once: python-docx repeats a merged cell in every column."""
    seen = set()
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            yield cell.text


def _xlsx(stream: BinaryIO, out: _Collector, max_pages: int) -> None:
    workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets[:max_pages]:
            out.add(sheet.title)
            sheet.reset_dimensions()  # trust the cells, not a declared A1:XFD1048576
            for row in sheet.iter_rows(values_only=True):
                out.add("\t".join(str(value) for value in row if value is not None))
    finally:
        workbook.close()


def _pptx(stream: BinaryIO, out: _Collector, max_pages: int) -> None:
    deck = pptx.Presentation(stream)
    for number, slide in enumerate(deck.slides):
        if number >= max_pages:
            break
        for shape in _shapes(slide.shapes):
            if shape.has_text_frame:
                out.add(shape.text_frame.text)
            elif getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    out.add("\t".join(cell.text for cell in row.cells))
        if slide.has_notes_slide:
            out.add(slide.notes_slide.notes_text_frame.text)


def _shapes(shapes) -> Iterator:
    """Every shape, those inside groups included."""
    for shape in shapes:
        if shape.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
PAGES = {(DRAWNS, "page"), (TABLENS, "table")}
ROW, CELL = (TABLENS, "table-row"), (TABLENS, "table-cell")


def _opendocument(stream: BinaryIO, out: _Collector, max_pages: int) -> None:
    document = opendocument.load(stream)
    pages = 0
    stack = [document.body]
    while stack:  # depth first, in document order, without recursion (deep nesting)
        node = stack.pop()
        qname = getattr(node, "qname", None)
        if qname in PARAGRAPHS:
            out.add(teletype.extractText(node))
            continue
        if qname == ROW:  # a spreadsheet's row on one line, its cells separated by tabs
            cells = (c for c in node.childNodes if getattr(c, "qname", None) == CELL)
            out.add("\t".join(filter(None, (teletype.extractText(c) for c in cells))))
            continue
        if qname in PAGES:
            pages += 1
            if pages > max_pages:
                return
        stack.extend(reversed(getattr(node, "childNodes", [])))


def _text(stream: BinaryIO, out: _Collector, max_pages: int) -> None:
    out.add(decode_text(stream.read()))


READERS: dict[str, Callable[[BinaryIO, _Collector, int], None]] = {
    "pdf": _pdf,
    "docx": _docx,
    "xlsx": _xlsx,
    "pptx": _pptx,
    "odt": _opendocument,
    "ods": _opendocument,
    "odp": _opendocument,
    "text": _text,
    "csv": _text,
}
