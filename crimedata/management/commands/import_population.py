from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from crimedata.reference import population_import


class Command(BaseCommand):
    help = "Import a population table CSV (area code, area name, year, population)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--name", required=True)
        parser.add_argument("--source", required=True, help="Where the figures come from (cite it).")
        parser.add_argument(
            "--example", action="store_true", help="Mark the figures as made-up example data."
        )
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args, **options) -> None:
        user = resolve_actor(options["as_user"])
        if not options["file"].is_file():
            raise CommandError(f"{options['file']}: no such file.")
        try:
            table = population_import(
                user=user,
                path=options["file"],
                name=options["name"],
                source=options["source"],
                is_example=options["example"],
            )
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write(f"Imported population table {table.name!r}: {table.figures.count():,} figures.")
