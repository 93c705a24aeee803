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
* pointed at a lasting cache folder instead, it writes the pickle in place, so a second
  station window starting at the same moment reads a half-written file and dies
  (EOFError), and a file truncated by a power cut stops every later start. So the
  cache is written here, whole, and renamed into place; a damaged one is rewritten.

Everything in counter_app.printing imports escpos names from here.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import pickle
import platform
import sys
import tempfile
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
        cache = Path(platformdirs.user_cache_dir(paths.APP_NAME)) / "escpos"
        if cache_capabilities(cache, _capabilities_source()):
            os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(cache)
        # else python-escpos parses the YAML into its own temporary folder, as it would


def _capabilities_source() -> Path:
    if "ESCPOS_CAPABILITIES_FILE" in os.environ:
        return Path(os.environ["ESCPOS_CAPABILITIES_FILE"])
    spec = importlib.util.find_spec("escpos")  # where it is, without running its import
    assert spec is not None and spec.submodule_search_locations is not None
    return Path(next(iter(spec.submodule_search_locations))) / "capabilities.json"


def cache_capabilities(cache: Path, source: Path) -> bool:
    """Leave in ``cache`` the complete pickle python-escpos looks for, newer than ``source``.

    True when it is there. A missing, stale or damaged pickle is rebuilt in a file of
    this process's own and renamed over the old one, so another process starting at the
    same moment sees the old file or the new one, never half of either.
    """
    target = cache / f"{platform.python_version()}.capabilities.pickle"
    try:
        if target.stat().st_mtime >= source.stat().st_mtime:
            with target.open("rb") as stream:
                pickle.load(stream)
            return True
    except Exception:  # missing, truncated, unreadable: rebuild it
        pass
    import yaml  # python-escpos's own dependency, and its own way of reading the file

    try:
        cache.mkdir(parents=True, exist_ok=True)
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        fd, partial = tempfile.mkstemp(dir=cache, prefix=".capabilities-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump(data, stream, protocol=2)
            os.replace(partial, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
    except (OSError, yaml.YAMLError):
        return False
    return bool(data)


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
