"""`python manage.py export_actions <partnership> <year> --format csv|xlsx --output FILE [--as USERNAME]`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import Actor, resolve_actor
from planning import selectors
from planning.action_io import action_plan_csv, action_plan_rows, action_plan_xlsx
from planning.models import PlanYear, Theme


class Command(BaseCommand):
    help = (
        "Export a plan year's action plan in its owner layout (Ref, Priority, Approach, Action, Lead, "
        "Supporting or Owner/lead agency, Target, Due date, Update, Status)."
    )

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
            "--theme", metavar="NAME", help="Only the actions tagged with this cross-cutting theme (its name)"
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
        theme = self._theme(actor, plan_year, options["theme"])
        selectors.audit_export(actor, plan_year, fmt, theme=theme)
        data = action_plan_xlsx(plan_year, theme) if fmt == "xlsx" else action_plan_csv(plan_year, theme)
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
        count = len(action_plan_rows(plan_year, theme)) if theme else selectors.action_count(plan_year)
        which = f" tagged {theme.name}" if theme else ""
        self.stdout.write(f"Wrote {count} actions of {plan_year}{which} to {output} ({fmt.upper()}).")

    def _theme(self, actor: Actor, plan_year: PlanYear, name: str | None) -> Theme | None:
        if not name:
            return None
        themes = list(selectors.themes(actor, plan_year.partnership))
        found = next((t for t in themes if t.name.strip().casefold() == name.strip().casefold()), None)
        if found is None:
            known = ", ".join(t.name for t in themes) or "none yet"
            raise CommandError(
                f"{plan_year.partnership.name} has no cross-cutting theme {name!r}; its themes: {known}."
            )
        return found
