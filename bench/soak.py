"""Soak: the three windows as the office runs them, kept busy for a stretch of a working day.

    .venv/bin/python bench/soak.py [--minutes 10] [--warmup 20] [--interval 1.0]
                                   [--via api|cli] [--sound] [--close keys|sigterm]
                                   [--cleanup] [--race-start]

Not a CI test. It starts its own X server (Xvfb, 1920x1080, on a display number Xvfb
picks) and three separate programs, exactly as users start them, on one SQLite queue:

    python -m counter_app --config CFG desk
    python -m counter_app --config CFG counter 1
    python -m counter_app --config CFG display --windowed

The configuration is written to a temporary folder with a fresh secret, the preview
printer (no hardware), a hall limit and daily quotas that nothing reaches in the run,
and the lobby display's chime and voice off (--sound turns both on; Xvfb has no sound
device, so Qt's audio output then fails and the display goes on silently, which is
what it does on a PC whose speakers are unplugged). XDG_* and COUNTER_APP_*_DIR point
into the temporary folder, so the soak never touches the real user's files; each
window logs to its own folder there, so a warning can be traced to its window.

Load: every --interval seconds this script issues a ticket (services A, B, D, E in turn)
and calls the next ticket to counter 1, which ends the visit at counter 1 as done
first, through the domain API (counter_app.core.queue.open_queue) or, with --via cli,
through `python -m counter_app issue X --no-print` and `call 1`. So the counter 1 panel
shows a new visitor every second, the desk's hall gauge and lines move, and the lobby
display shows and (would) announce each call.

Measured, for each window's python process (the child itself, no wrapper): RSS from
/proc/PID/status after the windows are up and --warmup seconds of load, RSS at the end,
growth in %, the peak, threads and open file descriptors at start and end, warnings and
errors in its log, and whether it was still alive at the end (exit code and the tail
of stderr of one that died). Calls: made by this script, and the `called` events at
counter 1 read back from the database. The lobby display logs no line per call; it
logs each call it learnt of too late to announce (> 90 s), counted here as a lag sign.
At the end each window is screenshotted (ImageMagick's `import`), so one can check the
display shows the last call, and closed as a user closes it (Ctrl+W on the desk and
the counter panel, Ctrl+Q on the display, through xdotool), or with SIGTERM, then
SIGKILL, when it does not close within 10 s (--close sigterm: SIGTERM straight away,
which each window takes as its close button: exit 0).

Before the windows start, the database is created once, and python-escpos's capabilities
cache is made once (python -c "import counter_app.printing"): three first starts at once
on an empty cache crash (EOFError, see --race-start).

Exit status 1 when a window process died during the run (or did not start).
Linux only (/proc). Needs Xvfb, xdotool and ImageMagick (Debian: xvfb xdotool imagemagick).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from xvfb import Xvfb  # noqa: E402  (bench/xvfb.py, beside this file)

PREFIXES = ("A", "B", "D", "E")
COUNTER = 1
CLOSE_WAIT = 10.0  # seconds a window gets to close by its key before SIGTERM
CONFIG_TEMPLATE = """\
# counter-app soak configuration, written by bench/soak.py
[office]
name = "Disdukcapil Kota Balikpapan"
timezone = "Asia/Makassar"
language = "id"
station = "soak"

[capacity]
limit = 10000
when_full = "refuse"

[database]
url = "{url}"

[tickets]
secret = "{secret}"

{services}
[[counters]]
number = 1
name = "Loket 1"
services = [{prefixes}]

[[counters]]
number = 2
name = "Loket 2"
services = ["B", "A"]

[printer]
kind = "preview"

[display]
screen = 0
chime = {sound}
voice = {sound}
"""
SERVICE_NAMES = {
    "A": "Pengambilan Dokumen",
    "B": "Legalisasi",
    "D": "Akta Kelahiran",
    "E": "Pindah Datang",
}


def write_config(folder: Path, sound: bool) -> Path:
    """A configuration like `counter-app init-config` writes, with a fresh secret."""
    from counter_app.core.config import load_config, new_secret

    url = f"sqlite:///{(folder / 'queue.sqlite3').as_posix()}"
    services = "".join(
        f'[[services]]\nprefix = "{p}"\nname = "{SERVICE_NAMES[p]}"\n'
        "daily_quota = 9999\naverage_minutes = 4\n\n"
        for p in PREFIXES
    )
    text = CONFIG_TEMPLATE.format(
        url=url,
        secret=new_secret(),
        services=services,
        prefixes=", ".join(f'"{p}"' for p in PREFIXES),
        sound="true" if sound else "false",
    )
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    load_config(path)  # a mistake here should stop the soak, not the first window
    return path


# --- one window process --------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM (KiB) and Threads of a live process; {} once it is gone."""
    wanted = {"VmRSS", "VmHWM", "Threads"}
    values: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in wanted:
                    values[key] = int(rest.split()[0])
        values["fds"] = len(os.listdir(f"/proc/{pid}/fd"))
    except (OSError, ValueError):
        return {}
    return values


