"""Quality bar: the demo's published 2020-21 plan, read back from its HTML, PDF and Word files.

The demo is loaded once for the module (inside a transaction that is rolled back afterwards), and the
files checked are the ones `load_demo` published.
"""

import io
import re
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import transaction
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from demo.texts import PROJECTS
from partnership.models import Partnership
from partnership.selectors import glossary, membership_list
from planning.models import PeriodCode
from planning.selectors import action_owner_names
from publishing.models import PlanPublication
from tests.publishing.helpers import docx_table_rows, docx_text, html_text, norm, pdf_texts

# The marker also makes pytest-django create the test database the module fixture needs.
pytestmark = pytest.mark.django_db


@dataclass
class Demo:
    html: bytes
    pdf: bytes
    docx: bytes
    versions_after_rerun: int
    actions: list[tuple[str, list[str]]] = field(default_factory=list)
    review: list[tuple[str, list[str], str]] = field(default_factory=list)
    members: list[tuple[str, str]] = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Demo:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        partnership = Partnership.objects.get(slug="tonbridge-malling")
        plan_year = partnership.plan_years.get(slug="2020-21")
        publication = PlanPublication.objects.get(plan_year=plan_year)
        call_command("load_demo", stdout=io.StringIO())  # idempotent: no second version
        result = Demo(
            html=bytes(publication.html),
            pdf=bytes(publication.pdf),
            docx=bytes(publication.docx),
            versions_after_rerun=PlanPublication.objects.filter(plan_year=plan_year).count(),
        )
        for action in plan_year.actions.prefetch_related("owners__organisation"):
            result.actions.append((action.text, action_owner_names(action)))
        previous = partnership.plan_years.get(slug="2019-20")
        for action in previous.actions.prefetch_related("owners__organisation", "updates__period"):
            update = next(u for u in action.updates.all() if u.period.code == PeriodCode.YEAR_END)
            result.review.append((action.text, action_owner_names(action), update.narrative))
        result.members = [(o.name, o.phone) for o in membership_list(partnership)]
        result.terms = [(t.term, t.meaning) for t in glossary(partnership)]
        transaction.set_rollback(True)
    result.texts = {
        "html": [html_text(result.html)],
        "pdf": pdf_texts(result.pdf),
        "docx": [docx_text(result.docx)],
    }
    return result


FORMATS = ["html", "pdf", "docx"]


def flatten(outline):  # type: ignore[no-untyped-def]
    for item in outline:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def missing(demo: Demo, fmt: str, wanted: list[str]) -> list[str]:
    return [w for w in wanted for text in demo.texts[fmt] if norm(w) not in text]


def test_demo_holds_what_the_seed_holds(demo):
    assert len(demo.actions) == 30
    assert len(demo.review) == 26
    assert len(demo.members) == 24 and all(phone for _, phone in demo.members)
    assert len(demo.terms) == 18
    assert demo.versions_after_rerun == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_2020_21_action_with_its_owners(demo, fmt):
    # Cells are read in order: the action, then its owners one by one.
    rows = [f"{text} {' '.join(owners)}" for text, owners in demo.actions]
    assert missing(demo, fmt, rows) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_2019_20_action_owner_and_year_end_update(demo, fmt):
    rows = [f"{text} {' '.join(owners)} {update}" for text, owners, update in demo.review]
    assert missing(demo, fmt, rows) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_member_agency_with_its_phone_number(demo, fmt):
    assert missing(demo, fmt, [f"{name} {phone}" for name, phone in demo.members]) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_glossary_term_with_its_meaning(demo, fmt):
    assert missing(demo, fmt, [f"{term} {meaning}" for term, meaning in demo.terms]) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seed_narrative_is_in_the_plan(demo, fmt):
    quotes = [q for _, _, _, qs in PROJECTS for q in qs]
    assert len(quotes) == 3
    wanted = [
        "Our vision is for Kent to be a safe place for people to live, work and visit",
        "From April 2019 to March 2020, there were 8,394 incidents of victim based crime recorded",
        "photograph shows pupils with the Mayor of Tonbridge & Malling",
        "photograph shows Peter Williams from CDAP receiving a cheque from Co-op workers",
        "The priorities agreed through the Strategic Assessment for 2020/21 are:",
        "Email: csp@tmbc.gov.uk",
        "Vulnerable people – to include mental health, child sexual exploitation, modern slavery and "
        "human trafficking, substance misuse, youth diversion and doorstep crime",
        *quotes,
    ]
    assert missing(demo, fmt, wanted) == []


def test_sections_come_in_the_seed_order(demo):
    headings = [
        "Contents",
        "Introduction",
        "Review of actions 2019/20",
        "Review of projects and initiatives 2019/20",
        "Priority Issues for 2020 – 2021",
        "Action Plans 2020 – 2021",
        "Membership of the Community Safety Partnership and contact details",
        "Glossary",
    ]
    html = demo.html.decode()
    found = [re.search(rf"<h2 id=\"[^\"]+\">{re.escape(h)}</h2>", html) for h in headings]
    assert all(found)
    positions = [m.start() for m in found if m]
    assert positions == sorted(positions)


def test_pdf_is_tagged_a4_with_title_language_bookmarks_and_page_numbers(demo):
    reader = PdfReader(io.BytesIO(demo.pdf))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert (
        reader.metadata.title
        == "Tonbridge and Malling Community Safety Partnership – Partnership Plan 2020 – 2021"
    )
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    titles = [item.title for item in flatten(reader.outline)]
    assert {"Introduction", "Glossary", "Action Plans 2020 – 2021"} <= set(titles)
    text = demo.texts["pdf"][0]
    assert f"Page 3 of {len(reader.pages)}" in text
    # Contents with page numbers taken from where the sections landed.
    match = re.search(r"Glossary \.*\s*Page (\d+)", text)
    assert match
    glossary_page = int(match.group(1))
    assert "Glossary" in reader.pages[glossary_page - 1].extract_text()
    assert "Draft" not in text


def test_pdf_repeats_table_header_rows_across_pages(demo):
    # The tagged PDF marks header rows; the layout repeats them: a page that starts mid-table shows them.
    reader = PdfReader(io.BytesIO(demo.pdf))
    header = "Action Owner/lead agency Update Status"
    pages_with_header = [i for i, p in enumerate(reader.pages) if header in norm(p.extract_text())]
    assert len(pages_with_header) >= 5


def test_word_file_has_headings_tables_with_repeating_headers_and_properties(demo):
    document = Document(io.BytesIO(demo.docx))
    assert document.core_properties.title.startswith("Tonbridge and Malling Community Safety Partnership")
    assert document.core_properties.author == "Tonbridge and Malling Community Safety Partnership"
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Glossary") in headings
    assert ("Heading 1", "Action Plans 2020 – 2021") in headings
    assert ("Heading 2", "Violent crime") in headings
    assert all(
        t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for t in document.tables
    )
    rows = docx_table_rows(demo.docx)
    assert ["Action", "Owner/lead agency", "Update", "Status"] in rows


def test_html_page_is_accessible_by_construction(demo):
    html = demo.html.decode()
    assert '<html lang="en-GB">' in html
    assert "<script" not in html
    assert '<nav class="toc" aria-labelledby="contents">' in html
    assert html.count('<th scope="col">Action</th>') == 5 + 5
    assert "<th>" not in html
    assert 'href="plan.pdf"' in html and 'href="plan.docx"' in html
