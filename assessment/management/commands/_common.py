"""What the crime commands share: crime_summary's --district/--from/--to, plus --crime-type."""

from typing import Any

from django.core.management.base import CommandError, CommandParser, OutputWrapper

from assessment.analysis import Period
from assessment.selectors import DistrictRef, UnknownDistrict, resolve_district
from assessment.selectors.crime import example_force_months
from assessment.selectors.series import ALL, types_of

EXAMPLE_NOTE = "Example data — not official figures (generated example police.uk records)."


def add_common_arguments(parser: CommandParser) -> None:
    parser.add_argument("--district", required=True, help="District name, old name or ONS code.")
    parser.add_argument("--from", dest="start", required=True, help="First month, YYYY-MM.")
    parser.add_argument("--to", dest="end", required=True, help="Last month, YYYY-MM.")
    parser.add_argument(
        "--crime-type",
        default=ALL,
        help="One of the 14 police.uk crime types, or 'all' (the default: all crime excluding anti-social behaviour).",
    )
    parser.add_argument("--format", choices=["json", "csv"], default="json")


def parse_common(options: dict[str, Any], stderr: OutputWrapper) -> tuple[DistrictRef, Period, str]:
    """District, period and crime type from the options, or a CommandError naming the option."""
    try:
        period = Period.parse(options["start"], options["end"])
    except ValueError as error:
        raise CommandError(f"--from/--to: {error}") from None
    try:
        district = resolve_district(options["district"])
    except UnknownDistrict as error:
        raise CommandError(f"--district: {error}") from None
    crime_type = options["crime_type"]
    try:
        types_of(crime_type)
    except ValueError as error:
        raise CommandError(f"--crime-type: {error}") from None
    if example_force_months([district], period):
        stderr.write(EXAMPLE_NOTE)
    return district, period, crime_type
