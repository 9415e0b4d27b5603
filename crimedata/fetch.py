"""Download data.police.uk monthly archives and import the months not yet imported.

An archive (settings.POLICE_UK_ARCHIVE_URL, "{month}" = YYYY-MM) holds several years of months for
every force, so one download can fill several months; only the needed street members are read
from it, straight from the zip.
"""

import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings

from core.errors import ServiceError
from crimedata.importer import discover, import_street_files
from crimedata.importer.files import STREET_NAME, copy_limited
from crimedata.models import ForceMonth

MAX_ARCHIVE_BYTES = 20 * 1024**3


@dataclass
class FetchResult:
    imported: list[tuple[str, date]] = field(default_factory=list)
    already: list[tuple[str, date]] = field(default_factory=list)
    missing: list[tuple[str, date]] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    rows: int = 0


def month_range(first: date, last: date) -> list[date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def police_uk_fetch(
    *, user, forces: list[str], first: date, last: date, log: Callable[[str], None] = lambda _: None
) -> FetchResult:
    """Fetch and import every (force, month) in the range not yet imported. All or nothing per run."""
    if first > last:
        raise ServiceError("--from must not be after --to.")
    result = FetchResult()
    have = set(ForceMonth.objects.filter(force__slug__in=forces).values_list("force__slug", "month"))
    wanted = [(f, m) for m in month_range(first, last) for f in forces]
    result.already = [key for key in wanted if key in have]
    needed = {key for key in wanted if key not in have}
    if not needed:
        return result
    work = Path(tempfile.mkdtemp(prefix="police-uk-"))
    try:
        extracted: list[Path] = []
        pending = set(needed)
        tried: set[date] = set()
        while pending:
            untried = [m for _, m in pending if m not in tried]
            if not untried:
                break
            archive_month = max(untried)
            tried.add(archive_month)
            url = settings.POLICE_UK_ARCHIVE_URL.format(month=f"{archive_month:%Y-%m}")
            log(f"Downloading {url}")
            archive = _download(url, work / f"{archive_month:%Y-%m}.zip")
            if archive is None:
                log(f"Not found: {url}")
                continue
            result.downloads.append(url)
            found = _extract_needed(archive, pending, work / "street")
            archive.unlink()
            extracted += found
            pending -= {_key(path.name) for path in found}
        result.missing = sorted(pending)
        if extracted:
            files, _ = discover(extracted)
            summary = import_street_files(files, user=user, source_prefix="data.police.uk archive: ")
            result.rows = summary.rows
            result.imported = [(slug, month) for slug, month, _ in summary.force_months]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def _key(name: str) -> tuple[str, date]:
    match = STREET_NAME.match(name)
    assert match
    return match["force"], date(int(match["month"][:4]), int(match["month"][5:]), 1)


def _download(url: str, target: Path) -> Path | None:
    """Stream the archive to `target`; None when the server has no such archive (404)."""
    if not url.startswith(("https://", "http://")):
        raise ServiceError(f"POLICE_UK_ARCHIVE_URL must be an http(s) address, not {url!r}.")
    try:
        with urllib.request.urlopen(url, timeout=60) as response, target.open("wb") as handle:  # noqa: S310
            copy_limited(response, handle, MAX_ARCHIVE_BYTES)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise ServiceError(f"Could not download {url}: {exc}") from None
    except (OSError, ValueError) as exc:
        raise ServiceError(f"Could not download {url}: {exc}") from None
    return target


def _extract_needed(archive: Path, pending: set[tuple[str, date]], folder: Path) -> list[Path]:
    """Copy only the street members for pending force-months out of the archive (the importer's
    safety checks on member paths, sizes and compression ratios apply)."""
    files, _ = discover([archive])
    return [item.materialise(folder) for item in files if (item.force_slug, item.month) in pending]
