"""Tagged, accessible PDF (PDF/UA-1) from the document HTML through WeasyPrint."""

from typing import Any

from publishing.render import html as html_render
from publishing.render.document import PlanDocument


def html_to_pdf(html: str) -> bytes:
    """Render with only data: URIs allowed, so user text can never make WeasyPrint reach the
    network or the disk (a Markdown image pointing elsewhere is simply left out)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")


def plan_pdf(doc: PlanDocument) -> bytes:
    return html_to_pdf(html_render.plan_html(doc, web=False))


def progress_pdf(report: Any) -> bytes:
    return html_to_pdf(html_render.progress_html(report))
