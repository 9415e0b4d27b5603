"""`python manage.py export_plan <partnership> <year> --format html|pdf|docx --output FILE [--draft]`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.actors import resolve_actor
from planning.selectors import plan_year_for_command
from publishing.management.commands._common import add_actor_argument, write_output
from publishing.render import html, pdf, word
from publishing.render.document import build_plan


class Command(BaseCommand):
    help = "Render a plan year's Partnership Plan from the current data (no watermark unless --draft)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="The partnership's slug, e.g. tonbridge-malling.")
        parser.add_argument("year", help="The plan year, e.g. 2020-21.")
        parser.add_argument("--format", required=True, choices=["html", "pdf", "docx"])
        parser.add_argument("--output", required=True, metavar="FILE")
        add_actor_argument(parser)
        parser.add_argument("--draft", action="store_true", help='Mark every page "Draft".')

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        plan_year = plan_year_for_command(actor, options["partnership"], options["year"])
        doc = build_plan(plan_year, draft=options["draft"])
        kind = options["format"]
        if kind == "html":
            data = html.plan_html(doc).encode("utf-8")
        elif kind == "pdf":
            data = pdf.plan_pdf(doc)
        else:
            data = word.plan_docx(doc)
        target = write_output(options["output"], data)
        self.stdout.write(f"Wrote the {plan_year.label} plan of {plan_year.partnership.name} to {target}.")
