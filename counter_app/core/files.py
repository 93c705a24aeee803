"""Writing a file whole or not at all: the one way the app replaces a file it owns."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` beside it, synced, then renamed over it: a full disk or a
    crash leaves the old file (or none) and never half of the new one. An existing file
    keeps its mode (a configuration kept readable only by staff stays so); a new one is
    readable by its owner only. Raises OSError, the temporary file removed."""
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # a full disk may say so only now
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_text(path: Path, text: str) -> None:
    """Write ``text`` to a file the user named (a report, an export) whole or not at all.

    A file (new or not) is written beside itself, synced, then renamed over the old one
    (:func:`replace_file`), so a full disk leaves the old file as it was and no half table;
    a link goes on pointing at it. A device or a pipe (``/dev/stdout``) has no place beside
    it and is written directly. An OSError names ``path``, whichever file failed.
    """
    try:
        try:
            st: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(path, "w", encoding="utf-8") as fh:  # a folder fails here, named
                fh.write(text)
            return
        replace_file(Path(os.path.realpath(path)), text)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
