"""A compressed office day: the whole office as users start it, with faults, then audited.

    .venv/bin/python bench/office_day.py [--minutes 60] [--pg | --sqlite] [--phones 200]
                                         [--boards 20] [--seed 1] [--fault-seconds 60]
                                         [--midnight-at 0.75] [--no-faults]

Not a CI test. It starts, each on its own X server (Xvfb, Qt's xcb plugin) so that a key
pressed for one never lands in another, exactly as an office starts them:

    python -m counter_app --config CFG desk                 the front desk
    python -m counter_app --config CFG counter 1 ... 4      four counter panels
    python -m counter_app --config CFG display --windowed   the lobby display, chime and voice on
    python -m counter_app --config CFG web --port P         the phone pages

on one queue (a throwaway PostgreSQL cluster, or with --sqlite one SQLite file: the office
on one PC), a network ESC/POS printer (tests/fakeprinter.py: a real TCP socket, 80 mm),
a hall of 20 persons in `wait_outside` mode (`fill = "fit"`), four services with daily
quotas (Akta Kelahiran's 40 is reached in the morning).

An office day of 08:00-16:00 is played in --minutes of wall time (an office hour is
--minutes/8): visitors arrive at the desk as a Poisson stream, 85 in the first hour,
fewer over the day, 30 in the lunch hour (12-13), about 480 in all, one in five as a
group of 2-3; the desk staff press F1-F4 (Ctrl+2/3 first for a group), exactly the keys
of the real desk, sent with xdotool. Each counter's staff press F5 to call the next,
F7 when the visit is done after 15-40 s, and for one visitor in 20 who does not come,
F6 (recall) after 15 s and F8 (no-show) after 80 s. Every ticket gets a phone that
follows its page's event stream (up to --phones at once; a finished ticket's phone
stays open until its place is needed), each phone from its own loopback address, as
on the office Wi-Fi, reconnecting as a browser does; --boards more follow the board.
The desk staff reprint every ticket the printer failed (`counter-app reprint CODE`).

Faults, at fixed points of the day (as a fraction of it):

    0.20  PostgreSQL restarted (pg_ctl -m fast: every connection cut)     PostgreSQL only
    0.30  the printer goes offline for --fault-seconds
    0.35  Pindah Datang (E) suspended from the settings (shared rules)
    0.42  counter 3's panel killed with SIGKILL, started again 5 s later
    0.48  Pindah Datang taken off suspension
    0.50  the printer runs out of paper for --fault-seconds
    0.58  PostgreSQL restarted again                                      PostgreSQL only
    0.66  the network printer drops the connection in the middle of a ticket
    ~0.75 the office clock passes midnight: the office's time zone is the one whose
          local midnight falls nearest to --midnight-at (the world's zones give one every
          15 to 60 minutes of UTC, so it may fall anywhere from about 0.5 to 1.0 of an
          hour-long day: the table says where). The PC's clock is right; the day rolls
          over with tickets still open, which the first operation of the new day expires

At the end each window is screenshotted and closed with SIGTERM, and the queue is
audited: every ticket's state against its event log (each transition from the state
the last one left), duplicates and gaps in each day's numbers, the hall's peak
against its limit (replayed from the event log by the daily report, and as sampled
during the run), every desk ticket printed (checked against the printer's decoded
bytes) or reprinted, every phone's states against its ticket's event log, the boards'
last version, crashes, tracebacks on any stderr, and each process's RSS in the second
office hour against the last one (target: within +5 %).

Exit status 1 when a check failed. Linux only (/proc). Needs Xvfb, xdotool,
ImageMagick, and for PostgreSQL Debian's postgresql.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from bench_web import Client, follow, source_addresses  # noqa: E402
from fakeprinter import FakePrinter, decode  # noqa: E402  (tests/fakeprinter.py)
from pgcluster import Cluster  # noqa: E402
from soak import Window, child_env, mib, proc_status, screenshot, xdotool  # noqa: E402
from xvfb import Xvfb  # noqa: E402

from counter_app.core.model import EventKind  # noqa: E402

SERVICES = [  # prefix, name, daily quota, average minutes, share of arrivals
    ("A", "Pengambilan Dokumen", 300, 4, 0.50),
    ("B", "Legalisasi", 150, 3, 0.26),
    ("D", "Akta Kelahiran", 40, 5, 0.14),
    ("E", "Pindah Datang", 100, 5, 0.10),
]
COUNTERS = {1: ["A", "B"], 2: ["A", "B"], 3: ["B", "A", "D"], 4: ["D", "E", "A"]}
HALL_LIMIT = 20
ARRIVALS_PER_HOUR = (85, 80, 70, 60, 30, 60, 55, 40)  # 08-09 ... 15-16; 12-13 is lunch
SUSPENDED = "Pelayanan Pindah Datang dihentikan sementara"
KILLED_COUNTER = 3
#: the event log's entries that move a ticket (the print_* ones record its paper only)
STATE_KINDS = {str(k) for k in EventKind if not k.startswith(("print", "reprint"))}
FINAL = {"done", "no_show", "cancelled", "expired"}
BRIEF = 1.0  # seconds: a state shorter than this may be skipped by design (newest wins)


def now() -> float:
    return time.monotonic()


# --- configuration ------------------------------------------------------------------------------


def midnight_zone(at: datetime) -> str:
    """An IANA zone whose next local midnight is nearest to ``at`` (aware, UTC)."""
    best: tuple[float, str] | None = None
    start = datetime.now(UTC)
    for name in sorted(available_timezones()):
        if name.startswith(("posix/", "right/")) or "/" not in name:
            continue
        try:
            zone = ZoneInfo(name)
        except Exception:
            continue
        local = start.astimezone(zone)
        midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), zone)
        off = abs((midnight.astimezone(UTC) - at).total_seconds())
        if best is None or off < best[0]:
            best = (off, name)
    assert best is not None
    return best[1]


def config_data(url: str, zone: str, printer_port: int, web_port: int, secret: str) -> dict:
    return {
        "office": {
            "name": "Disdukcapil Kota Balikpapan",
            "timezone": zone,
            "language": "id",
            "station": "office-day",
        },
        "capacity": {"limit": HALL_LIMIT, "when_full": "wait_outside", "fill": "fit"},
        "database": {"url": url},
        "tickets": {"secret": secret},
        "services": [
            {"prefix": p, "name": n, "daily_quota": q, "average_minutes": m}
            for p, n, q, m, _ in SERVICES
        ],
        "counters": [
            {"number": n, "name": f"Loket {n}", "services": s} for n, s in COUNTERS.items()
        ],
        "printer": {"kind": "network", "host": "127.0.0.1", "port": printer_port, "paper_mm": 80},
        "display": {"screen": 0, "chime": True, "voice": True},
        "web": {
            "host": "127.0.0.1",
            "port": web_port,
            "public_url": f"http://127.0.0.1:{web_port}",
        },
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the processes --------------------------------------------------------------------------------


@dataclass
class Station:
    """One program of the office, with its own X server when it has a window."""

    window: Window
    screen: str | None  # Xvfb geometry, None for the phone server
    xvfb: Xvfb | None = None
    env: dict[str, str] = field(default_factory=dict)
    samples: list[tuple[float, int]] = field(default_factory=list)  # (seconds, RSS KiB)
    restarts: int = 0
    died: list[str] = field(default_factory=list)  # unexpected exits

    @property
    def name(self) -> str:
        return self.window.name

    def start(self, config: Path, base_env: dict[str, str]) -> None:
        self.env = dict(base_env)
        if self.screen is not None:
            if self.xvfb is None:
                self.xvfb = Xvfb(self.screen)
                self.env["DISPLAY"] = self.xvfb.start()
            else:
                self.env["DISPLAY"] = self.xvfb.display
        if self.window.proc is not None:  # a restart: keep the first run's stderr
            self.window.close_files()
            old = self.window.stderr_path
            if old.exists():
                old.rename(old.with_suffix(f".stderr.{self.restarts}"))
            self.window.window_id = ""
        self.window.launch(config, self.env)

    def focus(self, timeout: float = 90) -> str | None:
        """Wait for the main window and give it the keyboard; the problem, if any."""
        deadline = now() + timeout
        while now() < deadline:
            if not self.window.alive():
                return f"{self.name} exited during start (exit {self.window.proc.returncode})"
            ids = xdotool(
                self.env, "search", "--all", "--onlyvisible", "--pid", str(self.window.pid),
                "--name", ".+",
            )  # fmt: skip
            if ids:
                self.window.window_id = ids[-1]
                xdotool(self.env, "windowfocus", "--sync", ids[-1])
                return None
            time.sleep(0.5)
        return f"{self.name}: no window within {timeout:.0f} s"

    def key(self, *keys: str) -> None:
        """Staff pressing keys; a dialog left open (another window of the pid) is closed first."""
        ids = xdotool(
            self.env, "search", "--onlyvisible", "--pid", str(self.window.pid), "--name", ".+"
        )
        if len(ids) > 1:
            xdotool(self.env, "key", "Escape")
        if self.window.window_id:
            xdotool(self.env, "windowfocus", self.window.window_id)
        xdotool(self.env, "key", "--clearmodifiers", *keys)

    def sample(self, at: float) -> None:
        values = proc_status(self.window.pid) if self.window.alive() else {}
        if "VmRSS" in values:
            self.samples.append((at, values["VmRSS"]))

    def stderr_text(self) -> str:
        parts = []
        for path in sorted(self.window.folder.glob(f"{self.name}.stderr*")):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(parts)

    def stop(self) -> str:
        w = self.window
        if w.proc is None:
            return "never started"
        if not w.alive():
            return f"had exited ({w.proc.returncode})"
        w.proc.send_signal(signal.SIGTERM)
        try:
            w.proc.wait(20)
            return f"SIGTERM, exit {w.proc.returncode}"
        except subprocess.TimeoutExpired:
            w.proc.kill()
            w.proc.wait()
            return "SIGTERM ignored, SIGKILL"
        finally:
            w.close_files()


# --- the phones -----------------------------------------------------------------------------------


@dataclass
class Phone(Client):
    code: str = ""
    day: str = ""
    seen: list[tuple[float, str]] = field(default_factory=list)  # (time.time(), key)
    reloads: int = 0  # "reload" events: the page told its ticket is gone
    connection_done: asyncio.Event | None = None  # ends the current stream (a reload)
    connects: int = 0
    refused: list[str] = field(default_factory=list)
    stop: asyncio.Event | None = None
    finished_at: float | None = None  # time.time() it first showed a final state
    last_v: int = 0
    events: int = 0
    gone: bool = False  # stopped following: closed, its ticket gone from the day, refused


def phone_event(client: Client, block: bytes, arrived: float) -> None:
    assert isinstance(client, Phone)
    data = [
        line[5:].lstrip(b" ")
        for line in block.replace(b"\r", b"").split(b"\n")
        if line.startswith(b"data:")
    ]
    if not data:
        return
    payload = json.loads(b"\n".join(data))
    client.events += 1
    if "v" in payload:
        client.last_v = max(client.last_v, int(payload["v"]))
    if payload.get("reload"):
        client.reloads += 1
        client.seen.append((arrived, "reload"))
        if client.connection_done is not None:
            client.connection_done.set()  # the browser reloads the page: a new stream
    elif "state" in payload:
        client.seen.append((arrived, phone_key(payload["state"], payload.get("alert"))))
    if client.seen and client.seen[-1][1] in FINAL and client.finished_at is None:
        client.finished_at = arrived  # the visitor may close it now


def phone_key(state: str, alert: str | None) -> str:
    if state == "come_in":
        return "waiting"
    if state == "called" and alert:
        return alert  # called:COUNTER:RECALLS
    return state


async def keep_following(phone: Phone, port: int) -> None:
    """As a phone's browser does: reconnect a dropped stream after its retry time, and
    load the page again when told to (its ticket gone: the new stream is refused)."""
    assert phone.stop is not None
    stop = phone.stop
    while not stop.is_set():
        phone.status, phone.error, phone.closed_early = 0, None, False
        done = phone.connection_done = asyncio.Event()
        relay = asyncio.ensure_future(stop.wait())
        relay.add_done_callback(lambda _f, d=done: d.set())
        try:
            await follow(phone, port, done, phone_event)
        finally:
            relay.cancel()
        phone.connects += 1
        if phone.status not in (0, 200):
            phone.refused.append(str(phone.status))
        if phone.status in (404, 410):
            return
        if done.is_set() and not stop.is_set():
            continue  # reloaded at once
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 6 if phone.status == 429 else 2)


class Phones:
    """The visitors' phones and the boards: one asyncio loop in its own thread."""

    def __init__(self, port: int, limit: int, boards: int) -> None:
        self.port = port
        self.limit = limit
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.sources = source_addresses(limit * 4 + boards + 10)
        self.phones: dict[tuple[str, str], Phone] = {}
        self.open: list[Phone] = []
        self.boards: list[Phone] = []
        self.without_phone = 0
        self.thread.start()
        for _ in range(boards):
            self.boards.append(self._start("/events?lang=id", "", "", board=True))

    def _start(self, path: str, code: str, day: str, *, board: bool) -> Phone:
        phone = Phone(path, next(self.sources), board, code=code, day=day)

        async def run() -> None:
            phone.stop = asyncio.Event()
            try:
                await keep_following(phone, self.port)
            finally:
                phone.gone = True

        asyncio.run_coroutine_threadsafe(run(), self.loop)
        return phone

    def follow_ticket(self, code: str, day: date, payload: str) -> None:
        key = (code, day.isoformat())
        if key in self.phones:
            return
        self.open = [p for p in self.open if not p.gone]
        if len(self.open) >= self.limit:
            done = [p for p in self.open if p.finished_at is not None]
            if not done:
                self.without_phone += 1
                self.phones[key] = Phone("", "", False, code=code, day=key[1])  # none
                return
            oldest = min(done, key=lambda p: p.finished_at or 0)
            self.close(oldest)
        phone = self._start(f"/t/{payload}/events?lang=id", code, key[1], board=False)
        self.phones[key] = phone
        self.open.append(phone)

    def close(self, phone: Phone) -> None:
        if phone in self.open:
            self.open.remove(phone)
        if phone.stop is not None:
            self.loop.call_soon_threadsafe(phone.stop.set)

    def stop(self) -> None:
        for phone in [*self.open, *self.boards]:
            self.close(phone)
        time.sleep(1)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


