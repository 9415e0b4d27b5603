"""Writes to crime data: police.uk imports (now or as a background run) and reference tables."""

import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.errors import AccessDenied, ServiceError
from crimedata import access, cleanup
from crimedata.importer import ImportSummary, discover, import_street_files
from crimedata.importer.load import Progress
from crimedata.models import ImportRun

log = logging.getLogger(__name__)
UPLOAD_FOLDER = cleanup.UPLOAD_FOLDER


def police_uk_import(  # type: ignore[no-untyped-def]
    *,
    user,
    paths: list[Path],
    is_example: bool = False,
    progress: Progress | None = None,
    source_prefix: str = "",
) -> ImportSummary:
    """Import street files, folders and zip archives all or nothing (see crimedata.importer)."""
    files, skipped = discover(paths)
    return import_street_files(
        files,
        user=user,
        skipped=skipped,
        is_example=is_example,
        progress=progress,
        source_prefix=source_prefix,
    )


def import_run_create(*, user, upload: UploadedFile) -> ImportRun:  # type: ignore[no-untyped-def]
    """Save an uploaded CSV or zip and queue its import in the background."""
    if not access.can_manage_crime_data(user):
        raise AccessDenied("Only site administrators can import crime data.")
    name = Path(upload.name or "upload").name
    suffix = Path(name).suffix.lower()
    if suffix not in {".csv", ".zip"}:
        raise ServiceError("Choose a police.uk street CSV file or a zip archive.")
    folder = Path(settings.MEDIA_ROOT) / UPLOAD_FOLDER / uuid.uuid4().hex
    folder.mkdir(parents=True)
    target = folder / (name if suffix == ".csv" else f"upload{suffix}")
    with target.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    with transaction.atomic():
        run = ImportRun.objects.create(
            file_name=name, upload_path=target.relative_to(settings.MEDIA_ROOT).as_posix(), created_by=user
        )
    from crimedata.tasks import run_police_uk_import

    transaction.on_commit(lambda: run_police_uk_import.enqueue(run.pk))
    return run


def import_run_execute(run_id: int) -> None:
    """Run a queued import (called by the background task), recording progress on the run."""
    cleanup.dead_runs_fail()
    run = ImportRun.objects.select_related("created_by").get(pk=run_id)
    if run.is_finished:
        cleanup.upload_remove(run.upload_path)
        return
    path = Path(settings.MEDIA_ROOT) / run.upload_path

    def progress(percent: int, message: str) -> None:
        ImportRun.objects.filter(pk=run.pk).update(
            progress=max(0, min(percent, 100)),
            message=message,
            status=ImportRun.Status.RUNNING,
            heartbeat_at=timezone.now(),
        )

    with cleanup.import_lock():  # held until the run ends: a free lock means its worker is gone
        progress(0, "Starting")
        try:
            summary = police_uk_import(
                user=run.created_by, paths=[path], progress=progress, source_prefix="upload: "
            )
        except ServiceError as exc:
            _finish(run, ImportRun.Status.FAILED, str(exc).replace(str(path), run.file_name))
        except Exception as exc:  # a bug or an outage: record it, keep the worker alive
            log.exception("police.uk import run %s failed", run.pk)
            _finish(run, ImportRun.Status.FAILED, f"The import failed unexpectedly ({type(exc).__name__}).")
        else:
            run.rows = summary.rows
            run.force_months = len(summary.force_months)
            message = "\n".join(summary.lines()).replace(str(path), run.file_name)
            _finish(run, ImportRun.Status.DONE, message)
        finally:
            cleanup.upload_remove(run.upload_path)


def _finish(run: ImportRun, status: str, message: str) -> None:
    run.status = status
    run.message = message
    run.progress = 100
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "message", "progress", "finished_at", "rows", "force_months"])
