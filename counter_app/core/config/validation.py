"""From the TOML file's data to a Config, every problem said in words a person can act on.

pydantic's errors become "key: what is wrong (got what)", keys counted from 1 as people
count tables; checks across tables (duplicate prefixes, a counter's unknown service) follow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from counter_app.core.config.errors import ConfigError, Problem
from counter_app.core.config.sections import Config


def _cross_checks(cfg: Config) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, svc in enumerate(cfg.services, start=1):
        if svc.prefix in seen:
            problems.append(
                (
                    f"services[{i}].prefix",
                    Problem(
                        "duplicate_prefix",
                        prefix=repr(svc.prefix),
                        other=f"services[{seen[svc.prefix]}]",
                    ),
                )
            )
        seen.setdefault(svc.prefix, i)
    numbers: dict[int, int] = {}
    for i, counter in enumerate(cfg.counters, start=1):
        if counter.number in numbers:
            problems.append(
                (
                    f"counters[{i}].number",
                    Problem(
                        "duplicate_counter",
                        number=str(counter.number),
                        other=f"counters[{numbers[counter.number]}]",
                    ),
                )
            )
        numbers.setdefault(counter.number, i)
        for prefix in counter.services:
            if prefix not in seen:
                problems.append(
                    (
                        f"counters[{i}].services",
                        Problem("unknown_service", prefix=repr(prefix), known=", ".join(seen)),
                    )
                )
        if len(set(counter.services)) != len(counter.services):
            problems.append((f"counters[{i}].services", Problem("service_twice")))
    return problems + _booking_checks(cfg, seen) + _document_checks(cfg, seen)


def _document_checks(cfg: Config, prefixes: dict[str, int]) -> list[tuple[str, str]]:
    """Each kind handed over by a service that exists, each kind once ignoring case,
    and a ready list with at least one kind once it is on."""
    docs = cfg.documents
    problems: list[tuple[str, str]] = []
    folded: dict[str, str] = {}
    for kind, prefix in docs.kinds.items():
        key = f"documents.kinds.{kind}"
        if prefix not in prefixes:
            problems.append(
                (key, Problem("unknown_service", prefix=repr(prefix), known=", ".join(prefixes)))
            )
        if kind.casefold() in folded:
            problems.append((key, Problem("kind_twice", other=repr(folded[kind.casefold()]))))
        folded.setdefault(kind.casefold(), kind)
    if docs.enabled and not docs.kinds:
        problems.append(("documents.kinds", Problem("documents_need_kinds")))
    columns = [docs.column_number, docs.column_kind, docs.column_finished, docs.column_nik]
    named = [c.strip().casefold() for c in columns if c.strip()]
    if len(set(named)) != len(named):
        problems.append(("documents", Problem("column_twice")))
    return problems


def _booking_checks(cfg: Config, prefixes: dict[str, int]) -> list[tuple[str, str]]:
    """Bookings need opening hours (the arrival windows), an online quota within the
    daily one, and a one-letter prefix whose booked series is no other service's."""
    problems: list[tuple[str, str]] = []
    booking = cfg.booking
    for i, svc in enumerate(cfg.services, start=1):
        if svc.online_quota > svc.daily_quota:
            problems.append(
                (
                    f"services[{i}].online_quota",
                    Problem(
                        "online_over_quota",
                        online=str(svc.online_quota),
                        quota=str(svc.daily_quota),
                    ),
                )
            )
        if svc.online_quota == 0 or not booking.enabled:
            continue
        series = cfg.booking_series(svc.prefix)
        if len(svc.prefix) != 1:
            problems.append(
                (f"services[{i}].prefix", Problem("booking_prefix", prefix=repr(svc.prefix)))
            )
        elif series in prefixes:
            problems.append(
                (
                    "booking.mark",
                    Problem(
                        "booking_series_taken",
                        series=repr(series),
                        other=f"services[{prefixes[series]}]",
                    ),
                )
            )
    online = any(svc.online_quota > 0 for svc in cfg.services)
    if booking.enabled and online and cfg.office.opening_hours is None:
        problems.append(("office.opening_hours", Problem("booking_needs_hours")))
    return problems


#: pydantic's error types that say the value back, each with its words (config.<type>)
_SAYS_WHAT_WAS_TYPED = frozenset(
    {
        "int_type", "int_from_float", "float_type", "string_type", "bool_type",
        "list_type", "model_type", "string_pattern_mismatch",
    }
)  # fmt: skip
#: bounds: pydantic's error type and the ctx key of its limit
_BOUNDS = {
    "greater_than_equal": "ge",
    "less_than_equal": "le",
    "greater_than": "gt",
    "less_than": "lt",
}
#: our own validators' errors (sections.py raises them as PydanticCustomError)
_OWN = frozenset(
    {
        "unknown_time_zone", "hours_form", "hours_range", "hours_order", "printer_needs",
        "clock_form", "mark_form", "kind_form",
    }
)  # fmt: skip


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
    """The problem said in words chosen by pydantic's error type and its ctx; a type we
    have no words for keeps pydantic's own message."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = _shown(err.get("input"))
    if kind in _BOUNDS:
        return Problem(kind, limit=str(ctx.get(_BOUNDS[kind])), got=got)
    if kind in ("literal_error", "enum"):
        return Problem(kind, expected=str(ctx.get("expected")), got=got)
    if kind in _SAYS_WHAT_WAS_TYPED:
        return Problem(kind, got=got)
    if kind in ("too_short", "missing", "extra_forbidden"):
        return Problem(kind)
    if kind in _OWN:
        return Problem(kind, **{k: str(v) for k, v in ctx.items()})
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
