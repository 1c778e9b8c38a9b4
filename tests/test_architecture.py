"""The import rules of docs/ARCHITECTURE.md hold: the import-linter contracts in
pyproject.toml ([tool.importlinter]), which also run by hand as `.venv/bin/lint-imports`."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    """Layers, who may import views, whoosh and the search internals: every contract kept.

    In a process of its own: import-linter configures logging with dictConfig, which
    disables every logger that exists (the app's), and later tests would see no log."""
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
         "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
