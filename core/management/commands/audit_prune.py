"""Remove audit events older than AUDIT_RETENTION_YEARS. Run it as the database OWNER.

The application's own database role cannot delete audit events: a trigger refuses every DELETE,
and only the table's owner may switch it off (inside this command's transaction). In production
run, for example:

    python manage.py audit_prune --database-url postgres://csphub_owner@db/csphub

Without --database-url the command uses the application's connection (fine on SQLite and in
development, where the application owns its tables).
"""

import datetime
from typing import Any

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connections, transaction
from django.utils import timezone

from core.db import audit_triggers
from core.models import AuditEvent

OWNER_ALIAS = "audit_owner"


def retention_cutoff(now: datetime.datetime, years: int) -> datetime.datetime:
    """The same moment `years` years ago (29 February becomes 28 February)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


def owner_connection(url: str | None) -> str:
    if not url:
        return "default"
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["ENGINE"] = "core.db.sqlite"
    connections.settings[OWNER_ALIAS] = connections.configure_settings({OWNER_ALIAS: config})[OWNER_ALIAS]
    return OWNER_ALIAS


def prune(alias: str, cutoff: datetime.datetime) -> int:
    connection = connections[alias]
    vendor = connection.vendor
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        for sql in audit_triggers.statements(vendor, "delete_off"):
            cursor.execute(sql)
        cursor.execute(f"DELETE FROM {audit_triggers.TABLE} WHERE occurred_at < %s", [cutoff])  # noqa: S608 - constant table name
        removed = cursor.rowcount
        for sql in audit_triggers.statements(vendor, "delete_on"):
            cursor.execute(sql)
    return removed


class Command(BaseCommand):
    help = "Remove audit events older than AUDIT_RETENTION_YEARS (run with the database owner's credentials)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--database-url", help="The database owner's connection URL (production).")
        parser.add_argument("--years", type=int, help="Override AUDIT_RETENTION_YEARS for this run.")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be removed.")

    def handle(self, *args: Any, **options: Any) -> None:
        years = options["years"] if options["years"] is not None else settings.AUDIT_RETENTION_YEARS
        if years < 1:
            raise CommandError("--years: keep audit events for at least one year.")
        cutoff = retention_cutoff(timezone.now(), years)
        alias = owner_connection(options["database_url"])
        if options["dry_run"]:
            count = AuditEvent.objects.using(alias).filter(occurred_at__lt=cutoff).count()
            self.stdout.write(f"{count} audit events are older than {cutoff:%d %B %Y} and would be removed.")
            return
        try:
            removed = prune(alias, cutoff)
        except DatabaseError as error:
            raise CommandError(
                f"Could not remove audit events: {error}. Run audit_prune with the database owner's "
                "credentials (--database-url); the application's own role may not delete them."
            ) from error
        self.stdout.write(f"Removed {removed} audit events older than {cutoff:%d %B %Y}.")