# --- the day's plan ------------------------------------------------------------------------------


@dataclass
class Fault:
    at: float  # fraction of the day
    name: str
    action: Callable[[], str]
    started: float | None = None  # seconds into the run
    said: str = ""


def arrivals(seconds: float, rng: random.Random) -> list[tuple[float, str, int]]:
    """(seconds into the run, service, group) of each visitor at the desk."""
    hour = seconds / len(ARRIVALS_PER_HOUR)
    plan: list[tuple[float, str, int]] = []
    prefixes = [s[0] for s in SERVICES]
    weights = [s[4] for s in SERVICES]
    for h, count in enumerate(ARRIVALS_PER_HOUR):
        t = h * hour
        rate = count / hour
        while True:
            t += rng.expovariate(rate)
            if t >= (h + 1) * hour:
                break
            group = rng.choices([1, 2, 3], [0.8, 0.15, 0.05])[0]
            plan.append((t, rng.choices(prefixes, weights)[0], group))
    return plan


# --- the run --------------------------------------------------------------------------------------


class Office:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.seconds = args.minutes * 60
        self.folder = Path(tempfile.mkdtemp(prefix="counter-app-day-"))
        self.cluster: Cluster | None = None
        self.printer = FakePrinter("normal", drop_after=200)
        self.stations: list[Station] = []
        self.log: list[str] = []
        self.t0 = now()
        self.attempts: Counter[str] = Counter()
        self.expected_refusals: Counter[str] = Counter()
        self.reprints: dict[str, subprocess.Popen[bytes]] = {}
        self.reprinted: Counter[str] = Counter()
        self.reprint_failures: list[str] = []
        self.cli_stderr: list[str] = []
        self.plans: dict[tuple[str, int], tuple[str, float]] = {}
        self.last_press: dict[int, float] = defaultdict(float)
        self.hall_max = 0
        self.read_errors = 0
        self.printer_fault = ""
        self.suspended = False
        self.db_down_until = 0.0
        self.desk_pressed = 0.0

    def say(self, text: str) -> None:
        line = f"[{self.elapsed():7.1f} s] {text}"
        self.log.append(line)
        print(line, flush=True)

    def elapsed(self) -> float:
        return now() - self.t0

    # --- set-up ---

    def set_up(self) -> None:
        from counter_app.core.config import new_secret, parse_config
        from counter_app.core.queue import open_queue

        if self.args.sqlite:
            url = f"sqlite:///{(self.folder / 'queue.sqlite3').as_posix()}"
        else:
            self.cluster = Cluster(max_connections=200)
            self.cluster.start()
            url = self.cluster.url
        self.printer.start()
        self.web_port = free_port()
        midnight = datetime.now(UTC) + timedelta(seconds=self.seconds * self.args.midnight_at + 90)
        self.zone = midnight_zone(midnight)
        self.data = config_data(url, self.zone, self.printer.port, self.web_port, new_secret())
        self.config_path = self.folder / "config.toml"
        self.write_config(self.config_path, suspended=False)
        self.config = parse_config(self.data, str(self.config_path))
        self.queue = open_queue(self.config, create=True)
        self.env = child_env(self.folder, ":0")
        subprocess.run(  # python-escpos's capability cache, made once (see soak.py)
            [sys.executable, "-c", "import counter_app.printing"], env=self.env, check=True
        )
        shapes = [
            ("desk", "desk", ["desk"], "1366x768x24"),
            *(
                (f"counter{n}", f"counter {n}", ["counter", str(n)], "1366x768x24")
                for n in COUNTERS
            ),
            ("display", "display --windowed", ["display", "--windowed"], "1920x1080x24"),
            ("web", "web", ["web", "--host", "127.0.0.1", "--port", str(self.web_port)], None),
        ]
        for name, label, argv, screen in shapes:
            self.stations.append(Station(Window(name, label, argv, "", self.folder), screen))
        for st in self.stations:
            st.start(self.config_path, self.env)
        for st in self.stations:
            if st.screen is not None and (problem := st.focus()):
                raise SystemExit(f"start failed: {problem}")
        self.wait_web()
        self.phones = Phones(self.web_port, self.args.phones, self.args.boards)

    def write_config(self, path: Path, *, suspended: bool) -> None:
        import tomlkit

        data = json.loads(json.dumps(self.data))
        if suspended:
            data["services"][3]["suspended"] = SUSPENDED
        path.write_text(tomlkit.dumps(data), encoding="utf-8")

    def wait_web(self) -> None:
        deadline = now() + 60
        while now() < deadline:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}/healthz", timeout=2)
                return
            time.sleep(0.5)
        raise SystemExit("the phone server did not answer /healthz within 60 s")

    def station(self, name: str) -> Station:
        return next(s for s in self.stations if s.name == name)

    # --- faults ---

    def faults(self) -> list[Fault]:
        secs = self.args.fault_seconds
        items = [
            Fault(0.30, "printer offline", lambda: self.printer_mode("offline", secs)),
            Fault(0.35, "E suspended", lambda: self.suspend(True)),
            Fault(0.42, f"counter {KILLED_COUNTER} killed -9", self.kill_counter),
            Fault(0.48, "E resumed", lambda: self.suspend(False)),
            Fault(0.50, "printer out of paper", lambda: self.printer_mode("paper_out", secs)),
            Fault(0.66, "printer drops mid-job", self.printer_drop),
        ]
        if self.cluster is not None:
            items += [
                Fault(0.20, "PostgreSQL restarted", self.restart_pg),
                Fault(0.58, "PostgreSQL restarted", self.restart_pg),
            ]
        return sorted(items, key=lambda f: f.at) if not self.args.no_faults else []

    def printer_mode(self, mode: str, seconds: float) -> str:
        self.printer.mode = mode
        self.printer_fault = mode

        def back() -> None:
            time.sleep(seconds)
            self.printer.mode = "normal"
            self.printer_fault = ""
            self.say(f"printer back to normal after {mode}")

        threading.Thread(target=back, daemon=True).start()
        return f"{mode} for {seconds:.0f} s"

    def printer_drop(self) -> str:
        first = len(self.printer.sessions)
        self.printer.mode = "drop"
        self.printer_fault = "drop"

        def cut() -> bool:  # a job that reached the cut in drop mode, its connection closed
            return any(
                s.closed and len(s.job) >= self.printer.drop_after
                for s in self.printer.sessions[first:]
            )

        def back() -> None:  # one connection dropped in the middle of its ticket, then well
            deadline = now() + 300
            while not cut() and now() < deadline:
                time.sleep(0.2)
            self.printer.mode = "normal"
            self.printer_fault = ""
            self.say("printer back to normal after dropping a job")

        threading.Thread(target=back, daemon=True).start()
        return f"the next job is cut after {self.printer.drop_after} bytes"

    def suspend(self, on: bool) -> str:
        from counter_app.core.config import load_config
        from counter_app.core.queue import open_queue

        path = self.folder / "settings-dialog.toml"
        self.write_config(path, suspended=on)
        queue = open_queue(load_config(path))
        try:
            version = queue.publish_rules()
        finally:
            queue.db.dispose()
        self.suspended = on
        return f"shared rules version {version}"

    def kill_counter(self) -> str:
        st = self.station(f"counter{KILLED_COUNTER}")
        assert st.window.proc is not None
        st.window.proc.kill()
        st.window.proc.wait()
        time.sleep(5)
        st.restarts += 1
        st.start(self.config_path, self.env)
        problem = st.focus()
        return f"restarted, {'window back' if problem is None else problem}"

    def restart_pg(self) -> str:
        assert self.cluster is not None
        t = now()
        self.db_down_until = now() + 30
        self.cluster.restart()
        self.db_down_until = now() + 2
        return f"down {now() - t:.1f} s"

    # --- staff ---

    def desk_press(self, prefix: str, group: int, status: Any) -> None:
        self.attempts[prefix] += 1
        reason = ""
        if now() < self.db_down_until:
            reason = "database restarting"
        elif self.printer_fault in ("offline", "paper_out"):
            reason = f"printer {self.printer_fault}"
        elif status is not None:
            svc = next(s for s in status.services if s.prefix == prefix)
            if svc.suspended:
                reason = "suspended"
            elif svc.quota_left < 1:
                reason = "quota reached"
        if reason:
            self.expected_refusals[reason] += 1
        index = [s[0] for s in SERVICES].index(prefix) + 1
        keys = ([f"ctrl+{group}"] if group > 1 else []) + [f"F{index}"]
        self.station("desk").key(*keys)

    def counters_act(self, status: Any) -> None:
        t = now()
        for c in status.counters:
            st = self.station(f"counter{c.number}")
            if not st.window.alive() or t - self.last_press[c.number] < 2:
                continue
            ticket = c.current
            if ticket is None:
                if any(s.waiting for s in status.services if s.prefix in COUNTERS[c.number]):
                    self.press(st, c.number, "F5")
                continue
            key = (ticket.code, ticket.id)
            if key not in self.plans:
                outcome = "no_show" if self.rng.random() < 0.05 else "done"
                self.plans[key] = (outcome, t + self.rng.uniform(15, 40))
            outcome, due = self.plans[key]
            called_for = (datetime.now(UTC) - ticket.called_at).total_seconds()
            if outcome == "done" and t >= due:
                self.press(st, c.number, "F7")
            elif outcome == "no_show" and ticket.recalls == 0 and called_for >= 15:
                self.press(st, c.number, "F6")  # the visitor does not come: called again
            elif outcome == "no_show" and ticket.recalls > 0 and called_for >= 80:
                self.press(st, c.number, "F8")  # > 60 s after the recall: no question asked

    def press(self, st: Station, number: int, key: str) -> None:
        self.last_press[number] = now()
        st.key(key)

    def reprint_failed(self) -> None:
        for code, proc in list(self.reprints.items()):
            if proc.poll() is None:
                continue
            del self.reprints[code]
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            if proc.stderr:
                proc.stderr.close()
            self.cli_stderr.append(err)
            if proc.returncode == 0:
                self.reprinted[code] += 1
            else:
                self.reprint_failures.append(f"{code}: exit {proc.returncode}: {err.strip()}")
        if self.printer_fault in ("offline", "paper_out"):
            return  # the staff wait for the printer
        for ticket in self.queue.failed_prints():
            if ticket.code not in self.reprints and ticket.state.value not in FINAL:
                self.reprints[ticket.code] = subprocess.Popen(
                    [sys.executable, "-m", "counter_app", "--config", str(self.config_path),
                     "reprint", ticket.code],
                    env={**self.env, "COUNTER_APP_LOG_DIR": str(self.folder / "logs" / "cli")},
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                )  # fmt: skip

    # --- the day ---

    def run(self) -> None:
        plan = arrivals(self.seconds, self.rng)
        faults = self.faults()
        self.say(
            f"day of {self.args.minutes:g} min: {len(plan)} arrivals planned, "
            f"zone {self.zone} (midnight at {self.args.midnight_at:.2f} of the day), "
            f"{'SQLite' if self.args.sqlite else 'PostgreSQL'}, folder {self.folder}"
        )
        self.t0, self.start_utc = now(), datetime.now(UTC)
        next_sample = next_reprint = 0.0
        tick = samples = 0
        while (t := self.elapsed()) < self.seconds:
            for f in faults:
                if f.started is None and t >= f.at * self.seconds:
                    f.started = t
                    self.say(f"FAULT {f.name} ...")
                    f.said = f.action()
                    self.say(f"FAULT {f.name}: {f.said}")
            status = self.read_status()
            # one visitor at a time at the desk, a second apart (the desk's own press
            # guard ignores a key pressed while the last ticket is being issued)
            if plan and plan[0][0] <= t and now() - self.desk_pressed >= 1.0:
                _, prefix, group = plan.pop(0)
                self.desk_pressed = now()
                self.desk_press(prefix, group, status)
            if status is not None:
                self.hall_max = max(self.hall_max, status.occupancy)
                self.counters_act(status)
                if tick % 2 == 0:
                    self.follow_new_tickets(status)
            if t >= next_reprint:
                next_reprint = t + 5
                with contextlib.suppress(Exception):
                    self.reprint_failed()
            if t >= next_sample:
                next_sample = t + 10
                for st in self.stations:
                    st.sample(t)
                self.check_alive(t)
                samples += 1
                if samples % 6 == 1:  # a line a minute
                    self.progress(status)
            tick += 1
            time.sleep(0.5)
        self.say("day over: the last visits finish, the phones catch up")
        self.finish_day()

    def read_status(self) -> Any:
        try:
            return self.queue.status(calls=0)
        except Exception as exc:
            self.read_errors += 1
            if self.read_errors % 20 == 1:
                self.say(f"driver's read failed ({type(exc).__name__}); waiting")
            return None

    def follow_new_tickets(self, status: Any) -> None:
        try:
            tickets = self.queue.recent_tickets(limit=60)
        except Exception:
            return
        for ticket in tickets:
            if ticket.state.value not in FINAL:
                # the QR holds the page's link (public_url) or the bare payload
                payload = ticket.qr.rsplit("/", 1)[-1]
                self.phones.follow_ticket(ticket.code, ticket.day, payload)

    def check_alive(self, t: float) -> None:
        for st in self.stations:
            w = st.window
            if w.proc is not None and w.proc.poll() is not None and not st.died:
                st.died.append(f"exit {w.proc.returncode} at {t:.0f} s")
                self.say(f"{st.name} DIED (exit {w.proc.returncode})")

    def progress(self, status: Any) -> None:
        rss = " ".join(
            f"{st.name} {mib(st.samples[-1][1]) if st.samples else '-'}" for st in self.stations
        )
        hall = f"hall {status.occupancy}/{status.limit} outside {status.outside}" if status else "?"
        open_phones = len(self.phones.open)
        self.say(f"{hall}; phones {open_phones}; {rss}")

    def finish_day(self) -> None:
        """No more arrivals: let the counters work until the line is empty (at most 3 min)."""
        deadline = now() + 180
        while now() < deadline:
            status = self.read_status()
            if status is None:
                time.sleep(1)
                continue
            open_tickets = status.occupancy + status.outside
            if not open_tickets:
                break
            self.counters_act(status)
            self.follow_new_tickets(status)
            with contextlib.suppress(Exception):
                self.reprint_failed()
            time.sleep(0.5)
        time.sleep(5)  # the last commits reach every window and phone
        for _code, proc in self.reprints.items():
            proc.wait(60)
        self.reprint_failed()
        for _code, proc in self.reprints.items():
            proc.wait(60)
        self.reprint_failed()
        for st in self.stations:
            st.sample(self.elapsed())


