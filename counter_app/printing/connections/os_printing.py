"""Printing through the operating system: a CUPS queue, the lp command, the Windows spooler.

None of them answers a status query. The lp command runs under our timeout; pycups and
pywin32 calls cannot be bounded, and only the spooler's watchdog stops them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import Any

from counter_app.printing import texts
from counter_app.printing._escpos import escpos_printer
from counter_app.printing.connections.base import Connection, EscposConnection
from counter_app.printing.job import PrintError, PrintJob

JOB_NAME = "counter-app ticket"  # as the system's print queue lists it


class CupsConnection(EscposConnection):
    """A CUPS queue through pycups (python-escpos's CupsPrinter); sent on close."""

    kind = "cups"
    where_setting = "name"
    needs_package = "pycups"

    def _make_printer(self) -> Any:
        return escpos_printer.CupsPrinter(printer_name=self.settings.name or "")

    def _open_device(self) -> None:
        self._printer.open(job_name=JOB_NAME)

    def send(self, job: PrintJob) -> str | None:
        super().send(job)
        try:
            self._printer.send()  # hand the job to CUPS now, so a failure is this job's
        except Exception as exc:
            raise self._write_failed(exc) from exc
        return None


class LpConnection(Connection):
    """The ``lp`` command, run by us rather than python-escpos's LP class.

    LP runs lpstat and waits for lp without any timeout, and its close() sends a
    stray line feed as a print job of its own; subprocess.run with a timeout does
    neither.
    """

    kind = "lp"
    where_setting = "name"

    def open(self) -> None:
        if shutil.which("lp") is None:
            raise self._needs("cups-client (lp)")
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            return
        try:
            found = subprocess.run(
                [lpstat, "-p", self.settings.name or ""],
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise self._no_answer(self.timeout) from exc
        if found.returncode != 0:
            detail = found.stderr.decode(errors="replace").strip() or texts.word(
                self.lang, "not_found"
            )
            raise self._unreachable(RuntimeError(detail))

    def write(self, data: bytes) -> None:
        name = self.settings.name or ""
        try:
            done = subprocess.run(
                ["lp", "-d", name, "-o", "raw", "-t", JOB_NAME],
                input=data,
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise self._no_answer(self.timeout) from exc
        except OSError as exc:
            raise self._unreachable(exc) from exc
        if done.returncode != 0:
            detail = done.stderr.decode(errors="replace").strip() or f"lp exit {done.returncode}"
            raise PrintError(
                "write_failed", texts.word(self.lang, "write_failed", where=name, detail=detail)
            )

    def send(self, job: PrintJob) -> str | None:
        self.write(job.data * job.copies)  # one lp job, so copies stay together
        return None


class Win32Connection(EscposConnection):
    """The Windows spooler through pywin32 (python-escpos's Win32Raw); printed on close."""

    kind = "win32"
    where_setting = "name"
    needs_package = "pywin32"

    def _check_usable(self) -> None:
        if sys.platform != "win32":
            raise PrintError("windows_only", texts.word(self.lang, "windows_only"), retryable=False)

    def _make_printer(self) -> Any:
        return escpos_printer.Win32Raw(printer_name=self.settings.name or "")

    def _open_device(self) -> None:
        self._printer.open(job_name=JOB_NAME)  # close() is EndDocPrinter: it prints then
