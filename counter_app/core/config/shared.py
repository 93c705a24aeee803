"""The queue's rules, shared through the database: what every station on it must agree on."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from counter_app.core.config.sections import (
    BookingSettings,
    CapacitySettings,
    Config,
    DocumentSettings,
    OfficeSettings,
    ServiceSettings,
)

SHARED_SERVICE_KEYS = ("daily_quota", "average_minutes", "suspended", "online_quota")


def shared_rules(cfg: Config) -> dict[str, Any]:
    """The settings every station on one database must agree on, as plain data."""
    return {
        "capacity": cfg.capacity.model_dump(mode="json"),  # when_full as its plain word
        "opening_hours": cfg.office.opening_hours,
        # the desk's share of the quota depends on it: every station must agree
        "booking": cfg.booking.model_dump(mode="json"),
        # whether a pickup number needs a ready document: the desk and the booking pages
        "documents": cfg.documents.model_dump(mode="json"),
        "services": {
            s.prefix: {key: getattr(s, key) for key in SHARED_SERVICE_KEYS} for s in cfg.services
        },
    }


def with_shared_rules(cfg: Config, rules: dict[str, Any]) -> Config:
    """``cfg`` following ``rules`` (from ``shared_rules``), for the services it knows.
    Rules that do not pass the loader's checks are ignored (ValueError names them)."""
    try:
        capacity = CapacitySettings.model_validate(rules["capacity"])
        office = OfficeSettings.model_validate(
            {**cfg.office.model_dump(), "opening_hours": rules["opening_hours"]}
        )
        booking = (  # rules saved before booking existed leave this PC's
            BookingSettings.model_validate(rules["booking"], strict=False)
            if "booking" in rules
            else cfg.booking
        )
        documents = (  # rules saved before the ready list existed leave this PC's
            DocumentSettings.model_validate(rules["documents"], strict=False)
            if "documents" in rules
            else cfg.documents
        )
        shared = rules["services"]
        services = [
            ServiceSettings.model_validate({**s.model_dump(), **shared[s.prefix]})
            if s.prefix in shared
            else s
            for s in cfg.services
        ]
    except (KeyError, TypeError, ValidationError) as exc:
        raise ValueError(f"shared queue settings ignored: {exc}") from None
    return cfg.model_copy(
        update={
            "capacity": capacity,
            "office": office,
            "services": services,
            "booking": booking,
            "documents": documents,
        }
    )
