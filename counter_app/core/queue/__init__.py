"""The queue: issuing, admitting and calling tickets under the office's rules.

Queue is one class made of parts, each a module with one job:

- base: construction, time and clock, the rules in force, lookups, the event log's
  writer, a ticket's plain value
- day: the write transaction (the hall's lock, the day change, the outside line's
  admission) and where an arriving group goes (by core/hall.py's rule)
- issuing, calling, prints: the operations of the desk, the counters and the printers
- bookings: numbers booked from home, and their check-in at the door
- reads: tickets, status and the call log, read without the lock
- retention: the event log for audits and reports, and the purge of old days
- rules: publishing this station's queue rules to every station
- codes: ticket codes and scans, without the database
"""

from __future__ import annotations

from counter_app.core.clock import Clock, SystemClock
from counter_app.core.config import Config
from counter_app.core.queue.base import lock_hall
from counter_app.core.queue.bookings import Bookings
from counter_app.core.queue.calling import Calling
from counter_app.core.queue.codes import format_code, malformed_payload, parse_code, require_code
from counter_app.core.queue.day import NOTIFY_CHANNEL
from counter_app.core.queue.prints import Prints
from counter_app.core.queue.reads import Reads
from counter_app.core.queue.retention import Retention
from counter_app.core.queue.rules import SharedRules
from counter_app.storage.db import DatabaseError, open_database

# DatabaseError is re-exported for the windows, which may not import the storage layer.
__all__ = [
    "NOTIFY_CHANNEL",
    "Clock",
    "DatabaseError",
    "Queue",
    "SystemClock",
    "format_code",
    "lock_hall",
    "malformed_payload",
    "open_queue",
    "parse_code",
    "require_code",
]


class Queue(Bookings, Calling, Prints, Reads, Retention, SharedRules):
    """The queue of one office, shared through its database by every station."""


def open_queue(config: Config, *, clock: Clock | None = None, create: bool = False) -> Queue:
    """The queue on the configured database, migrated; raises DatabaseError. A missing
    SQLite file is made only on the first run or with ``create`` (a new, throwaway queue).

    For front ends that may not import the storage layer themselves (the windows).
    """
    db = open_database(config.database_url, create=create or config.may_create_database)
    return Queue(db, config, clock=clock)
