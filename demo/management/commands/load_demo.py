"""`python manage.py load_demo [--no-users]`: the seed plan as a demo partnership, and the made-up
`example-district` beside it."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from core.actors import system_user
from demo.loader import demo_load_all
from demo.partnership import DemoResult
from demo.users import ADMIN_USERNAME, demo_password


class Command(BaseCommand):
    help = (
        "Load the Tonbridge and Malling demo partnership from the seed plan and the made-up "
        "example-district partnership (idempotent), and create the demo users. Acts as the system actor. Refused under production settings unless "
        "--no-users is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-users", action="store_true", help="Load the data only; create no demo users."
        )
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000/",
            help="The address printed in the sign-in instructions (make demo passes its HOST and PORT).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with_users = not options["no_users"]
        if with_users and not settings.DEMO_USERS_ALLOWED:
            raise CommandError(
                "Refusing to create demo users (with a published password) under production settings. "
                "Set DEBUG=true or CSPHUB_ALLOW_DEMO_USERS=true on a demo machine, or run "
                "load_demo --no-users to load the demo data without users."
            )
        actor = system_user()
        assert isinstance(actor, User)  # the project's user model (core types it as Django's abstract one)
        result = demo_load_all(actor=actor, with_users=with_users, stdout=self.stdout)
        if with_users:
            self._sign_in_block(result, url=options["url"])

    def _sign_in_block(self, result: DemoResult, *, url: str) -> None:
        lines = [
            "",
            "How to sign in",
            "==============",
            f"Open {url} and sign in with one of these usernames:",
            "",
        ]
        users = sorted(result.users, key=lambda user: user.username == ADMIN_USERNAME)  # admin last
        width = max(len(user.username) for user in users)
        lines += [f"  {user.username.ljust(width)}  {user.description}" for user in users]
        lines += ["", f"Password for each: {demo_password()}"]
        if older := [user.username for user in users if not user.created]:
            lines.append(
                "(Accounts that existed before this run keep the password they had: "
                + ", ".join(older)
                + ".)"
            )
        if result.two_factor:
            lines += [
                "",
                "Case-work pages need two-factor sign-in. Add these demo keys to an authenticator app:",
            ]
            for username, secret, uri in result.two_factor:
                lines += [f"  {username}: {secret}", f"    {uri}"]
        lines.append("")
        self.stdout.write("\n".join(lines))
