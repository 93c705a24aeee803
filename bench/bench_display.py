"""Lobby display benchmark: commit-to-repaint latency from another process, and memory.

    .venv/bin/python bench/bench_display.py [--samples 150] [--pg URL | --no-pg]
                                            [--warmup 1000] [--updates 10000]

Latency: a child process commits queue operations (issue, call, recall) at random
intervals and notes the hall version and time.monotonic() after each commit; the
display runs here, offscreen at 1920x1080, and notes when each version has been
painted (DisplayWindow.repainted). Matched by version: the first repaint showing a
version at least that new. Both processes read the same system-wide monotonic clock.
Target (issue "lobby display"): p95 <= 300 ms.

Memory: a child process commits as fast as it can, and the display reads again as soon
as each update is painted; after `--warmup` updates on screen the display's RSS is
read, and again after `--updates` more. Target: growth <= 10 %.
Announcements run through the announcer with chime and voice off (no sound device).

PostgreSQL: --pg URL, else COUNTER_APP_TEST_PG_URL, else a throwaway cluster started
as tests/conftest.py does (needs PostgreSQL's binaries); --no-pg skips it.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # counter_app, and the tests' helpers
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SERVICES = [
    {"prefix": p, "name": n, "daily_quota": 9999}
    for p, n in (
        ("A", "Pengambilan Dokumen"),
        ("B", "Legalisasi"),
        ("D", "Akta Kelahiran"),
        ("E", "Pindah Datang"),
    )
]
COUNTERS = [{"number": i + 1, "services": [s["prefix"]]} for i, s in enumerate(SERVICES)]
SECTIONS: dict[str, Any] = {
    "services": SERVICES,
    "counters": COUNTERS,
    "capacity": {"limit": 10_000, "when_full": "refuse"},
    "display": {"chime": False, "voice": False},
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: the peak is the best the standard library offers
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# --- the other station: a child process --------------------------------------------------------


def writer_main(config_path: str, mode: str, count: int) -> None:
    """Commit operations; print "version monotonic" after each (latency) or nothing (flood)."""
    from counter_app.core.config import load_config
    from counter_app.core.queue import open_queue

    queue = open_queue(load_config(Path(config_path)), create=True)
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
    latency_ops: list[Callable[[], object]] = [
        lambda: queue.issue("A", printing=False),
        lambda: queue.call_next(1),
        lambda: queue.recall(1),
    ]
    flood_ops: list[Callable[[], object]] = []
    for service, counter in zip(SERVICES, COUNTERS, strict=True):
        prefix, number = str(service["prefix"]), int(counter["number"])
        flood_ops.append(lambda p=prefix: queue.issue(p, printing=False))
        flood_ops.append(lambda n=number: queue.call_next(n))
        flood_ops.append(lambda n=number: queue.recall(n))  # changes without using up quota
        flood_ops.append(lambda n=number: queue.recall(n))
    if mode == "latency":
        rng = random.Random(7)
        for i in range(count):
            time.sleep(rng.uniform(0.06, 0.14))
            latency_ops[i % len(latency_ops)]()
            committed = time.monotonic()
            print(queue.version(), committed, flush=True)
    else:
        i = 0
        while not stop.is_set():
            flood_ops[i % len(flood_ops)]()
            i += 1
        print("commits", i, flush=True)
    print("done", flush=True)


class Writer:
    def __init__(self, config_path: Path, mode: str, count: int = 0) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--writer", mode, str(config_path), str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None and self.proc.stdin is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the writer process did not start")
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def send(self, word: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()

    @property
    def done(self) -> bool:
        return bool(self.lines) and self.lines[-1] == "done"

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


# --- the display: this process ------------------------------------------------------------------


def spin(until: Callable[[], bool], timeout: float) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the display benchmark stalled")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def open_window(url: str, tmp: Path, name: str) -> tuple[Any, Path]:
    from conftest import make_config, write_config

    from counter_app.core.queue import open_queue
    from counter_app.gui.display.announcer import Announcer
    from counter_app.gui.display.window import DisplayWindow

    config_path = write_config(tmp / f"{name}.toml", url, **SECTIONS)
    config = make_config(**SECTIONS, database={"url": url})
    window = DisplayWindow(
        open_queue(config, create=True), config, announcer=Announcer(silent=True)
    )
    window.resize(1920, 1080)
    window.show()
    spin(lambda: window.status is not None, 10)
    return window, config_path


def latency(url: str, tmp: Path, name: str, samples: int) -> list[float]:
    window, config_path = open_window(url, tmp, name)
    repaints: list[tuple[int, float]] = []
    window.repainted.connect(lambda v: repaints.append((v, time.monotonic())))
    writer = Writer(config_path, "latency", samples)
    try:
        writer.send("go")
        spin(lambda: writer.done, samples * 0.5 + 30)
        commits = [(int(v), float(t)) for v, t in (line.split() for line in writer.lines[:-1])]
        spin(lambda: bool(repaints) and repaints[-1][0] >= commits[-1][0], 5)
    finally:
        writer.close()
        window.shutdown()
        window.close()
    result = []
    for version, committed in commits:
        shown = next(t for v, t in repaints if v >= version)
        result.append((shown - committed) * 1000)
    return result


def memory(url: str, tmp: Path, warmup: int, updates: int) -> dict[str, float]:
    window, config_path = open_window(url, tmp, "memory")
    painted = [0]

    def next_update(_version: int) -> None:
        painted[0] += 1
        # Read again as soon as the last update is on screen, rather than at the next
        # 20 ms poll of the SQLite feed: 10,000 updates in about a minute.
        window.follower.request()

    window.repainted.connect(next_update)
    writer = Writer(config_path, "flood")
    try:
        writer.send("go")
        spin(lambda: painted[0] >= warmup, warmup * 0.05 + 60)
        gc.collect()
        before = rss_bytes()
        t0, n0 = time.monotonic(), painted[0]
        spin(lambda: painted[0] >= warmup + updates, updates * 0.05 + 60)
        seconds, n = time.monotonic() - t0, painted[0] - n0
        writer.send("stop")
        spin(lambda: writer.done, 30)
        spin(lambda: not window.announcer.busy, 10)  # let the announcer drain
        gc.collect()
        after = rss_bytes()
    finally:
        writer.close()
        window.shutdown()
        window.close()
    commits = next(int(line.split()[1]) for line in writer.lines if line.startswith("commits"))
    return {
        "before": before / 2**20,
        "after": after / 2**20,
        "growth": (after - before) / before * 100,
        "rate": n / seconds,
        "updates": float(painted[0]),
        "commits": float(commits),
    }


def postgres(url: str | None, skip: bool) -> tuple[str | None, Callable[[], None]]:
    if skip:
        return None, lambda: None
    url = url or os.environ.get("COUNTER_APP_TEST_PG_URL")
    stop: Callable[[], None] = lambda: None  # noqa: E731
    if not url:
        from conftest import _start_cluster

        cluster = _start_cluster()
        if cluster is None:
            print("PostgreSQL is not installed: skipping it (see --pg)", file=sys.stderr)
            return None, stop
        url, stop = cluster.url, cluster.stop
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_display_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()

    def drop() -> None:
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        stop()

    return make_url(url).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=150, help="commits timed per database")
    parser.add_argument("--pg", metavar="URL", help="a PostgreSQL server to create a database on")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=10_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    started = time.monotonic()
    rows: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-display-") as tmp_name:
        tmp = Path(tmp_name)
        sqlite_url = f"sqlite:///{(tmp / 'latency.sqlite3').as_posix()}"
        rows["SQLite"] = latency(sqlite_url, tmp, "sqlite", args.samples)
        pg_url, drop = postgres(args.pg, args.no_pg)
        if pg_url:
            try:
                rows["PostgreSQL"] = latency(pg_url, tmp, "pg", args.samples)
            finally:
                drop()
        mem = memory(
            f"sqlite:///{(tmp / 'memory.sqlite3').as_posix()}", tmp, args.warmup, args.updates
        )

    print()
    print("| commit → repaint, other process | " + " | ".join(rows) + " |")
    print("|---|" + "---:|" * len(rows))
    for label, fn in (
        ("p50", lambda v: statistics.median(v)),
        ("p95", lambda v: percentile(v, 0.95)),
        ("max", lambda v: max(v)),
    ):
        print(f"| {label} | " + " | ".join(f"{fn(v):.1f} ms" for v in rows.values()) + " |")
    print("| samples | " + " | ".join(str(len(v)) for v in rows.values()) + " |")
    print()
    print("| display memory (RSS), SQLite, 1920x1080 | |")
    print("|---|---:|")
    print(f"| after {args.warmup:,} updates (warm-up) | {mem['before']:.1f} MiB |")
    print(f"| after {args.updates:,} more updates | {mem['after']:.1f} MiB |")
    print(f"| growth (target ≤ 10 %) | {mem['growth']:+.1f} % |")
    print(
        f"| updates on screen / commits by the other process | "
        f"{mem['updates']:,.0f} / {mem['commits']:,.0f} ({mem['rate']:.0f} updates/s) |"
    )
    print(f"\n({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--writer":
        writer_main(sys.argv[3], sys.argv[2], int(sys.argv[4]))
    else:
        main()
