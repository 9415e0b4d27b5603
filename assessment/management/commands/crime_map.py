"""`manage.py crime_map --district NAME_OR_CODE --from YYYY-MM --to YYYY-MM [--crime-type T]
--format svg|png --output FILE [--kind auto|hex|lsoa] [--population-table NAME]`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessment.analysis import Period
from assessment.mapping import ALL_CRIME, build_map
from assessment.selectors import UnknownDistrict, resolve_district
from crimedata.models import CRIME_TYPES, PopulationTable


class Command(BaseCommand):
    help = (
        "A map of one district's crime for a period: hexagons, or LSOA areas when their boundaries "
        "are installed; written as SVG or PNG."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--district", required=True, help="District name, old name or ONS code.")
        parser.add_argument("--from", dest="start", required=True, help="First month, YYYY-MM.")
        parser.add_argument("--to", dest="end", required=True, help="Last month, YYYY-MM.")
        parser.add_argument(
            "--crime-type",
            default=ALL_CRIME,
            help="One of the 14 police.uk crime types, or 'all' (the default): all crime excluding ASB.",
        )
        parser.add_argument("--format", choices=["svg", "png"], default="svg")
        parser.add_argument("--output", required=True, type=Path, help="The file to write.")
        parser.add_argument("--kind", choices=["auto", "hex", "lsoa"], default="auto")
        parser.add_argument(
            "--population-table", help="Name of a population table with LSOA figures: rates per 1,000."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = Period.parse(options["start"], options["end"])
        except ValueError as error:
            raise CommandError(f"--from/--to: {error}") from None
        try:
            district = resolve_district(options["district"])
        except UnknownDistrict as error:
            raise CommandError(f"--district: {error}") from None
        wanted = options["crime_type"].strip()
        crime_type = (
            ALL_CRIME
            if wanted.lower() == ALL_CRIME
            else next((t for t in CRIME_TYPES if t.lower() == wanted.lower()), None)
        )
        if crime_type is None:
            raise CommandError(
                f"--crime-type: {wanted!r} is not a police.uk crime type; use 'all' or one of: "
                + ", ".join(CRIME_TYPES)
                + "."
            )
        table = None
        if options["population_table"]:
            table = PopulationTable.objects.filter(name=options["population_table"]).first()
            if table is None:
                raise CommandError(
                    f"--population-table: there is no population table called {options['population_table']!r}."
                )
        result = build_map(
            [district], period, crime_type=crime_type, kind=options["kind"], population_table=table
        )
        m = result["map"]
        output: Path = options["output"]
        if not output.parent.is_dir():
            raise CommandError(f"--output: the folder {output.parent} does not exist.")
        if options["format"] == "png":
            output.write_bytes(m.png())
        else:
            output.write_text(m.svg(), encoding="utf-8")
        if result["example_sources"]:
            self.stderr.write(
                "Example data — not official figures: " + "; ".join(result["example_sources"]) + "."
            )
        for note in result["notes"]:
            self.stderr.write(note)
        areas = "LSOAs" if m.kind == "lsoa" else "hexagons"
        self.stdout.write(
            f"Wrote {output}: {m.title}; {m.total:,} {result['what']} in {len(m.areas):,} {areas}"
            + (f" ({m.unmapped:,} not on the map)." if m.unmapped else ".")
        )
