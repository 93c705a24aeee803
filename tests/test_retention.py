"""Retention: old tickets and their events are purged, each purged day's report is kept,
and the event log stays append-only for every day a purge has not reached."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import FakeClock, make_config, write_config
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from test_cli_failures import cli, one_line
from test_report import DAY, EXPECTED_COUNTERS, EXPECTED_SERVICES, EXPECTED_TOTAL, play_the_day

from counter_app.core import config as config_mod
from counter_app.core.config import ConfigError
from counter_app.core.queue import Queue, open_queue
from counter_app.core.report import daily_report, purge_old


@pytest.fixture
def old_day(make_queue: Callable[..., Queue], clock: FakeClock) -> Queue:
    """The hand-computed day, then a ticket on each of the next two days."""
    q = make_queue(capacity={"limit": 4, "when_full": "wait_outside"})
    play_the_day(q, clock)
    for _ in range(2):
        clock.next_day()
        q.issue("B")
    return q  # now 2026-12-02


def test_purge_removes_old_tickets_and_keeps_the_days_report(old_day: Queue) -> None:
    before = daily_report(old_day, DAY)
    purge = purge_old(old_day, keep_days=1)  # keep 2026-12-01 and today
    assert (purge.before_day, purge.days, purge.tickets) == (date(2026, 12, 1), 1, 7)
    assert purge.events > 7
    assert old_day.events(DAY) == []  # the tickets and their events are gone
    after = daily_report(old_day, DAY)
    assert after == before
    # the day change closed A-005 as cancelled
    expired = {**EXPECTED_SERVICES, "A": replace(EXPECTED_SERVICES["A"], cancelled=1, open=0)}
    assert {s.prefix: s.figures for s in after.services} == expired
    assert {c.number: c.figures for c in after.counters} == EXPECTED_COUNTERS
    assert after.total.served == EXPECTED_TOTAL.served
    assert [e[0] for e in old_day.events(date(2026, 12, 1))] == ["B-001", "B-001"]
    assert daily_report(old_day, date(2026, 12, 1)).total.issued == 1
    assert old_day.issue("B").code == "B-002"  # today's numbering is untouched


def test_a_second_purge_finds_nothing_and_keeps_the_report(old_day: Queue) -> None:
    purge_old(old_day, keep_days=1)
    again = purge_old(old_day, keep_days=1)
    assert (again.days, again.tickets, again.events) == (0, 0, 0)
    assert daily_report(old_day, DAY).total.issued == EXPECTED_TOTAL.issued


def test_the_default_keeps_a_year(old_day: Queue) -> None:
    assert old_day.config.retention.days == 365
    assert purge_old(old_day).tickets == 0
    assert daily_report(old_day, DAY).total.issued == 7


def test_events_a_purge_has_not_reached_cannot_be_deleted_or_changed(old_day: Queue) -> None:
    purge_old(old_day, keep_days=1)
    with old_day.db.engine.connect() as conn:
        for statement in (
            "DELETE FROM ticket_events",
            "UPDATE ticket_events SET kind = 'done'",
        ):
            with pytest.raises(DBAPIError, match="append-only"):
                conn.execute(text(statement))
            conn.rollback()
        assert conn.execute(text("SELECT count(*) FROM ticket_events")).scalar() == 3


def test_purge_from_the_command_line(tmp_path: Path, db_url: str) -> None:
    path = write_config(tmp_path / "office.toml", db_url, retention={"days": 1})
    clock = FakeClock(FakeClock().moment - timedelta(days=30))
    queue = open_queue(config_mod.load_config(path), clock=clock)
    queue.issue("A")
    queue.db.dispose()
    proc = cli("--config", str(path), "db", "purge")
    assert proc.returncode == 0, proc.stderr
    assert "1 nomor (2 catatan riwayat) dari 1 hari sebelum" in proc.stdout  # Indonesian
    proc = cli("--config", str(path), "report", "--date", clock.moment.date().isoformat())
    assert proc.returncode == 0 and "kedatangan per jam: 09:1" in proc.stdout
    assert "--keep-days" in one_line(
        cli("--config", str(path), "db", "purge", "--keep-days", "0"), 2
    )


@pytest.mark.parametrize("days", [0, -3, "30"])
def test_retention_days_are_checked_like_every_key(days: object) -> None:
    with pytest.raises(ConfigError, match=r"retention\.days"):
        make_config(retention={"days": days})
