from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from crimedata import services


class Command(BaseCommand):
    help = "Import data.police.uk street CSV files, YYYY-MM/ folders or zip archives (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--as", dest="as_user", help="Username recorded as the importer.")

    def handle(self, *args, **options) -> None:
        user = resolve_actor(options["as_user"])
        try:
            summary = services.police_uk_import(user=user, paths=options["paths"])
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write("\n".join(summary.lines()))
