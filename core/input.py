"""Checks every text that enters CSP Hub passes once: control characters, decoding of uploaded
text files, and the limits on uploads and imports (settings with defaults, see README "Limits").

PostgreSQL refuses NUL in text, and other control characters are never meant to be in our data, so
they are refused where text comes in (forms, imports, URLs) with a message saying where.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from django.utils.deconstruct import deconstructible

# C0 controls and DEL, except tab, line feed and carriage return (those are text in a cell).
FORBIDDEN_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Any control character at all: what a URL path or a single value in a query string may not hold.
ANY_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# One valid multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

DEFAULT_LIMITS: dict[str, int] = {
    "IMPORT_MAX_FILE_BYTES": 5 * 1024 * 1024,  # an action plan file (CSV or XLSX) as uploaded
    "IMPORT_MAX_ROWS": 5000,
    "IMPORT_MAX_COLUMNS": 50,
    "IMPORT_MAX_CELL_CHARS": 10_000,
    "XLSX_MAX_UNCOMPRESSED_BYTES": 50 * 1024 * 1024,  # all members of the workbook together
    "ZIP_MAX_RATIO": 100,  # uncompressed / compressed size of one member over 1 MB
    "CRIME_IMPORT_HEARTBEAT_SECONDS": 120,  # a running import silent this long has died
}


def limit(name: str) -> int:
    """The configured limit `name` (a Django setting), or its default."""
    return int(getattr(settings, name, DEFAULT_LIMITS[name]))


def describe_character(char: str) -> str:
    names = {"\x00": "a NUL character (byte 0)", "\x7f": "a DEL control character"}
    return names.get(char, f"a control character (code {ord(char)})")


def control_character_problem(text: str, *, multiline: bool = True) -> str | None:
    """Why `text` may not be stored, or None. Tab, newline and CR are allowed when `multiline`."""
    match = (FORBIDDEN_RE if multiline else ANY_CONTROL_RE).search(text)
    if match is None:
        return None
    return f"contains {describe_character(match.group())} at character {match.start() + 1}; remove it."


@deconstructible
class ControlCharacterValidator:
    """Refuses NUL and other control characters (tab, newline and carriage return are allowed).

    Installed on every form CharField by core's AppConfig, so each form field refuses them with a
    field error rather than the database failing later."""

    code = "control_characters"

    def __call__(self, value: object) -> None:
        if isinstance(value, str) and (problem := control_character_problem(value)):
            raise ValidationError(f"This text {problem}", code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ControlCharacterValidator)


def install_form_validators() -> None:
    """Every forms.CharField (and so every model form text field) refuses control characters."""
    if not any(isinstance(v, ControlCharacterValidator) for v in forms.CharField.default_validators):
        forms.CharField.default_validators = [
            *forms.CharField.default_validators,
            ControlCharacterValidator(),
        ]


class TextDecodeError(ValueError):
    """An uploaded text file cannot be decoded; the message says where and why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_text(data: bytes) -> Decoded:
    """UTF-8 (with or without BOM), or Windows-1252 only when the file as a whole is not UTF-8.

    The rule: a file that is valid UTF-8 is UTF-8. A file with invalid UTF-8 bytes is read as
    Windows-1252 only if it holds no valid multi-byte UTF-8 sequence at all; a file holding both
    (mostly UTF-8 with a stray bad byte) is refused, naming the row and column of the first bad
    byte, instead of turning every accented letter into mojibake.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data[:4096].count(0) > 64:
        raise TextDecodeError(
            "The file is not a CSV text file in UTF-8 or Windows-1252 (it looks like UTF-16 or a binary "
            'file). Save it as "CSV UTF-8" or as an Excel workbook (.xlsx) and try again.'
        )
    body, bom = (data[3:], True) if data.startswith(codecs.BOM_UTF8) else (data, False)
    try:
        return Decoded(body.decode("utf-8"), "UTF-8 with BOM" if bom else "UTF-8")
    except UnicodeDecodeError as error:
        if bom or UTF8_MULTIBYTE_RE.search(body):
            raise TextDecodeError(
                f"{_where(body, error.start)} has the byte 0x{body[error.start]:02X}, which is not UTF-8, "
                "but the rest of the file is UTF-8: the file is damaged or mixes encodings. "
                'Save it again as "CSV UTF-8".'
            ) from None
    try:
        return Decoded(body.decode("cp1252"), "Windows-1252")
    except UnicodeDecodeError as error:
        raise TextDecodeError(
            f"{_where(body, error.start)} has the byte 0x{body[error.start]:02X}, which is neither UTF-8 "
            'nor Windows-1252 text. Save the file as "CSV UTF-8" and try again.'
        ) from None


def _where(data: bytes, offset: int) -> str:
    """ "Row 3, column 2 ("Action")" for a byte offset of CSV data, counting records as a spreadsheet does."""
    before = data[:offset].decode("utf-8", errors="replace")
    rows = list(csv.reader(io.StringIO(before + "\x01", newline="")))
    row, column = len(rows), len(rows[-1]) if rows else 1
    header = rows[0] if row > 1 else []
    name = (
        f' ("{header[column - 1].strip()}")' if column <= len(header) and header[column - 1].strip() else ""
    )
    return f"Row {row}, column {column}{name}"


def model_field_problem(value: object, model_field: Any) -> str | None:
    """Why `value` does not fit the model field (its max_length, or max_digits/decimal_places),
    with the limit in the sentence; None when it fits. Checked before the database sees it."""
    if isinstance(value, str) and (most := getattr(model_field, "max_length", None)) and len(value) > most:
        return f"is {len(value):,} characters long; it can have at most {most:,}."
    if isinstance(value, Decimal) and getattr(model_field, "max_digits", None):
        digits, places = model_field.max_digits, model_field.decimal_places
        try:
            DecimalValidator(digits, places)(value)
        except ValidationError:
            biggest = Decimal(10) ** (digits - places) - Decimal(1) / Decimal(10) ** places
            return (
                f"must be a number between -{biggest:,} and {biggest:,} with at most {places} decimal places."
            )
    return None
