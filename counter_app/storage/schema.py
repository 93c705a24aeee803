"""Tables of the queue, as SQLAlchemy 2 typed models.

The schema is owned by the Alembic migrations in storage/migrations; these models
must describe the same thing (a test compares them with the migrated database).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# SQLite only makes an INTEGER PRIMARY KEY an alias of the rowid; BIGINT would not autoincrement.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (which stores naive text) too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class Hall(Base):
    """One row. Every write transaction locks it first, so queue operations are serialised
    across processes and PCs; `version` tells the windows that something changed."""

    __tablename__ = "hall"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date | None] = mapped_column(Date)  # the office day the open tickets belong to
    seq: Mapped[int] = mapped_column(BigInteger, default=0)  # orders the lines
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    # The clock of the last write (core/clock.py): no station may write behind it, and on
    # SQLite the boot and wall-minus-monotonic offset tell a clock changed since then.
    last_write_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    clock_boot: Mapped[str | None] = mapped_column(String(80))
    clock_offset: Mapped[float | None] = mapped_column(Float)
    # capacity.fill = "fit": the ticket first in the outside line and how many tickets have
    # gone into the hall past it (core/hall.py's fill bounds them by capacity.max_pass).
    outside_head: Mapped[int | None] = mapped_column(BigInteger)
    outside_passes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ServiceDay(Base):
    """The numbering of one service on one day: the last number issued."""

    __tablename__ = "service_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(2), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class TicketRow(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    prefix: Mapped[str] = mapped_column(String(2))
    number: Mapped[int] = mapped_column(Integer)
    service: Mapped[str] = mapped_column(String(2))  # the line it is in now
    state: Mapped[str] = mapped_column(String(12))
    group_size: Mapped[int] = mapped_column(SmallInteger, default=1)
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    queue_seq: Mapped[int] = mapped_column(BigInteger)  # place in line (inside or outside)
    counter: Mapped[int | None] = mapped_column(Integer)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    admitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    print_status: Mapped[str] = mapped_column(String(8), default="pending")
    print_attempts: Mapped[int] = mapped_column(Integer, default=0)
    print_error: Mapped[str | None] = mapped_column(Text)
    station: Mapped[str | None] = mapped_column(String(64))
    # the finished document it comes for (documents.id), handed over when it is served
    document_id: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("uq_tickets_day_prefix_number", "day", "prefix", "number", unique=True),
        # call-next: the day's line of one service, priority first, then in order
        Index("ix_tickets_line", "day", "service", "state", "priority", "queue_seq"),
        # occupancy and the outside line
        Index("ix_tickets_day_state", "day", "state", "queue_seq"),
        # no counter ever has two called tickets, no ticket is at two counters
        Index(
            "uq_tickets_called_counter",
            "counter",
            unique=True,
            sqlite_where=text("state = 'called'"),
            postgresql_where=text("state = 'called'"),
        ),
        Index(
            "ix_tickets_print_failed",
            "day",
            sqlite_where=text("print_status = 'failed'"),
            postgresql_where=text("print_status = 'failed'"),
        ),
    )


class EventRow(Base):
    """Append-only log of every transition: what, when, at which counter and station."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str | None] = mapped_column(String(12))
    to_state: Mapped[str | None] = mapped_column(String(12))
    counter: Mapped[int | None] = mapped_column(Integer)
    station: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_ticket_events_day_id", "day", "id"),
        Index("ix_ticket_events_ticket_id", "ticket_id"),
    )


class DailyReportRow(Base):
    """A day's report (core.report.DayReport as JSON), kept when its tickets are purged."""

    __tablename__ = "daily_reports"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[str] = mapped_column(Text)


class PurgeRow(Base):
    """One purge of old tickets: events of days before `before_day` may be deleted."""

    __tablename__ = "purges"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    before_day: Mapped[date] = mapped_column(Date)
    tickets: Mapped[int] = mapped_column(Integer)
    events: Mapped[int] = mapped_column(Integer)
    station: Mapped[str | None] = mapped_column(String(64))


class QueueSettingsRow(Base):
    """One row: the queue rules every station follows once an admin saved them."""

    __tablename__ = "queue_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    station: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)


class BookingRow(Base):
    """A number booked from home for one service on one day (core/booking.py).

    ``number`` is its place in the service's booked series ("AD-005"); a cancelled
    booking frees it for the next. ``secret_hash`` is the SHA-256 of the link the
    visitor was given (the bearer's proof, never stored itself). The NIK is personal
    data: shown masked on staff screens, deleted with the day by retention."""

    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    service: Mapped[str] = mapped_column(String(2))
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12))
    nik: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(20))
    secret_hash: Mapped[str] = mapped_column(String(64))
    window_start: Mapped[datetime] = mapped_column(UTCDateTime)
    window_end: Mapped[datetime] = mapped_column(UTCDateTime)
    booked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    station: Mapped[str | None] = mapped_column(String(64))
    # the finished document it is booked to collect (documents.id), carried to its ticket
    document_id: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        # a number is held by one booking at a time; a cancelled one lets it go
        Index(
            "uq_bookings_number",
            "day",
            "service",
            "number",
            unique=True,
            sqlite_where=text("state != 'cancelled'"),
            postgresql_where=text("state != 'cancelled'"),
        ),
        # one active booking per NIK per service per day
        Index(
            "uq_bookings_nik",
            "day",
            "service",
            "nik",
            unique=True,
            sqlite_where=text("state IN ('booked', 'checked_in')"),
            postgresql_where=text("state IN ('booked', 'checked_in')"),
        ),
        Index("ix_bookings_nik", "nik"),
        Index("uq_bookings_secret_hash", "secret_hash", unique=True),
    )


class DocumentRow(Base):
    """A finished document waiting to be collected, then handed over (core/documents.py).

    ``number`` is the registration number the office gave the application, as in its
    export; ``nik`` (personal data, may be missing) lets a visitor find it without the
    number. A handed document keeps the ticket it was handed on; retention deletes it
    with that day's tickets. Tickets and bookings name it by ``document_id`` without a
    foreign key: SQLite adds one to an existing table only by rebuilding it, and every
    write of both happens in one queue transaction."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(32))
    nik: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(24))
    service: Mapped[str] = mapped_column(String(2))
    state: Mapped[str] = mapped_column(String(8))  # ready, handed
    finished_on: Mapped[date] = mapped_column(Date)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    handed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handed_day: Mapped[date | None] = mapped_column(Date)  # the office day, for the report
    ticket_id: Mapped[int | None] = mapped_column(BigInteger)  # the ticket it was handed on
    station: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("uq_documents_number", "number", unique=True),
        Index("ix_documents_nik", "nik"),
        Index("ix_documents_handed_day", "handed_day"),
    )
