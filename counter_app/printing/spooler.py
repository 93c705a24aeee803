"""The print spooler: one worker thread draining a FIFO of jobs, off the caller's thread.

The pattern is Electrum's TaskThread: callers enqueue and get a Future back at once;
the worker runs jobs strictly in order, so tickets come out of the printer in the
order they were issued. Every attempt runs under a watchdog, retries back off, and
every submitted job is reported exactly once through ``on_result`` (printed, failed
with its reason, or failed because the spooler stopped), so no ticket is forgotten.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import TypeVar

from counter_app.core.model import PrintStatus
from counter_app.printing import texts
from counter_app.printing.job import Delivery, PrintError, PrintJob, PrintOutcome

log = logging.getLogger(__name__)

ResultCallback = Callable[[PrintJob, PrintStatus, "str | None", int], None]
SendFn = Callable[[PrintJob], Delivery]
BACKOFF: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0)  # s before retry 1, 2, 3, 4 and on

T = TypeVar("T")


def call_with_deadline(fn: Callable[[], T], deadline: float, *, on_timeout: Exception) -> T:
    """Run ``fn`` in a helper thread and give up waiting after ``deadline`` seconds.

    The helper is a daemon and is abandoned, not killed (Python cannot kill a thread
    stuck in a driver call); the next attempt opens a fresh connection anyway.
    """
    result: list[T] = []
    error: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # handed over to the waiting thread
            error.append(exc)
        finally:
            done.set()

    helper = threading.Thread(target=run, name="printer-io", daemon=True)
    helper.start()
    if not done.wait(deadline):
        raise on_timeout
    if error:
        raise error[0]
    return result[0]


class Retrier:
    """Runs one job to its outcome: attempts under the watchdog, backoff in between."""

    def __init__(
        self,
        send: SendFn,
        *,
        retries: int,
        deadline: float,
        backoff: Sequence[float],
        lang: str,
        stopping: threading.Event,
    ) -> None:
        self.send = send
        self.retries = retries
        self.deadline = deadline
        self.backoff = tuple(backoff) or (0.0,)
        self.lang = lang
        self.stopping = stopping

    def run(self, job: PrintJob) -> PrintOutcome:
        started = time.monotonic()
        attempts = 0
        while True:
            attempts += 1
            stuck = PrintError(
                "no_answer",
                texts.word(self.lang, "stuck", s=texts.seconds(round(self.deadline, 1))),
            )
            try:
                delivery = call_with_deadline(
                    lambda: self.send(job), self.deadline, on_timeout=stuck
                )
            except PrintError as exc:
                failure = exc
            except Exception as exc:  # a bug or an unmapped driver error: fail, keep going
                log.exception("printing %s failed unexpectedly", job.code)
                failure = PrintError(
                    "unexpected",
                    texts.word(self.lang, "unexpected", detail=str(exc) or type(exc).__name__),
                    retryable=False,
                )
            else:
                return PrintOutcome(
                    job=job,
                    status=delivery.status,
                    error=None,
                    attempts=attempts,
                    note=delivery.note,
                    seconds=time.monotonic() - started,
                )
            log.info("printing %s, attempt %d: %s", job.code, attempts, failure.reason)
            last = attempts > self.retries or not failure.retryable
            delay = self.backoff[min(attempts - 1, len(self.backoff) - 1)]
            if last or self.stopping.wait(delay):
                return PrintOutcome(
                    job=job,
                    status=PrintStatus.FAILED,
                    error=failure.reason,
                    attempts=attempts,
                    code=failure.code,
                    seconds=time.monotonic() - started,
                )


_Item = tuple[PrintJob, "Future[PrintOutcome]"]


class Spooler:
    """One worker thread, a FIFO of jobs, outcomes through Futures and ``on_result``.

    ``on_result(job, status, error, attempts)`` runs on the worker thread; a GUI must
    marshal it to its own thread. It is called before the job's Future completes, so
    whoever waits on the Future sees the outcome already stored.
    """

    def __init__(
        self,
        send: SendFn,
        *,
        retries: int = 2,
        attempt_timeout: float = 10.0,
        on_result: ResultCallback | None = None,
        backoff: Sequence[float] = BACKOFF,
        lang: str = "id",
        name: str = "ticket-spooler",
    ) -> None:
        self._stopping = threading.Event()
        self._retrier = Retrier(
            send,
            retries=retries,
            deadline=attempt_timeout,
            backoff=backoff,
            lang=lang,
            stopping=self._stopping,
        )
        self.on_result = on_result
        self.lang = lang
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._pending = 0
        self._stopped = False
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        """Jobs submitted and not finished yet (the one printing included)."""
        with self._lock:
            return self._pending

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and not self._stopped

    def submit(self, job: PrintJob) -> Future[PrintOutcome]:
        future: Future[PrintOutcome] = Future()
        with self._lock:
            if self._stopped:
                raise RuntimeError("the print spooler has been stopped")
            self._pending += 1
            self._queue.put((job, future))
        return future

    def print_now(self, job: PrintJob, timeout: float | None = None) -> PrintOutcome:
        """Print and wait (the command line). In order after any queued jobs."""
        if threading.current_thread() is self._thread:  # from inside on_result
            return self._retrier.run(job)
        return self.submit(job).result(timeout)

    def stop(self, timeout: float | None = 10.0) -> None:
        """Finish the job being printed (retries cut short); fail the ones still queued."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._stopping.set()
        self._queue.put(None)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:  # stop()
                break
            job, future = item
            if not future.set_running_or_notify_cancel():  # the caller withdrew it
                with self._lock:
                    self._pending -= 1
                continue
            if self._stopping.is_set():
                outcome = PrintOutcome(
                    job=job,
                    status=PrintStatus.FAILED,
                    error=texts.word(self.lang, "stopped"),
                    attempts=0,
                    code="stopped",
                )
            else:
                outcome = self._retrier.run(job)
            self._finish(job, future, outcome)

    def _finish(self, job: PrintJob, future: Future[PrintOutcome], outcome: PrintOutcome) -> None:
        if self.on_result is not None:
            try:
                self.on_result(job, outcome.status, outcome.error, outcome.attempts)
            except Exception:  # a failing callback must not stop the printing
                log.exception("on_result failed for %s", job.code)
        with self._lock:
            self._pending -= 1
        future.set_result(outcome)
