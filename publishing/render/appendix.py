"""Appendices (publishing.appendices) in the plan and strategy documents: cleaned, numbered, and
written to Word; the HTML (and so the PDF) uses publishing/includes/appendices.html."""

from collections.abc import Sequence
from typing import Any

from core.documents.word import add_heading
from core.text import xml_safe
from publishing.appendices import Appendix, AppendixPart


def clean_appendices(found: Sequence[Appendix]) -> list[Appendix]:
    """The appendices without characters that cannot appear in an XML document."""
    return [
        Appendix(
            title=xml_safe(a.title),
            parts=[
                AppendixPart(
                    heading=xml_safe(p.heading),
                    paragraphs=[xml_safe(t) for t in p.paragraphs],
                    items=[xml_safe(t) for t in p.items],
                )
                for p in a.parts
            ],
            is_example=a.is_example,
        )
        for a in found
    ]


def numbered(appendices: Sequence[Appendix]) -> list[tuple[str, str, Appendix]]:
    """(anchor, heading, appendix): "appendix-1", "Appendix 1: Equality impact assessment"."""
    return [(f"appendix-{n}", f"Appendix {n}: {a.title}", a) for n, a in enumerate(appendices, start=1)]


def add_appendices_docx(document: Any, appendices: Sequence[Appendix]) -> None:
    """Each appendix a level-1 heading, its parts level-2 headings with paragraphs and bullets."""
    for _, heading, appendix in numbered(appendices):
        add_heading(document, heading, level=1)
        if appendix.is_example:
            paragraph = document.add_paragraph()
            paragraph.add_run("Example data: ").bold = True
            paragraph.add_run("this appendix was made up to demonstrate CSP Hub.")
        for part in appendix.parts:
            add_heading(document, part.heading, level=2)
            for text in part.paragraphs:
                document.add_paragraph(text)
            for item in part.items:
                document.add_paragraph(item, style="List Bullet")
