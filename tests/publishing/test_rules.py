"""Pure rules of the document builder (no database)."""

from docx import Document

from core.documents.markdown_docx import add_markdown, shift_headings, without_images
from publishing.render.document import clean, priority_heading


def test_priority_heading_lists_sub_themes_like_the_seed():
    assert priority_heading("Violent Crime", []) == "Violent Crime"
    assert (
        priority_heading("Vulnerable people", ["mental health", "substance misuse", "doorstep crime"])
        == "Vulnerable people – to include mental health, substance misuse and doorstep crime"
    )
    assert (
        priority_heading("Domestic Abuse – including Stalking", ["stalking"])
        == "Domestic Abuse – including Stalking"
    )
    assert priority_heading("Fraud", ["scams"]) == "Fraud – to include scams"


def test_clean_removes_characters_xml_cannot_hold():
    assert clean("a\x00b\x07c\x0bd\te\nf") == "abcd\te\nf"
    assert clean(None) == ""


def test_markdown_headings_move_below_the_section_and_images_become_text():
    assert shift_headings("<h1>A</h1><h5>B</h5>") == "<h3>A</h3><h6>B</h6>"
    assert shift_headings("&lt;h1&gt;") == "&lt;h1&gt;"
    assert without_images('<p><img src="http://x/y.png" alt="a &lt;b&gt;"></p>') == "<p>a &lt;b&gt;</p>"


def test_markdown_to_word_uses_real_styles_and_plain_text():
    document = Document()
    add_markdown(
        document,
        "# Title\n\nSome **bold** and *italic* [link](https://example.org).\n\n- one\n- two\n\n> quoted\n\n<b>raw</b>",
    )
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs == [
        ("Heading 3", "Title"),
        ("Normal", "Some bold and italic link (https://example.org)."),
        ("List Bullet", "one"),
        ("List Bullet", "two"),
        ("Quote", "quoted"),
        ("Normal", "<b>raw</b>"),
    ]
    runs = document.paragraphs[1].runs
    assert [r.text for r in runs if r.bold] == ["bold"] and [r.text for r in runs if r.italic] == ["italic"]
