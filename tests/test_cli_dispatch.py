"""The command line's parser and its dispatch table name the same commands."""

from __future__ import annotations

import argparse

from counter_app.cli import dispatch
from counter_app.cli.parser import build_parser


def test_every_parsed_command_has_a_handler_and_every_handler_a_command() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == list(dispatch.COMMANDS)
