"""`python manage.py load_demo [--as USERNAME] [--no-users]`: the seed plan as a demo partnership."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.actors import resolve_actor
from partnership.demo.loader import demo_load, demo_password, run_extensions


class Command(BaseCommand):
    help = (
        "Load the Tonbridge and Malling demo partnership from the seed plan (idempotent) and create "
        "the demo users. Refused under production settings unless --no-users is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as", dest="actor", metavar="USERNAME", help="Who the changes are recorded as.")
        parser.add_argument(
            "--no-users", action="store_true", help="Load the data only; create no demo users."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with_users = not options["no_users"]
        if with_users and not settings.DEMO_USERS_ALLOWED:
            raise CommandError(
                "Refusing to create demo users (with a published password) under production settings. "
                "Set DEBUG=true or CSPHUB_ALLOW_DEMO_USERS=true on a demo machine, or run "
                "load_demo --no-users to load the demo data without users."
            )
        user = resolve_actor(options["actor"])
        result = demo_load(user=user, with_users=with_users)
        if result.created:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(result.created.items()))
            self.stdout.write(f"Demo partnership {result.partnership.name}: created {made}.")
        else:
            self.stdout.write(
                f"Demo partnership {result.partnership.name} is already loaded; nothing changed."
            )
        run_extensions(partnership=result.partnership, user=user, stdout=self.stdout)
        if with_users:
            self._sign_in_block(result)

    def _sign_in_block(self, result: Any) -> None:
        password = demo_password()
        lines = [
            "",
            "How to sign in",
            "==============",
            "Open http://127.0.0.1:8000/ and sign in with one of these usernames:",
            "",
        ]
        width = max(len(username) for username, _, _ in result.users)
        for username, role, _ in result.users:
            lines.append(f"  {username.ljust(width)}  {role}")
        lines += ["", f"Password for each: {password}"]
        if older := [username for username, _, created in result.users if not created]:
            lines.append(
                "(Accounts that existed before this run keep the password they had: "
                + ", ".join(older)
                + ".)"
            )
        lines.append("")
        self.stdout.write("\n".join(lines))
