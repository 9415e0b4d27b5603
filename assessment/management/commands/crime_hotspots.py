"""`manage.py crime_hotspots --district D --from YYYY-MM --to YYYY-MM --by lsoa|location [--top N]
[--crime-type T] [--format json|csv]`: the top LSOAs or repeat locations with the period before."""

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessment.management.commands._common import add_common_arguments, parse_common
from assessment.selectors.series import types_of
from assessment.selectors.street import lsoa_population, street_aggregates
from assessment.street import location_hotspots, lsoa_hotspots
from core.text import spreadsheet_safe

KEYS = {
    "lsoa": ["code", "name", "count", "previous", "rate_per_1000"],
    "location": ["location", "longitude", "latitude", "lsoa_code", "count", "previous"],
}


class Command(BaseCommand):
    help = "Top LSOAs or repeat locations of a district for a crime type, with the period before."

    def add_arguments(self, parser: CommandParser) -> None:
        add_common_arguments(parser)
        parser.add_argument("--by", choices=["lsoa", "location"], required=True)
        parser.add_argument("--top", type=int, default=10, help="How many (default 10).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["top"] < 1:
            raise CommandError("--top: give a whole number of 1 or more.")
        district, period, crime_type = parse_common(options, self.stderr)
        aggregates = street_aggregates([district], period)
        if not aggregates.has_files:
            self.stderr.write(
                f"No street-level files of {district.name} cover {period.label} and the period before."
            )
        types = types_of(crime_type)
        if options["by"] == "lsoa":
            rows = lsoa_hotspots(aggregates, types, top=options["top"])
            population = lsoa_population([r["code"] for r in rows], period.start.year)
            rows = lsoa_hotspots(aggregates, types, top=options["top"], population=population)
        else:
            rows = location_hotspots(aggregates, types, top=options["top"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        writer = csv.writer(self.stdout, lineterminator="\n")
        keys = KEYS[options["by"]]
        writer.writerow(keys)
        for row in rows:
            writer.writerow(["" if row[k] is None else spreadsheet_safe(row[k]) for k in keys])
