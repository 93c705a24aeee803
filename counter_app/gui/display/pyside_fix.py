"""A guard against a PySide6 6.12.0 bug that aborts long-running windows on Python 3.11.

PySide6 6.12.0 drops one reference to ``None`` each time Python calls a Qt method that
returns void (``update()``, ``processEvents()``, ``QTimer.start()``...), and one to
``True`` or ``False`` each time a signal's ``emit()`` returns. On Python 3.12 and later
these are immortal (PEP 683) and nothing happens; on 3.11 the counts fall by hundreds a
second in a busy window (the lobby display's ticker alone makes 60 void calls a second)
and the process aborts with "Fatal Python error: none_dealloc" (or bool_dealloc) when
one reaches zero: within minutes. PySide6 6.11.2 does not have the bug.

``protect_none()`` looks for the leak and, only where it is found on CPython before
3.12, gives ``None``, ``True`` and ``False`` reference counts so large they can never
run out, which is what Python 3.12 does for them. The real cure is a PySide6 without
the bug (or Python 3.12): then the probe finds nothing and this does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_PROBE_CALLS = 200
_MARGIN = 1 << 40  # at 10,000 lost references a second: 3,000 years
_checked = False
_protected = False


def leaks_none() -> bool:
    """Whether calling a void Qt method lowers None's reference count."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("")
    return before - sys.getrefcount(None) >= _PROBE_CALLS // 2


def protect_none() -> bool:
    """Make None immortal if this PySide6 leaks it; True if it did. Safe to call often."""
    global _checked, _protected
    if _checked:
        return _protected
    _checked = True
    immortal = sys.version_info >= (3, 12) or sys.implementation.name != "cpython"
    debug_build = hasattr(sys, "gettotalrefcount")  # a different object layout
    if immortal or debug_build or not leaks_none():
        return False
    import PySide6

    log.warning(
        "PySide6 %s loses references to None, True and False on Python %d.%d; working around it "
        "(install a PySide6 other than 6.12.0, or use Python 3.12+)",
        PySide6.__version__,
        *sys.version_info[:2],
    )
    # ob_refcnt is the first field of every object in a release build of CPython.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _MARGIN
    _protected = True
    return True
