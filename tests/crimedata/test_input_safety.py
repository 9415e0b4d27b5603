"""Bad police.uk input is refused naming file, line and column, leaving the database and the
store unchanged; killed imports leave nothing behind; dead runs are detected."""

import contextlib
import os
import threading
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import PoliceForce
from crimedata import cleanup, services
from crimedata.importer import ImportValidationError, discover
from crimedata.importer.validate import scan_file
from crimedata.models import CrimeCount, ForceMonth, ImportRun
from tests.crimedata.helpers import HEADER, row, write_street

pytestmark = pytest.mark.django_db


def snapshot(store: Path) -> tuple:
    files = (
        sorted(p.relative_to(store).as_posix() for p in store.rglob("*") if p.is_file())
        if store.exists()
        else []
    )
    return (
        list(ForceMonth.objects.values_list("parquet_path", "row_count")),
        CrimeCount.objects.count(),
        PoliceForce.objects.count(),
        [f for f in files if f != cleanup.LOCK_NAME],
    )


def refused(paths: list[Path], user) -> ImportValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportValidationError) as info:
        services.police_uk_import(user=user, paths=paths)
    return info.value


@pytest.fixture
def imported(tmp_path, world, crime_store):  # type: ignore[no-untyped-def]
    services.police_uk_import(user=world.site_admin, paths=[write_street(tmp_path / "ok", [row(), row()])])
    return snapshot(crime_store)


@pytest.mark.parametrize(
    ("field", "value", "column", "why"),
    [
        ("lsoa_name", "L" * 300, '9 ("LSOA name")', "300 characters long; it can have at most 200"),
        ("force_name", "F" * 1001, '3 ("Reported by")', "1,001 characters long; it can have at most 1,000"),
        ("location", "On or near\x00 High Street", '7 ("Location")', "NUL character"),
        ("lsoa_name", "Tonbridge\x1b 001A", '9 ("LSOA name")', "control character (code 27)"),
    ],
)
def test_bad_fields_are_refused_before_the_database(
    tmp_path, world, crime_store, imported, field, value, column, why
):
    path = write_street(tmp_path / "bad", [row(), row(**{field: value})])
    error = refused([path], world.site_admin)
    assert (error.line, error.column) == (3, column) and why in str(error) and path.name in str(error)
    assert snapshot(crime_store) == imported


def test_falls_within_longer_than_a_force_name_is_refused(tmp_path, world, crime_store, imported):
    line = row().split(",")
    line[3] = "F" * 201
    path = write_street(tmp_path / "bad", [",".join(line)])
    error = refused([path], world.site_admin)
    assert error.column == '4 ("Falls within")' and "at most 200" in str(error)
    assert snapshot(crime_store) == imported


def test_force_name_in_the_file_name_is_limited(tmp_path, world):
    path = write_street(tmp_path, [row()], force="f" * 70)
    error = refused([path], world.site_admin)
    assert "70 characters long; it can have at most 64" in str(error)
    with pytest.raises(CommandError, match="at most 64"):
        call_command("import_police_uk", str(path))


def test_zip_member_with_wrong_crc_names_archive_and_member(tmp_path, world, crime_store, imported):
    csv_path = write_street(tmp_path / "src", [row(), row()])
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as handle:
        handle.write(csv_path, f"2019-09/{csv_path.name}")
    data = archive.read_bytes()
    index = data.index(b"Burglary")
    archive.write_bytes(data[:index] + b"Burglarz" + data[index + 8 :])
    error = refused([archive], world.site_admin)
    assert "bad.zip" in str(error) and csv_path.name in str(error) and "damaged" in str(error)
    with pytest.raises(CommandError, match="damaged"):
        call_command("import_police_uk", str(archive))
    assert snapshot(crime_store) == imported


def test_upload_page_records_refusals_without_server_errors(
    client, world, crime_store, imported, django_capture_on_commit_callbacks
):
    client.force_login(world.site_admin)
    body = "\r\n".join([HEADER, row(lsoa_name="L" * 300)]) + "\r\n"
    for name, data in {
        "2019-09-kent-street.csv": body.encode(),
        f"2019-09-{'f' * 70}-street.csv": body.encode(),
        "upload.zip": b"PK\x03\x04 not a zip",
    }.items():
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("crimedata:upload"), {"file": SimpleUploadedFile(name, data)})
        assert response.status_code == 302, name
        run = ImportRun.objects.order_by("-pk").first()
        assert run is not None and run.status == "failed" and run.message, name
        assert client.get(response.url).status_code == 200
    assert snapshot(crime_store) == imported
    assert not any((Path(str(crime_store)).parent / "media").rglob("*.*"))  # every upload removed


def make_leftovers(store: Path) -> list[Path]:
    """What killed imports leave: placed but uncommitted Parquet files and staging folders."""
    stray = store / "force=kent" / "month=2019-10" / "deadbeef.parquet"
    staging = store / ".staging-0123" / "out-0"
    for path in (stray.parent, staging):
        path.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"PAR1")
    (staging / "x.parquet").write_bytes(b"PAR1")
    return [stray, staging.parent]


def test_next_import_removes_what_killed_imports_left(tmp_path, world, crime_store, imported):
    leftovers = make_leftovers(crime_store)
    services.police_uk_import(
        user=world.site_admin, paths=[write_street(tmp_path / "b", [row()], force="sussex")]
    )
    assert not any(path.exists() for path in leftovers)
    referenced = {crime_store / p for p in ForceMonth.objects.values_list("parquet_path", flat=True)}
    assert set(crime_store.rglob("*.parquet")) == referenced and len(referenced) == 2


