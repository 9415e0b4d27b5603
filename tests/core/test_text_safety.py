"""Text that XML cannot hold, and pathological Markdown, never break or stall a document."""

import io
import time

import pytest
from docx import Document
from lxml import etree

from assessment.charts.model import bar_chart
from assessment.charts.svg import render_svg
from core.documents.markdown_docx import add_markdown
from core.documents.pdf import html_to_pdf
from core.documents.word import add_heading, add_paragraph, add_table, new_document, to_bytes
from core.text import MAX_INLINE_MARKUP, render_markdown, xml_safe
from tests.publishing.helpers import docx_text, pdf_texts

BAD = "\x00\x08\x0b\x0c\x1f\ud800\udfff\ufffe\uffff"


def test_xml_safe_removes_only_what_xml_forbids():
    assert xml_safe(f"a{BAD}b") == "ab"
    assert xml_safe("tab\tnew\nline\r😀 é") == "tab\tnew\nline\r😀 é"
    assert xml_safe(None) == ""


def test_word_helpers_take_any_text():
    document = new_document(title=f"T{BAD}itle", author=BAD, subject="s", draft=True)
    add_heading(document, f"He{BAD}ading", level=1)
    add_paragraph(document, f"Para{BAD}graph")
    add_table(document, [f"Head{BAD}er"], [[f"Ce{BAD}ll"], [[(f"Ru{BAD}n", True)]], [[f"Li{BAD}ne", "two"]]])
    add_markdown(document, f"# Mark{BAD}down\n\n*em{BAD}* &#12;entity &#xD800;")
    text = docx_text(to_bytes(document))
    for word in ("Heading", "Paragraph", "Header", "Cell", "Run", "Line", "Markdown", "em", "entity"):
        assert word in text
    assert Document(io.BytesIO(to_bytes(document))).core_properties.title == "Title"


def test_pdf_entry_takes_any_text():
    html = f"<html lang='en'><title>x</title><body><p>Fi{BAD}ne &#12;</p>{render_markdown(BAD + 'ok')}</body>"
    text = pdf_texts(html_to_pdf(html))[-1].replace("\x00", "")
    assert "Fine" in text and "ok" in text


def test_svg_text_parses_as_xml():
    chart = bar_chart(f"Ti{BAD}tle", [f"La{BAD}bel"], [3])
    root = etree.fromstring(render_svg(chart).encode("utf-8", "surrogatepass"))
    assert "Title" in "".join(root.itertext()) and "Label" in "".join(root.itertext())


def test_markdown_caps_formatted_spans():
    html = render_markdown("*a" * 5000)
    assert html.count("<em>") == MAX_INLINE_MARKUP
    assert "a*a*a" in html  # the rest shows as typed
    nested = render_markdown("> " * 200 + "deep\n\n" + "- " * 200 + "x")
    assert nested.count("<blockquote>") <= 20


@pytest.mark.parametrize("unit", ["*a", "**a", "_a", "[a](b)", "`a`", "*a* a ", "> ", "- ", "|a", "a  \n"])
def test_pathological_markdown_renders_fast(unit):
    text = unit * (40_000 // len(unit))
    start = time.perf_counter()
    render_markdown(text)
    document = new_document(title="t", author="a", subject="s", draft=False)
    add_markdown(document, text)
    to_bytes(document)
    assert time.perf_counter() - start < 10  # about 0.5–4 s on the shared 2-core machine


@pytest.mark.parametrize("unit", ["*a", "a  \n"])
def test_pathological_markdown_pdf_is_bounded(unit):
    """10 KB of "*a" took 43 s and 40 KB of hard breaks 110 s in WeasyPrint before the caps."""
    text = unit * (40_000 // len(unit))
    html = render_markdown(text)
    assert html.count("<em>") + html.count("<br>") == MAX_INLINE_MARKUP
    start = time.perf_counter()
    html_to_pdf(f"<html lang='en'><title>t</title><body>{html}</body></html>")
    assert time.perf_counter() - start < 15  # about 1–4 s on the shared 2-core machine


hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

# Markdown-ish text: the characters that make structure, plus anything Unicode holds.
MARKDOWN = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("*_`[]()!#>-+|\\~&;#x0123 \n\t\x0b\x0c\x00<>:/.")), st.characters()
    ),
    max_size=3000,
)


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(MARKDOWN)
def test_any_markdown_renders_to_xml_safe_html_and_word(text):
    start = time.perf_counter()
    html = render_markdown(text)
    assert xml_safe(html) == html
    etree.fromstring(f"<div>{html}</div>".encode(), etree.HTMLParser())
    document = new_document(title="t", author="a", subject="s", draft=False)
    add_markdown(document, text)
    to_bytes(document)
    assert time.perf_counter() - start < 2


_DOCUMENT = Document()


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_xml_safe_output_is_always_accepted_by_lxml_and_python_docx(text):
    safe = xml_safe(text)
    element = etree.Element("p")
    element.text = safe  # lxml raises ValueError on anything XML cannot hold
    element.set("alt", safe)
    assert _DOCUMENT.add_paragraph(safe).text == safe.replace("\r", "\n")  # Word breaks a line for both
