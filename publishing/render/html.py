"""The plan and progress report as HTML: one template serves the web page and, with print CSS, the PDF."""

from typing import Any

from django.template.loader import render_to_string

from publishing.render.document import PlanDocument
from publishing.render.watermark import draft_watermark_uri


def plan_html(
    doc: PlanDocument,
    *,
    web: bool = True,
    downloads: list[tuple[str, str]] | None = None,
    versions_url: str = "",
    back_url: str = "",
) -> str:
    """The whole plan as a standalone, accessible HTML page (no scripts, styles inline)."""
    context: dict[str, Any] = {
        "doc": doc,
        "web": web,
        "downloads": downloads or [],
        "versions_url": versions_url,
        "back_url": back_url,
        "watermark": draft_watermark_uri() if doc.draft else "",
    }
    return render_to_string("publishing/plan_document.html", context)


def progress_html(report: Any) -> str:
    return render_to_string("publishing/progress_report.html", {"report": report})
