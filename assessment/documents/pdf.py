"""The Strategic Assessment as a tagged PDF: the web page's content through WeasyPrint."""

from typing import Any

from django.template.loader import render_to_string

from core.documents.pdf import html_to_pdf


def assessment_html(document: dict[str, Any]) -> str:
    """The standalone HTML the PDF is made from (lang en-GB, a title, headings and table headers)."""
    return render_to_string("assessment/document_pdf.html", {"d": document})


def assessment_pdf(document: dict[str, Any]) -> bytes:
    return html_to_pdf(assessment_html(document))
