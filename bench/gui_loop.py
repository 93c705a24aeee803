"""Run the GUI tests again and again, each time in a fresh process, and count crashes.

    .venv/bin/python bench/gui_loop.py [--runs 10] [--platform offscreen|xcb]
                                       [--timeout 900] [-- extra pytest arguments]

Not a CI test: a crash that happens once in twenty runs (a segfault in a Qt thread at
exit, a "Fatal Python error") needs the same files run many times to be seen. Each run
is its own `python -m pytest -p no:cacheprovider -q FILES` subprocess over
tests/test_gui_*.py and tests/test_announcer.py, with QT_QPA_PLATFORM=offscreen, or, with
--platform xcb, on a private X server (Xvfb, started here on a free display number).

Printed per run: passed / failed / errors / skipped, the exit code, the time, and
whether it crashed: killed by a signal (negative exit code), or "Fatal Python error",
"Segmentation fault" or "Aborted" in its output. A run still going after --timeout
seconds is killed and counted as hung. Then a summary: "crashes: N" (0 expected),
hangs, runs with failures and each failing test with how many runs it failed in. The
output of each crashed, hung or failed run is saved to a temporary file, whose path is
printed.

Databases: the GUI tests run on SQLite and on PostgreSQL (the test suite's own
COUNTER_APP_TEST_PG_URL, or a throwaway cluster it starts when PostgreSQL is installed).
`-- -k "not pg"` keeps them to SQLite.

Exit status 1 when a run crashed, hung or failed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from xvfb import Xvfb  # noqa: E402  (bench/xvfb.py, beside this file)

CRASH_SIGNS = ("Fatal Python error", "Segmentation fault", "Aborted (core dumped)")
#: pytest's own exit codes: 0 passed, 1 tests failed, 2 interrupted, 3 internal error,
#: 4 usage error, 5 no tests collected. Anything else came from outside pytest.
PYTEST_CODES = {0, 1, 2, 3, 4, 5}
SUMMARY = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)")


@dataclass
class RunResult:
    number: int
    returncode: int
    seconds: float
    output: str
    hung: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    failed_tests: list[str] = field(default_factory=list)
    saved: Path | None = None

    @property
    def crash_reason(self) -> str:
        if self.hung:
            return ""
        if self.returncode < 0:
            return f"killed by signal {-self.returncode}"
        for sign in CRASH_SIGNS:
            if sign in self.output:
                return f'"{sign}" in the output'
        if self.returncode not in PYTEST_CODES:
            return f"exit code {self.returncode} is not pytest's"
        return ""

    @property
    def failed(self) -> bool:
        return bool(self.counts["failed"] or self.counts["error"]) or self.returncode != 0


def test_files() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_gui_*.py"))
    return [*files, "tests/test_announcer.py"]


def parse(result: RunResult) -> None:
    lines = result.output.strip().splitlines()
    # The last line with counts: "3 failed, 120 passed, 2 skipped in 95.12s".
    for line in reversed(lines):
        found = SUMMARY.findall(line)
        if found and (" in " in line or line.startswith("=")):
            for number, word in found:
                result.counts["error" if word.startswith("error") else word] += int(number)
            break
    for line in lines:
        if line.startswith(("FAILED ", "ERROR ")):
            result.failed_tests.append(line.split(" - ")[0])


def run_once(
    number: int, files: list[str], extra: list[str], env: dict[str, str], timeout: float
) -> RunResult:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *files, *extra]
    started = time.monotonic()
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as out:
        # A file, not a pipe: a hung run's output is kept up to the moment it is killed.
        proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out, text=True
        )
        hung = False
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            hung = True
            proc.kill()
            proc.wait()
        out.seek(0)
        output = out.read()
    result = RunResult(number, proc.returncode, time.monotonic() - started, output, hung=hung)
    parse(result)
    return result


def save(result: RunResult, kind: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f"gui-loop-run{result.number}-{kind}-", suffix=".log")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(result.output)
    return Path(name)


def describe(result: RunResult, runs: int) -> str:
    c = result.counts
    crash = result.crash_reason
    state = "HUNG (killed)" if result.hung else f"CRASH: {crash}" if crash else "no crash"
    return (
        f"run {result.number:>2}/{runs}: {c['passed']} passed, {c['failed']} failed, "
        f"{c['error']} errors, {c['skipped']} skipped  exit {result.returncode}  "
        f"{result.seconds:.0f} s  {state}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Arguments after -- go to pytest, e.g. -- -k 'not pg' -x",
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--platform",
        choices=["offscreen", "xcb"],
        default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        help="Qt platform (default: QT_QPA_PLATFORM, else offscreen); xcb starts Xvfb",
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run hangs")
    args, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]

    files = test_files()
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "PYTHONFAULTHANDLER": "1"}
    xvfb = Xvfb("1920x1080x24") if args.platform == "xcb" else None
    if xvfb is not None:
        env["DISPLAY"] = xvfb.start()
        env.pop("WAYLAND_DISPLAY", None)
    import PySide6

    print(
        f"{args.runs} runs of {len(files)} files ({', '.join(Path(f).name for f in files)}), "
        f"QT_QPA_PLATFORM={args.platform}"
        + (f" on Xvfb {env['DISPLAY']}" if xvfb else "")
        + f", PySide6 {PySide6.__version__}"
        + (f", pytest args {' '.join(extra)}" if extra else ""),
        flush=True,
    )
    results: list[RunResult] = []
    try:
        for number in range(1, args.runs + 1):
            result = run_once(number, files, extra, env, args.timeout)
            results.append(result)
            print(describe(result, args.runs), flush=True)
            kind = (
                "hung"
                if result.hung
                else "crash"
                if result.crash_reason
                else "failed"
                if result.failed
                else ""
            )
            if kind:
                result.saved = save(result, kind)
                print(f"    output: {result.saved}", flush=True)
                for test in result.failed_tests[:10]:
                    print(f"    {test}")
            if xvfb is not None and not xvfb.alive:
                print(f"the X server is gone, stopping: {xvfb.describe()}", flush=True)
                break
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    finally:
        if xvfb is not None:
            xvfb.stop()

    crashes = [r for r in results if r.crash_reason]
    hangs = [r for r in results if r.hung]
    failing = [r for r in results if r.failed and not r.crash_reason and not r.hung]
    by_test = Counter(test for r in results for test in set(r.failed_tests))
    total = sum(r.seconds for r in results)
    print()
    print(f"runs: {len(results)}, {total / 60:.1f} min")
    print(f"crashes: {len(crashes)}" + "".join(f"\n    run {r.number}: {r.saved}" for r in crashes))
    print(f"hangs: {len(hangs)}" + "".join(f"\n    run {r.number}: {r.saved}" for r in hangs))
    print(f"runs with failures: {len(failing)}")
    for test, count in by_test.most_common():
        print(f"    {count}/{len(results)} runs: {test}")
    passed = [r.counts["passed"] for r in results]
    if passed:
        print(f"tests passed per run: {min(passed)}-{max(passed)}")
    return 1 if crashes or hangs or failing else 0


if __name__ == "__main__":
    raise SystemExit(main())
