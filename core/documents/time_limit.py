"""A time budget for building a document, so no input can keep a worker busy for minutes.

The budget is a real-time alarm (SIGALRM), which interrupts WeasyPrint's layout between Python
bytecodes. Signals reach only the main thread: that is where gunicorn's sync workers, management
commands and the task worker build documents; in a thread (the development server) the limit does
not apply, and the Markdown limits (`core/text.py`) still bound the cost.
"""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from django.conf import settings

from core.errors import ServiceError


class DocumentTooSlow(ServiceError):
    """Building the document took longer than DOCUMENT_TIME_LIMIT_SECONDS."""


@contextmanager
def document_time_limit(what: str, seconds: float | None = None) -> Iterator[None]:
    budget = settings.DOCUMENT_TIME_LIMIT_SECONDS if seconds is None else seconds
    if budget <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    message = (
        f"Building the {what} took longer than {budget:g} seconds and was stopped. "
        "Shorten or simplify the longest texts (for example heavy formatting) and try again."
    )
    expired = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal expired
        expired = True
        raise DocumentTooSlow(message)

    previous = signal.signal(signal.SIGALRM, stop)
    # The alarm repeats: a renderer that swallows the first exception is interrupted again.
    signal.setitimer(signal.ITIMER_REAL, budget, 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:  # interrupted, but something swallowed it: the result cannot be trusted
        raise DocumentTooSlow(message)
