"""Install or update the police forces, districts and partnership areas from a lookup CSV.

    python manage.py reference_install                    # the shipped core/reference file again
    python manage.py reference_install newer.csv --dry-run

The file has the shipped file's columns (core/reference/README.md). It is validated whole first;
any problem (file, line, column, why) refuses it and nothing changes. Rows are upserted by code in
one transaction, nothing is deleted, and one audit event records the counts.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError, transaction

from core.actors import resolve_actor
from core.audit import audit_record
from core.models import AuditEventType
from core.reference.lookup import SHIPPED, LookupRefused, install_lookup, read_lookup


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Install or update police forces, districts and CSP areas from a lookup CSV (default: the shipped one)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", type=Path, default=SHIPPED)
        parser.add_argument("--dry-run", action="store_true", help="Validate and count, then roll back.")
        parser.add_argument("--as", dest="as_user")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["as_user"])
        path: Path = options["file"]
        try:
            lookup = read_lookup(path)
        except LookupRefused as error:
            raise CommandError(f"Nothing installed.\n{error}") from None
        try:
            with transaction.atomic():
                counts = install_lookup(lookup)
                if options["dry_run"]:
                    raise DryRun
                audit_record(
                    actor=actor,
                    event=AuditEventType.CHANGED,
                    object_type="core.district",
                    purpose="reference_install",
                    detail={"file": path.name, **counts},
                )
        except DryRun:
            pass
        except ValueError as error:
            raise CommandError(str(error)) from None
        except IntegrityError as error:  # e.g. a slug held by another force row: nothing was written
            raise CommandError(
                f"Nothing was installed: an existing row stands in the way ({error})."
            ) from None
        found = (
            f"{len(lookup.forces)} forces, {len(lookup.districts)} districts, {len(lookup.areas)} CSP areas"
        )
        changes = ", ".join(f"{n} {what}" for what, n in counts.items())
        verb = "Would install" if options["dry_run"] else "Installed"
        self.stdout.write(f"{verb} {path.name}: {found} ({changes}).")
