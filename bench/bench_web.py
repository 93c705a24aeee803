"""Phone pages under load: commit-to-event latency on 500 open event streams, and the
server's memory and CPU.

    .venv/bin/python bench/bench_web.py [--clients 500] [--boards 5] [--calls 60] [--rate 1]
                                        [--ramp 10] [--pg [URL]] [--json] [--profile FILE]

The real `counter-app web` process serves a queue (SQLite; --pg: PostgreSQL, on the URL
given or a throwaway cluster from pgcluster.py) where --clients tickets were issued
across services A and B (3 counters). This process opens one server-sent-events stream
per ticket (/t/PAYLOAD/events) and --boards on the board's stream (/events): raw asyncio
sockets speaking HTTP/1.1 (chunked) to 127.0.0.1, each bound to its own source address
(127.0.0.2, 127.0.0.3 ... 127.0.x.y: all of 127/8 is loopback on Linux), so the server's
per-address stream limit sees 500 phones, as it would on the office Wi-Fi. The streams
open over --ramp seconds (0: all at once, as after a server restart); for each, the
time from connecting to its first event, and whether that event said "offline".

Once every stream has had its first event, a child process (its own Queue) makes the
counters call at --rate calls a second, --calls times, and notes the hall version and
time.time() after each commit. A stream's latency for a call: from that commit to the
first event it received with v >= that version (a phone keeps only the newest update,
so a skipped version is not a miss). Missed: no such event within --drain seconds of
the last call. Both processes read the same system clock. Per call, the first and the
last stream to get it show how long the server takes to read the change and to fan it out.

Server: RSS from /proc/PID/status, sampled every 0.25 s (peak, and at the end), and
user+sys CPU from /proc/PID/stat over the connect phase and over the calls (--json also
gives the system share). This process's own CPU is shown too: it shares the cores.
--profile FILE runs the server under cProfile (its event loop thread only) and writes
the stats there when it stops: for finding where the time goes, not for the figures.
Targets: p95 < 1 s with 500 clients on 2 cores, server RSS < 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from pgcluster import add_database_options, on_database  # noqa: E402

SECRET = "bench-web-secret-0123456789abcdef"
CONFIG: dict[str, Any] = {
    "office": {"name": "Disdukcapil Kota Balikpapan", "station": "bench-web"},
    "capacity": {"limit": 10_000, "when_full": "refuse"},
    "tickets": {"secret": SECRET},
    "services": [
        {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 9999, "average_minutes": 4},
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 9999, "average_minutes": 3},
    ],
    "counters": [
        {"number": 1, "name": "Loket 1", "services": ["A", "B"]},
        {"number": 2, "name": "Loket 2", "services": ["B", "A"]},
        {"number": 3, "name": "Loket 3", "services": ["A", "B"]},
    ],
    "printer": {"kind": "none"},
}
WEB_ARGS = ["web", "--host", "127.0.0.1", "--port", "0"]
LATE = 1.0  # seconds: the target for p95, and what counts as a late event
CONNECT_TIMEOUT = 10.0
CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def source_addresses(n: int) -> Iterator[str]:
    """127.0.0.2, 127.0.0.3 ... 127.0.0.254, 127.0.1.1 ...: one loopback address each."""
    made = 0
    for third in range(256):
        for fourth in range(1, 255):
            if (third, fourth) == (0, 1):
                continue  # the server's and the writer's
            if made == n:
                return
            yield f"127.0.{third}.{fourth}"
            made += 1
    raise ValueError("more clients than loopback addresses planned")


# --- the counters: a child process with its own Queue -------------------------------------------


def writer_main(config_path: str, calls: int, rate: float) -> None:
    """Call at `rate` a second; print "VERSION TIME" after each commit, then "done"."""
    from counter_app.core.config import load_config
    from counter_app.core.queue import open_queue

    queue = open_queue(load_config(Path(config_path)))
    counters = [c.number for c in queue.config.counters]
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    start = time.monotonic()
    for i in range(calls):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        try:
            queue.call_next(counters[i % len(counters)])
        except Exception as exc:  # counted, not fatal: the run goes on
            print("error", type(exc).__name__, str(exc).replace("\n", " ")[:200], flush=True)
            continue
        committed = time.time()
        print(queue.version(), f"{committed:.6f}", flush=True)
    print("done", flush=True)


class Writer:
    def __init__(self, config_path: Path, calls: int, rate: float) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--writer", str(config_path), str(calls), str(rate)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            self.close()
            raise RuntimeError("the writer process did not start")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    @property
    def done(self) -> bool:
        return (bool(self.lines) and self.lines[-1] == "done") or self.proc.poll() is not None

    def commits(self) -> list[tuple[int, float]]:
        out = []
        for line in self.lines:
            parts = line.split()
            if len(parts) == 2 and parts[0].isdigit():
                out.append((int(parts[0]), float(parts[1])))
        return out

    def errors(self) -> list[str]:
        return [line for line in self.lines if line.startswith("error")]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


# --- the server: a real `counter-app web` process -----------------------------------------------


class Server:
    def __init__(self, config_path: Path, profile: Path | None) -> None:
        from counter_app.web.serve import READY

        prefix = [sys.executable]
        self.profiling = profile is not None
        if profile is not None:
            prefix += ["-m", "cProfile", "-o", str(profile)]
        self.proc = subprocess.Popen(
            [*prefix, "-m", "counter_app", "--config", str(config_path), *WEB_ARGS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # blocks until it listens or dies
        if not line.startswith(READY):
            self.stop()
            raise RuntimeError(f"the web server did not start: {line!r}")
        url = urlsplit(line.split()[-1])
        assert url.port is not None
        self.port = url.port
        self.pid = self.proc.pid
        # keep its pipes drained so a chatty server never blocks on them
        for stream in (self.proc.stdout, self.proc.stderr):
            threading.Thread(target=lambda s=stream: s.read(), daemon=True).start()
        self.rss_peak = 0
        self._sampling = True
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def rss(self) -> int:
        return self._status_kib("VmRSS") * 1024

    def hwm(self) -> int:
        return self._status_kib("VmHWM") * 1024

    def _status_kib(self, key: str) -> int:
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def cpu(self) -> float:
        """User + system CPU seconds so far, all its threads."""
        return sum(self.cpu_split())

    def cpu_split(self) -> tuple[float, float]:
        """User and system CPU seconds so far."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return 0.0, 0.0
        fields = stat.rsplit(")", 1)[1].split()
        return int(fields[11]) / CLK_TCK, int(fields[12]) / CLK_TCK  # utime, stime

    def threads(self) -> int:
        return self._status_kib("Threads")

    def _sample(self) -> None:
        while self._sampling and self.proc.poll() is None:
            self.rss_peak = max(self.rss_peak, self.rss())
            time.sleep(0.25)

    def stop(self) -> None:
        self._sampling = False
        if self.proc.poll() is None:
            # uvicorn stops gracefully, then raises the signal again; after SIGINT that is
            # a KeyboardInterrupt, which lets cProfile write its file
            self.proc.send_signal(signal.SIGINT if self.profiling else signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc.wait()


# --- the phones: raw HTTP/1.1 event-stream clients ----------------------------------------------


@dataclass
class Client:
    path: str
    source: str
    board: bool
    started: float = 0.0
    status: int = 0
    error: str | None = None
    closed_early: bool = False
    versions: list[int] = field(default_factory=list)  # highest v so far, per event
    times: list[float] = field(default_factory=list)  # time.time() the event arrived
    offline_events: int = 0
    first: str | None = None  # what the first event said: update, offline, reload
    first_at: float = 0.0  # when it came
    reload_events: int = 0
    pings: int = 0

    @property
    def connected(self) -> bool:
        return self.status == 200

    def first_after(self, version: int) -> float | None:
        i = bisect.bisect_left(self.versions, version)
        return self.times[i] if i < len(self.times) else None


def _event(client: Client, block: bytes, arrived: float) -> None:
    data: list[bytes] = []
    for line in block.split(b"\n"):
        line = line.rstrip(b"\r")
        if line.startswith(b"data:"):
            data.append(line[5:].lstrip(b" "))
        elif line.startswith(b":"):
            client.pings += 1
    if not data:
        return
    payload = json.loads(b"\n".join(data))
    if client.first is None:
        kind = "reload" if payload.get("reload") else "offline" if payload.get("offline") else ""
        client.first = kind or "update"
        client.first_at = arrived
    if payload.get("offline") and "v" not in payload:
        client.offline_events += 1
        return
    if payload.get("reload"):
        client.reload_events += 1
    if "v" in payload:
        v = int(payload["v"])
        client.versions.append(max(v, client.versions[-1]) if client.versions else v)
        client.times.append(arrived)
        if payload.get("offline"):
            client.offline_events += 1


async def follow(
    client: Client,
    port: int,
    stop: asyncio.Event,
    on_event: Callable[[Client, bytes, float], None] = _event,
) -> None:
    """One event stream until `stop` is set or the server ends it; `on_event(client,
    block, arrival time)` for each event block."""
    client.started = time.time()
    writer = None
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port, local_addr=(client.source, 0)),
            CONNECT_TIMEOUT,
        )
        writer.write(
            (
                f"GET {client.path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                "Accept: text/event-stream\r\nAccept-Language: id-ID,id;q=0.9\r\n"
                "Cache-Control: no-cache\r\nUser-Agent: bench-web\r\n\r\n"
            ).encode()
        )
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), CONNECT_TIMEOUT)
        lines = head.decode("latin-1").split("\r\n")
        client.status = int(lines[0].split()[1])
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:])
        }
        if client.status != 200:
            client.error = f"HTTP {client.status}"
            return
        chunked = headers.get("transfer-encoding", "").lower() == "chunked"
        raw = b""  # as received
        body = b""  # de-chunked, up to an event's end
        stopping = asyncio.ensure_future(stop.wait())
        try:
            while True:
                reading = asyncio.ensure_future(reader.read(65536))
                await asyncio.wait({reading, stopping}, return_when=asyncio.FIRST_COMPLETED)
                if not reading.done():
                    reading.cancel()
                    return
                got = reading.result()
                arrived = time.time()
                if not got:
                    client.closed_early = True
                    return
                if chunked:
                    raw += got
                    while True:
                        eol = raw.find(b"\r\n")
                        if eol < 0:
                            break
                        size = int(raw[:eol].split(b";")[0], 16)
                        if size == 0:
                            client.closed_early = True
                            return
                        if len(raw) < eol + 2 + size + 2:
                            break
                        body += raw[eol + 2 : eol + 2 + size]
                        raw = raw[eol + 2 + size + 2 :]
                else:
                    body += got
                body = body.replace(b"\r\n", b"\n")
                while (end := body.find(b"\n\n")) >= 0:
                    on_event(client, body[:end], arrived)
                    body = body[end + 2 :]
        finally:
            stopping.cancel()
    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
        client.error = f"{type(exc).__name__}: {exc}"[:120]
    finally:
        if writer is not None:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


