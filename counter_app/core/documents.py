"""The ready list of finished documents, read from the registry's export.

Pure: a CSV file's text and the ``[documents]`` configuration in, checked records out,
or every bad row named with its line and reason. Nothing reaches the database until the
whole file is good (core/queue/documents.py writes it in one transaction), so a bad
export never leaves half a list behind.

A registration number is the application's number as the export writes it, kept as
typed but matched ignoring case and spaces; the NIK, where the export has one, is
checked as the booking pages check it (core/nik.py).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from counter_app.core import words
from counter_app.core.config import DocumentSettings
from counter_app.core.nik import check_nik, normalise

MAX_FILE_BYTES = 32 * 1024 * 1024  # a city's finished documents are a few MB at most
MAX_ROWS = 200_000
MAX_PROBLEMS = 20  # rows named in one error; the count says how many more
NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./ -]{0,31}$", re.ASCII)
_FORMS = {
    "YYYY-MM-DD": "%Y-%m-%d",
    "DD/MM/YYYY": "%d/%m/%Y",
    "DD-MM-YYYY": "%d-%m-%Y",
    "DD.MM.YYYY": "%d.%m.%Y",
}


class DocumentState(StrEnum):
    READY = "ready"  # finished, waiting to be collected
    HANDED = "handed"  # handed over to the visitor


class Availability(StrEnum):
    """What the public check answers. ``NOT_READY`` is also the answer for a number or
    NIK the office does not know: a stranger learns nothing from the difference."""

    READY = "ready"
    HANDED = "handed"
    NOT_READY = "not_ready"


def number_key(number: str) -> str:
    """A registration number as it is matched: capitals, no spaces ("kk 3571-01" == "KK3571-01")."""
    return re.sub(r"\s+", "", number).upper()


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One finished document of an export, checked."""

    number: str  # number_key'd
    nik: str | None
    kind: str  # as the configuration writes it
    service: str
    finished_on: date
    line: int = 0  # in the file, for messages


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    reason: str


class BadExport(Exception):
    """The file cannot be imported: each bad row with its line and reason (at most
    MAX_PROBLEMS of them, and how many there were). Nothing was imported."""

    def __init__(self, path: str, problems: list[RowProblem], total: int, lang: str) -> None:
        self.path = path
        self.problems = problems
        self.total = total
        lines = [
            words.text("documents.bad_row", lang, path=path, line=p.line, reason=p.reason)
            for p in problems
        ]
        if total > len(problems):
            lines.append(words.text("documents.more_bad_rows", lang, n=total - len(problems)))
        lines.append(words.text("documents.nothing_imported", lang))
        super().__init__("\n".join(lines))


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int  # ready already, with a kind, NIK or date that changed
    unchanged: int
    handed: int  # handed over already: left as they are
    total: int  # records in the file

    def as_json(self) -> dict[str, int]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "handed": self.handed,
            "total": self.total,
        }


def _say(lang: str, key: str, **fields: object) -> str:
    return words.text(f"documents.{key}", lang, **fields)


@dataclass(frozen=True, slots=True)
class _Columns:
    """The export's columns by header, as the configuration names them (folded)."""

    number: str
    kind: str
    finished: str
    nik: str  # "": the export has no NIKs

    @classmethod
    def of(cls, settings: DocumentSettings) -> _Columns:
        fold = lambda name: name.strip().casefold()  # noqa: E731
        return cls(
            fold(settings.column_number),
            fold(settings.column_kind),
            fold(settings.column_finished),
            fold(settings.column_nik),
        )

    def missing(self, settings: DocumentSettings, header: list[str]) -> list[str]:
        wanted = [
            ("column_number", self.number, settings.column_number),
            ("column_kind", self.kind, settings.column_kind),
            ("column_finished", self.finished, settings.column_finished),
            ("column_nik", self.nik, settings.column_nik),
        ]
        return [
            f"{shown!r} (documents.{key})"
            for key, name, shown in wanted
            if name and name not in header
        ]


