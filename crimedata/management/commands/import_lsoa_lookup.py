from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from crimedata.reference import lsoa_lookup_import


class Command(BaseCommand):
    help = "Import an ONS LSOA → local authority district lookup CSV (LSOA11CD/LSOA21CD, LAD..CD, LAD..NM)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args, **options) -> None:
        user = resolve_actor(options["as_user"])
        if not options["file"].is_file():
            raise CommandError(f"{options['file']}: no such file.")
        try:
            count = lsoa_lookup_import(user=user, path=options["file"])
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write(f"Imported {count:,} LSOA → district rows.")
