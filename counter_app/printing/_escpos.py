"""The one place that imports python-escpos, undoing its import-time side effects.

python-escpos 3.1 has three habits a desk application cannot live with:

* ``escpos.capabilities`` calls ``logging.basicConfig()`` on import, which puts a stderr
  handler on the root logger when the application has not configured logging yet; the
  application's own ``basicConfig`` is then silently ignored.
* its printer modules log through the module-level ``logging.info()``/``logging.error()``,
  and those call ``basicConfig()`` again whenever the root logger has no handler, so
  removing the handler once is not enough.
* it unpickles its capabilities cache from a fresh ``mkdtemp()`` on every start (a
  leaked temp folder per run), and a frozen (PyInstaller) build cannot find its
  ``capabilities.json`` unless the file is bundled and pointed at.

Everything in counter_app.printing imports escpos names from here.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import platformdirs

from counter_app.core import paths

ESCPOS_LOGGER = logging.getLogger("escpos")


def _prepare_environment() -> None:
    if paths.is_frozen() and "ESCPOS_CAPABILITIES_FILE" not in os.environ:
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        bundled = base / "escpos" / "capabilities.json"
        if bundled.is_file():
            os.environ["ESCPOS_CAPABILITIES_FILE"] = str(bundled)
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        # A per-user cache folder: private (the pickle is loaded with pickle.load, so it
        # must not live in a shared /tmp path) and reused, so start-up skips the YAML parse.
        try:
            cache = Path(platformdirs.user_cache_dir(paths.APP_NAME)) / "escpos"
            cache.mkdir(parents=True, exist_ok=True)
            os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(cache)
        except OSError:
            pass  # python-escpos falls back to its own temporary folder


class _LoggingShim:
    """Stands in for the ``logging`` module inside python-escpos's printer modules.

    Their ``logging.info(...)`` calls go to the "escpos" logger instead of the root
    logger's module functions, which would re-run ``basicConfig()``.
    """

    _LEVELS = frozenset({"debug", "info", "warning", "error", "exception", "critical"})

    def __getattr__(self, name: str) -> Any:
        if name in self._LEVELS:
            return getattr(ESCPOS_LOGGER, name)
        return getattr(logging, name)


_prepare_environment()
_root = logging.getLogger()
_handlers_before = list(_root.handlers)
_already_imported = "escpos.capabilities" in sys.modules

from escpos import capabilities  # noqa: E402
from escpos import printer as escpos_printer  # noqa: E402
from escpos.constants import QR_ECLEVEL_M  # noqa: E402
from escpos.exceptions import DeviceNotFoundError  # noqa: E402
from escpos.exceptions import Error as EscposError  # noqa: E402
from escpos.image import EscposImage  # noqa: E402

if not _already_imported:
    for _handler in list(_root.handlers):
        if _handler not in _handlers_before:
            _root.removeHandler(_handler)

for _module_name in ("usb", "network", "serial", "file", "cups", "lp", "win32raw"):
    _module = sys.modules.get(f"escpos.printer.{_module_name}")
    if _module is not None and hasattr(_module, "logging"):
        _module.logging = _LoggingShim()  # type: ignore[attr-defined]

CAPABILITIES_FILE = Path(capabilities.__file__).with_name("capabilities.json")


def pyinstaller_datas() -> list[tuple[str, str]]:
    """The ``datas`` entry a PyInstaller spec needs so escpos finds its printer database."""
    return [(str(CAPABILITIES_FILE), "escpos")]


def profile_names() -> list[str]:
    return sorted(capabilities.CAPABILITIES["profiles"])


__all__ = [
    "CAPABILITIES_FILE",
    "ESCPOS_LOGGER",
    "QR_ECLEVEL_M",
    "DeviceNotFoundError",
    "EscposError",
    "EscposImage",
    "capabilities",
    "escpos_printer",
    "profile_names",
    "pyinstaller_datas",
]
