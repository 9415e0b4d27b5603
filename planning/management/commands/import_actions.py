"""`python manage.py import_actions <partnership> <year> FILE [--period P] [--replace] [--as USERNAME]`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from planning import selectors
from planning.action_io import ActionImportError, action_plan_import
from planning.models import PeriodCode


class Command(BaseCommand):
    help = (
        "Add the actions in a CSV or XLSX file (Priority, Action, Owner/lead agency, Update, Status) to a "
        "plan year. The whole file is checked first; nothing is saved unless every row is valid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="Partnership slug, e.g. tonbridge-malling")
        parser.add_argument("year", help="Plan year slug, e.g. 2020-21")
        parser.add_argument("file", metavar="FILE", help="A .csv (UTF-8 or Windows-1252) or .xlsx file")
        parser.add_argument(
            "--period",
            choices=PeriodCode.values,
            help="The reporting period the Update and Status cells are for (needed when any row has one).",
        )
        parser.add_argument("--replace", action="store_true", help="First remove the plan year's actions.")
        parser.add_argument(
            "--as",
            dest="actor",
            metavar="USERNAME",
            help="Who imports (a coordinator of the partnership); default: the system actor.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        name = options["file"]
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            raise CommandError(f"{name}: cannot read the file ({error.strerror}).") from None
        plan_year = selectors.plan_year_for_command(actor, options["partnership"], options["year"])
        try:
            result = action_plan_import(
                plan_year=plan_year,
                data=data,
                actor=actor,
                period_code=options["period"],
                replace=options["replace"],
            )
        except ActionImportError as error:
            lines = [f"{name}: {error}"] + [f"{name}: {problem}" for problem in error.problems]
            raise CommandError("\n".join(lines)) from None
        except ServiceError as error:
            raise CommandError(str(error)) from None
        if result.removed:
            self.stdout.write(f"Removed the {result.removed} actions {plan_year.label} had.")
        self.stdout.write(
            f"Imported {result.actions} actions ({result.priorities_created} new priorities) and "
            f"{result.updates} updates into {plan_year} from {name}."
        )