# --- one run ------------------------------------------------------------------------------------


def write_config(path: Path, url: str) -> Path:
    import tomlkit

    from counter_app.core.config import parse_config

    data = {**CONFIG, "database": {"url": url}}
    parse_config(data, str(path))  # the loader's own check
    path.write_text(tomlkit.dumps(data), encoding="utf-8")
    return path


def issue_tickets(config_path: Path, n: int) -> list[str]:
    from counter_app.core.config import load_config
    from counter_app.core.queue import open_queue

    queue = open_queue(load_config(config_path), create=True)
    payloads = [queue.issue("AB"[i % 2], printing=False).qr for i in range(n)]
    queue.db.dispose()
    return payloads


async def run_clients(
    args: argparse.Namespace, server: Server, payloads: list[str], writer: Writer
) -> dict[str, Any]:
    stop = asyncio.Event()
    paths = [f"/t/{p}/events?lang=id" for p in payloads[: args.clients]]
    paths += ["/events?lang=id"] * args.boards
    clients = [
        Client(path, source, board=i >= args.clients)
        for i, (path, source) in enumerate(zip(paths, source_addresses(len(paths)), strict=True))
    ]
    phase: dict[str, Any] = {"load_start": loadavg()}
    cpu0, t0 = server.cpu(), time.monotonic()
    tasks = []
    for i, client in enumerate(clients):  # spread over --ramp seconds, as phones arrive
        delay = t0 + i * args.ramp / len(clients) - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(follow(client, server.port, stop)))

    def settled() -> bool:  # every stream has had its first event (maybe "offline")
        return all(c.error or c.closed_early or c.first for c in clients)

    deadline = time.monotonic() + 60
    while not settled() and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)  # let the hub's own reads finish before timing the calls
    t1, cpu1, own1 = time.monotonic(), server.cpu(), own_cpu()
    sys1 = server.cpu_split()[1]
    phase["connect_seconds"], phase["connect_cpu"] = t1 - t0, cpu1 - cpu0
    phase["rss_connected"] = server.rss()

    writer.go()
    deadline = time.monotonic() + args.calls / args.rate + 60
    while not writer.done and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    commits = writer.commits()
    if commits:  # until every stream has the last call, or --drain seconds
        last = commits[-1][0]
        deadline = time.monotonic() + args.drain
        live = [c for c in clients if c.connected and not c.closed_early]
        while time.monotonic() < deadline and any(
            not c.versions or c.versions[-1] < last for c in live
        ):
            await asyncio.sleep(0.05)
    t2, cpu2 = time.monotonic(), server.cpu()
    phase["calls_seconds"], phase["calls_cpu"] = t2 - t1, cpu2 - cpu1
    phase["clients_cpu"] = own_cpu() - own1
    phase["calls_sys"] = server.cpu_split()[1] - sys1
    phase["rss_end"], phase["threads"] = server.rss(), server.threads()
    phase["load_end"] = loadavg()
    phase["listeners"] = health(server.port)
    stop.set()
    await asyncio.wait(tasks, timeout=10)
    return {"clients": clients, "commits": commits, "phase": phase}


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def health(port: int) -> int | None:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as reply:
            return int(json.load(reply)["listeners"])
    except Exception:
        return None