# --- the audit --------------------------------------------------------------------------------


def audit_tickets(office: Office) -> dict[str, Any]:
    from sqlalchemy import select

    from counter_app.core.queue import format_code
    from counter_app.storage.schema import EventRow, TicketRow

    with office.queue.db.read_sessions()() as s:
        tickets = s.execute(select(TicketRow)).scalars().all()
        events = s.execute(select(EventRow).order_by(EventRow.id)).scalars().all()
    by_ticket: dict[int, list[Any]] = defaultdict(list)
    for e in events:
        by_ticket[e.ticket_id].append(e)
    mismatched: list[str] = []
    history: dict[tuple[str, str], list[tuple[datetime, str]]] = {}
    for t in tickets:
        code = format_code(t.prefix, t.number)
        state: str | None = None
        keys: list[tuple[datetime, str]] = []
        recalls = 0
        for e in by_ticket[t.id]:
            if e.kind not in STATE_KINDS:
                continue
            if e.from_state != state:
                mismatched.append(f"{t.day} {code}: {e.kind} from {e.from_state}, was {state}")
            state = e.to_state
            if e.kind == "called":
                recalls = 0
            elif e.kind == "recalled":
                recalls += 1
            key = (
                "expired"
                if e.kind == "expired"
                else f"called:{e.counter}:{recalls}"
                if state == "called"
                else str(state)
            )
            keys.append((e.at, key))
        if state != t.state:
            mismatched.append(f"{t.day} {code}: state {t.state}, event log ends at {state}")
        history[(code, t.day.isoformat())] = keys
    numbers: dict[tuple[date, str], list[int]] = defaultdict(list)
    for t in tickets:
        numbers[(t.day, t.prefix)].append(t.number)
    duplicates = sum(len(v) - len(set(v)) for v in numbers.values())
    gaps = sum(max(v) - len(set(v)) for v in numbers.values())
    states = Counter(t.state for t in tickets)
    printed = Counter(t.print_status for t in tickets)
    return {
        "tickets": tickets,
        "history": history,
        "mismatched": mismatched,
        "duplicates": duplicates,
        "gaps": gaps,
        "states": states,
        "print_status": printed,
        "per_day": Counter(t.day for t in tickets),
        "issued_by_desk": Counter(t.prefix for t in tickets),
    }


