"""The checks of a database URL, for `[database] url` and `--db` alike."""

from __future__ import annotations


def database_url_problem(url: str) -> str | None:
    """What is wrong with a database URL, for `[database] url` and `--db` alike."""
    if not url.strip():
        return "must not be empty (leave it out for the SQLite file in the user data folder)"
    shown = url if len(url) <= 80 else f"{url[:60]}… ({len(url)} characters)"
    if not url.startswith(("sqlite", "postgresql")):
        return f"must start with sqlite:/// or postgresql+psycopg:// (got {shown!r})"
    if len(url) > 2000:
        return f"is too long ({len(url)} characters)"
    from sqlalchemy.engine import make_url  # only here: loading a config needs no SQLAlchemy

    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy's ArgumentError and whatever its parser raises
        return f"is not a database URL ({exc})"
    text_parts = (parsed.database or "", parsed.host or "", parsed.username or "")
    if any(ord(ch) < 32 for part in text_parts for ch in part):
        return "contains a control character (a %00 or similar)"
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            return f"SQLite is opened by Python's own sqlite3: write sqlite:///PATH (got {shown!r})"
        if not parsed.database or parsed.database == ":memory:":
            return (
                "needs a file path: sqlite:///C:/antrean/queue.sqlite3 or sqlite:////var/lib/q.db"
            )
        if parsed.query:
            return f"takes no options after '?' for SQLite ({', '.join(sorted(parsed.query))})"
        return None
    if backend == "postgresql" and driver not in ("", "psycopg"):
        return (
            "counter-app reaches PostgreSQL through psycopg 3: write postgresql+psycopg://… "
            f"or postgresql://… (got driver {driver!r})"
        )
    if backend != "postgresql":
        return f"must start with sqlite:/// or postgresql+psycopg:// (got {shown!r})"
    return None
