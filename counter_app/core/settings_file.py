"""Editing the configuration file in place: values changed, comments and layout kept.

The settings dialog sets values by the keys the loader names in its messages
(``capacity.limit``, ``services[2].daily_quota``, people count from 1), checks the whole
file with the loader's own rules (``parse_config``) and writes it back atomically, so a
value the dialog accepts is exactly one the app will start with.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from counter_app.core.config import Config, ConfigError, parse_config
from counter_app.core.files import replace_file

_PART_RE = re.compile(r"([a-z_]+)(?:\[([0-9]+)\])?")


class SettingsFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise ConfigError(path, [("", f"cannot read: {exc.strerror or exc}")]) from None
        except UnicodeDecodeError as exc:
            raise ConfigError(path, [("", f"not UTF-8 text (byte {exc.start})")]) from None
        try:
            self.doc: TOMLDocument = tomlkit.parse(text)
        except tomlkit.exceptions.ParseError as exc:
            raise ConfigError(path, [("", f"TOML syntax error: {exc}")]) from None

    def _parent(self, key: str, *, create: bool) -> tuple[Any, str]:
        parts = key.split(".")
        node: Any = self.doc
        for part in parts[:-1]:
            m = _PART_RE.fullmatch(part)
            if m is None:
                raise KeyError(key)
            name, index = m.group(1), m.group(2)
            if name not in node:
                if not create or index is not None:
                    raise KeyError(key)
                node.add(name, tomlkit.table())
            node = node[name]
            if index is not None:
                if not isinstance(node, AoT | list) or not 1 <= int(index) <= len(node):
                    raise KeyError(key)
                node = node[int(index) - 1]
            if not isinstance(node, Table | TOMLDocument | dict):
                raise KeyError(key)
        return node, parts[-1]

    def get(self, key: str) -> Any:
        try:
            parent, name = self._parent(key, create=False)
        except KeyError:
            return None
        value = parent.get(name)
        return value.unwrap() if hasattr(value, "unwrap") else value

    def set(self, key: str, value: Any) -> None:
        """Set ``key`` (None removes it, so the default applies); its comment stays."""
        parent, name = self._parent(key, create=value is not None)
        if value is None:
            if name in parent:
                del parent[name]
        elif parent.get(name) != value or type(parent.get(name)) is not type(value):
            parent[name] = value

    def count(self, key: str) -> int:
        value = self.doc.get(key)
        return len(value) if isinstance(value, AoT | list) else 0

    def check(self) -> Config:
        """The file as it would load now; raises ConfigError naming each key at fault."""
        return parse_config(self.doc.unwrap(), self.path)

    def text(self) -> str:
        return tomlkit.dumps(self.doc)

    def save(self) -> Config:
        """Check, then replace the file in one step (a crash leaves the old or the new)."""
        config = self.check()
        try:
            # The file holds the database password, the ticket secret and the PIN's hash:
            # replace_file keeps a file readable only by staff (chmod 600) so.
            replace_file(self.path, self.text())
        except OSError as exc:
            raise ConfigError(self.path, [("", f"cannot write: {exc.strerror or exc}")]) from None
        return config
