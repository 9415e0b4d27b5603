"""`python manage.py export_actions <partnership> <year> --format csv|xlsx --output FILE [--as USERNAME]`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from planning import selectors
from planning.action_io import action_plan_csv, action_plan_xlsx


class Command(BaseCommand):
    help = "Export a plan year's action plan (Ref, Priority, Action, Owner/lead agency, Update, Status)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="Partnership slug, e.g. tonbridge-malling")
        parser.add_argument("year", help="Plan year slug, e.g. 2020-21")
        parser.add_argument(
            "--format",
            choices=["csv", "xlsx"],
            help="File format (default: from --output's extension, else csv)",
        )
        parser.add_argument(
            "--output", metavar="FILE", help="File to write; '-' or omitted writes CSV to stdout"
        )
        parser.add_argument(
            "--as",
            dest="actor",
            metavar="USERNAME",
            help="Who reads the plan (default: the system actor); the export is recorded as theirs.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        plan_year = selectors.plan_year_for_command(actor, options["partnership"], options["year"])
        output = options["output"]
        fmt = options["format"] or ("xlsx" if output and output.lower().endswith(".xlsx") else "csv")
        selectors.audit_export(actor, plan_year, fmt)
        data = action_plan_xlsx(plan_year) if fmt == "xlsx" else action_plan_csv(plan_year)
        if not output or output == "-":
            if fmt == "xlsx":
                raise CommandError("--output FILE is needed for --format xlsx (a workbook is not text).")
            self.stdout.write(data.decode("utf-8-sig"), ending="")
            return
        path = Path(output)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"{output}: cannot write the file ({error.strerror}).") from None
        count = selectors.action_count(plan_year)
        self.stdout.write(f"Wrote {count} actions of {plan_year} to {output} ({fmt.upper()}).")
