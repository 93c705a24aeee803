"""Ticket codes and QR payloads are ASCII: another script's digits or letters never pass
for ours (int("\u0661") is 1; "\u212a" matches [A-Z] case-insensitively)."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from conftest import SECRET

from counter_app import logs
from counter_app.core.model import Reason, Refused, TicketState
from counter_app.core.queue import Queue, parse_code
from counter_app.core.tokens import TokenProblem, check_payload, make_payload, well_formed

DAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("A-001", ("A", 1)), ("a-1", ("A", 1)), (" AB-9999\n", ("AB", 9999)), ("b-0042", ("B", 42))],
)
def test_ascii_codes_parse_in_any_case(text: str, parsed: tuple[str, int]) -> None:
    assert parse_code(text) == parsed


@pytest.mark.parametrize(
    "text",
    [
        "A-\u0661",  # Arabic-Indic one
        "A-\u00b2",  # superscript two: isdigit() but not int()
        "A-\u0967",  # Devanagari one
        "A-99999",  # more than a day's quota can number
        "A-999999999999999999999999999",
        "\uff21-001",  # fullwidth A
        "\u212a-001",  # Kelvin sign, a K to re.IGNORECASE without re.ASCII
        "ABC-001",
        "A001",
        "A-",
        "-001",
        "A-1 2",
        "A-001\u00a0",  # no-break space is not ASCII blank
        "",
    ],
)
def test_anything_else_is_not_a_code(text: str) -> None:
    assert parse_code(text) is None


def test_the_queue_refuses_a_non_ascii_code_and_changes_nothing(queue: Queue) -> None:
    queue.issue("A", printing=False)
    version = queue.version()
    for code in ("A-\u0661", "A-\u00b2", "A-999999999999999999999999999"):
        with pytest.raises(Refused) as exc:
            queue.cancel(code)
        assert exc.value.reason == Reason.NOT_A_TICKET_CODE
        assert "bukan nomor antrean" in exc.value.message
    assert queue.version() == version
    assert queue.ticket("A-001").state == TicketState.WAITING


def test_payloads_with_other_digits_are_malformed_not_a_crash() -> None:
    good = make_payload(SECRET, DAY, "A-001")
    assert well_formed(good) and check_payload(SECRET, good, DAY).ok
    arabic = good.translate({ord(d): 0x0660 + int(d) for d in "0123456789"})
    for payload in (
        arabic,
        good.replace("A-001", "A-\u0661\u0660\u0660"),
        good.replace("A-001", "\uff21-001"),  # fullwidth A
        good.lower().replace("cq1", "cq\u0661"),
    ):
        assert not well_formed(payload)
        check = check_payload(SECRET, payload, DAY)
        assert (check.ok, check.problem) == (False, TokenProblem.MALFORMED)


def test_the_console_log_is_one_line_and_the_traceback_goes_to_the_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = logs.setup_logging()
    try:
        try:
            raise ValueError("the scale of the hall\nsecond line")
        except ValueError:
            logging.getLogger("counter_app.test").exception("unexpected error")
    finally:
        logs.close_logging()
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "ERROR counter_app.test: unexpected error: ValueError: the scale of the hall second line"
    ]
    assert "Traceback" in path.read_text(encoding="utf-8")
