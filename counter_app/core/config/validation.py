"""From the TOML file's data to a Config, every problem said in words a person can act on.

pydantic's errors become "key: what is wrong (got what)", keys counted from 1 as people
count tables; checks across tables (duplicate prefixes, a counter's unknown service) follow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from counter_app.core.config.errors import ConfigError
from counter_app.core.config.sections import Config


def _cross_checks(cfg: Config) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, svc in enumerate(cfg.services, start=1):
        if svc.prefix in seen:
            problems.append(
                (
                    f"services[{i}].prefix",
                    f"duplicate prefix {svc.prefix!r} (also services[{seen[svc.prefix]}])",
                )
            )
        seen.setdefault(svc.prefix, i)
    numbers: dict[int, int] = {}
    for i, counter in enumerate(cfg.counters, start=1):
        if counter.number in numbers:
            problems.append(
                (
                    f"counters[{i}].number",
                    f"duplicate counter number {counter.number} "
                    f"(also counters[{numbers[counter.number]}])",
                )
            )
        numbers.setdefault(counter.number, i)
        for prefix in counter.services:
            if prefix not in seen:
                problems.append(
                    (
                        f"counters[{i}].services",
                        f"unknown service {prefix!r} (known: {', '.join(seen)})",
                    )
                )
        if len(set(counter.services)) != len(counter.services):
            problems.append((f"counters[{i}].services", "a service is listed twice"))
    return problems


_TYPE_WORDS = {
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "string_type": "must be a text in quotes",
    "bool_type": "must be true or false",
    "list_type": 'must be a list, e.g. ["A", "B"]',
    "model_type": "must be a table",
    "missing": "is missing",
    "extra_forbidden": "unknown key",
}


def dotted_key(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item + 1}]"  # people count tables from 1
        else:
            parts.append(str(item))
    return ".".join(parts)


ECHO_LIMIT = 40  # characters of a value said back in a message; a 1 MB value is cut


def _shown(value: object) -> str:
    """A value as a message says it back: its repr, cut after ECHO_LIMIT characters."""
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        return f"{value[:ECHO_LIMIT]!r}… ({len(value)} characters)"
    shown = repr(value)  # nested at most MAX_NESTING deep by now
    return shown if len(shown) <= ECHO_LIMIT + 2 else f"{shown[:ECHO_LIMIT]}…"


def _problem(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = f" (got {_shown(err.get('input'))})"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "less_than_equal": ("at most", "le"),
        "greater_than": ("more than", "gt"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx.get(key)}{got}"
    if kind in ("literal_error", "enum"):
        return f"must be {ctx.get('expected')}{got}"
    if kind == "string_pattern_mismatch":
        return f'must be a colour like "#0b2545"{got}'
    if kind == "too_short":
        return "must not be empty"
    if kind in _TYPE_WORDS:
        word = _TYPE_WORDS[kind]
        if kind not in ("missing", "extra_forbidden"):
            word += got
        return word
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")


def parse_config(data: dict[str, Any], path: Path | str | None = None) -> Config:
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(
            path, [(dotted_key(e["loc"]), _problem(e)) for e in exc.errors()]
        ) from None
    problems = _cross_checks(cfg)
    if problems:
        raise ConfigError(path, problems)
    return cfg