@dataclass
class Sample:
    rss_kib: int
    threads: int
    fds: int


@dataclass
class Window:
    """One of the three programs: `python -m counter_app ... ARGS`."""

    name: str  # for file names: desk, counter1, display
    label: str  # for the table: the command line's words
    args: list[str]
    close_key: str
    folder: Path
    proc: subprocess.Popen[bytes] | None = None
    window_id: str = ""
    start: Sample | None = None
    end: Sample | None = None
    peak_kib: int = 0
    died_at: float | None = None  # seconds into the run
    ended_by: str = ""
    _files: list[IO[bytes]] = field(default_factory=list)

    @property
    def log_dir(self) -> Path:
        return self.folder / "logs" / self.name

    @property
    def stderr_path(self) -> Path:
        return self.folder / f"{self.name}.stderr"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def launch(self, config: Path, env: dict[str, str]) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        out = open(self.folder / f"{self.name}.stdout", "wb")  # noqa: SIM115 (closed in close_files)
        err = open(self.stderr_path, "wb")  # noqa: SIM115
        self._files = [out, err]
        # sys.executable itself, not a console script or shell: the pid is the python
        # process that owns the window, so /proc/PID is the window's memory.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "counter_app", "--config", str(config), *self.args],
            env={**env, "COUNTER_APP_LOG_DIR": str(self.log_dir)},
            cwd=self.folder,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def sample(self) -> Sample | None:
        if not self.alive():
            return None
        values = proc_status(self.pid)
        if "VmRSS" not in values:
            return None
        self.peak_kib = max(self.peak_kib, values["VmRSS"])
        return Sample(values["VmRSS"], values.get("Threads", 0), values.get("fds", 0))

    def stderr_tail(self, lines: int = 15) -> list[str]:
        try:
            text = self.stderr_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        return text.splitlines()[-lines:]

    def log_counts(self) -> dict[str, int]:
        """WARNING / ERROR / CRITICAL lines and calls not announced, in its log files."""
        counts = {"WARNING": 0, "ERROR": 0, "CRITICAL": 0, "not announcing": 0}
        for path in sorted(self.log_dir.glob("counter-app.log*")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                parts = line.split(maxsplit=3)
                if len(parts) >= 3 and parts[2] in counts:
                    counts[parts[2]] += 1
                if "not announcing" in line:
                    counts["not announcing"] += 1
        return counts

    def problem_lines(self, limit: int = 5) -> list[str]:
        found: list[str] = []
        for path in sorted(self.log_dir.glob("counter-app.log*")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if re.match(r"\S+ \S+ (WARNING|ERROR|CRITICAL) ", line):
                    found.append(line)
        return found[:limit]

    def close_files(self) -> None:
        for fh in self._files:
            fh.close()
        self._files = []


# --- X11 ------------------------------------------------------------------------------------


def xdotool(env: dict[str, str], *args: str) -> list[str]:
    result = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=15, check=False
    )
    return result.stdout.split()


def wait_for_windows(windows: list[Window], env: dict[str, str], timeout: float) -> str | None:
    """Wait until each process shows a window; the problem, if one does not."""
    deadline = time.monotonic() + timeout
    while True:
        for w in windows:
            if not w.alive():
                return f"{w.name} exited during start (exit {w.proc and w.proc.returncode})"
            if not w.window_id:
                # --all: the pid AND a title; Qt's helper windows have neither a title nor a map.
                ids = xdotool(
                    env, "search", "--all", "--onlyvisible", "--pid", str(w.pid), "--name", ".+"
                )
                w.window_id = ids[-1] if ids else ""
        if all(w.window_id for w in windows):
            return None
        if time.monotonic() > deadline:
            missing = ", ".join(w.name for w in windows if not w.window_id)
            return f"no window shown within {timeout:.0f} s by: {missing}"
        time.sleep(0.5)


def screenshot(w: Window, env: dict[str, str], folder: Path) -> Path | None:
    if not w.alive() or not w.window_id or shutil.which("import") is None:
        return None
    xdotool(env, "windowraise", w.window_id)
    time.sleep(0.5)
    path = folder / f"{w.name}.png"
    result = subprocess.run(
        ["import", "-window", w.window_id, str(path)],
        env=env,
        capture_output=True,
        timeout=30,
        check=False,
    )
    return path if result.returncode == 0 and path.exists() else None


def close_window(w: Window, env: dict[str, str], by_key: bool) -> None:
    """As a user closes it (its shortcut), else SIGTERM, else SIGKILL; notes which worked."""
    if w.proc is None:
        return
    if not w.alive():
        w.ended_by = w.ended_by or f"exited by itself before, exit {w.proc.returncode}"
        return
    if by_key and w.window_id:
        xdotool(env, "windowraise", w.window_id)
        xdotool(env, "windowfocus", "--sync", w.window_id)
        xdotool(env, "key", "--clearmodifiers", w.close_key)
        try:
            w.proc.wait(CLOSE_WAIT)
            w.ended_by = f"{w.close_key}, exit {w.proc.returncode}"
            return
        except subprocess.TimeoutExpired:
            pass
    w.proc.send_signal(signal.SIGTERM)
    try:
        w.proc.wait(5)
        w.ended_by = f"SIGTERM, exit {w.proc.returncode}"
        return
    except subprocess.TimeoutExpired:
        pass
    w.proc.kill()
    w.proc.wait()
    w.ended_by = f"SIGKILL, exit {w.proc.returncode}"


# --- the load: tickets and calls ---------------------------------------------------------------


@dataclass
class Load:
    """Issues a ticket and calls the next one to counter 1, once per step."""

    config: Path
    env: dict[str, str]
    via: str
    issued: int = 0
    calls: int = 0
    refused: int = 0
    errors: int = 0
    last_call: str = ""
    last_error: str = ""
    days: set[date] = field(default_factory=set)
    _step: int = 0
    _queue: object = None

    def open(self) -> None:
        if self.via == "api":
            from counter_app.core.config import load_config
            from counter_app.core.queue import open_queue

            self._queue = open_queue(load_config(self.config))

    def step(self) -> None:
        prefix = PREFIXES[self._step % len(PREFIXES)]
        self._step += 1
        if self._do(f"issue {prefix}"):
            self.issued += 1
        code = self._do(f"call {COUNTER}")
        if code:
            self.calls += 1
            self.last_call = code

    def _do(self, command: str) -> str:
        """Run `issue X` or `call N`; the ticket code, or "" when refused or failed."""
        verb, arg = command.split()
        if self.via == "cli":
            return self._cli(verb, arg)
        from counter_app.core.model import Refused
        from counter_app.core.queue import Queue

        queue = self._queue
        assert isinstance(queue, Queue)
        try:
            ticket = queue.issue(arg, printing=False) if verb == "issue" else queue.call_next(1)
        except Refused as exc:
            self.refused += 1
            self.last_error = f"{command}: refused: {exc.message}"
            return ""
        except Exception as exc:  # counted and shown, the soak goes on
            self.errors += 1
            self.last_error = f"{command}: {type(exc).__name__}: {exc}"
            return ""
        self.days.add(ticket.day)
        return ticket.code

    def _cli(self, verb: str, arg: str) -> str:
        args = ["issue", arg, "--no-print"] if verb == "issue" else ["call", arg]
        result = subprocess.run(
            [sys.executable, "-m", "counter_app", "--config", str(self.config), *args, "--json"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if result.returncode == 3:
            self.refused += 1
            self.last_error = f"{verb} {arg}: refused: {result.stderr.strip()}"
            return ""
        if result.returncode != 0:
            self.errors += 1
            self.last_error = f"{verb} {arg}: exit {result.returncode}: {result.stderr.strip()}"
            return ""
        import json

        ticket = json.loads(result.stdout)
        self.days.add(date.fromisoformat(str(ticket.get("day", date.today().isoformat()))))
        return str(ticket["code"])

    def calls_in_database(self) -> int:
        """`called` events at counter 1 on the days of the run, read back from the database."""
        from counter_app.core.config import load_config
        from counter_app.core.queue import open_queue

        queue = open_queue(load_config(self.config))
        try:
            days = self.days or {queue.today()}
            return sum(
                1
                for day in days
                for _code, kind, _from, _to, counter in queue.events(day)
                if kind == "called" and counter == COUNTER
            )
        finally:
            queue.db.dispose()


# --- the run --------------------------------------------------------------------------------


class StartFailed(Exception):
    """A window did not come up."""


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def child_env(folder: Path, display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COUNTER_APP_", "XDG_"))}
    home = folder / "home"
    for name, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    (home / "runtime").chmod(0o700)
    env["COUNTER_APP_CONFIG_DIR"] = str(home / "config" / "counter-app")
    env["COUNTER_APP_DATA_DIR"] = str(home / "data" / "counter-app")
    env.pop("WAYLAND_DISPLAY", None)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        # Nobody is there to close an error dialog: errors go to the log, counted below.
        COUNTER_APP_NO_CRASH_DIALOG="1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    return env


def run_load(
    load: Load,
    windows: list[Window],
    seconds: float,
    interval: float,
    on_tick: Callable[[float], None],
    t0: float,
    xvfb_alive: Callable[[], bool],
) -> None:
    """Steps every `interval` s for `seconds`; on_tick(elapsed) after each step."""
    end = time.monotonic() + seconds
    next_step = time.monotonic()
    while time.monotonic() < end:
        load.step()
        elapsed = time.monotonic() - t0
        for w in windows:
            if w.died_at is None and not w.alive():
                w.died_at = elapsed
                code = w.proc.returncode if w.proc else None
                print(f"[{elapsed:7.1f} s] {w.name} DIED (exit {code})", flush=True)
        if not xvfb_alive():
            print(f"[{elapsed:7.1f} s] the X server is gone: stopping", flush=True)
            return
        on_tick(elapsed)
        next_step += interval
        time.sleep(max(0.0, min(next_step, end) - time.monotonic()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="measured run after warm-up")
    parser.add_argument("--warmup", type=float, default=20.0, help="seconds of load before start")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between steps")
    parser.add_argument("--via", choices=["api", "cli"], default="api", help="how to issue/call")
    parser.add_argument("--sound", action="store_true", help="display chime and voice on")
    parser.add_argument(
        "--close",
        choices=["keys", "sigterm"],
        default="keys",
        help="close the windows by their shortcut first (default), or SIGTERM straight away",
    )
    parser.add_argument("--cleanup", action="store_true", help="delete the temporary folder")
    parser.add_argument(
        "--race-start",
        action="store_true",
        help="start the windows on an empty cache at once (shows python-escpos's cache race)",
    )
    args = parser.parse_args()

    for tool in ("xdotool",):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed")
    import PySide6

    folder = Path(tempfile.mkdtemp(prefix="counter-app-soak-"))
    config = write_config(folder, args.sound)
    print(f"soak folder: {folder}", flush=True)
    windows = [
        Window("desk", "desk", ["desk"], "ctrl+w", folder),
        Window("counter1", f"counter {COUNTER}", ["counter", str(COUNTER)], "ctrl+w", folder),
        Window("display", "display --windowed", ["display", "--windowed"], "ctrl+q", folder),
    ]
    xvfb = Xvfb("1920x1080x24")
    started_ok = False
    failed_start = ""
    samples_path = folder / "rss.csv"
    shots: dict[str, Path | None] = {}
    calls_db = -1
    load: Load | None = None
    measured = 0.0
    calls_at_start = 0
    try:
        display = xvfb.start()
        env = child_env(folder, display)
        print(f"Xvfb {display}; PySide6 {PySide6.__version__}; python {sys.executable}")
        # The database is created and migrated once, before three processes race to do it.
        from counter_app.core.config import load_config
        from counter_app.core.queue import open_queue

        open_queue(load_config(config), create=True).db.dispose()
        if not args.race_start:
            # python-escpos writes its capabilities cache in place, not atomically: three
            # first starts at once read each other's half-written file and die (EOFError).
            # Made once here; --race-start skips this and shows that bug.
            subprocess.run(
                [sys.executable, "-c", "import counter_app.printing"], env=env, check=True
            )
        for w in windows:
            w.launch(config, env)
            print(f"started {w.name}: pid {w.pid}", flush=True)
        problem = wait_for_windows(windows, env, timeout=90)
        if problem:
            failed_start = f"{problem}; {xvfb.describe()}"
            print(f"START FAILED: {failed_start}", flush=True)
            raise StartFailed
        started_ok = True
        t0 = time.monotonic()
        print(f"windows up after start: {', '.join(f'{w.name} {w.window_id}' for w in windows)}")

        load = Load(config, env, args.via)
        load.open()
        with open(samples_path, "w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["seconds", "calls", *(f"{w.name}_rss_kib" for w in windows)])
            last_row = [-1e9]

            def tick(elapsed: float) -> None:
                if elapsed - last_row[0] < 10:
                    return
                last_row[0] = elapsed
                rows = [w.sample() for w in windows]
                writer.writerow(
                    [f"{elapsed:.0f}", load.calls if load else 0]
                    + [s.rss_kib if s else "" for s in rows]
                )
                fh.flush()
                if int(elapsed) % 60 < 10:
                    rss = "  ".join(
                        f"{w.name} {mib(s.rss_kib) if s else 'DEAD'}"
                        for w, s in zip(windows, rows, strict=True)
                    )
                    print(
                        f"[{elapsed:7.1f} s] calls {load.calls if load else 0}  {rss}", flush=True
                    )

            print(f"warm-up: {args.warmup:.0f} s of load", flush=True)
            run_load(load, windows, args.warmup, args.interval, tick, t0, lambda: xvfb.alive)
            for w in windows:
                w.start = w.sample()
            calls_at_start = load.calls
            print(f"measuring for {args.minutes:g} min", flush=True)
            m0 = time.monotonic()
            run_load(load, windows, args.minutes * 60, args.interval, tick, t0, lambda: xvfb.alive)
            measured = time.monotonic() - m0
            time.sleep(3)  # let the windows catch up with the last call
            for w in windows:
                w.end = w.sample()
        calls_db = load.calls_in_database()
        for w in windows:
            shots[w.name] = screenshot(w, env, folder)
        for w in windows:
            close_window(w, env, by_key=args.close == "keys")
    except StartFailed:
        pass  # reported below, with the stderr of the window that did not come up
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    finally:
        xvfb_ok, xvfb_state = xvfb.alive, xvfb.describe()
        # Ended by themselves: neither closed by close_window nor killed just below.
        gone = [w for w in windows if w.proc is not None and not w.alive() and not w.ended_by]
        for w in windows:
            if w.alive() and w.proc is not None:
                w.proc.kill()
                w.proc.wait()
                w.ended_by = w.ended_by or "SIGKILL (cleanup)"
            w.close_files()
        xvfb.stop()

    died = [w for w in windows if w.died_at is not None or w in gone]
    print()
    print(
        f"## Soak: {args.minutes:g} min after {args.warmup:.0f} s warm-up, "
        f"one step each {args.interval:g} s via {args.via}, SQLite, "
        f"display chime/voice {'on' if args.sound else 'off'}, Xvfb 1920x1080, "
        f"PySide6 {PySide6.__version__}"
    )
    print()
    print(
        "| window process | RSS at start | RSS at end | growth | peak | threads | open fds "
        "| log warn/err | alive at end | closed by |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for w in windows:
        s, e = w.start, w.end
        growth = f"{(e.rss_kib - s.rss_kib) / s.rss_kib * 100:+.1f} %" if s and e else "-"
        counts = w.log_counts()
        alive = "yes" if w.died_at is None and started_ok else "NO"
        if w.died_at is not None:
            alive = f"NO (died at {w.died_at:.0f} s, exit {w.proc.returncode if w.proc else '?'})"
        print(
            f"| `{w.label}` | {mib(s.rss_kib) if s else '-'} | "
            f"{mib(e.rss_kib) if e else '-'} | {growth} | {mib(w.peak_kib)} | "
            f"{s.threads if s else '-'} → {e.threads if e else '-'} | "
            f"{s.fds if s else '-'} → {e.fds if e else '-'} | "
            f"{counts['WARNING']}/{counts['ERROR'] + counts['CRITICAL']} | {alive} | "
            f"{w.ended_by or '-'} |"
        )
    print()
    if load is not None:
        late = next((w.log_counts()["not announcing"] for w in windows if w.name == "display"), 0)
        print("| calls to counter 1 | |")
        print("|---|---:|")
        print(f"| made by the soak (warm-up + measured) | {load.calls:,} |")
        print(
            f"| made while measured ({measured / 60:.1f} min) | {load.calls - calls_at_start:,} |"
        )
        print(f"| `called` events at counter 1 in the database | {calls_db:,} |")
        print(f"| tickets issued | {load.issued:,} |")
        print(f"| refused / failed operations | {load.refused} / {load.errors} |")
        print(f"| display: calls learnt of too late to announce (> 90 s) | {late} |")
        print()
        print(f"last call: {load.last_call or '-'} (the display should show it at the top)")
        if load.last_error:
            print(f"last refusal or error: {load.last_error}")
    if failed_start:
        print(f"start failed: {failed_start}")
    elif not xvfb_ok:
        print(f"the X server died during the run: {xvfb_state}")
    for w in windows:
        for line in w.problem_lines():
            print(f"{w.name} log: {line}")
        if w in died:
            print(f"--- {w.name} stderr (last lines) ---")
            for line in w.stderr_tail():
                print(f"    {line}")
    for name, path in shots.items():
        if path:
            print(f"screenshot {name}: {path}")
    print(f"RSS every 10 s: {samples_path}")
    if args.cleanup:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"logs, stderr, database: {folder}")
    return 1 if died or not started_ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
