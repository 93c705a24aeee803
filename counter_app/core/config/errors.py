"""The one error a configuration problem raises, whichever part of the loader finds it."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A configuration problem a person can fix: file, key and what is wrong."""

    def __init__(self, path: Path | str | None, problems: list[tuple[str, str]]) -> None:
        self.path = Path(path) if path is not None else None
        self.problems = problems
        where = str(self.path) if self.path is not None else "<config>"
        lines = [
            f"{where}: {key}: {problem}" if key else f"{where}: {problem}"
            for key, problem in problems
        ]
        super().__init__("\n".join(lines))