def summarize(
    label: str, args: argparse.Namespace, got: dict[str, Any], server: Server
) -> dict[str, Any]:
    clients: list[Client] = got["clients"]
    commits: list[tuple[int, float]] = got["commits"]
    phase = got["phase"]
    connected = [c for c in clients if c.connected]
    failed = [c for c in clients if not c.connected]
    latencies: list[float] = []
    board_latencies: list[float] = []
    soonest: list[float] = []  # per call: its first stream's event, its last stream's
    latest: list[float] = []
    missed = late = 0
    for version, committed in commits:
        per_call = []
        for c in connected:
            arrived = c.first_after(version)
            if arrived is None:
                missed += 1
                continue
            seconds = max(0.0, arrived - committed)
            (board_latencies if c.board else latencies).append(seconds)
            per_call.append(seconds)
            late += seconds > LATE
        if per_call:
            soonest.append(min(per_call))
            latest.append(max(per_call))
    everything = latencies + board_latencies
    first = [c.first_at - c.started for c in connected if c.first]
    first_state = [c.times[0] - c.started for c in connected if c.times]
    errors: dict[str, int] = {}
    for c in failed:
        key = c.error or f"HTTP {c.status}"
        errors[key] = errors.get(key, 0) + 1

    def ms(values: list[float], p: float) -> float | None:
        return round(pct(values, p) * 1000, 1) if values else None

    return {
        "database": label,
        "clients": len(clients),
        "ticket_streams": args.clients,
        "board_streams": args.boards,
        "connected": len(connected),
        "failed": len(failed),
        "failures": errors,
        "dropped": sum(c.closed_early or bool(c.error) for c in connected),
        "listeners_at_end": phase["listeners"],
        "first_event_offline": sum(c.first == "offline" for c in connected),
        "first_event_reload": sum(c.first == "reload" for c in connected),
        "offline_events": sum(c.offline_events for c in connected),
        "connect_to_first_event_ms": {"p50": ms(first, 50), "p95": ms(first, 95)},
        "connect_to_first_state_ms": {"p50": ms(first_state, 50), "p95": ms(first_state, 95)},
        "per_call_first_stream_ms": {"p50": ms(soonest, 50), "p95": ms(soonest, 95)},
        "per_call_last_stream_ms": {"p50": ms(latest, 50), "p95": ms(latest, 95)},
        "calls": len(commits),
        "call_errors": got.get("call_errors", []),
        "rate": args.rate,
        "pairs": len(everything) + missed,
        "latency_ms": {
            "p50": ms(everything, 50),
            "p95": ms(everything, 95),
            "max": ms(everything, 100),
        },
        "ticket_latency_ms": {"p50": ms(latencies, 50), "p95": ms(latencies, 95)},
        "board_latency_ms": {"p50": ms(board_latencies, 50), "p95": ms(board_latencies, 95)},
        "missed": missed,
        "late": late,
        "events_received": sum(len(c.times) for c in connected),
        "rss_peak_mib": round(max(server.rss_peak, phase["rss_end"]) / 2**20, 1),
        "rss_hwm_mib": round(got["hwm"] / 2**20, 1),
        "rss_connected_mib": round(phase["rss_connected"] / 2**20, 1),
        "rss_end_mib": round(phase["rss_end"] / 2**20, 1),
        "threads": phase["threads"],
        "connect_seconds": round(phase["connect_seconds"], 1),
        "connect_cpu_s": round(phase["connect_cpu"], 2),
        "calls_seconds": round(phase["calls_seconds"], 1),
        "calls_cpu_s": round(phase["calls_cpu"], 2),
        "calls_cpu_sys_s": round(phase["calls_sys"], 2),
        "calls_cpu_pct": round(100 * phase["calls_cpu"] / max(phase["calls_seconds"], 1e-9), 1),
        "connect_cpu_pct": round(
            100 * phase["connect_cpu"] / max(phase["connect_seconds"], 1e-9), 1
        ),
        "clients_cpu_pct": round(100 * phase["clients_cpu"] / max(phase["calls_seconds"], 1e-9), 1),
        "load_start": phase["load_start"],
        "load_end": phase["load_end"],
        "cores": os.cpu_count(),
    }


