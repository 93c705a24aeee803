"""The one error a configuration problem raises, whichever part of the loader finds it."""

from __future__ import annotations

from pathlib import Path

from pydantic_core import PydanticCustomError

from counter_app.core import words


class Problem(str):
    """One problem in the loader's English (``config.<kind>`` in core/words), keeping its
    kind and fields so a window can say the same problem in its own language."""

    kind: str
    fields: dict[str, str]

    def __new__(cls, kind: str, /, **fields: str) -> Problem:
        problem = super().__new__(cls, words.text(f"config.{kind}", "en", **fields))
        problem.kind = kind
        problem.fields = fields
        return problem

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, str]]:
        return (self.kind,), self.fields  # so a copy or a pickle is made the same way


def invalid(error: str, /, **fields: str) -> PydanticCustomError:
    """What a validator raises: pydantic hands the kind and the fields on to the loader."""
    return PydanticCustomError(error, words.book("en")[f"config.{error}"], fields)


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
