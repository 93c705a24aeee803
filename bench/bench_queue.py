"""Queue latency and throughput on SQLite and PostgreSQL.

    python bench/bench_queue.py [--pg URL] [--history 1000000] [--ops 400]

Prints Markdown tables: median and p95 of issue and call-next, with an empty history
and after loading `--history` past tickets (one event each) spread over earlier days;
then the throughput of 4 processes issuing at once, checked for duplicates.

The floor: on SQLite, in the same folder and run just before the queue is measured, a
bare `sqlite3` connection with the queue's settings (WAL, synchronous=NORMAL) inserting
one row of the tickets table's shape and committing, BEGIN IMMEDIATE as the queue's
writes begin. Issue and call-next are also given as a ratio to it: what the queue's
rules, its event log and SQLAlchemy cost above what SQLite itself needs to keep a row.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pgcluster import fresh_database, postgres
from sqlalchemy import create_engine, func, insert, select, text

from counter_app.core.config import parse_config
from counter_app.core.queue import Queue
from counter_app.storage.db import open_database
from counter_app.storage.schema import EventRow, TicketRow

CONFIG: dict[str, Any] = {
    "office": {"station": "bench"},
    "capacity": {"limit": 10_000},
    "tickets": {"secret": "bench-secret-0123456789"},
    "services": [
        {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 9999},
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 9999},
    ],
    "counters": [{"number": n, "services": ["A", "B"]} for n in (1, 2, 3, 4)],
    "printer": {"kind": "none"},
}


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(queue: Queue, ops: int) -> dict[str, list[float]]:
    issue, call = [], []
    for i in range(ops):
        t0 = time.perf_counter()
        queue.issue("AB"[i % 2])
        issue.append((time.perf_counter() - t0) * 1000)
    for i in range(ops):
        t0 = time.perf_counter()
        queue.call_next(1 + i % 4)
        call.append((time.perf_counter() - t0) * 1000)
    return {"issue": issue, "call-next": call}


def floor(path: Path, ops: int) -> list[float]:
    """Milliseconds of one bare insert+commit, `ops` times (see the module's text)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT, prefix TEXT, number INTEGER, "
        "state TEXT, issued_at TEXT)"
    )
    conn.execute("CREATE INDEX t_day ON t (day, prefix, number)")
    took = []
    for i in range(ops):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO t (day, prefix, number, state, issued_at) VALUES (?, ?, ?, ?, ?)",
            ("2026-12-05", "A", i, "waiting", "2026-12-05 01:00:00"),
        )
        conn.execute("COMMIT")
        took.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return took