def audit_printer(office: Office, tickets: list[Any]) -> dict[str, Any]:
    from counter_app.core.queue import format_code

    texts = []  # each whole ticket the printer received: its text, up to its cut
    for session in office.printer.sessions:
        decoded = decode(session.job)
        if decoded.cuts:
            texts.append(decoded.text)
    joined = "\n".join(texts)
    never = [
        f"{t.day} {format_code(t.prefix, t.number)} ({t.print_status}, {t.state})"
        for t in tickets
        if t.print_status != "printed"
    ]
    printed_unseen = [
        format_code(t.prefix, t.number)
        for t in tickets
        if t.print_status == "printed" and format_code(t.prefix, t.number) not in joined
    ]
    return {
        "jobs": len(office.printer.sessions),
        "not_printed": never,
        "printed_but_not_at_printer": printed_unseen,
        "failed_then_reprinted": sum(office.reprinted.values()),
    }


def is_subsequence(needed: list[str], seen: list[str]) -> list[str]:
    """The needed keys not found in order in ``seen``."""
    missing: list[str] = []
    i = 0
    for key in needed:
        j = i
        while j < len(seen) and seen[j] != key:
            j += 1
        if j == len(seen):
            missing.append(key)
        else:
            i = j + 1
    return missing


def collapse(keys: list[str]) -> list[str]:
    return [k for i, k in enumerate(keys) if i == 0 or keys[i - 1] != k]


