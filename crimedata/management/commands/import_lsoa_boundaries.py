from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from crimedata.boundaries import boundaries_import
from crimedata.models import LsoaBoundary


class Command(BaseCommand):
    help = (
        "Install LSOA boundaries from an ONS GeoJSON file in longitude/latitude (2011 or 2021 codes: "
        "LSOA11CD/LSOA21CD properties). GeoPackage is not supported (no reader is installed)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--name", required=True, help="A name for the set, e.g. 'LSOA 2021 (BGC)'.")
        parser.add_argument("--source", required=True, help="Where the boundaries come from (cite it).")
        parser.add_argument("--example", action="store_true", help="Mark the shapes as made-up example data.")
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args: Any, **options: Any) -> None:
        user = resolve_actor(options["as_user"])
        if not options["file"].is_file():
            raise CommandError(f"{options['file']}: no such file.")
        try:
            boundary_set = boundaries_import(
                user=user,
                path=options["file"],
                name=options["name"],
                source=options["source"],
                is_example=options["example"],
            )
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        count = LsoaBoundary.objects.filter(boundary_set=boundary_set).count()
        self.stdout.write(
            f"Imported LSOA boundaries {boundary_set.name!r}: {count:,} LSOAs ({boundary_set.vintage} codes)."
        )
