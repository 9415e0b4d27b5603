"""`python manage.py publish_plan <partnership> <year> [--confirm] [--as USERNAME]`: store a new
published version. Prints the pre-publication checklist first and publishes only with `--confirm`;
a draft plan year is refused even then."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.access import Purpose
from core.actors import resolve_actor
from core.errors import AccessDenied, ServiceError
from planning.selectors import plan_year_for_command
from publishing import services
from publishing.checks import publish_checklist
from publishing.management.commands._common import add_actor_argument


class Command(BaseCommand):
    help = "Publish a plan year's Partnership Plan: adds a new, immutable version (HTML, PDF and Word)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership")
        parser.add_argument("year")
        parser.add_argument(
            "--confirm",
            action="store_true",
            help="Publish after printing the checklist (without it the command only prints the checklist).",
        )
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        plan_year = plan_year_for_command(actor, options["partnership"], options["year"], for_=Purpose.MANAGE)
        checklist = publish_checklist(plan_year)
        self.stdout.write(f"Checklist for the {plan_year.label} plan of {plan_year.partnership.name}:")
        for line in checklist.lines():
            self.stdout.write(line)
        if checklist.refusal:
            raise CommandError(f"Not published: {checklist.refusal}")
        if not options["confirm"]:
            raise CommandError(
                "Not published: read the checklist above, then run the command again with --confirm to publish."
            )
        try:
            publication = services.plan_publish(plan_year=plan_year, actor=actor, confirmed=True)
        except (AccessDenied, ServiceError) as error:
            raise CommandError(f"Not published: {error}") from None
        self.stdout.write(
            f"Published the {plan_year.label} plan of {plan_year.partnership.name} as version "
            f"{publication.number}: /p/{plan_year.partnership.slug}/plan/{plan_year.slug}/versions/{publication.number}/"
        )
