"""Start-up benchmark: from launching the desk to its window on the screen.

    .venv/bin/python bench/bench_startup.py [--bundle dist/counter-app] [--runs 20]
                                            [--unfrozen]

Each run starts the desk (`counter-app` from the bundle; with --unfrozen also
`python -m counter_app`) on a private Xvfb with Qt's xcb platform, as a desk PC starts
it, and polls the X server with xdotool until a window of that process is mapped
(`xdotool search --onlyvisible --pid`); the time from launch to then is one sample. The
process is then ended and the next run starts. The configuration (the shipped sample,
preview printer) and its SQLite database are made by a first, unmeasured run, so every
measured run is a normal morning start: database there, schema current, disk cache warm.
Target (issue "standalone build"): the frozen desk visible within 1.5 s on a 2-core PC.
Needs Xvfb and xdotool (Debian: apt-get install xvfb xdotool). Linux only.

    .venv/bin/python bench/bench_startup.py --commands [--runs 21]

The light commands instead, as whole processes (no window, no Xvfb): `status` and
`issue A --no-print` against `python -c "import PySide6.QtCore, sqlalchemy"` (the
cost of only importing what any station needs), taken in turns so that whatever else
the machine does falls on all three alike; medians, p95s, and each command's median as
a ratio to the baseline's. With a bundle, its `counter-app-cli status` too.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from xvfb import Xvfb

ROOT = Path(__file__).resolve().parent.parent
POLL_S = 0.01
TIMEOUT_S = 30.0


def visible(pid: int, env: dict[str, str]) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        capture_output=True,
        env=env,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def one_start(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not visible(proc.pid, env):
            if proc.poll() is not None:
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise RuntimeError(f"{command[0]} exited with {proc.returncode}: {err[-500:]}")
            if time.perf_counter() - started > TIMEOUT_S:
                raise RuntimeError(f"no window within {TIMEOUT_S:.0f} s")
            time.sleep(POLL_S)
        return time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def measure(name: str, command: list[str], env: dict[str, str], runs: int) -> None:
    one_start(command, env)  # makes the config and the database; not measured
    samples = [one_start(command, env) for _ in range(runs)]
    print(
        f"| {name} | {runs} | {statistics.median(samples):.2f} s | {p95(samples):.2f} s "
        f"| {min(samples):.2f} s | {max(samples):.2f} s |",
        flush=True,
    )


def one_run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        err = done.stderr.decode(errors="replace")[-500:]
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}: {err}")
    return took


def roomy(config: Path) -> None:
    """The sample configuration, with a hall and quotas no run of issues fills."""
    import tomlkit

    doc = tomlkit.parse(config.read_text(encoding="utf-8"))
    doc["capacity"]["limit"] = 10_000  # type: ignore[index]
    for service in doc["services"]:  # type: ignore[union-attr]
        service["daily_quota"] = 9_999
    config.write_text(tomlkit.dumps(doc), encoding="utf-8")


def commands(args: argparse.Namespace) -> int:
    py = [sys.executable]
    cases = {
        "`python -c 'import PySide6.QtCore, sqlalchemy'` (baseline)": [
            *py,
            "-c",
            "import PySide6.QtCore, sqlalchemy",
        ],
        "`counter-app status`": [*py, "-m", "counter_app", "status"],
        "`counter-app issue A --no-print`": [*py, "-m", "counter_app", "issue", "A", "--no-print"],
    }
    frozen = args.bundle / "counter-app-cli"
    if frozen.is_file():
        cases["frozen `counter-app-cli status`"] = [str(frozen), "status"]
    with tempfile.TemporaryDirectory(prefix="counter-app-startup-") as tmp:
        env = {
            **os.environ,
            "COUNTER_APP_CONFIG_DIR": f"{tmp}/config",
            "COUNTER_APP_DATA_DIR": f"{tmp}/data",
            "COUNTER_APP_LOG_DIR": f"{tmp}/log",
        }
        one_run([*py, "-m", "counter_app", "status"], env)  # makes the config
        roomy(Path(tmp) / "config" / "config.toml")  # --runs issues must all fit
        for command in cases.values():  # the config, the database: not measured
            one_run(command, env)
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, command in cases.items():
                samples[name].append(one_run(command, env))
    print(f"cores: {os.cpu_count()}; load after: {os.getloadavg()[0]:.2f}; {args.runs} runs each")
    print("| whole process | median | p95 | min | max | median / baseline |")
    print("|---|---:|---:|---:|---:|---:|")
    base = statistics.median(next(iter(samples.values())))
    for name, taken in samples.items():
        median = statistics.median(taken)
        print(
            f"| {name} | {median:.3f} s | {p95(taken):.3f} s | {min(taken):.3f} s "
            f"| {max(taken):.3f} s | {median / base:.2f}x |"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "counter-app")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--unfrozen", action="store_true", help="also time python -m counter_app")
    parser.add_argument("--commands", action="store_true", help="the light commands instead")
    args = parser.parse_args()
    if args.commands:
        return commands(args)
    if shutil.which("xdotool") is None:
        print("bench_startup: xdotool is not installed (apt-get install xdotool)", file=sys.stderr)
        return 2
    frozen = args.bundle / "counter-app"
    if not frozen.is_file():
        print(f"bench_startup: no bundle at {args.bundle} (build.spec)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="counter-app-startup-") as tmp, Xvfb() as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "COUNTER_APP_CONFIG_DIR": f"{tmp}/config",
            "COUNTER_APP_DATA_DIR": f"{tmp}/data",
            "COUNTER_APP_LOG_DIR": f"{tmp}/log",
            "COUNTER_APP_NO_CRASH_DIALOG": "1",
        }
        print(f"cores: {os.cpu_count()}; load before: {os.getloadavg()[0]:.2f}")
        print("| desk | runs | median | p95 | min | max |")
        print("|---|---:|---:|---:|---:|---:|")
        measure("frozen (bundle)", [str(frozen)], env, args.runs)
        if args.unfrozen:
            measure("unfrozen (python -m)", [sys.executable, "-m", "counter_app"], env, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
