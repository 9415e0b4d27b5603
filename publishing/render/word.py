"""The plan as a Word document, built with the generic helpers of core.documents.word."""

import io
from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from core.documents.markdown_docx import add_markdown
from core.documents.word import (
    Cell,
    add_heading,
    add_paragraph,
    add_table,
    new_document,
    page_break,
    to_bytes,
)
from publishing.render.appendix import add_appendices_docx
from publishing.render.document import Columns, PlanDocument, PrioritySection, Row


def _update_cell(row: Row) -> list[tuple[str, bool]]:
    update: list[tuple[str, bool]] = []
    if row.is_example:
        update.append(("Example data: ", True))
    if row.update_label:
        update.append((f"{row.update_label}: ", False))
    update.append((row.update, False))
    return update


def _row_cells(row: Row, columns: Columns) -> list[Cell]:
    cells: list[Cell] = [row.action]
    if columns.lead_supporting:
        cells += [row.lead, row.supporting or [""]]
    else:
        cells.append(row.owners or [""])
    if columns.target:
        cells.append(row.target.splitlines() or [""])
    if columns.due_date:
        cells.append([(row.due_date, False), (" Overdue", True)] if row.overdue else row.due_date)
    return [*cells, _update_cell(row), row.status]


def action_rows(section: PrioritySection, rows: Sequence[Row] | None = None) -> list[list[Cell]]:
    return [_row_cells(row, section.columns) for row in (section.rows if rows is None else rows)]


ACTION_WIDTHS = (5.8, 3.2, 6.8, 2.2)


def _outcomes(document: Any, outcomes: Sequence[str]) -> None:
    if outcomes:
        add_paragraph(document, "We want to:")
        for outcome in outcomes:
            add_paragraph(document, outcome, style="List Bullet")


def add_action_sections(document: Any, sections: Sequence[PrioritySection], level: int = 2) -> None:
    """Each priority a heading; its themes and places, its outcomes, then its actions under their
    approaches (each a heading one level down) in tables whose header row repeats on every page."""
    for section in sections:
        add_heading(document, section.heading, level=level)
        for tag in section.tags:
            add_paragraph(document, tag)
        _outcomes(document, section.outcomes)
        for group in section.groups:
            if group.heading:
                add_heading(document, group.heading, level=level + 1)
                if group.description:
                    add_paragraph(document, group.description)
                _outcomes(document, group.outcomes)
            if group.rows:
                add_table(
                    document,
                    section.columns.headers,
                    action_rows(section, group.rows),
                    widths=section.columns.word_widths,
                )
            else:
                add_paragraph(document, "No actions recorded.")


def _toc(document: Any, entries: Sequence[str]) -> None:
    """A Word TOC field (Update Field fills in page numbers); until then it lists the sections."""
    paragraph = document.add_paragraph()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-1" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    for element in (begin, instruction, separate):
        run = paragraph.add_run()
        run._r.append(element)
    for index, entry in enumerate(entries):
        run = paragraph.add_run(entry)
        if index < len(entries) - 1:
            run.add_break()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _add_photo(document: Any, photo: Any) -> None:
    try:
        shape = document.add_picture(io.BytesIO(photo.data), width=Cm(12))
    except Exception:  # noqa: BLE001 - an unreadable image is left out, never breaks the document
        return
    shape._inline.docPr.set("descr", photo.alt)
    if photo.caption:
        document.add_paragraph(photo.caption, style="Caption")


MEMBER_COLUMNS = (("Telephone", "phone"), ("Website", "website"), ("Email", "email"))


def _members_table(document: Any, doc: PlanDocument) -> None:
    """Organisation and only the contact columns some member has a value for (as the web page)."""
    columns = [(label, name) for label, name in MEMBER_COLUMNS if any(getattr(m, name) for m in doc.members)]
    add_table(
        document,
        ("Organisation", *(label for label, _ in columns)),
        [[m.name, *(getattr(m, name) for _, name in columns)] for m in doc.members],
        row_headers=True,
    )


# What follows w:updateFields in settings.xml (the schema's order; Word rejects elements out of it).
_AFTER_UPDATE_FIELDS = [
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
]


def _update_fields_on_open(document: Any) -> None:
    """settings.xml `w:updateFields`: Word fills in the contents (the TOC field) when it opens the file."""
    settings = document.settings.element
    found = settings.find(qn("w:updateFields"))
    if found is None:
        found = OxmlElement("w:updateFields")
        later = [child for child in settings if child.tag in {qn(f"w:{n}") for n in _AFTER_UPDATE_FIELDS}]
        if later:
            later[0].addprevious(found)
        else:
            settings.append(found)
    found.set(qn("w:val"), "true")