def parse_export(
    data: bytes, settings: DocumentSettings, *, path: str, today: date, lang: str
) -> list[DocumentRecord]:
    """The export's documents, checked; raises BadExport naming every bad row."""
    if len(data) > MAX_FILE_BYTES:
        too_big = _say(lang, "too_big", mb=MAX_FILE_BYTES >> 20)
        raise BadExport(path, [RowProblem(0, too_big)], 1, lang)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" on an office PC
    if "\x00" in text:
        raise BadExport(path, [RowProblem(1, _say(lang, "not_text"))], 1, lang)
    columns = _Columns.of(settings)
    delimiter = "\t" if settings.delimiter == "tab" else settings.delimiter
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems: list[RowProblem] = []
    records: list[DocumentRecord] = []
    seen: dict[str, DocumentRecord] = {}
    form = _FORMS[settings.date_format]
    header: list[str] | None = None
    try:
        for fields in reader:
            line = reader.line_num
            if header is None:
                header = [h.strip().casefold() for h in fields]
                missing = columns.missing(settings, header)
                if missing:
                    why = _say(lang, "missing_columns", names=", ".join(missing))
                    raise BadExport(path, [RowProblem(line, why)], 1, lang)
                continue
            if not any(f.strip() for f in fields):
                continue  # a blank line
            if len(records) + len(problems) >= MAX_ROWS:
                problems.append(RowProblem(line, _say(lang, "too_many_rows", max=MAX_ROWS)))
                break
            row = dict(zip(header, fields, strict=False))
            try:
                record = _record(line, row, columns, settings, form, today, lang)
            except _BadRow as bad:
                problems.append(RowProblem(line, str(bad)))
                continue
            earlier = seen.get(record.number)
            if earlier is None:
                seen[record.number] = record
                records.append(record)
            elif (earlier.nik, earlier.kind, earlier.finished_on) != (
                record.nik,
                record.kind,
                record.finished_on,
            ):
                why = _say(lang, "duplicate", number=record.number, other=earlier.line)
                problems.append(RowProblem(line, why))
            # the same document twice: once is enough
    except csv.Error as exc:
        problems.append(RowProblem(reader.line_num, _say(lang, "not_csv", why=str(exc)[:80])))
    if not records and not problems:
        problems.append(RowProblem(1, _say(lang, "empty")))
    if problems:
        raise BadExport(path, problems[:MAX_PROBLEMS], len(problems), lang)
    return records


class _BadRow(Exception):
    """One row's problem, in words."""


def _record(
    line: int,
    row: dict[str, str],
    columns: _Columns,
    settings: DocumentSettings,
    form: str,
    today: date,
    lang: str,
) -> DocumentRecord:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip() if name else ""

    number = number_key(cell(columns.number))
    kind, finished, nik_text = cell(columns.kind), cell(columns.finished), cell(columns.nik)
    if not number:
        raise _BadRow(_say(lang, "no_number"))
    if not NUMBER_RE.match(number):
        raise _BadRow(_say(lang, "bad_number", number=repr(number[:40])))
    service = settings.service_of(kind)
    if service is None:
        known = ", ".join(settings.kinds)
        raise _BadRow(_say(lang, "unknown_kind", kind=repr(kind[:30]), known=known))
    try:
        finished_on = datetime.strptime(finished, form).date()
    except ValueError:
        why = _say(lang, "bad_date", value=repr(finished[:30]), form=settings.date_format)
        raise _BadRow(why) from None
    if finished_on > today:
        raise _BadRow(_say(lang, "future_date", value=finished))
    nik: str | None = None
    if nik_text:
        checked = check_nik(normalise(nik_text))
        if not checked.ok:
            assert checked.problem is not None
            why = words.text(f"refusal.nik_{checked.problem.value}", lang)
            raise _BadRow(_say(lang, "bad_nik", why=why))
        nik = checked.nik
    return DocumentRecord(number, nik, settings.kind_name(kind), service, finished_on, line)