def load_history(url: str, tickets: int, today: date) -> float:
    """Past tickets, one per row, ~900 a day going back from yesterday; one event each."""
    t0 = time.perf_counter()
    engine = create_engine(url)
    per_day = 900
    batch = 50_000
    with engine.begin() as conn:
        start_id = int(conn.scalar(select(func.coalesce(func.max(TicketRow.id), 0))) or 0) + 1
    done = 0
    while done < tickets:
        n = min(batch, tickets - done)
        rows, events = [], []
        for k in range(n):
            i = done + k
            day = today - timedelta(days=1 + i // per_day)
            at = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
            prefix = "AB"[i % 2]
            rows.append(
                {
                    "id": start_id + i,
                    "day": day,
                    "prefix": prefix,
                    "number": (i % per_day) // 2 + 1,
                    "service": prefix,
                    "state": "done",
                    "group_size": 1,
                    "priority": False,
                    "queue_seq": i,
                    "counter": 1 + i % 4,
                    "recalls": 0,
                    "issued_at": at,
                    "called_at": at,
                    "finished_at": at,
                    "print_status": "printed",
                    "print_attempts": 1,
                    "station": "history",
                }
            )
            events.append(
                {
                    "ticket_id": start_id + i,
                    "day": day,
                    "at": at,
                    "kind": "done",
                    "from_state": "called",
                    "to_state": "done",
                    "counter": 1 + i % 4,
                }
            )
        with engine.begin() as conn:
            conn.execute(insert(TicketRow.__table__), rows)
            conn.execute(insert(EventRow.__table__), events)
        done += n
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # explicit ids do not move the sequence
            conn.execute(
                text("SELECT setval(pg_get_serial_sequence('tickets', 'id'), max(id)) FROM tickets")
            )
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return time.perf_counter() - t0


def _issuer(url: str, n: int, start: Any) -> list[str]:
    queue = Queue(open_database(url, create=True), parse_config(CONFIG))
    start.wait()
    codes = [queue.issue("AB"[i % 2]).code for i in range(n)]
    queue.db.dispose()
    return codes


def throughput(url: str, per_process: int = 250) -> tuple[float, int, int]:
    ctx = mp.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(4) as pool:
        jobs = [pool.apply_async(_issuer, (url, per_process, start)) for _ in range(4)]
        time.sleep(1.5)
        t0 = time.perf_counter()
        start.set()
        codes = [c for j in jobs for c in j.get(timeout=600)]
        seconds = time.perf_counter() - t0
    return len(codes) / seconds, len(codes), len(codes) - len(set(codes))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", help="PostgreSQL admin URL (default: a throwaway cluster)")
    ap.add_argument("--history", type=int, default=1_000_000)
    ap.add_argument("--ops", type=int, default=400)
    ap.add_argument("--only", choices=["sqlite", "postgresql"])
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="counter-app-bench-"))
    results: list[tuple[str, str, str, float, float]] = []
    rates: list[tuple[str, float, int, int]] = []
    ratios: list[tuple[str, list[float], tuple[float, float]]] = []
    with postgres(args.pg) as admin:
        backends = {
            "SQLite": lambda name: f"sqlite:///{tmp / name}.sqlite3",
            "PostgreSQL": lambda name: fresh_database(admin, name),
        }
        for label, make in backends.items():
            if args.only and label.lower() != args.only:
                continue
            url = make("latency")
            if label == "SQLite":
                ms = floor(tmp / "floor.sqlite3", args.ops)
                floors = statistics.median(ms), pct(ms, 95)
                results.append((label, "bare insert+commit (the floor)", "", *floors))
            db = open_database(url, create=True)
            queue = Queue(db, parse_config(CONFIG))
            for op, ms in measure(queue, args.ops).items():
                results.append((label, op, "empty", statistics.median(ms), pct(ms, 95)))
                if label == "SQLite":
                    ratios.append((op, ms, floors))
            seconds = load_history(url, args.history, queue.today())
            print(
                f"{label}: loaded {args.history:,} past tickets in {seconds:.0f} s", file=sys.stderr
            )
            # a fresh day's work on top of years of history
            with db.engine.begin() as conn:
                conn.execute(text("UPDATE tickets SET state = 'done' WHERE state <> 'done'"))
                conn.execute(
                    text("UPDATE tickets SET day = :d WHERE station <> 'history'"),
                    {"d": queue.today() - timedelta(days=4000)},
                )
                conn.execute(text("DELETE FROM service_days"))
            for op, ms in measure(queue, args.ops).items():
                results.append(
                    (label, op, f"{args.history:,} past", statistics.median(ms), pct(ms, 95))
                )
            db.dispose()
            rate, total, dupes = throughput(make("throughput"))
            rates.append((label, rate, total, dupes))

    print("\n| database | operation | history | median ms | p95 ms |")
    print("|---|---|---|---:|---:|")
    for label, op, hist, med, p95 in results:
        print(f"| {label} | {op} | {hist} | {med:.2f} | {p95:.2f} |")
    if ratios:
        print("\n| SQLite, empty history | median / floor | p95 / floor |")
        print("|---|---:|---:|")
        for op, ms, (floor_median, floor_p95) in ratios:
            median, p95 = statistics.median(ms), pct(ms, 95)
            print(f"| {op} | {median / floor_median:.1f}x | {p95 / floor_p95:.1f}x |")
    print("\n| database | 4 processes issuing | tickets | duplicates |")
    print("|---|---:|---:|---:|")
    for label, rate, total, dupes in rates:
        print(f"| {label} | {rate:.0f} tickets/s | {total} | {dupes} |")


if __name__ == "__main__":
    main()
