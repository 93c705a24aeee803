"""Every Designer form in ui/ has its compiled module, and the two agree.

After editing a form: ``python -m tools.build_forms``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import build_forms as build


def test_every_form_has_a_module_and_every_module_a_form() -> None:
    forms = {p.stem for p in build.ui_files()}
    modules = {p.stem.removeprefix("ui_") for p in build.FORMS_DIR.glob("ui_*.py")}
    assert forms, f"no forms found in {build.UI_DIR}"
    assert forms == modules


@pytest.mark.parametrize("ui_file", build.ui_files(), ids=lambda p: p.name)
def test_the_compiled_module_matches_its_form(ui_file: Path) -> None:
    module = build.module_path(ui_file)
    committed = module.read_text(encoding="utf-8")
    fresh = build.compile_form(ui_file)
    assert build.comparable(committed) == build.comparable(fresh), (
        f"{module.name} is out of date with ui/{ui_file.name}: run python -m tools.build_forms"
    )


@pytest.mark.parametrize("ui_file", build.ui_files(), ids=lambda p: p.name)
def test_the_compiled_module_says_it_is_generated(ui_file: Path) -> None:
    head = build.module_path(ui_file).read_text(encoding="utf-8").splitlines()[:2]
    assert head[0].startswith("# Automatically generated from ui/")
    assert "do not edit" in head[1]
