"""`manage.py import_comparator_group FILE --name NAME [--source TEXT] [--example]`: a most similar
group of districts (CSV with district code and name columns); replaces a group of the same name."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessment.reference import comparator_group_import
from core.actors import resolve_actor
from core.errors import ServiceError


class Command(BaseCommand):
    help = "Import a most similar group of districts (CSV: district code, district name)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--name",
            required=True,
            help="The group's name, e.g. 'Most similar group: Tonbridge and Malling'.",
        )
        parser.add_argument("--source", default="", help="Where the group comes from.")
        parser.add_argument("--example", action="store_true", help="Mark it as a made-up example group.")
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args: Any, **options: Any) -> None:
        user = resolve_actor(options["as_user"])
        if not options["file"].is_file():
            raise CommandError(f"{options['file']}: no such file.")
        try:
            group = comparator_group_import(
                user=user,
                path=options["file"],
                name=options["name"],
                source=options["source"],
                is_example=options["example"],
            )
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write(f"Imported {group.name} ({group.members.count()} districts).")
