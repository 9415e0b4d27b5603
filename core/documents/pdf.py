"""Tagged, accessible PDF (PDF/UA-1) from standalone HTML through WeasyPrint."""

from core.documents.time_limit import document_time_limit
from core.text import xml_safe


def html_to_pdf(html: str) -> bytes:
    """Render with only data: URIs allowed, so user text can never make WeasyPrint reach the
    network or the disk (a Markdown image pointing elsewhere is simply left out). Characters XML
    cannot hold are removed first: a lone surrogate cannot even be encoded for the parser."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    with document_time_limit("PDF"):
        document = HTML(string=xml_safe(html), base_url=None, url_fetcher=fetcher)
        return document.write_pdf(pdf_variant="pdf/ua-1")
