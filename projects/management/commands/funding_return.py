"""`python manage.py funding_return <partnership> <plan-year-slug> [--pot NAME] --format xlsx|csv|pdf
--output FILE [--as USERNAME]`: the funder's return, as the page's downloads give it."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from planning.selectors import plan_year_for_command
from projects import exports, selectors
from publishing.management.commands._common import add_actor_argument, write_output


class Command(BaseCommand):
    help = (
        "Write the funder's return of a plan year: every pot (XLSX: a sheet per pot plus “All pots”; "
        "CSV: one table with a Pot column), or one pot with --pot."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership")
        parser.add_argument("year", metavar="plan-year-slug")
        parser.add_argument("--pot", metavar="NAME", help="Only this funding pot (its name, any case).")
        parser.add_argument("--format", required=True, choices=["xlsx", "csv", "pdf"])
        parser.add_argument("--output", required=True, metavar="FILE")
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        plan_year = plan_year_for_command(actor, options["partnership"], options["year"])
        pot_name = options["pot"]
        returns = exports.funder_return(actor, plan_year, pot_name)
        if pot_name is not None and not returns:
            known = ", ".join(row.pot.name for row in selectors.pots(actor, plan_year)) or "none yet"
            raise CommandError(
                f"{plan_year.label} has no funding pot called {pot_name!r}. Its pots: {known}."
            )
        fmt = options["format"]
        if fmt == "csv":
            data = exports.return_csv(returns)
        elif fmt == "xlsx":
            data = exports.return_xlsx(returns, all_pots=pot_name is None)
        else:
            data = exports.return_pdf(returns, plan_year)
        target = write_output(options["output"], data)
        what = (
            f"the pot {returns[0].pot.name}"
            if pot_name
            else f"{len(returns)} pot{'s' if len(returns) != 1 else ''}"
        )
        self.stdout.write(
            f"Wrote the {plan_year.label} funder's return of {plan_year.partnership.name} ({what}) to {target}."
        )
