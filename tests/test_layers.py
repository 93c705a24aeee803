"""The layering contract in pyproject.toml: domain, storage, printing and speech never
import Qt; the windows never touch SQL; lower layers never import upper ones."""

from __future__ import annotations

import os
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0
