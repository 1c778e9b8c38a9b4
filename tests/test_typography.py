"""French typography: the spaces inside « » are non-breaking (U+00A0, or the narrow
U+202F), so that a guillemet never wraps alone onto a line — in the templates, in every
string of forum/ a page, an e-mail or a command shows, and in the catalogs."""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from forum import ROOT

# A guillemet with an ordinary space (or a line break) on its inner side.
BREAKABLE = re.compile(r"«[ \t\n]|[ \t\n]»")
DEMO = ROOT / "forum" / "demo"  # written as members write: their text is theirs


def _breakable(text: str) -> list[str]:
    return [text[max(0, m.start() - 20) : m.end() + 20] for m in BREAKABLE.finditer(text)]


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes: read in the code, never shown."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _python_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    docstrings = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_templates_keep_guillemets_with_their_words():
    offending = {
        str(path.relative_to(ROOT)): _breakable(path.read_text())
        for path in sorted((ROOT / "templates").rglob("*"))
        if path.is_file() and _breakable(path.read_text())
    }
    assert offending == {}


def test_strings_of_the_code_keep_guillemets_with_their_words():
    offending = {}
    for path in sorted((ROOT / "forum").rglob("*.py")):
        if DEMO in path.parents:
            continue
        bad = [s for string in _python_strings(path) for s in _breakable(string)]
        if bad:
            offending[str(path.relative_to(ROOT))] = bad
    assert offending == {}


@pytest.mark.parametrize(
    "catalog",
    ["messages.pot", "fr/LC_MESSAGES/messages.po", "en/LC_MESSAGES/messages.po"],
)
def test_catalogs_keep_guillemets_with_their_words(catalog):
    with open(ROOT / "forum" / "translations" / catalog, "rb") as file:
        messages = [m for m in read_po(file) if m.id]
    texts = []
    for message in messages:
        for value in (message.id, message.string):
            texts.extend(value if isinstance(value, tuple) else [value])
    assert [bad for text in texts if text for bad in _breakable(text)] == []
    assert any("«\u00a0" in text for text in texts if text) or catalog.startswith("en")


def test_pages_show_non_breaking_spaces_inside_guillemets(client):
    html = client.get("/territories/").get_data(as_text=True)
    assert "Les «\u00a0zones blanches\u00a0» sont" in html
    html = client.get("/search?q=zzzzqqq").get_data(as_text=True)
    assert "«\u00a0financer\u00a0» trouve aussi «\u00a0financement\u00a0»" in html
    assert not _breakable(html)
