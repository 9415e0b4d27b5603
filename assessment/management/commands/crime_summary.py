"""`manage.py crime_summary --district NAME_OR_CODE --from YYYY-MM --to YYYY-MM [--format json|table|csv]`."""

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessment.analysis import TOTALS, Period, format_change
from assessment.selectors import UnknownDistrict, crime_summary, resolve_district
from assessment.selectors.crime import example_force_months
from core.text import spreadsheet_safe


class Command(BaseCommand):
    help = "Crime counts for one district and period, with the period of equal length before it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--district", required=True, help="District name, old name or ONS code.")
        parser.add_argument("--from", dest="start", required=True, help="First month, YYYY-MM.")
        parser.add_argument("--to", dest="end", required=True, help="Last month, YYYY-MM.")
        parser.add_argument("--format", choices=["json", "table", "csv"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = Period.parse(options["start"], options["end"])
        except ValueError as error:
            raise CommandError(f"--from/--to: {error}") from None
        try:
            district = resolve_district(options["district"])
        except UnknownDistrict as error:
            raise CommandError(f"--district: {error}") from None
        summary = crime_summary(district, period)
        if example_force_months([district], period):
            note = "Example data — not official figures (generated example police.uk records)."
            # The table says so in its first line; JSON and CSV keep their shape and say so on stderr.
            (self.stdout if options["format"] == "table" else self.stderr).write(note)
        output = {"json": self.as_json, "table": self.as_table, "csv": self.as_csv}[options["format"]]
        output(summary)

    def as_json(self, summary: dict[str, Any]) -> None:
        self.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False))

    def rows(self, summary: dict[str, Any]) -> list[list[Any]]:
        """section, name, count, previous, change, percent change."""
        previous, changes = summary["previous"], summary["change"]
        rows: list[list[Any]] = []
        for key, label in TOTALS:
            change = changes[key] if changes else None
            rows.append(
                [
                    "total",
                    label,
                    summary[key],
                    previous[key] if previous else "",
                    change["count"] if change else "",
                    "" if change is None or change["percent"] is None else change["percent"],
                ]
            )
        for crime_type, count in summary["by_crime_type"].items():
            before = previous["by_crime_type"][crime_type] if previous else None
            rows.append(
                [
                    "crime type",
                    crime_type,
                    count,
                    "" if before is None else before,
                    "" if before is None else count - before,
                    "",
                ]
            )
        for month, count in summary["by_month"].items():
            rows.append(["month", month, count, "", "", ""])
        return rows

    def as_csv(self, summary: dict[str, Any]) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(
            [
                "district",
                "district_code",
                "from",
                "to",
                "section",
                "name",
                "count",
                "previous",
                "change",
                "percent_change",
            ]
        )
        head = [summary["district"], summary["district_code"] or "", summary["from"], summary["to"]]
        for row in self.rows(summary):
            writer.writerow([spreadsheet_safe(v) for v in head + row])

    def as_table(self, summary: dict[str, Any]) -> None:
        code = f" ({summary['district_code']})" if summary["district_code"] else ""
        self.stdout.write(f"{summary['district']}{code}, {summary['from']} to {summary['to']}")
        if summary["previous"] is None:
            self.stdout.write("No month of the previous period has been imported.")
        header = ["", "Count", "Previous", "Change"]
        lines = [header]
        changes = summary["change"]
        for section, name, count, before, _, _ in self.rows(summary):
            if section == "total":
                key = next(k for k, label in TOTALS if label == name)
                text = format_change(changes[key]) if changes else ""
            elif section == "crime type":
                text = (
                    format_change({"count": count - before, "percent": None}).split(" (")[0]
                    if before != ""
                    else ""
                )
            else:
                text = ""
            lines.append([name, f"{count:,}", "" if before == "" else f"{before:,}", text])
            if section == "total" and name == TOTALS[-1][1]:
                lines.append(["", "", "", ""])
        widths = [max(len(str(line[i])) for line in lines) for i in range(4)]
        for line in lines:
            self.stdout.write(
                "  ".join(
                    str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
                    for i, cell in enumerate(line)
                ).rstrip()
            )
