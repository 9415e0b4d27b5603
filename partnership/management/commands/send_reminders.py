"""Send whatever messages are due: round notices, reminders, chasers and digests (for cron or a
systemd timer; README "Reminders"). Safe at any time and in parallel: each message is claimed
under a unique constraint before it is sent, so nothing goes twice (ADR 0022)."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from core.actors import resolve_actor
from partnership import messaging
from partnership.access import is_coordinator
from partnership.services.messages import messages_deliver


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", help="Run as of this day, YYYY-MM-DD (tests and the 2020 demo).")
        parser.add_argument("--as", dest="as_user", help="Act as this user (default: the system actor).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["now"]:
            try:
                today = datetime.date.fromisoformat(options["now"])
            except ValueError as error:
                raise CommandError(f"--now {options['now']!r} is not a date: use YYYY-MM-DD.") from error
        actor = resolve_actor(options["as_user"])
        due = messaging.due_messages(today)
        mine = [item for item in due if is_coordinator(actor, item.partnership)]
        done = messages_deliver(actor=actor, outgoing=mine)
        self.stdout.write(
            f"Messages as of {today:%Y-%m-%d}: {done.sent} sent, {done.failed} failed, "
            f"{done.skipped} already sent or not wanted.\n"
        )
        if len(mine) < len(due):
            self.stdout.write(
                f"{len(due) - len(mine)} left for partnerships {actor.get_username()} does not coordinate.\n"
            )
