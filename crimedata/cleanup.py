"""What killed imports leave behind, and runs whose worker died.

An import holds an exclusive lock on the crime store (`import_lock`) from its first file to its
commit. Whoever holds the lock may remove everything in the store that no committed ForceMonth
references: Parquet files placed by a killed import and `.staging-*` folders. A running ImportRun
whose heartbeat is older than CRIME_IMPORT_HEARTBEAT_SECONDS has lost its worker: it is marked
failed and its upload removed. Runs are checked on every import, on the crime data pages and by
`manage.py crime_data_clean`, which also cleans the store when no import is running.
"""

import contextlib
import fcntl
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from core.input import limit
from crimedata.store import data_dir

if TYPE_CHECKING:
    from crimedata.models import ImportRun

LOCK_NAME = ".import.lock"
UPLOAD_FOLDER = "crimedata-uploads"
DEAD_RUN_MESSAGE = (
    "The import stopped: the background worker running it ended (it was restarted or killed) before "
    "it finished. Nothing from this file was imported; upload it again."
)


@dataclass
class CleanReport:
    failed_runs: list[int] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    store_locked: bool = False

    def lines(self) -> list[str]:
        out = [f"Marked {len(self.failed_runs)} stopped import run(s) as failed."]
        if self.store_locked:
            out.append("An import is running, so the crime store was left alone; run this again later.")
        out.append(f"Removed {len(self.removed)} leftover file(s) or folder(s).")
        out += [f"  {name}" for name in self.removed]
        return out


_held = threading.local()


@contextlib.contextmanager
def import_lock(*, wait: bool = True) -> Iterator[bool]:
    """Hold the store's import lock; yields False (without it) when `wait` is False and it is taken.

    Re-entrant within a thread (a queued run holds it from start to finish, and the import inside
    it asks again). The operating system drops the lock when its process dies, so a free lock
    beside a "running" run means that run's worker is gone.
    """
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield True
        finally:
            _held.depth -= 1
        return
    root = data_dir()
    root.mkdir(parents=True, exist_ok=True)
    with (root / LOCK_NAME).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        _held.depth = 1
        try:
            yield True
        finally:
            _held.depth = 0
            fcntl.flock(handle, fcntl.LOCK_UN)


def dead_runs_fail() -> list[int]:
    """Mark running imports whose worker is gone as failed, and remove their uploads.

    A run holds the import lock from start to finish: when the lock is free, every "running" run
    has lost its worker. Otherwise (the lock is held here or elsewhere) a run whose heartbeat is
    older than CRIME_IMPORT_HEARTBEAT_SECONDS is dead.
    """
    from crimedata.models import ImportRun

    running = ImportRun.objects.filter(status=ImportRun.Status.RUNNING)
    if not running.exists():
        return []
    with import_lock(wait=False) as free:
        if free and getattr(_held, "depth", 0) == 1:  # taken here, not merely re-entered by a run
            return _fail(list(running))  # decided while holding the lock: no run can start meanwhile
    cutoff = timezone.now() - timedelta(seconds=limit("CRIME_IMPORT_HEARTBEAT_SECONDS"))
    return _fail(
        list(running.filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)))
    )


def _fail(dead: list["ImportRun"]) -> list[int]:
    from crimedata.models import ImportRun

    failed = []
    for run in dead:
        updated = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.RUNNING).update(
            status=ImportRun.Status.FAILED, message=DEAD_RUN_MESSAGE, finished_at=timezone.now()
        )
        if updated:
            failed.append(run.pk)
            upload_remove(run.upload_path)
    return failed


def upload_remove(upload_path: str) -> None:
    """Delete an uploaded file and its folder (each upload has a folder of its own)."""
    if not upload_path:
        return
    path = Path(settings.MEDIA_ROOT) / upload_path
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        path.parent.rmdir()


def store_clean() -> list[str]:
    """Remove what no committed import references. Call only while holding `import_lock`."""
    from crimedata.models import ForceMonth

    root = data_dir()
    removed: list[str] = []
    if not root.exists():
        return removed
    for staging in root.glob(".staging-*"):
        shutil.rmtree(staging, ignore_errors=True)
        removed.append(staging.name)
    referenced = set(ForceMonth.objects.values_list("parquet_path", flat=True))
    for path in root.rglob("*.parquet"):
        relative = path.relative_to(root).as_posix()
        if relative not in referenced:
            path.unlink(missing_ok=True)
            removed.append(relative)
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    return removed + _uploads_clean()


def _uploads_clean() -> list[str]:
    """Upload folders no queued or running import uses (older than the heartbeat limit, so an
    upload being saved right now is never taken)."""
    from crimedata.models import ImportRun

    folder = Path(settings.MEDIA_ROOT) / UPLOAD_FOLDER
    if not folder.exists():
        return []
    live = ImportRun.objects.filter(status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING])
    in_use = {Path(p).parts[1] for p in live.values_list("upload_path", flat=True) if len(Path(p).parts) > 1}
    oldest = time.time() - limit("CRIME_IMPORT_HEARTBEAT_SECONDS")
    removed = []
    for upload in folder.iterdir():
        if upload.name not in in_use and upload.stat().st_mtime < oldest:
            shutil.rmtree(upload, ignore_errors=True) if upload.is_dir() else upload.unlink(missing_ok=True)
            removed.append(f"{UPLOAD_FOLDER}/{upload.name}")
    return removed


def crime_data_clean() -> CleanReport:
    """Fail dead runs; clean the store and uploads unless an import holds the lock."""
    report = CleanReport(failed_runs=dead_runs_fail())
    with import_lock(wait=False) as locked:
        if locked and getattr(_held, "depth", 0) == 1:  # not inside an import of this thread
            report.removed = store_clean()
        else:
            report.store_locked = True
    return report
