"""`python manage.py publish_strategy <partnership> <start-end> [--confirm] [--as USERNAME]`: store a
new published version of a strategy. Prints the checklist first and publishes only with `--confirm`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.access import Purpose
from core.actors import resolve_actor
from core.errors import AccessDenied, ServiceError
from planning.selectors.strategies import strategy_for_command
from publishing import services_strategy
from publishing.checks_strategy import strategy_checklist
from publishing.management.commands._common import add_actor_argument


class Command(BaseCommand):
    help = "Publish a partnership's strategy: adds a new, immutable version (HTML, PDF and Word)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership")
        parser.add_argument("span", help="The strategy's years, e.g. 2021-2023.")
        parser.add_argument(
            "--confirm",
            action="store_true",
            help="Publish after printing the checklist (without it the command only prints the checklist).",
        )
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        strategy = strategy_for_command(actor, options["partnership"], options["span"], for_=Purpose.MANAGE)
        checklist = strategy_checklist(strategy)
        self.stdout.write(f"Checklist for the {strategy} of {strategy.partnership.name}:")
        for line in checklist.lines():
            self.stdout.write(line)
        if not options["confirm"]:
            raise CommandError(
                "Not published: read the checklist above, then run the command again with --confirm to publish."
            )
        try:
            publication = services_strategy.strategy_publish(strategy=strategy, actor=actor, confirmed=True)
        except (AccessDenied, ServiceError) as error:
            raise CommandError(f"Not published: {error}") from None
        self.stdout.write(
            f"Published the {strategy} of {strategy.partnership.name} as version {publication.number}: "
            f"/p/{strategy.partnership.slug}/strategy/{strategy.slug}/versions/{publication.number}/"
        )