def audit_phones(office: Office, history: dict[tuple[str, str], list[tuple[datetime, str]]]):
    changes = seen = brief = reloads_needless = 0
    missed: list[str] = []
    for (code, day), phone in office.phones.phones.items():
        if not phone.path or not phone.seen:
            continue
        keys = history.get((code, day), [])
        start = phone.seen[0][0]
        needed: list[str] = []
        for i, (at, key) in enumerate(keys):
            if at.timestamp() <= start:
                continue
            nxt = keys[i + 1][0].timestamp() if i + 1 < len(keys) else None
            if nxt is not None and nxt - at.timestamp() < BRIEF:
                brief += 1
                continue
            needed.append(key)
        needed = collapse(needed)
        # a reload is the page told its ticket is gone: right after the day's end
        # ("expired" in the log), a needless page load otherwise
        gone = "expired" in [k for _, k in keys]
        reloads_needless += 0 if gone else phone.reloads
        got = collapse(
            ["expired" if k == "reload" else k for _, k in phone.seen if gone or k != "reload"]
        )
        lost = is_subsequence(needed, got)
        changes += len(needed)
        seen += len(needed) - len(lost)
        if lost:
            missed.append(f"{day} {code}: missed {lost}; saw {got}; log {[k for _, k in keys]}")
    phones = [p for p in office.phones.phones.values() if p.path]
    return {
        "phones": len(phones),
        "without_phone": office.phones.without_phone,
        "changes": changes,
        "seen": seen,
        "brief": brief,
        "missed": missed,
        "reconnects": sum(max(0, p.connects - 1) for p in phones),
        "reloads_needless": reloads_needless,
        "refused": Counter(r for p in phones for r in p.refused),
    }


