"""The import rules of docs/ARCHITECTURE.md hold: the import-linter contracts in
pyproject.toml ([tool.importlinter]), which also run by hand as `.venv/bin/lint-imports`."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept(capsys):
    """Layers, who may import views, whoosh and the search internals: every contract kept."""
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert code == 0, capsys.readouterr().out
