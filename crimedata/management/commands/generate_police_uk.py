from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from crimedata.generate import generate


class Command(BaseCommand):
    help = "Write synthetic police.uk street files (same arguments, same files) under OUTPUT/YYYY-MM/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--forces", type=int, default=1, help="Number of forces (1-43; Kent first).")
        parser.add_argument("--months", type=int, default=1, help="Number of months from --start.")
        parser.add_argument("--rows", type=int, default=1000, help="Rows in each force-month file.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--start", default="2019-04", help="First month, YYYY-MM.")
        parser.add_argument("--output", type=Path, required=True)

    def handle(self, *args, **options) -> None:
        from datetime import date

        try:
            year, month = (int(part) for part in options["start"].split("-"))
            start = date(year, month, 1)
        except ValueError:
            raise CommandError(f"--start {options['start']!r} is not a month such as 2019-04.") from None
        if options["months"] < 1 or options["rows"] < 0:
            raise CommandError("--months must be at least 1 and --rows at least 0.")
        try:
            result = generate(
                options["output"],
                forces=options["forces"],
                months=options["months"],
                rows=options["rows"],
                seed=options["seed"],
                start=start,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Wrote {result.files} files, {result.rows:,} rows, under {options['output']}.")
