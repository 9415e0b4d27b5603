"""User Markdown into Word paragraphs and runs. Text only ever becomes run text, never markup.

The text is XML-safe before parsing and again per run: an entity such as `&#12;` decodes to a
character XML cannot hold."""

import re
from typing import Any

from markdown_it.token import Token

from core.text import markdown_parser, xml_safe

_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


def shift_headings(html: str, by: int = 2) -> str:
    """Move the headings of rendered Markdown below the section's own (h1 → h3), so the page's
    heading order stays valid. Only generated tags match: raw HTML in user text is escaped."""
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + by, 6)}>", html)


_IMAGE_TAG = re.compile(r'<img src="[^"]*" alt="([^"]*)"[^>]*>')


def without_images(html: str) -> str:
    """Markdown images become their (already escaped) alternative text: documents only show
    photographs stored with the review, never pictures loaded from elsewhere."""
    return _IMAGE_TAG.sub(lambda m: m[1], html)


def add_markdown(container: Any, text: str, *, heading_base: int = 2) -> None:
    """Append `text` (Markdown) to a python-docx Document or table cell.

    Headings become Word headings below `heading_base`; lists use List Bullet / List Number;
    quotes use the Quote style; bold, italic and links are kept as formatting and text.
    """
    if not text.strip():
        return
    tokens = markdown_parser().parse(xml_safe(text))  # as render_markdown: raw HTML off
    lists: list[str] = []
    quote_depth = 0
    heading_style: str | None = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            level = min(heading_base + int(token.tag[1]), 9)
            heading_style = f"Heading {level}"
        elif kind == "bullet_list_open":
            lists.append("List Bullet")
        elif kind == "ordered_list_open":
            lists.append("List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "inline":
            style = heading_style or (lists[-1] if lists else ("Quote" if quote_depth else None))
            paragraph = container.add_paragraph(style=style)
            add_inline(paragraph, token.children or [])
            heading_style = None
        elif kind in ("fence", "code_block"):
            container.add_paragraph(xml_safe(token.content.rstrip("\n")))


def add_inline(paragraph: Any, children: list[Token]) -> None:
    bold = italic = 0
    link: str | None = None
    link_text = ""
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            run = paragraph.add_run(xml_safe(child.content))
            run.bold = bold > 0 or None
            run.italic = italic > 0 or None
            if link is not None:
                link_text += child.content
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link, link_text = str(child.attrGet("href") or ""), ""
        elif kind == "link_close":
            if link and link != link_text and not link.startswith("#"):
                paragraph.add_run(xml_safe(f" ({link})"))
            link = None
        elif kind == "image":
            paragraph.add_run(xml_safe(child.content))
