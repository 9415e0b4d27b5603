"""`python manage.py asb_case_review_figures <partnership> <plan-year-slug> --format json|table [--as USERNAME]`."""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from casereviews import selectors
from core.access import NotFound
from core.actors import resolve_actor
from partnership.access import access_partnership_by_slug
from planning.models import YEAR_SLUG_VALIDATOR


class Command(BaseCommand):
    help = (
        "The four statutory ASB Case Review figures of a partnership's plan year: applications, "
        "threshold not met, reviews carried out, reviews with recommendations."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="Partnership slug, e.g. tonbridge-malling")
        parser.add_argument("year", help="Plan year slug, e.g. 2019-20")
        parser.add_argument("--format", choices=["json", "table"], default="json")
        parser.add_argument(
            "--as", dest="actor", metavar="USERNAME", help="Who asks (default: the system actor)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options.get("actor"))
        try:
            YEAR_SLUG_VALIDATOR(options["year"])
        except ValidationError as error:
            raise CommandError(f"Give the plan year as 2019-20, not {options['year']!r}.") from error
        try:
            partnership = access_partnership_by_slug(actor, options["partnership"])
        except NotFound as error:
            raise CommandError(f"No partnership {options['partnership']!r} that you can see.") from error
        figures = selectors.statutory_figures(partnership, options["year"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(figures.as_dict()))
            return
        width = max(len(label) for label, _ in figures.rows())
        self.stdout.write(f"{partnership.name}: ASB Case Reviews {figures.label}")
        for label, value in figures.rows():
            self.stdout.write(f"{label.ljust(width)}  {value:>5}")
