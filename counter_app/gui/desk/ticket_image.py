"""The desk's preview of a ticket: the same layout the printer gets, drawn as an image."""

from __future__ import annotations

from PySide6.QtGui import QImage

from counter_app.core.config import Config
from counter_app.core.model import Ticket
from counter_app.printing.preview import render_image
from counter_app.printing.printer import TicketPrinter


def render_ticket(printer: TicketPrinter, config: Config, ticket: Ticket) -> QImage:
    """Safe on a worker thread: QImage (unlike QPixmap) may be made off the GUI thread."""
    layout = printer.build(ticket, config.service_name(ticket.prefix)).layout
    image = render_image(layout).convert("L")
    data = image.tobytes()
    return QImage(
        data, image.width, image.height, image.width, QImage.Format.Format_Grayscale8
    ).copy()  # the copy owns its pixels; `data` may go
