"""The configuration file: read with bounds, parsed as TOML, written as the sample on a
first run; and the --db override."""

from __future__ import annotations

import os
import re
import secrets
import stat
import tomllib
from pathlib import Path
from typing import Any

from counter_app.core import paths
from counter_app.core.config.database_url import database_url_problem
from counter_app.core.config.errors import ConfigError
from counter_app.core.config.sections import Config, DatabaseSettings
from counter_app.core.config.validation import dotted_key, parse_config

# A configuration is a few kilobytes nested three deep. Past these bounds a file is not
# one: /dev/zero would be read for ever, and tomllib recurses once per nested array or
# inline table, so 5,000 of them end in a RecursionError rather than an answer.
MAX_CONFIG_BYTES = 1_000_000
MAX_NESTING = 16


def load_config(path: Path) -> Config:
    text = _config_text(path)
    too_deep = f"nested deeper than {MAX_NESTING} levels"
    line = _deep_bracket_line(text)
    if line is not None:
        raise ConfigError(path, [("", f"{too_deep} (line {line})")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [("", f"TOML syntax error: {exc}")]) from None
    except RecursionError:  # a nesting the scan did not see: still no traceback
        raise ConfigError(path, [("", too_deep)]) from None
    key = _deep_key(data)
    if key is not None:  # dotted keys (a.b.c = 1) nest without a bracket
        raise ConfigError(path, [(key, too_deep)])
    return parse_config(data, path)


def _config_text(path: Path) -> str:
    """The file's text; a device, pipe, folder or oversized file is refused unread."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ConfigError(
            path, [("", "file not found (counter-app init-config writes one)")]
        ) from None
    except IsADirectoryError:
        raise ConfigError(path, [("", "is a folder, not a file")]) from None
    except OSError as exc:
        raise ConfigError(path, [("", f"cannot read: {exc.strerror or exc}")]) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ConfigError(path, [("", "is a folder, not a file")])
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(path, [("", "not a regular file (a device or a pipe)")])
        if st.st_size > MAX_CONFIG_BYTES:
            raise ConfigError(path, [("", _too_large(f"{st.st_size:,} bytes"))])
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)  # and a file that grows meanwhile stops here
    except OSError as exc:
        raise ConfigError(path, [("", f"cannot read: {exc.strerror or exc}")]) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(path, [("", _too_large(f"over {MAX_CONFIG_BYTES:,} bytes"))])
    try:
        # utf-8-sig: Windows Notepad starts a UTF-8 file with a byte-order mark
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, [("", f"not UTF-8 text (byte {exc.start})")]) from None


def _too_large(size: str) -> str:
    return f"too large for a configuration file ({size}; at most 1 MB)"


# Where a bracket does not nest: in a string (the multi-line kinds first, as they start
# like the short ones; escapes only in basic strings) or a comment.
_TOML_SCAN = re.compile(
    r'"""(?:\\[\s\S]|[^\\])*?"""(?:""?)?'
    r"|'''[\s\S]*?'''(?:''?)?"
    r'|"(?:\\.|[^"\\\n])*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]"
)


def _deep_bracket_line(text: str) -> int | None:
    """The line where arrays and inline tables nest deeper than MAX_NESTING, found
    before tomllib recurses into them."""
    depth = 0
    for token in _TOML_SCAN.finditer(text):
        found = token.group()
        if found in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, token.start()) + 1
        elif found in ("]", "}"):
            depth = max(0, depth - 1)
    return None


def _deep_key(data: dict[str, Any]) -> str | None:
    """The key of a value nested deeper than MAX_NESTING, found without recursion."""
    stack: list[tuple[object, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) > MAX_NESTING:
            return dotted_key(loc[: MAX_NESTING + 1])
        if isinstance(value, dict):
            stack.extend((item, (*loc, key)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*loc, i)) for i, item in enumerate(value))
    return None


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def sample_config(secret: str | None = None) -> str:
    """The commented sample that init-config writes, with a fresh secret."""
    template = paths.resource_path("config", "sample.toml").read_text(encoding="utf-8")
    return template.replace("@SECRET@", secret or new_secret())


def write_sample(path: Path, *, overwrite: bool = False) -> Path:
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(sample_config(), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise ConfigError(path, [("", f"cannot write: {exc.strerror or exc}")]) from None
    return path


def load_or_init(path: Path | None) -> tuple[Config, Path]:
    """Load the given config; with none given, the user's default, created on first run."""
    first_run = False
    if path is None:
        path = paths.default_config_path()
        if not path.exists():
            write_sample(path)
            first_run = True
    cfg = load_config(path)
    cfg._first_run = first_run
    return cfg, path


def load(path: Path | None, db_url: str | None = None) -> tuple[Config, Path]:
    """load_or_init, with the database URL given on the command line (--db) applied."""
    cfg, path = load_or_init(path)
    if db_url is not None:
        problem = database_url_problem(db_url)
        if problem:
            raise ConfigError("--db", [("", problem)])
        cfg = cfg.model_copy(update={"database": DatabaseSettings(url=db_url)})
    return cfg, path
