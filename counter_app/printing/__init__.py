"""Thermal tickets: one layout rendered as ESC/POS bytes and as a PNG preview, printed by a
spooler thread with bounded I/O. Knows nothing of Qt (an import-linter contract checks it).
"""

from counter_app.printing.job import PrintError, PrinterState, PrintJob, PrintOutcome
from counter_app.printing.printer import TicketPrinter
from counter_app.printing.spooler import Spooler

__all__ = [
    "PrintError",
    "PrintJob",
    "PrintOutcome",
    "PrinterState",
    "Spooler",
    "TicketPrinter",
]
