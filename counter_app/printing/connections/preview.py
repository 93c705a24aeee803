"""No hardware: tickets as files in a folder, for trying the office out and for tests."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from counter_app.core import paths
from counter_app.core.config import PrinterSettings
from counter_app.printing import texts
from counter_app.printing.connections.base import Connection, plain_os_error
from counter_app.printing.job import PrintError, PrintJob
from counter_app.printing.preview import save_png


def preview_folder(settings: PrinterSettings) -> Path:
    return Path(settings.folder) if settings.folder else paths.data_dir() / "previews"


class PreviewConnection(Connection):
    """No hardware: each ticket becomes ``<code>-<timestamp>.png`` and ``.bin``."""

    kind = "preview"

    @property
    def where(self) -> str:
        return str(preview_folder(self.settings))

    def open(self) -> None:
        folder = preview_folder(self.settings)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._preview_failed(folder, exc) from exc

    def _preview_failed(self, folder: Path, exc: OSError) -> PrintError:
        detail = plain_os_error(exc, self.lang, self.timeout)
        return PrintError(
            "preview_failed",
            texts.word(self.lang, "preview_failed", folder=folder, detail=detail),
            retryable=False,
        )

    def write(self, data: bytes) -> None:  # pragma: no cover - send() is used instead
        raise NotImplementedError

    def send(self, job: PrintJob) -> str | None:
        folder = preview_folder(self.settings)
        made_at = job.made_at or datetime.now().astimezone()
        stamp = made_at.strftime("%Y%m%d-%H%M%S-%f")[:-3]  # the office-local day and time
        base = f"{re.sub(r'[^A-Za-z0-9-]', '_', job.code)}-{stamp}"
        if job.reprint:
            base += "-reprint"
        try:
            bin_path = folder / f"{base}.bin"
            bin_path.write_bytes(job.data * job.copies)
            png_path = save_png(job.layout, folder / f"{base}.png")
        except OSError as exc:
            raise self._preview_failed(folder, exc) from exc
        job.bin_path, job.png_path = bin_path, png_path
        return str(png_path)
