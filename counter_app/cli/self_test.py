"""self-test: one line a check of this PC and this installation."""

from __future__ import annotations

import argparse
import json

from .failures import EXIT_ERROR, EXIT_OK
from .output import tell


def self_test(args: argparse.Namespace) -> int:
    """One line a check on stdout; exit 0 when none failed, 1 naming those that did.

    A broken configuration is the first failed check, not exit 2: the rest of the program
    is still checked, on the shipped sample configuration.
    """
    from counter_app.selftest import Session, failed_names

    session = Session(args.config, args.db)
    try:
        from counter_app.gui.selftest import run_command  # Qt only now, offscreen

        checks = run_command(session)
    finally:
        session.close()
    failed = failed_names(checks)
    if args.json:
        args.output.say(json.dumps({"ok": not failed, "checks": [c.as_json() for c in checks]}))
    else:
        for check in checks:
            args.output.say(check.line())
    if failed:
        tell(f"counter-app: self-test failed: {', '.join(failed)}")
        return EXIT_ERROR
    return EXIT_OK
