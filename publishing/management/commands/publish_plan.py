"""`python manage.py publish_plan <partnership> <year> [--as USERNAME]`: store a new published version."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.access import Purpose
from core.actors import resolve_actor
from core.errors import AccessDenied
from planning.selectors import plan_year_for_command
from publishing import services
from publishing.management.commands._common import add_actor_argument


class Command(BaseCommand):
    help = "Publish a plan year's Partnership Plan: adds a new, immutable version (HTML, PDF and Word)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership")
        parser.add_argument("year")
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        plan_year = plan_year_for_command(actor, options["partnership"], options["year"], for_=Purpose.MANAGE)
        try:
            publication = services.plan_publish(plan_year=plan_year, actor=actor)
        except AccessDenied as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Published the {plan_year.label} plan of {plan_year.partnership.name} as version "
            f"{publication.number}: /p/{plan_year.partnership.slug}/plan/{plan_year.slug}/versions/{publication.number}/"
        )
