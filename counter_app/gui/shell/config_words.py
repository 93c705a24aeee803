"""The configuration loader's problems in the windows' language.

The loader (core.config) words its problems in English, for the command line and the
log; the settings dialog shows the same problem under its field in the language of the
windows. A problem not listed here is shown as the loader wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def _patterns() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    # Built on each call: the translations are looked up in the language installed now.
    return [
        (re.compile(p), f)
        for p, f in (
            (
                r"must be at least (?P<n>\S+) \(got (?P<got>.*)\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "must be at least {n} (typed: {got})"
                ).format(**m.groupdict()),
            ),
            (
                r"must be at most (?P<n>\S+) \(got (?P<got>.*)\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "must be at most {n} (typed: {got})"
                ).format(**m.groupdict()),
            ),
            (
                r"must be more than (?P<n>\S+) \(got (?P<got>.*)\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "must be more than {n} (typed: {got})"
                ).format(**m.groupdict()),
            ),
            (
                r"must be a whole number \(got (?P<got>.*)\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "must be a whole number (typed: {got})"
                ).format(**m.groupdict()),
            ),
            (
                r"must be a number \(got (?P<got>.*)\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "must be a number (typed: {got})"
                ).format(**m.groupdict()),
            ),
            (
                r"unknown service (?P<prefix>'.*') \(known: (?P<known>.*)\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "unknown service {prefix} (configured: {known})"
                ).format(**m.groupdict()),
            ),
            (
                r"duplicate prefix (?P<prefix>'.*') \(also (?P<other>.*)\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "the prefix {prefix} is used twice (also {other})"
                ).format(**m.groupdict()),
            ),
            (
                r"(?P<value>'.*') is not of the form HH:MM-HH:MM",
                lambda m: QCoreApplication.translate(
                    "config_words", "{value} is not of the form HH:MM-HH:MM"
                ).format(**m.groupdict()),
            ),
            (
                r"(?P<value>'.*'): opening must be before closing",
                lambda m: QCoreApplication.translate(
                    "config_words", "{value}: opening must be before closing"
                ).format(**m.groupdict()),
            ),
            (
                r"unknown time zone (?P<value>'.*') \(use an IANA name such as Asia/Makassar\)",
                lambda m: QCoreApplication.translate(
                    "config_words", "unknown time zone {value} (e.g. Asia/Makassar)"
                ).format(**m.groupdict()),
            ),
            (
                r"kind = (?P<kind>'.*') needs (?P<keys>.*)",
                lambda m: QCoreApplication.translate(
                    "config_words", "a printer of kind {kind} needs: {keys}"
                ).format(**m.groupdict()),
            ),
        )
    ]


def in_window_language(problem: str) -> str:
    for pattern, words in _patterns():
        m = pattern.fullmatch(problem)
        if m is not None:
            return words(m)
    return problem
