"""Reading the generated files back: the PDF's text in reading order, Word via python-docx, HTML text."""

import io
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser

from docx import Document
from pypdf import PdfReader


def norm(text: str) -> str:
    """Compare text as a reader sees it: one space for any run of white space, plain apostrophes."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


def pdf_texts(data: bytes) -> list[str]:
    """The PDF's text by pypdf and, when installed, by pdftotext (both in reading order)."""
    texts = [" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)]
    if shutil.which("pdftotext"):
        result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        texts.append(result.stdout.decode("utf-8"))
    return [norm(t) for t in texts]


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return norm("\n".join(parts))


def docx_table_rows(data: bytes) -> list[list[str]]:
    document = Document(io.BytesIO(data))
    return [[norm(c.text) for c in row.cells] for table in document.tables for row in table.rows]


class _Text(HTMLParser):
    BLOCK = {"p", "td", "th", "li", "h1", "h2", "h3", "h4", "span", "br", "div", "tr", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag in ("style", "script"):
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag in ("style", "script"):
            self.skip -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self.skip:
            self.parts.append(data)


def html_text(data: bytes | str) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8") if isinstance(data, bytes) else data)
    return norm("".join(parser.parts))
