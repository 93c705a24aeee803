"""The command line's parser and its dispatch table name the same commands."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_config

from counter_app.cli import dispatch
from counter_app.cli.parser import build_parser


def test_every_parsed_command_has_a_handler_and_every_handler_a_command() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == list(dispatch.COMMANDS)


def test_every_handler_is_found_where_the_table_says() -> None:
    """The table names modules and functions as strings (imported when a command runs):
    each must be there, taking the arguments it is given."""
    import inspect

    for name, command in dispatch.COMMANDS.items():
        params = list(inspect.signature(command.target()).parameters)
        assert len(params) == (2 if command.configured else 1), (name, params)


# What a light command may not load: the windows, the printing stack, the phone server,
# the PostgreSQL driver on SQLite, Alembic on a current schema.
HEAVY = (
    "PySide6",
    "escpos",
    "PIL",
    "qrcode",
    "starlette",
    "uvicorn",
    "jinja2",
    "psycopg",
    "alembic",
    "counter_app.gui",
    "counter_app.printing",
    "counter_app.web",
)


@pytest.mark.parametrize(
    "command", [["status"], ["issue", "A", "--no-print"], ["call", "1"], ["report"]]
)
def test_light_commands_load_only_what_they_need(
    tmp_path: Path, sqlite_url: str, command: list[str]
) -> None:
    config = write_config(tmp_path / "c.toml", sqlite_url)
    subprocess.run(  # makes the database (a first run migrates) and a ticket to call
        [sys.executable, "-m", "counter_app", "--config", str(config), "issue", "A"],
        check=True,
        capture_output=True,
    )
    script = (
        "import sys, json\n"
        "from counter_app.cli import main\n"
        f"code = main({['--config', str(config), *command]!r})\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stderr
    loaded = [m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]
    assert loaded == [], f"{command}: {loaded[:10]}"


def test_version_is_printed_on_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    from counter_app import __version__
    from counter_app.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code in (0, None)
    assert capsys.readouterr().out == f"counter-app {__version__}\n"
