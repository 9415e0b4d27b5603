"""Safe handling of user-entered text for pages, documents and spreadsheets."""

import re
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# Characters XML 1.0 forbids: C0 controls other than tab, newline and carriage return, the
# non-characters U+FFFE/U+FFFF and lone surrogates (python-docx, lxml and WeasyPrint refuse them).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Nesting of blocks and inline markup (quotes in lists in quotes...) the parser follows at most.
MAX_NESTING = 20
# Emphasis, links, code spans, images and hard line breaks per text that keep their formatting;
# the rest show as typed (a hard break as a space). WeasyPrint lays out many inline boxes in one paragraph in quadratic time (10 KB of
# "*a" took 43 s), so their number is what bounds the cost of a document.
MAX_INLINE_MARKUP = 200

_FORMATTING = {"em", "strong", "s", "link"}


def xml_safe(text: str | None) -> str:
    """User text without characters that cannot appear in an XML document (removed, not replaced)."""
    return _XML_INVALID.sub("", text or "")


def _plain(token: Token) -> Token | None:
    """A formatting token past the budget as plain text: emphasis shows its markers as typed,
    a link its text only, a code span or image its text, a hard line break a space."""
    text = Token("text", "", 0)
    if token.type == "code_inline" or token.type == "image":
        text.content = token.content
    elif token.type == "hardbreak":
        text.content = " "
    elif token.type.startswith(("em_", "strong_", "s_")):
        text.content = token.markup
    else:  # link_open / link_close
        return None
    return text


def _cap_inline_markup(state: StateCore) -> None:
    """Core rule: past MAX_INLINE_MARKUP formatted spans in one text, spans become plain text, and
    neighbouring text merges into one token (one text run in Word, one text box in the PDF)."""
    budget = MAX_INLINE_MARKUP
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        opened: list[bool] = []  # for each open span: does it keep its formatting?
        for child in block.children:
            base = child.type.rsplit("_", 1)[0]
            if child.type in ("code_inline", "image", "hardbreak") or (
                base in _FORMATTING and child.nesting == 1
            ):
                keep = budget > 0
                budget -= 1
                if child.nesting == 1:
                    opened.append(keep)
            elif base in _FORMATTING and child.nesting == -1:
                keep = opened.pop() if opened else True
            else:
                keep = True
            token = child if keep else _plain(child)
            if token is None:
                continue
            if token.type == "text" and kept and kept[-1].type == "text":
                kept[-1].content += token.content
            else:
                kept.append(token)
        block.children = kept


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one Markdown parser for pages and documents. "js-default" preset: CommonMark with raw
    HTML disabled and link validation on; nesting and formatted spans bounded (see above)."""
    parser = MarkdownIt("js-default", {"typographer": False, "maxNesting": MAX_NESTING}).enable("table")
    parser.core.ruler.push("cap_inline_markup", _cap_inline_markup)
    return parser


def render_markdown(text: str | None) -> SafeString:
    """Markdown to HTML. Raw HTML in the input is escaped; javascript: and data: links are dropped;
    characters XML cannot hold are removed (xml_safe)."""
    html = xml_safe(markdown_parser().render(xml_safe(text)))  # again: entities like &#12; decode
    return mark_safe(html)  # noqa: S308 - markdown-it escapes raw HTML here


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def spreadsheet_safe(value: object) -> object:
    """A cell value that Excel, LibreOffice and Sheets will never run as a formula.

    Text that starts with a formula trigger gets a leading apostrophe-free guard: a single quote
    character is prepended, which spreadsheet programs show as text. Numbers pass unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
