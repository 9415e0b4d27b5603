"""`manage.py import_ward_lookup FILE`: an ONS LSOA → ward lookup CSV (LSOA..CD, WD..CD, WD..NM)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessment.reference import ward_lookup_import
from core.actors import resolve_actor
from core.errors import ServiceError


class Command(BaseCommand):
    help = "Import an ONS LSOA → electoral ward lookup CSV (LSOA11CD/LSOA21CD, WD..CD, WD..NM)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args: Any, **options: Any) -> None:
        user = resolve_actor(options["as_user"])
        if not options["file"].is_file():
            raise CommandError(f"{options['file']}: no such file.")
        try:
            count = ward_lookup_import(user=user, path=options["file"])
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write(f"Imported {count:,} LSOA → ward rows.")