def run(label: str, url: str, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    config_path = write_config(tmp / f"{label.lower()}.toml", url)
    t = time.monotonic()
    payloads = issue_tickets(config_path, max(args.clients, args.calls + 10))
    print(
        f"{label}: {len(payloads)} tickets issued in {time.monotonic() - t:.1f} s", file=sys.stderr
    )
    server = Server(config_path, args.profile)
    writer = None
    try:
        writer = Writer(config_path, args.calls, args.rate)
        got = asyncio.run(run_clients(args, server, payloads, writer))
        got["hwm"] = server.hwm()
        got["call_errors"] = writer.errors()
        return summarize(label, args, got, server)
    finally:
        if writer is not None:
            writer.close()
        server.stop()


# --- output -------------------------------------------------------------------------------------


def table(results: list[dict[str, Any]]) -> str:
    def row(name: str, fn: Any) -> str:
        return f"| {name} | " + " | ".join(fn(r) for r in results) + " |"

    def num(value: float | None, unit: str = " ms") -> str:
        return "–" if value is None else f"{value:,.1f}{unit}"

    head = results[0]
    out = [
        f"| {head['ticket_streams']} ticket streams + {head['board_streams']} board, "
        f"{head['calls']} calls at {head['rate']:g}/s | "
        + " | ".join(r["database"] for r in results)
        + " |",
        "|---|" + "---:|" * len(results),
        row("commit → event p50", lambda r: num(r["latency_ms"]["p50"])),
        row("commit → event p95 (target < 1 s)", lambda r: num(r["latency_ms"]["p95"])),
        row("commit → event max", lambda r: num(r["latency_ms"]["max"])),
        row(
            "a call's first / last stream, p50",
            lambda r: (
                f"{num(r['per_call_first_stream_ms']['p50'])} / "
                f"{num(r['per_call_last_stream_ms']['p50'])}"
            ),
        ),
        row("(stream, call) pairs", lambda r: f"{r['pairs']:,}"),
        row(f"missed / later than {LATE:g} s", lambda r: f"{r['missed']:,} / {r['late']:,}"),
        row("streams connected / failed", lambda r: f"{r['connected']} / {r['failed']}"),
        row(
            "connect → first event p50 / p95",
            lambda r: (
                f"{num(r['connect_to_first_event_ms']['p50'])} / "
                f"{num(r['connect_to_first_event_ms']['p95'])}"
            ),
        ),
        row(
            "connect → first state p50 / p95",
            lambda r: (
                f"{num(r['connect_to_first_state_ms']['p50'])} / "
                f"{num(r['connect_to_first_state_ms']['p95'])}"
            ),
        ),
        row("first event said offline", lambda r: f"{r['first_event_offline']}"),
        row(
            "server RSS peak / end (target < 200 MB)",
            lambda r: f"{r['rss_peak_mib']:.1f} / {r['rss_end_mib']:.1f} MiB",
        ),
        row(
            "server CPU while connecting",
            lambda r: (
                f"{r['connect_cpu_s']:.1f} s in {r['connect_seconds']:.0f} s "
                f"({r['connect_cpu_pct']:.0f} % of a core)"
            ),
        ),
        row(
            "server CPU during the calls",
            lambda r: (
                f"{r['calls_cpu_s']:.1f} s in {r['calls_seconds']:.0f} s "
                f"({r['calls_cpu_pct']:.0f} % of a core)"
            ),
        ),
        row("load average, start → end", lambda r: f"{r['load_start']} → {r['load_end']}"),
    ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=500, help="ticket streams, one a ticket")
    parser.add_argument("--boards", type=int, default=5, help="streams on the board (/events)")
    parser.add_argument("--calls", type=int, default=60)
    parser.add_argument("--rate", type=float, default=1.0, help="calls a second")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds to open the streams")
    parser.add_argument("--drain", type=float, default=10.0, help="seconds to wait after")
    add_database_options(parser)
    args = parser.parse_args()
    enough_files(args.clients + args.boards)
    if not (1 <= args.clients + args.boards <= 60_000 and args.rate > 0 and args.calls >= 1):
        parser.error("--clients/--boards/--calls/--rate out of range")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp_name:
        tmp = Path(tmp_name)
        result = on_database(
            args.pg, tmp, "bench_web", lambda label, url: run(label, url, tmp, args)
        )
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print()
        print(table([result]))
        if result["failures"] or result["call_errors"]:
            print(f"\nfailures: {result['failures']}  call errors: {result['call_errors'][:5]}")
        print(
            f"\n{result['events_received']:,} events received; {result['offline_events']} said"
            f" offline; listeners at the end {result['listeners_at_end']}; server threads"
            f" {result['threads']}; the clients' process used {result['clients_cpu_pct']:.0f} %"
            f" of a core during the calls; RSS after connecting"
            f" {result['rss_connected_mib']:.1f} MiB;"
            f" {result['cores']} cores ({time.monotonic() - started:.0f} s)"
        )


def enough_files(clients: int) -> None:
    """This process holds a socket a stream: raise its soft open-file limit as far as the
    hard one allows (the server raises its own)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = clients + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(hard, max(wanted, soft))
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        if target < wanted:
            print(f"bench_web: only {target} open files for {clients} streams", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--writer":
        writer_main(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    else:
        main()
