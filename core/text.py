"""Safe handling of user-entered text for pages, documents and spreadsheets."""

import re
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Characters XML 1.0 forbids (Word files are XML; python-docx refuses them).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str | None) -> str:
    """User text without characters that cannot appear in an XML document."""
    return _XML_INVALID.sub("", text or "")


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one Markdown parser for pages and documents. "js-default" preset: CommonMark with raw
    HTML disabled and link validation on."""
    return MarkdownIt("js-default", {"typographer": False}).enable("table")


def render_markdown(text: str) -> SafeString:
    """Markdown to HTML. Raw HTML in the input is escaped; javascript: and data: links are dropped."""
    return mark_safe(markdown_parser().render(text))  # noqa: S308 - markdown-it escapes raw HTML here


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def spreadsheet_safe(value: object) -> object:
    """A cell value that Excel, LibreOffice and Sheets will never run as a formula.

    Text that starts with a formula trigger gets a leading apostrophe-free guard: a single quote
    character is prepended, which spreadsheet programs show as text. Numbers pass unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
