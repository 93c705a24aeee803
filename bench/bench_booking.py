"""The morning rush: 2,000 phones send the booking form in the same second for the 250
online numbers of one day, while 100 other phones follow their tickets.

    .venv/bin/python bench/bench_booking.py [--phones 2000] [--numbers 250] [--followers 100]
                                            [--concurrency 500] [--pg [URL]] [--json]

The real `counter-app web` process serves an office (SQLite; --pg: PostgreSQL, on the
URL given or a throwaway cluster from pgcluster.py) whose service A takes --numbers
online numbers a day (daily quota twice that); booking opens at 00:00 for the next day,
opening hours 00:00-24:00, so any hour of the day works. The day booked is tomorrow in
the office's time zone.

Each phone is raw asyncio HTTP/1.1 (one connection a request, `Connection: close`) bound
to its own loopback source address (127.0.0.2 ... 127.0.x.y, as in bench_web.py), so the
per-address limits (10 posts a minute, 30 pages a minute) see many phones, and has its
own cookie jar: it loads GET /book first (the form's hidden csrf token and its `csrf`
cookie), then waits on a barrier. When the barrier opens, every phone POSTs /book at
once (choice=A:DAY, its NIK, a phone number, Origin of this server and its cookie),
at most --concurrency connections open at a time (the clients' own file and CPU
budget; the server's guard would take 4,096 connections, 32 an address). About 10 %
of the phones send a NIK another phone also sends, at the same moment: a family's two
phones. A phone's latency is from its POST's connect to the end of the answer.

An answer is one of: 303 to b/TOKEN (booked), 409 with "Kuota habis" (full), 200 with
"Anda sudah memiliki nomor" (the NIK's booking shown again), 429 (limited: counted on
its own) or anything else (other: must be 0, shown with its status and title).

Meanwhile --followers phones (their own addresses) poll /t/PAYLOAD/state of a ticket
issued today, once a second each, from 2 s before the rush until its last answer: the
latency of each poll during the rush.

After the rush the database is read (open_database, BookingRow): the day's active rows
(state != 'cancelled') must be exactly --numbers, numbered 1..N, one per NIK, and the
NIKs that got a 303.

Server: RSS from /proc/PID/status, sampled every 0.25 s (peak), user+sys CPU over the
rush. Targets: exactly --numbers booked, no NIK twice, 0 other answers, POST p95 <= 1 s,
server RSS peak <= 250 MB, followers' poll p95 <= 1 s (2 cores).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_web import Server, loadavg, pct, source_addresses  # noqa: E402
from pgcluster import add_database_options, on_database  # noqa: E402

SECRET = "bench-booking-secret-0123456789abcdef"
TIMEOUT = 60.0  # seconds for one request, connect to last byte
LATE = 1.0  # seconds: the target for the p95s
TOKEN_RE = re.compile(rb'name="csrf" value="([^"]+)"')
TITLE_RE = re.compile(rb"<h1[^>]*>(.*?)</h1>", re.S)


def config_data(url: str, numbers: int) -> dict[str, Any]:
    return {
        "office": {
            "name": "Disdukcapil Kota Balikpapan",
            "station": "bench-booking",
            "timezone": "Asia/Makassar",
            "opening_hours": "00:00-24:00",
        },
        "capacity": {"limit": 10_000, "when_full": "refuse"},
        "tickets": {"secret": SECRET},
        "booking": {"enabled": True, "closed_days": [], "opens_at": "00:00", "days_ahead": 1},
        "services": [
            {
                "prefix": "A",
                "name": "Pengambilan Dokumen",
                "daily_quota": 2 * numbers,
                "online_quota": numbers,
                "average_minutes": 4,
            }
        ],
        "counters": [{"number": 1, "name": "Loket 1", "services": ["A"]}],
        "printer": {"kind": "none"},
        "database": {"url": url},
    }


def write_config(path: Path, url: str, numbers: int) -> Path:
    import tomlkit

    from counter_app.core.config import parse_config

    data = config_data(url, numbers)
    parse_config(data, str(path))  # the loader's own check
    path.write_text(tomlkit.dumps(data), encoding="utf-8")
    return path


def prepare(config_path: Path, followers: int) -> tuple[date, list[str]]:
    """The database made, `followers` tickets issued today: (tomorrow, their payloads)."""
    from counter_app.core.config import load_config
    from counter_app.core.queue import open_queue

    queue = open_queue(load_config(config_path), create=True)
    try:
        payloads = [queue.issue("A", printing=False).qr for _ in range(followers)]
        return queue.today() + timedelta(days=1), payloads
    finally:
        queue.db.dispose()


def nik(n: int) -> str:
    """A valid NIK: region 64/71/05, born 12-03-90, serial n (nonzero)."""
    return f"6471051203{n:06d}"


# --- raw HTTP/1.1 -------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    body: bytes
    seconds: float


async def request(
    port: int, source: str, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> Answer:
    """One request on its own connection from `source`; the answer read to its end."""
    t0 = time.monotonic()
    writer = None
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        if body or method == "POST":
            head.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        raw = await reader.read()  # Connection: close: the server closes after it
    finally:
        if writer is not None:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
    seconds = time.monotonic() - t0
    top, _, rest = raw.partition(b"\r\n\r\n")
    lines = top.decode("latin-1").split("\r\n")
    if not lines[0].startswith("HTTP/"):
        raise ValueError(f"no HTTP answer: {raw[:60]!r}")
    status = int(lines[0].split()[1])
    got: dict[str, str] = {}
    cookies: dict[str, str] = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "set-cookie":
            name, _, val = value.split(";", 1)[0].partition("=")
            cookies[name.strip()] = val.strip()
        else:
            got[key] = value
    if got.get("transfer-encoding", "").lower() == "chunked":
        rest = _dechunk(rest)
    return Answer(status, got, cookies, rest, seconds)


def _dechunk(raw: bytes) -> bytes:
    out = b""
    while raw:
        eol = raw.find(b"\r\n")
        if eol < 0:
            break
        size = int(raw[:eol].split(b";")[0], 16)
        if size == 0:
            break
        out += raw[eol + 2 : eol + 2 + size]
        raw = raw[eol + 2 + size + 2 :]
    return out


# --- the phones ---------------------------------------------------------------------------------


@dataclass
class Phone:
    index: int
    source: str
    nik: str
    duplicate: bool  # sends a NIK another phone sends too
    cookie: str = ""
    token: str = ""
    form_error: str | None = None
    status: int = 0
    kind: str = ""  # booked, full, shown, limited, other, error
    detail: str = ""
    seconds: float = 0.0  # POST: connect to the answer's end
    since_barrier: float = 0.0  # from the barrier to the answer's end
    location: str = ""


async def load_form(phone: Phone, port: int, sem: asyncio.Semaphore) -> None:
    async with sem:
        try:
            got = await asyncio.wait_for(
                request(port, phone.source, "GET", "/book?lang=id", {"Accept": "text/html"}),
                TIMEOUT,
            )
        except (OSError, TimeoutError, ValueError) as exc:
            phone.form_error = f"{type(exc).__name__}: {exc}"[:120]
            return
    found = TOKEN_RE.search(got.body)
    if got.status != 200 or not found or "csrf" not in got.cookies:
        phone.form_error = f"GET /book: HTTP {got.status}"
        return
    phone.token = found.group(1).decode("ascii")
    phone.cookie = got.cookies["csrf"]


def classify(phone: Phone, got: Answer) -> None:
    phone.status = got.status
    text = got.body.decode("utf-8", "replace")
    if got.status == 303 and got.headers.get("location", "").startswith("b/"):
        phone.kind, phone.location = "booked", got.headers["location"]
    elif got.status == 409 and "Kuota habis" in text:
        phone.kind = "full"
    elif got.status == 200 and "Anda sudah memiliki nomor" in text:
        phone.kind = "shown"
    elif got.status == 429:
        phone.kind = "limited"
    else:
        phone.kind = "other"
        title = TITLE_RE.search(got.body)
        phone.detail = re.sub(
            r"<[^>]+>|\s+", " ", title.group(1).decode("utf-8", "replace") if title else text
        ).strip()[:100]


async def submit(
    phone: Phone, port: int, day: date, go: asyncio.Event, sem: asyncio.Semaphore
) -> None:
    body = urlencode(
        {
            "csrf": phone.token,
            "choice": f"A:{day.isoformat()}",
            "nik": phone.nik,
            "phone": f"0812{phone.index:08d}",
        }
    ).encode("ascii")
    headers = {
        "Origin": f"http://127.0.0.1:{port}",
        "Cookie": f"csrf={phone.cookie}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "text/html",
        "Accept-Language": "id-ID,id;q=0.9",
    }
    await go.wait()
    opened = time.monotonic()
    async with sem:
        try:
            got = await asyncio.wait_for(
                request(port, phone.source, "POST", "/book?lang=id", headers, body), TIMEOUT
            )
        except (OSError, TimeoutError, ValueError) as exc:
            phone.kind, phone.detail = "error", f"{type(exc).__name__}: {exc}"[:120]
            phone.since_barrier = time.monotonic() - opened
            return
    phone.since_barrier = time.monotonic() - opened
    phone.seconds = got.seconds
    classify(phone, got)


@dataclass
class Poll:
    at: float  # time.monotonic() it was sent
    seconds: float
    status: int  # 0: failed
    first: bool  # the follower's first poll (its ticket not yet followed by the server)


async def follow(
    payload: str, source: str, port: int, stop: asyncio.Event, polls: list[Poll], every: float
) -> None:
    await asyncio.sleep(random.random() * every)  # not all in the same instant
    path = f"/t/{payload}/state?lang=id"
    first = True
    while not stop.is_set():
        sent = time.monotonic()
        try:
            got = await asyncio.wait_for(
                request(port, source, "GET", path, {"Accept": "application/json"}), TIMEOUT
            )
            polls.append(Poll(sent, got.seconds, got.status, first))
        except (OSError, TimeoutError, ValueError):
            polls.append(Poll(sent, time.monotonic() - sent, 0, first))
        first = False
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), max(0.0, sent + every - time.monotonic()))


# --- one run ------------------------------------------------------------------------------------


def make_phones(n: int, seed: int = 7) -> list[Phone]:
    rng = random.Random(seed)
    sources = list(source_addresses(n))
    distinct = n - n // 10
    niks = [nik(i + 1) for i in range(distinct)]
    niks += [niks[rng.randrange(distinct)] for _ in range(n - distinct)]
    order = list(range(n))
    rng.shuffle(order)  # the re-senders among the others, not all at the end
    return [
        Phone(i, sources[i], niks[k], duplicate=niks.count(niks[k]) > 1)
        for i, k in enumerate(order)
    ]


async def rush(
    args: argparse.Namespace, server: Server, day: date, payloads: list[str]
) -> dict[str, Any]:
    phones = make_phones(args.phones)
    extra = list(source_addresses(args.phones + len(payloads)))[args.phones :]
    sem = asyncio.Semaphore(args.concurrency)
    t = time.monotonic()
    await asyncio.gather(*(load_form(p, server.port, sem) for p in phones))
    forms_seconds = time.monotonic() - t
    ready = [p for p in phones if not p.form_error]
    print(
        f"  {len(ready)}/{len(phones)} forms loaded in {forms_seconds:.1f} s",
        file=sys.stderr,
    )
    go, stop = asyncio.Event(), asyncio.Event()
    polls: list[Poll] = []
    followers = [
        asyncio.create_task(follow(payload, source, server.port, stop, polls, args.poll_every))
        for payload, source in zip(payloads, extra, strict=True)
    ]
    posts = [asyncio.create_task(submit(p, server.port, day, go, sem)) for p in ready]
    await asyncio.sleep(2.0)  # the followers settle; every phone waits on the barrier
    rss_before = server.rss()
    cpu0, own0 = server.cpu(), own_cpu()
    start = time.monotonic()
    go.set()
    await asyncio.gather(*posts)
    end = time.monotonic()
    cpu1, own1 = server.cpu(), own_cpu()
    stop.set()
    await asyncio.gather(*followers)
    during = [p for p in polls if start <= p.at <= end]
    return {
        "phones": phones,
        "polls": during,
        "polls_all": polls,
        "forms_seconds": forms_seconds,
        "rush_seconds": end - start,
        "rush_cpu": cpu1 - cpu0,
        "clients_cpu": own1 - own0,
        "rss_before": rss_before,
    }


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def check_database(url: str, day: date, numbers: int, booked_niks: set[str]) -> dict[str, Any]:
    from sqlalchemy import select

    from counter_app.storage.db import open_database
    from counter_app.storage.schema import BookingRow

    db = open_database(url, upgrade=False)
    try:
        with db.sessions()() as s:
            rows = s.execute(
                select(BookingRow.number, BookingRow.nik, BookingRow.state).where(
                    BookingRow.day == day,
                    BookingRow.service == "A",
                    BookingRow.state != "cancelled",
                )
            ).all()
    finally:
        db.dispose()
    got_numbers = sorted(r.number for r in rows)
    niks = [r.nik for r in rows]
    return {
        "active_rows": len(rows),
        "numbers_ok": got_numbers == list(range(1, numbers + 1)),
        "distinct_numbers": len(set(got_numbers)),
        "distinct_niks": len(set(niks)),
        "niks_match_303s": set(niks) == booked_niks,
        "states": sorted({r.state for r in rows}),
    }


def summarize(label: str, args: argparse.Namespace, got: dict[str, Any], server: Server,
              db: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    phones: list[Phone] = got["phones"]
    sent = [p for p in phones if p.kind]
    kinds = {k: sum(p.kind == k for p in sent) for k in ("booked", "full", "shown", "limited")}
    others: dict[str, int] = {}
    for p in sent:
        if p.kind in ("other", "error"):
            key = f"{p.status or p.kind} {p.detail}".strip()
            others[key] = others.get(key, 0) + 1
    per_nik: dict[str, int] = {}
    for p in sent:
        if p.kind == "booked":
            per_nik[p.nik] = per_nik.get(p.nik, 0) + 1
    dup_answers = {  # what the second phone of a shared NIK was told
        k: sum(p.kind == k for p in sent if p.duplicate)
        for k in ("booked", "full", "shown", "limited", "other", "error")
    }
    latencies = [p.seconds for p in sent if p.kind not in ("error",) and p.status]
    since = [p.since_barrier for p in sent]
    polls: list[Poll] = got["polls"]
    poll_ok = [p.seconds for p in polls if p.status == 200]

    def ms(values: list[float], p: float) -> float | None:
        return round(pct(values, p) * 1000, 1) if values else None

    return {
        "database": label,
        "phones": len(phones),
        "numbers": args.numbers,
        "followers": args.followers,
        "poll_every_s": args.poll_every,
        "concurrency": args.concurrency,
        "forms_failed": sum(bool(p.form_error) for p in phones),
        "form_errors": sorted({p.form_error for p in phones if p.form_error})[:5],
        "posted": len(sent),
        "distinct_niks_sent": len({p.nik for p in phones}),
        "booked": kinds["booked"],
        "full_409": kinds["full"],
        "shown_again_200": kinds["shown"],
        "limited_429": kinds["limited"],
        "other": sum(others.values()),
        "other_answers": others,
        "niks_booked_twice": sum(n > 1 for n in per_nik.values()),
        "duplicate_phones": sum(p.duplicate for p in phones),
        "duplicate_nik_answers": dup_answers,
        "post_ms": {"p50": ms(latencies, 50), "p95": ms(latencies, 95), "max": ms(latencies, 100)},
        "barrier_to_answer_ms": {"p50": ms(since, 50), "p95": ms(since, 95), "max": ms(since, 100)},
        "rush_seconds": round(got["rush_seconds"], 2),
        "forms_seconds": round(got["forms_seconds"], 1),
        "polls": len(polls),
        "polls_ok": len(poll_ok),
        "polls_limited": sum(p.status == 429 for p in polls),
        "polls_failed": sum(p.status not in (200, 429) for p in polls),
        "first_polls_failed": sum(p.status not in (200, 429) for p in polls if p.first),
        "poll_statuses": {
            str(code): sum(p.status == code for p in polls)
            for code in sorted({p.status for p in polls})
        },
        "poll_ms": {"p50": ms(poll_ok, 50), "p95": ms(poll_ok, 95), "max": ms(poll_ok, 100)},
        "rss_peak_mib": round(max(server.rss_peak, server.rss()) / 2**20, 1),
        "rss_hwm_mib": round(server.hwm() / 2**20, 1),
        "rss_before_mib": round(got["rss_before"] / 2**20, 1),
        "rush_cpu_s": round(got["rush_cpu"], 2),
        "rush_cpu_pct": round(100 * got["rush_cpu"] / max(got["rush_seconds"], 1e-9), 1),
        "clients_cpu_pct": round(100 * got["clients_cpu"] / max(got["rush_seconds"], 1e-9), 1),
        "db": db,
        "load_end": loadavg(),
        "cores": os.cpu_count(),
    }


def run(label: str, url: str, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    config_path = write_config(tmp / f"{label.lower()}.toml", url, args.numbers)
    day, payloads = prepare(config_path, args.followers)
    print(f"{label}: booking {day}, {len(payloads)} tickets to follow", file=sys.stderr)
    server = Server(config_path, args.profile)
    try:
        got = asyncio.run(rush(args, server, day, payloads))
        booked = {p.nik for p in got["phones"] if p.kind == "booked"}
        db = check_database(url, day, args.numbers, booked)
        return summarize(label, args, got, server, db)
    finally:
        server.stop()


# --- output -------------------------------------------------------------------------------------


def table(r: dict[str, Any]) -> str:
    def num(value: float | None) -> str:
        return "–" if value is None else f"{value:,.1f} ms"

    def three(d: dict[str, float | None]) -> str:
        return f"{num(d['p50'])} / {num(d['p95'])} / {num(d['max'])}"

    db = r["db"]
    rows = [
        (
            f"{r['phones']:,} phones, {r['numbers']} numbers, {r['followers']} followers",
            r["database"],
        ),
        (f"booked (target exactly {r['numbers']})", f"{r['booked']}"),
        ("kuota habis 409 / shown again 200", f"{r['full_409']:,} / {r['shown_again_200']:,}"),
        ("limited 429", f"{r['limited_429']}"),
        ("other answers (target 0)", f"{r['other']}"),
        ("NIKs booked twice (target 0)", f"{r['niks_booked_twice']}"),
        (
            f"phones sharing a NIK ({r['duplicate_phones']}): booked / shown / 409",
            f"{r['duplicate_nik_answers']['booked']} / {r['duplicate_nik_answers']['shown']}"
            f" / {r['duplicate_nik_answers']['full']}",
        ),
        (
            "database: active rows / numbers 1..N / one per NIK",
            f"{db['active_rows']} / {'yes' if db['numbers_ok'] else 'NO'} / "
            f"{'yes' if db['distinct_niks'] == db['active_rows'] else 'NO'}"
            f"{'' if db['niks_match_303s'] else ' (NIKs differ from the 303s)'}",
        ),
        ("POST p50 / p95 / max (target p95 <= 1 s)", three(r["post_ms"])),
        ("barrier → answer p50 / p95 / max", three(r["barrier_to_answer_ms"])),
        ("rush: first POST → last answer", f"{r['rush_seconds']:.2f} s"),
        ("followers' polls (200s) p50 / p95 / max (target p95 <= 1 s)", three(r["poll_ms"])),
        (
            "polls during the rush: ok / 429 / failed",
            f"{r['polls_ok']} / {r['polls_limited']} / {r['polls_failed']}",
        ),
        (
            "server RSS peak (target <= 250 MB) / before",
            f"{r['rss_peak_mib']:.1f} / {r['rss_before_mib']:.1f} MiB",
        ),
        (
            "server CPU during the rush",
            f"{r['rush_cpu_s']:.1f} s ({r['rush_cpu_pct']:.0f} % of a core)",
        ),
    ]
    out = [f"| {rows[0][0]} | {rows[0][1]} |", "|---|---:|"]
    out += [f"| {a} | {b} |" for a, b in rows[1:]]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=2000)
    parser.add_argument("--numbers", type=int, default=250, help="online numbers of the day")
    parser.add_argument("--followers", type=int, default=100, help="phones polling a ticket")
    parser.add_argument(
        "--concurrency", type=int, default=500, help="the most connections open at once"
    )
    parser.add_argument(
        "--poll-every", type=float, default=1.0, help="seconds between a follower's polls"
    )
    add_database_options(parser)
    args = parser.parse_args()
    ok = args.phones >= 1 and 1 <= args.numbers <= 4999 and 0 <= args.followers <= 250
    if not (ok and 1 <= args.concurrency <= 4000 and args.poll_every > 0):
        parser.error("--phones/--numbers/--followers/--concurrency out of range")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-booking-") as tmp_name:
        tmp = Path(tmp_name)
        result = on_database(
            args.pg, tmp, "bench_booking", lambda label, url: run(label, url, tmp, args)
        )
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    print()
    print(table(result))
    if result["other_answers"]:
        print(f"\nother answers: {result['other_answers']}")
    if result["polls_failed"]:
        print(
            f"\npolls by status (0: no answer): {result['poll_statuses']};"
            f" {result['first_polls_failed']} of the failed were a follower's first poll"
        )
    if result["forms_failed"]:
        print(f"\nforms failed: {result['forms_failed']} {result['form_errors']}")
    print(
        f"\n{result['posted']:,} posts ({result['distinct_niks_sent']:,} distinct NIKs), at most"
        f" {result['concurrency']} connections at once; forms loaded in"
        f" {result['forms_seconds']:.1f} s; the clients' process used"
        f" {result['clients_cpu_pct']:.0f} % of a core during the rush; {result['polls']} polls;"
        f" load {result['load_end']}; {result['cores']} cores"
        f" ({time.monotonic() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
