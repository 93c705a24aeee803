"""The configuration loader's problems in the windows' language.

The loader (core.config) words its problems in English, for the command line and the
log, and keeps each problem's pydantic error type and fields (``Problem``); the settings
dialog shows the same problem under its field with the words of that type
(``config.<type>`` in core/words) in the language the windows speak. A problem without
a type is shown as the loader wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from counter_app.core import words
from counter_app.core.config.errors import Problem


def window_language() -> str:
    """The language the windows were given (i18n.Translation sets the default locale)."""
    return "id" if QLocale().language() == QLocale.Language.Indonesian else "en"


def in_window_language(problem: str) -> str:
    if not isinstance(problem, Problem):
        return problem
    return words.text(f"config.{problem.kind}", window_language(), **problem.fields)
