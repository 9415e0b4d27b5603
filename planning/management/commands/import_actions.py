"""`python manage.py import_actions <partnership> <year> FILE [--period P] [--apply-changes] [--replace]
[--as USERNAME]`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from planning import selectors
from planning.action_io import ActionImportError, ValidatedImport, action_plan_import
from planning.models import PeriodCode


class Command(BaseCommand):
    help = (
        "Import a CSV or XLSX action plan (Ref, Priority, Approach, Action, Owner/lead agency or Lead and "
        "Supporting, Target, Due date, Update, Status; Ref, Approach, Target and Due date optional) into a "
        "plan year: a row with a Ref updates that action's update for --period, a row without one adds "
        "an action; an approach the priority lacks is created. The whole file is checked first; nothing is saved unless every row is valid. Prints "
        "'N updated, M added, K unchanged'."
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
        parser.add_argument(
            "--apply-changes",
            action="store_true",
            help="Also apply changed texts, owners, approaches, targets and due dates of rows with a Ref "
            "(otherwise reported, ignored).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="First remove the plan year's actions (refused when any of them has an update).",
        )
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
        apply_changes = options["apply_changes"]
        try:
            result = action_plan_import(
                plan_year=plan_year,
                data=data,
                actor=actor,
                period_code=options["period"],
                replace=options["replace"],
                apply_changes=apply_changes,
            )
        except ActionImportError as error:
            lines = [f"{name}: {error}"] + [f"{name}: {problem}" for problem in error.problems]
            raise CommandError("\n".join(lines)) from None
        except ServiceError as error:
            raise CommandError(str(error)) from None
        if result.checked is not None:
            self._report_notes(name, result.checked, options)
        if result.removed:
            self.stdout.write(f"Removed the {result.removed} actions {plan_year.label} had.")
        self.stdout.write(
            f"Imported {name} into {plan_year}: {result.summary} "
            f"({result.priorities_created} new priorities, {result.approaches_created} new approaches, "
            f"{result.updates} updates recorded)."
        )

    def _report_notes(self, name: str, checked: ValidatedImport, options: dict[str, Any]) -> None:
        """What the import left alone: differences it ignored, and a file without Refs."""
        if not checked.has_ref:
            self.stdout.write(f"{name} has no Ref column (an older file): every row was added as an action.")
        elif options["replace"]:
            self.stdout.write("With --replace the Ref column is ignored: every row was added as an action.")
        for problem in checked.ignored:
            self.stdout.write(f"{name}: {problem} Ignored.")
        if not options["apply_changes"]:
            for problem in checked.changes:
                self.stdout.write(f"{name}: {problem} Ignored: pass --apply-changes to apply it.")
