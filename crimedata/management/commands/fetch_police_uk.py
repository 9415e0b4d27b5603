from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from core.errors import ServiceError
from crimedata.fetch import police_uk_fetch


def _month(value: str, option: str) -> date:
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise CommandError(f"{option} {value!r} is not a month such as 2019-04.") from None


class Command(BaseCommand):
    help = "Download data.police.uk monthly archives and import the force-months not yet imported."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force", action="append", required=True, help="Force slug, e.g. kent (repeatable)."
        )
        parser.add_argument("--from", dest="first", required=True, help="First month, YYYY-MM.")
        parser.add_argument("--to", dest="last", required=True, help="Last month, YYYY-MM.")
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args, **options) -> None:
        user = resolve_actor(options["as_user"])
        first, last = _month(options["first"], "--from"), _month(options["last"], "--to")
        try:
            result = police_uk_fetch(
                user=user, forces=options["force"], first=first, last=last, log=lambda m: self.stdout.write(m)
            )
        except ServiceError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write(
            f"Imported {len(result.imported)} force-month(s), {result.rows:,} rows; "
            f"{len(result.already)} already imported; {len(result.downloads)} archive(s) downloaded."
        )
        for slug, month in result.missing:
            self.stdout.write(f"Not in the archives: {slug} {month:%Y-%m}")
