"""Find street files in the paths given: single CSVs, folders (the archive's YYYY-MM/ layout) and
zip archives. Zip members are read straight from the archive, one at a time, and only the street
files; other members are skipped and reported. Unsafe members are refused."""

import re
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from django.conf import settings

from core.models import PoliceForce
from crimedata.importer.errors import ImportValidationError

STREET_NAME = re.compile(r"^(?P<month>\d{4}-\d{2})-(?P<force>[a-z0-9]+(?:-[a-z0-9]+)*)-street\.csv$")
DEFAULT_MAX_MEMBER_BYTES = 2 * 1024**3  # a national month is ~1.2 GB uncompressed at most
DEFAULT_MAX_RATIO = 100  # street CSVs compress about 8-15 times
FORCE_SLUG_MAX = PoliceForce._meta.get_field("slug").max_length or 64
# What a damaged or unusual zip member raises while being read.
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)


@dataclass(frozen=True)
class StreetFile:
    """One street CSV: on disk (`path`) or a member of a zip archive (`zip_path` + `member`)."""

    display_name: str
    force_slug: str
    month: date
    path: Path | None = None
    zip_path: Path | None = None
    member: str | None = None
    size: int = 0

    def materialise(self, folder: Path) -> Path:
        """A local path DuckDB can read: the file itself, or the zip member copied into `folder`."""
        if self.path is not None:
            return self.path
        assert self.zip_path is not None and self.member is not None
        target_dir = folder / uuid.uuid4().hex[:12]
        target_dir.mkdir(parents=True)
        target = target_dir / PurePosixPath(self.member).name
        try:
            with (
                zipfile.ZipFile(self.zip_path) as archive,
                archive.open(self.member) as src,
                target.open("wb") as dst,
            ):
                copy_limited(src, dst, self.size)
        except LimitExceeded:
            target.unlink(missing_ok=True)
            raise ImportValidationError(
                self.display_name, "the member is larger than the archive says; refused."
            ) from None
        except ZIP_READ_ERRORS as error:
            target.unlink(missing_ok=True)
            raise ImportValidationError(
                self.display_name,
                f"the member {self.member} of the archive {self.zip_path.name} is damaged and cannot be "
                f"read ({error}); download the archive again.",
            ) from None
        return target


def parse_street_name(name: str, display: str) -> tuple[str, date]:
    match = STREET_NAME.match(name)
    if not match:
        raise ImportValidationError(
            display, "the file name must look like YYYY-MM-<force>-street.csv (e.g. 2019-09-kent-street.csv)."
        )
    if len(match["force"]) > FORCE_SLUG_MAX:
        raise ImportValidationError(
            display,
            f"the force name in the file name is {len(match['force'])} characters long; "
            f"it can have at most {FORCE_SLUG_MAX}.",
        )
    try:
        month = date(int(match["month"][:4]), int(match["month"][5:]), 1)
    except ValueError:
        raise ImportValidationError(display, f"{match['month']} in the file name is not a month.") from None
    return match["force"], month


def discover(paths: list[Path]) -> tuple[list[StreetFile], list[str]]:
    """The street files in `paths`, and the names of the files skipped (not street files)."""
    found: list[StreetFile] = []
    skipped: list[str] = []
    for path in paths:
        if not path.exists():
            raise ImportValidationError(str(path), "no such file or folder.")
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() == ".zip":
                    _add_zip(child, found, skipped)
                elif STREET_NAME.match(child.name):
                    force, month = parse_street_name(child.name, str(child))
                    found.append(StreetFile(str(child), force, month, path=child, size=child.stat().st_size))
                else:
                    skipped.append(str(child))
        elif path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
            _add_zip(path, found, skipped)
        else:
            force, month = parse_street_name(path.name, str(path))
            found.append(StreetFile(str(path), force, month, path=path, size=path.stat().st_size))
    _refuse_duplicates(found)
    return found, skipped


def _add_zip(path: Path, found: list[StreetFile], skipped: list[str]) -> None:
    max_bytes = int(getattr(settings, "POLICE_UK_MAX_MEMBER_BYTES", DEFAULT_MAX_MEMBER_BYTES))
    max_ratio = float(getattr(settings, "ZIP_MAX_RATIO", DEFAULT_MAX_RATIO))
    try:
        archive = zipfile.ZipFile(path)
    except (*ZIP_READ_ERRORS, OSError):
        raise ImportValidationError(str(path), "this is not a readable zip archive.") from None
    with archive:
        for info in archive.infolist():
            display = f"{path}:{info.filename}"
            _check_member_path(info.filename, display)
            if info.is_dir():
                continue
            name = PurePosixPath(info.filename).name
            if not STREET_NAME.match(name):
                skipped.append(display)
                continue
            if info.file_size > max_bytes:
                raise ImportValidationError(
                    display,
                    f"the member is {info.file_size:,} bytes uncompressed, more than {max_bytes:,}; refused.",
                )
            if info.file_size > 1024 * 1024 and info.file_size > max_ratio * max(info.compress_size, 1):
                raise ImportValidationError(
                    display, f"the member compresses more than {max_ratio:g} times (a zip bomb?); refused."
                )
            force, month = parse_street_name(name, display)
            found.append(
                StreetFile(display, force, month, zip_path=path, member=info.filename, size=info.file_size)
            )


def _check_member_path(name: str, display: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise ImportValidationError(display, "the member has an absolute path; refused.")
    if ".." in pure.parts:
        raise ImportValidationError(
            display, "the member's path points outside the archive folder (..); refused."
        )


def _refuse_duplicates(found: list[StreetFile]) -> None:
    seen: dict[tuple[str, date], str] = {}
    for item in found:
        key = (item.force_slug, item.month)
        if key in seen:
            raise ImportValidationError(
                item.display_name,
                f"{item.force_slug} {item.month:%Y-%m} is given twice (also {seen[key]}); give each force-month once.",
            )
        seen[key] = item.display_name


class LimitExceeded(ValueError):
    """A stream held more bytes than allowed."""


def copy_limited(src, dst, limit: int) -> int:
    """Copy a stream, refusing more than `limit` bytes; returns the bytes copied."""
    copied = 0
    while chunk := src.read(1024 * 1024):
        copied += len(chunk)
        if copied > limit:
            raise LimitExceeded(f"more than {limit:,} bytes")
        dst.write(chunk)
    return copied
