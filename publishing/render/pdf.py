"""The plan and progress report as tagged PDFs (core.documents.pdf)."""

from typing import Any

from core.documents.pdf import html_to_pdf
from publishing.render import html as html_render
from publishing.render.document import PlanDocument


def plan_pdf(doc: PlanDocument) -> bytes:
    return html_to_pdf(html_render.plan_html(doc, web=False))


def progress_pdf(report: Any) -> bytes:
    return html_to_pdf(html_render.progress_html(report))