def test_dead_run_is_failed_and_clean_command_removes_leftovers(
    client, world, crime_store, imported, settings
):
    upload = Path(settings.MEDIA_ROOT) / cleanup.UPLOAD_FOLDER / "abc" / "upload.zip"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"PK")
    stale = timezone.now() - timedelta(minutes=5)
    run = ImportRun.objects.create(
        file_name="upload.zip",
        upload_path=f"{cleanup.UPLOAD_FOLDER}/abc/upload.zip",
        status=ImportRun.Status.RUNNING,
        progress=85,
        heartbeat_at=stale,
        created_by=world.site_admin,
    )
    live = ImportRun.objects.create(
        file_name="live.zip", status=ImportRun.Status.RUNNING, heartbeat_at=timezone.now()
    )
    orphan = Path(settings.MEDIA_ROOT) / cleanup.UPLOAD_FOLDER / "old"
    orphan.mkdir()
    old = time.time() - 600
    os.utime(orphan, (old, old))
    leftovers = make_leftovers(crime_store)
    client.force_login(world.site_admin)
    with lock_held_elsewhere():  # another worker's import runs: only the stale heartbeat is dead
        page = client.get(reverse("crimedata:run", args=[run.pk])).content.decode()
    run.refresh_from_db()
    assert run.status == "failed" and "worker running it ended" in run.message and "Failed" in page
    assert not upload.exists() and ImportRun.objects.get(pk=live.pk).status == "running"
    call_command("crime_data_clean", stdout=(out := __import__("io").StringIO()))
    assert "Removed" in out.getvalue() and not orphan.exists()
    assert not any(path.exists() for path in leftovers)
    assert snapshot(crime_store) == imported


def test_clean_leaves_the_store_alone_while_an_import_runs(crime_store, imported):
    leftovers = make_leftovers(crime_store)
    with cleanup.import_lock():
        report = cleanup.crime_data_clean()
    assert report.store_locked and all(path.exists() for path in leftovers)
    with lock_held_elsewhere():
        report = cleanup.crime_data_clean()
    assert report.store_locked and all(path.exists() for path in leftovers)


@contextlib.contextmanager
def lock_held_elsewhere():  # type: ignore[no-untyped-def]
    """Another worker holds the import lock (a thread: flock locks conflict across open files)."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with cleanup.import_lock():
            taken.set()
            release.wait(10)

    worker = threading.Thread(target=hold)
    worker.start()
    assert taken.wait(10)
    try:
        yield
    finally:
        release.set()
        worker.join()


def test_a_running_run_whose_worker_died_fails_at_once(world, crime_store):
    """The lock goes with the worker's process: a free lock beside a fresh "running" run means its
    worker was killed, so the run fails on the next look, not after the heartbeat limit."""
    run = ImportRun.objects.create(
        file_name="x.zip", status=ImportRun.Status.RUNNING, heartbeat_at=timezone.now()
    )
    with lock_held_elsewhere():
        assert cleanup.dead_runs_fail() == []
    assert cleanup.dead_runs_fail() == [run.pk]
    run.refresh_from_db()
    assert run.status == "failed" and "worker running it ended" in run.message


FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
fields = st.text(st.characters(codec="utf-8"), max_size=12)


@FAST
@given(st.lists(st.lists(fields, min_size=10, max_size=13), max_size=5), st.binary(max_size=40))
def test_police_uk_scanner_only_passes_or_refuses(tmp_path_factory, rows, tail):
    folder = tmp_path_factory.mktemp("scan")
    lines = [",".join(r) for r in rows] + [row()]
    path = write_street(folder, lines)
    path.write_bytes(path.read_bytes() + tail)
    try:
        scan_file(path, path.name, timezone.datetime(2019, 9, 1).date())
    except ImportValidationError as error:
        assert path.name in str(error)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "lsoa_name": fields,
                "location": fields,
                "crime_type": st.sampled_from(["Burglary", "Drugs", "x\x00"]),
                "lon": st.sampled_from(["0.1", "", "x", "200"]),
            }
        ),
        min_size=1,
        max_size=4,
    )
)
def test_police_uk_import_only_imports_or_refuses(tmp_path_factory, world, rows):
    folder = tmp_path_factory.mktemp("imp")
    lines = [
        row(
            lsoa_name=r["lsoa_name"].replace("\n", " "),
            location=r["location"],
            crime_type=r["crime_type"],
            lon=r["lon"],
        )
        for r in rows
    ]
    path = write_street(folder, lines)
    before = (ForceMonth.objects.count(), CrimeCount.objects.count())
    try:
        summary = services.police_uk_import(user=world.site_admin, paths=[path])
    except ImportValidationError:
        assert (ForceMonth.objects.count(), CrimeCount.objects.count()) == before
    else:
        assert summary.rows == len(rows)
    stray = [p for p in Path(str(folder)).iterdir() if p.name.startswith(".staging")]
    assert not stray
    discover([path])


def test_a_run_fails_as_soon_as_its_killed_worker_process_is_gone(world, crime_store):
    """SIGKILL a real process holding the import lock: while it lives the run stays running."""
    import signal
    import subprocess
    import sys

    from crimedata.store import data_dir

    run = ImportRun.objects.create(
        file_name="y.zip", status=ImportRun.Status.RUNNING, heartbeat_at=timezone.now()
    )
    data_dir().mkdir(parents=True, exist_ok=True)
    hold = "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)"
    worker = subprocess.Popen(
        [sys.executable, "-c", hold, str(data_dir() / cleanup.LOCK_NAME)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "locked"
        assert cleanup.dead_runs_fail() == []
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    assert cleanup.dead_runs_fail() == [run.pk]
