"""Ticket codes ("A-001") and scans, read and written without the database."""

from __future__ import annotations

import re

from counter_app.core import texts
from counter_app.core.model import Reason, Refused, Verification
from counter_app.core.tokens import TokenProblem, payload_from_scan, well_formed


def format_code(prefix: str, number: int) -> str:
    return f"{prefix}-{number:03d}"


# ASCII only: str.isdigit() and int() take any Unicode digit ("A-\u0661" would be A-001),
# and IGNORECASE without ASCII lets the Kelvin sign pass for a K.
_CODE_RE = re.compile(r"([A-Z]{1,2})-([0-9]{1,4})", re.ASCII | re.IGNORECASE)
_ASCII_SPACE = " \t\r\n"


def parse_code(code: str) -> tuple[str, int] | None:
    """("A", 1) for "A-001" or "a-1"; None for anything that is not a ticket code."""
    m = _CODE_RE.fullmatch(code.strip(_ASCII_SPACE))
    if m is None:
        return None
    return m.group(1).upper(), int(m.group(2))


def require_code(code: str, lang: str) -> tuple[str, int]:
    """parse_code, refusing what is not a ticket code before any database work."""
    parsed = parse_code(code)
    if parsed is None:
        raise Refused(Reason.NOT_A_TICKET_CODE, texts.text(lang, "not_a_ticket_code", code=code))
    return parsed


def malformed_payload(scanned: str, lang: str) -> Verification | None:
    """The verdict on a scan that is neither the QR's payload nor a link to a ticket's
    page, given without the database."""
    if well_formed(payload_from_scan(scanned)):
        return None
    problem = TokenProblem.MALFORMED.value
    return Verification(False, problem, texts.text(lang, f"verify_{problem}"), None)
