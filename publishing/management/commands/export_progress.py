"""`python manage.py export_progress <partnership> <year> --format pdf|docx|xlsx --output FILE`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.actors import resolve_actor
from planning.selectors import plan_year_for_command
from publishing.management.commands._common import add_actor_argument, write_output
from publishing.progress import build_progress
from publishing.render import pdf, progress


class Command(BaseCommand):
    help = "Write the progress report (every action with its latest update and status) for a plan year."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership")
        parser.add_argument("year")
        parser.add_argument("--format", required=True, choices=["pdf", "docx", "xlsx"])
        parser.add_argument("--output", required=True, metavar="FILE")
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        plan_year = plan_year_for_command(actor, options["partnership"], options["year"])
        report = build_progress(plan_year)
        renderers = {"pdf": pdf.progress_pdf, "docx": progress.progress_docx, "xlsx": progress.progress_xlsx}
        target = write_output(options["output"], renderers[options["format"]](report))
        self.stdout.write(
            f"Wrote the {plan_year.label} progress report of {plan_year.partnership.name} to {target}."
        )
