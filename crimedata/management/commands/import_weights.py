from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from crimedata.reference import weights_import


class Command(BaseCommand):
    help = "Import a harm-weight set CSV (crime type, weight)."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs):
        # --version names the weight set's version here, not Django's own --version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--name", required=True)
        parser.add_argument("--version", dest="set_version", required=True)
        parser.add_argument("--source", required=True)
        parser.add_argument(
            "--example", action="store_true", help="Mark the weights as made-up example data."
        )
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args, **options) -> None:
        user = resolve_actor(options["as_user"])
        if not options["file"].is_file():
            raise CommandError(f"{options['file']}: no such file.")
        try:
            weight_set = weights_import(
                user=user,
                path=options["file"],
                name=options["name"],
                version=options["set_version"],
                source=options["source"],
                is_example=options["example"],
            )
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write(f"Imported weight set {weight_set}: {weight_set.weights.count()} weights.")