def rss_means(st: Station, seconds: float) -> dict[int, float]:
    """Mean RSS (KiB) in office hours 2, 5 and 8 (the last one with the wind-down)."""
    hour = seconds / len(ARRIVALS_PER_HOUR)
    means: dict[int, float] = {}
    for h in (2, 5, 8):
        end = h * hour if h < 8 else seconds + 600
        values = [k for t, k in st.samples if (h - 1) * hour <= t < end]
        if values:
            means[h] = sum(values) / len(values)
    return means


def growth(means: dict[int, float], start: int) -> float | None:
    if start not in means or 8 not in means:
        return None
    return (means[8] - means[start]) / means[start] * 100


def report(office: Office, ended: dict[str, str], shots: dict[str, Path | None]) -> int:
    from counter_app.core.report import daily_report

    tk = audit_tickets(office)
    pr = audit_printer(office, tk["tickets"])
    ph = audit_phones(office, tk["history"])
    peaks = {}
    for day in sorted(tk["per_day"]):
        rep = daily_report(office.queue, day)
        peaks[day] = (rep.peak_occupancy, rep.limit, rep.full_minutes)
    final_version = office.queue.version()
    boards = office.phones.boards
    tracebacks = {st.name: st.stderr_text().count("Traceback") for st in office.stations} | {
        "reprint commands": sum(e.count("Traceback") for e in office.cli_stderr)
    }
    crashes = {st.name: st.died for st in office.stations if st.died}
    bad_exit = {k: v for k, v in ended.items() if "exit 0" not in v}
    db = "SQLite" if office.args.sqlite else "PostgreSQL"
    print()
    print(
        f"## Office day: {office.args.minutes:g} min for 08:00-16:00, {db}, seed {office.args.seed}"
    )
    print()
    print("| check | result |")
    print("|---|---|")
    days = ", ".join(f"{d}: {n}" for d, n in sorted(tk["per_day"].items()))
    print(f"| tickets (per office day) | {sum(tk['per_day'].values())} ({days}) |")
    print(
        f"| desk presses / expected refusals | {sum(office.attempts.values())} / "
        f"{sum(office.expected_refusals.values())} "
        f"({', '.join(f'{k} {v}' for k, v in office.expected_refusals.items()) or 'none'}) |"
    )
    unexplained = (
        sum(office.attempts.values())
        - sum(tk["issued_by_desk"].values())
        - sum(office.expected_refusals.values())
    )
    print(f"| presses that made no ticket with no reason expected | {unexplained} |")
    zone = ZoneInfo(office.zone)
    local = office.start_utc.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), zone)
    at = (midnight - office.start_utc).total_seconds() / office.seconds
    print(f"| local midnight ({office.zone}) | {at:.2f} of the day |")
    print(f"| final states | {', '.join(f'{k} {v}' for k, v in sorted(tk['states'].items()))} |")
    print(f"| tickets whose state disagrees with the event log | {len(tk['mismatched'])} |")
    print(f"| duplicate numbers / gaps | {tk['duplicates']} / {tk['gaps']} |")
    for day, (peak, limit, full) in peaks.items():
        print(f"| hall peak {day} (report) | {peak} of {limit}, {full:.0f} min at the limit |")
    print(f"| hall peak as sampled | {office.hall_max} of {HALL_LIMIT} |")
    print(
        f"| printer connections / tickets not printed at the end | {pr['jobs']} / "
        f"{len(pr['not_printed'])} |"
    )
    print(f"| printed but not found at the printer | {len(pr['printed_but_not_at_printer'])} |")
    print(f"| failed prints reprinted (`counter-app reprint`) | {pr['failed_then_reprinted']} |")
    print(
        f"| phones / tickets without a phone (all {office.args.phones} busy) | "
        f"{ph['phones']} / {ph['without_phone']} |"
    )
    print(
        f"| phone: changes seen of changes made (≥ {BRIEF:g} s) | {ph['seen']} of {ph['changes']} "
        f"({ph['brief']} shorter skipped) |"
    )
    print(
        f"| phone reconnects / answers other than 200 | {ph['reconnects']} / "
        f"{dict(ph['refused']) or 0} |"
    )
    print(f"| phones told to reload while their ticket was not gone | {ph['reloads_needless']} |")
    board_ok = sum(1 for b in boards if b.last_v >= final_version)
    print(f"| boards at the last version ({final_version}) | {board_ok} of {len(boards)} |")
    print(f"| crashes | {crashes or 0} |")
    print(f"| tracebacks on stderr | {sum(tracebacks.values())} |")
    print(f"| closed by | {', '.join(f'{k}: {v}' for k, v in ended.items())} |")
    print()
    # The 5th hour is the first with every phone open (the phone server's memory follows
    # the number of streams): growth from it is growth at the same load.
    print(
        "| process | RSS 2nd hour | RSS 5th hour | RSS last hour | growth 2nd → last "
        "| growth 5th → last | restarts |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    flat = True
    with open(office.folder / "rss.csv", "w", encoding="utf-8") as fh:
        fh.write("process,seconds,rss_kib\n")
        for st in office.stations:
            fh.writelines(f"{st.name},{t:.0f},{k}\n" for t, k in st.samples)
    for st in office.stations:
        means = rss_means(st, office.seconds)
        g2, g5 = growth(means, 2), growth(means, 5)
        if g2 is not None and g2 > 5:
            flat = False
        shown = [mib(int(means[h])) if h in means else "-" for h in (2, 5, 8)]
        rates = [f"{g:+.1f} %" if g is not None else "-" for g in (g2, g5)]
        print(f"| {st.window.label} | {' | '.join(shown)} | {' | '.join(rates)} | {st.restarts} |")
    print()
    for line in tk["mismatched"][:10]:
        print(f"event log: {line}")
    for line in pr["not_printed"][:10]:
        print(f"not printed: {line}")
    for line in ph["missed"][:10]:
        print(f"phone: {line}")
    for line in office.reprint_failures[:10]:
        print(f"reprint refused: {line}")
    for name, count in tracebacks.items():
        if count:
            print(f"tracebacks in {name}")
    print("faults and what each process logged in the next 90 s:")
    print_fault_logs(office)
    for name, path in shots.items():
        print(f"screenshot {name}: {path}")
    print(f"folder: {office.folder}")
    failed = (
        tk["mismatched"] or tk["duplicates"] or tk["gaps"] or pr["not_printed"]
        or pr["printed_but_not_at_printer"] or ph["missed"] or crashes or bad_exit
        or sum(tracebacks.values()) or office.hall_max > HALL_LIMIT or not flat
        or any(p > lim for p, lim, _ in peaks.values()) or board_ok < len(boards)
        or ph["reloads_needless"]
    )  # fmt: skip
    return 1 if failed else 0


LOG_LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\S* (\w+) +(.*)$")


def print_fault_logs(office: Office) -> None:
    """For each FAULT line, the WARNING and ERROR lines each process logged within 90 s."""
    faults = [line for line in office.log if "FAULT" in line and "..." not in line]
    print("\n".join(f"    {line}" for line in faults))
    for st in office.stations:
        lines = []
        for path in sorted(st.window.log_dir.glob("counter-app.log*")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if re.search(r" (WARNING|ERROR|CRITICAL) ", line):
                    lines.append(line)
        shown = Counter(re.sub(r"\d+", "N", line.split(" ", 3)[-1])[:100] for line in lines)
        print(f"  {st.name}: {len(lines)} warnings/errors")
        for text, count in shown.most_common(6):
            print(f"      {count:4d} x {text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, help="wall time of the day")
    database = parser.add_mutually_exclusive_group()
    database.add_argument("--sqlite", action="store_true", help="one PC on SQLite")
    database.add_argument("--pg", action="store_true", help="a PostgreSQL cluster (the default)")
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--boards", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fault-seconds", type=float, default=60.0)
    parser.add_argument("--midnight-at", type=float, default=0.75, help="fraction of the day")
    parser.add_argument("--no-faults", action="store_true")
    args = parser.parse_args()
    for tool in ("xdotool", "Xvfb"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed")
    office = Office(args)
    ended: dict[str, str] = {}
    shots: dict[str, Path | None] = {}
    try:
        office.set_up()
        office.run()
        for st in office.stations:
            if st.screen is not None:
                shots[st.name] = screenshot(st.window, st.env, office.folder)
        office.phones.stop()
        for st in office.stations:
            ended[st.name] = st.stop()
        return report(office, ended, shots)
    finally:
        for st in office.stations:
            if st.window.alive():
                st.window.proc.kill()
            if st.xvfb is not None:
                st.xvfb.stop()
        office.printer.stop()
        with contextlib.suppress(Exception):
            office.queue.db.dispose()
        if office.cluster is not None:
            office.cluster.stop()


if __name__ == "__main__":
    raise SystemExit(main())