def plan_docx(doc: PlanDocument) -> bytes:
    document = new_document(
        title=doc.title, author=doc.author, subject=f"Partnership Plan {doc.year_label}", draft=doc.draft
    )
    document.add_paragraph(doc.partnership_name, style="Title")
    document.add_heading(doc.plan_name, level=1)
    if doc.version and doc.published_at:
        document.add_paragraph(f"Version {doc.version}, published {doc.published_at:%-d %B %Y}")
    elif doc.draft:
        document.add_paragraph("Draft – not published")
    if doc.has_example_data:
        paragraph = document.add_paragraph()
        paragraph.add_run("Example data: ").bold = True
        paragraph.add_run("entries marked “Example data” were made up to demonstrate CSP Hub.")
    page_break(document)
    document.add_paragraph("Contents", style="TOC Heading" if "TOC Heading" in document.styles else None)
    _toc(document, [label for _, label in doc.toc])
    _update_fields_on_open(document)
    page_break(document)

    document.add_heading("Introduction", level=1)
    add_markdown(document, doc.introduction)
    if doc.has_review:
        document.add_heading(doc.review_heading, level=1)
        add_markdown(document, doc.review_narrative)
        if doc.key_figures:
            document.add_heading(f"Key figures {doc.previous_label}", level=2)
            rows = [
                [
                    [("Example data: ", True), (f.name, True)] if f.is_example else f.name,
                    f.value,
                    f.period,
                    f.comparison,
                    f.change,
                    f.source,
                    *([f.baseline, f.target, f.latest, f.progress] if doc.key_figures_have_targets else []),
                ]
                for f in doc.key_figures
            ]
            headers: tuple[str, ...] = ("Figure", "Value", "Period", "Compared with", "Change", "Source")
            if doc.key_figures_have_targets:
                headers += ("Baseline", "Target", "Latest value", "Progress")
            add_table(document, headers, rows, row_headers=True)
        if doc.review_priorities_sentence:
            document.add_paragraph(doc.review_priorities_sentence)
        add_action_sections(document, doc.review_sections)
    if doc.has_projects:
        document.add_heading(doc.projects_heading, level=1)
        add_markdown(document, doc.projects_introduction)
        for project in doc.projects:
            document.add_heading(project.heading, level=2)
            add_markdown(document, project.narrative)
            for photo in project.photos:
                _add_photo(document, photo)
            for quote in project.quotes:
                document.add_paragraph(f"“{quote.text}”", style="Quote")
                if quote.attribution:
                    document.add_paragraph(quote.attribution)
            for item in project.projects:
                document.add_heading(item.title, level=3)
                add_markdown(document, item.summary)
                for output in item.outputs:
                    document.add_paragraph(output, style="List Bullet")
                if item.funding:
                    document.add_paragraph(item.funding)
                for photo in item.photos:
                    _add_photo(document, photo)
                for quote in item.quotes:
                    document.add_paragraph(f"“{quote.text}”", style="Quote")
                    if quote.attribution:
                        document.add_paragraph(quote.attribution)
    document.add_heading(f"Priority Issues for {doc.long_label}", level=1)
    add_markdown(document, doc.priority_issues_before)
    for section in doc.priority_list:
        document.add_paragraph(section.heading, style="List Bullet")
        add_markdown(document, section.description)
    add_markdown(document, doc.priority_issues_after)
    if doc.measures:
        document.add_heading(f"Measures and targets {doc.year_label}", level=2)
        add_table(
            document,
            ("Measure", "Baseline", "Target", "Latest value", "Progress", "Source"),
            [
                [
                    [("Example data: ", True), (f.name, True)] if f.is_example else f.name,
                    f.baseline,
                    f.target,
                    f.latest,
                    f.progress,
                    f.source,
                ]
                for f in doc.measures
            ],
            row_headers=True,
        )
    document.add_heading(f"Action Plans {doc.long_label}", level=1)
    add_action_sections(document, doc.priorities)
    document.add_heading("Membership of the Community Safety Partnership and contact details", level=1)
    _members_table(document, doc)
    if doc.glossary:
        document.add_heading("Glossary", level=1)
        add_table(document, ("Term", "Meaning"), [list(t) for t in doc.glossary], row_headers=True)
    document.add_heading("Contact details", level=1)
    document.add_paragraph().add_run(doc.partnership_name).bold = True
    if doc.contact_block:
        add_markdown(document, doc.contact_block)
    else:
        for label, value in doc.contact_lines:
            document.add_paragraph(f"{label}: {value}")
    add_appendices_docx(document, doc.appendices)
    return to_bytes(document)
