"""The queue's words (refusals, verification results, clock problems, ticket states), as
the domain and the command line ask for them: ``text(lang, "hall_full", ...)``.

The words themselves live in core/words (``refusal.*``, ``clock.*``, ``verify.*``,
``state.*``, ``action.*``); this module only keeps the queue's short keys.
"""

from __future__ import annotations

from counter_app.core import words
from counter_app.core.words import Language

__all__ = ["Language", "action_word", "state_word", "suspended", "text"]


def _key(key: str) -> str:
    for group in ("clock", "verify"):
        if key.startswith(f"{group}_"):
            return f"{group}.{key.removeprefix(f'{group}_')}"
    return f"refusal.{key}"


def text(lang: str, key: str, **values: object) -> str:
    return words.text(_key(key), lang, **values)


def suspended(lang: str, service: str, notice: str) -> str:
    """Why a suspended service refuses: its notice, named by the service only when the
    notice does not name it already ("Perekaman KTP-el dihentikan sementara" says it all)."""
    if service.casefold() in notice.casefold():
        return text(lang, "suspended_named", notice=notice)
    return text(lang, "suspended", service=service, notice=notice)


def state_word(lang: str, state: str) -> str:
    return words.text(f"state.{state}", lang)


def action_word(lang: str, action: str) -> str:
    return words.text(f"action.{action}", lang)
