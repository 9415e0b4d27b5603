"""`manage.py crime_series --district D --from YYYY-MM --to YYYY-MM [--crime-type T] [--format json|csv]`:
monthly counts with the rolling 12-month total (null when a month of its window was not imported)."""

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from assessment.management.commands._common import add_common_arguments, parse_common
from assessment.selectors.series import crime_series


class Command(BaseCommand):
    help = "Monthly counts of a crime type for one district, with the rolling 12-month total."

    def add_arguments(self, parser: CommandParser) -> None:
        add_common_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        district, period, crime_type = parse_common(options, self.stderr)
        rows = crime_series([district], period, crime_type)
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["month", "count", "rolling_12"])
        for row in rows:
            writer.writerow(
                [row["month"], row["count"], "" if row["rolling_12"] is None else row["rolling_12"]]
            )
