"""Queue rules saved on one station reach every station on the same database by
themselves: quotas, suspensions, the hall's limit and mode, opening hours."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FakeClock, make_config

from counter_app.core.config import with_shared_rules
from counter_app.core.model import Reason, Refused
from counter_app.core.queue import Queue
from counter_app.storage.db import Database


def refused(reason: Reason) -> pytest.RaisesExc[Refused]:
    return pytest.raises(Refused, check=lambda e: e.reason == reason)


@pytest.fixture
def other_station(database: Database, clock: FakeClock) -> Queue:
    return Queue(database, make_config(office={"station": "loket-2"}), clock=clock)


def test_rules_saved_on_one_station_reach_another(
    make_queue: Callable[..., Queue], other_station: Queue
) -> None:
    desk = make_queue()
    other_station.issue("B")  # B is open, C suspended, as both files say
    with refused(Reason.SUSPENDED):
        other_station.issue("C")
    services = [
        {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 2},
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 100, "suspended": "Tutup"},
        {"prefix": "C", "name": "Perekaman KTP-el", "daily_quota": 10},
    ]
    desk.use_config(make_config(services=services, capacity={"limit": 3}))
    desk.publish_rules()

    with refused(Reason.SUSPENDED) as exc:
        other_station.issue("B")
    assert "Tutup" in exc.value.message
    assert other_station.issue("C").code == "C-001"  # resumed
    status = other_station.status()
    assert status.limit == 3
    assert {s.prefix: (s.quota, s.suspended) for s in status.services} == {
        "A": (2, None),
        "B": (100, "Tutup"),
        "C": (10, None),
    }
    other_station.issue("A")
    with refused(Reason.HALL_FULL):  # B-001, C-001, A-001: three persons, the new limit
        other_station.issue("A")
    # the station's own file is not the rule any more, but its own keys are kept
    assert other_station.config.office.station == "loket-2"


def test_opening_hours_and_mode_travel_too(
    make_queue: Callable[..., Queue], other_station: Queue, clock: FakeClock
) -> None:
    desk = make_queue()
    desk.use_config(
        make_config(
            office={"opening_hours": "10:00-15:00"},
            capacity={"limit": 1, "when_full": "wait_outside"},
        )
    )
    desk.publish_rules()
    with refused(Reason.CLOSED):
        other_station.issue("A")  # 09:00 WITA
    clock.advance(hours=1.5)
    other_station.issue("A")
    assert other_station.issue("A").state == "outside"


def test_a_later_save_wins(make_queue: Callable[..., Queue], other_station: Queue) -> None:
    desk = make_queue()
    desk.use_config(make_config(capacity={"limit": 5}))
    first = desk.publish_rules()
    other_station.use_config(make_config(capacity={"limit": 7}))
    assert other_station.publish_rules() == first + 1
    assert desk.status().limit == 7


def test_broken_rules_are_refused_not_followed() -> None:
    cfg = make_config()
    with pytest.raises(ValueError, match="ignored"):
        with_shared_rules(cfg, {"capacity": {"limit": 0}, "opening_hours": None, "services": {}})


def test_the_shared_rules_decide_even_before_a_station_first_writes(
    tmp_path: Path, db_url: str
) -> None:
    """A station whose own file suspends B issues B when the database's rules say B is
    open: the shared rules are the one source of truth once a dialog saved them."""
    from conftest import write_config
    from test_cli_failures import cli

    from counter_app.core import config as config_mod
    from counter_app.core.queue import open_queue

    desk = open_queue(config_mod.load_config(write_config(tmp_path / "desk.toml", db_url)))
    desk.publish_rules()  # B open, as the desk's file says
    services = [
        {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 150},
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 100, "suspended": "Tutup"},
    ]
    other = write_config(
        tmp_path / "other.toml", db_url, services=services, counters=[], office={"station": "x"}
    )
    done = cli("--config", str(other), "issue", "B", "--no-print")
    assert done.returncode == 0, done.stderr
    assert "B-001" in done.stdout
    station = open_queue(config_mod.load_config(other))
    station.check_can_issue("B")  # the lock-free pre-check of a desk, too
    assert station.rules_origin is not None and station.rules_origin.version == 1
    assert desk.rules_origin is not None and desk.rules_origin.station == "test"
    desk.db.dispose()
    station.db.dispose()
