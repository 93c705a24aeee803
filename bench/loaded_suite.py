"""Run the whole test suite several times in a row while busy loops hold every core.

    .venv/bin/python bench/loaded_suite.py [--runs 3] [--busy 3] [--timeout 5400]
                                           [-- extra pytest arguments]

Not a CI test: a contributor's laptop compiling something, or a CI runner shared with
other jobs, gives the tests a fraction of a core, and a test that waits for the state it
asserts still passes there while one that sleeps as a barrier, or asserts right after
waiting for something else, fails. --busy processes (default: one more than the cores)
spin for the whole time; each run is its own `python -m pytest -p no:cacheprovider -q
tests` subprocess, as bench/gui_loop.py runs them (its counting of passes, failures,
crashes and hangs is reused), with the suite's own databases (COUNTER_APP_TEST_PG_URL
for PostgreSQL, or the throwaway cluster the suite starts).

Printed per run: passed / failed / errors / skipped, exit code, time and the load
average over the run; then the failing tests with the number of runs each failed in.
Exit status 1 when any run failed, crashed or hung.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
from collections import Counter

from gui_loop import RunResult, describe, run_once, save  # bench/gui_loop.py, beside this


def spin() -> None:
    while True:
        pass


def main() -> int:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Arguments after -- go to pytest, e.g. -- -k 'browser or gui' -x",
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--busy", type=int, default=cores + 1, help="spinning processes")
    parser.add_argument("--timeout", type=float, default=5400, help="seconds before a run hangs")
    args, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONFAULTHANDLER": "1",
    }
    print(
        f"{args.runs} runs of the whole suite with {args.busy} busy loops on {cores} cores"
        + (f", pytest args {' '.join(extra)}" if extra else ""),
        flush=True,
    )
    ctx = mp.get_context("spawn")
    spinners = [ctx.Process(target=spin, daemon=True) for _ in range(args.busy)]
    for p in spinners:
        p.start()
    results: list[RunResult] = []
    try:
        for number in range(1, args.runs + 1):
            result = run_once(number, ["tests"], extra, env, args.timeout)
            results.append(result)
            load = os.getloadavg()[1]  # the last 5 minutes
            print(f"{describe(result, args.runs)}  load {load:.1f}", flush=True)
            if result.hung or result.crash_reason or result.failed:
                result.saved = save(result, "loaded")
                print(f"    output: {result.saved}", flush=True)
                for test in result.failed_tests[:20]:
                    print(f"    {test}", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    finally:
        for p in spinners:
            p.terminate()
        for p in spinners:
            p.join(5)

    bad = [r for r in results if r.hung or r.crash_reason or r.failed]
    by_test = Counter(test for r in results for test in set(r.failed_tests))
    print()
    print(f"runs: {len(results)}, {sum(r.seconds for r in results) / 60:.1f} min")
    print(f"runs failed, crashed or hung: {len(bad)}")
    for test, count in by_test.most_common():
        print(f"    {count}/{len(results)} runs: {test}")
    return 1 if bad or not results else 0


if __name__ == "__main__":
    sys.exit(main())
