"""`python manage.py publish_plan <partnership> <year> [--as USERNAME]`: store a new published version."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.actors import resolve_actor
from publishing import services
from publishing.management.commands._common import plan_year_or_error


class Command(BaseCommand):
    help = "Publish a plan year's Partnership Plan: adds a new, immutable version (HTML, PDF and Word)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership")
        parser.add_argument("year")
        parser.add_argument("--as", dest="actor", metavar="USERNAME", help="Who publishes (recorded).")

    def handle(self, *args: Any, **options: Any) -> None:
        plan_year = plan_year_or_error(options["partnership"], options["year"])
        user = resolve_actor(options["actor"])
        publication = services.plan_publish(plan_year=plan_year, user=user, check_access=False)
        self.stdout.write(
            f"Published the {plan_year.label} plan of {plan_year.partnership.name} as version "
            f"{publication.number}: /p/{plan_year.partnership.slug}/plan/{plan_year.slug}/versions/{publication.number}/"
        )
