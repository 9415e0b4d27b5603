"""Issue 9: the plan document shows the plan's structure in all three formats: actions under their
approaches, outcomes, cross-cutting themes and places, Lead and Supporting columns (with "To be
confirmed"), targets and due dates with overdue actions flagged in words."""

import datetime
import io
from dataclasses import dataclass

import pytest
from django.db import transaction
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from planning.models import (
    ActionOwner,
    Approach,
    Outcome,
    OwnerLayout,
    Place,
    Status,
    StatusMeaning,
    Theme,
    Update,
)
from publishing.render import html as html_render
from publishing.render import pdf as pdf_render
from publishing.render import word as word_render
from publishing.render.document import build_plan
from tests.factories import (
    ActionFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanYearFactory,
    PriorityFactory,
)
from tests.publishing.helpers import html_text, norm, pdf_texts

pytestmark = pytest.mark.django_db

# Document order: everything below must appear in this order in every format.
ORDER = [
    "Domestic abuse",  # priority heading
    "Cross-cutting themes: Reducing reoffending; Safer streets.",
    "Places: Riverside ward.",
    "We want to:",
    "Reduce repeat victimisation",  # the priority's own outcome
    "Review the domestic abuse strategy",  # the action under no approach: first, no heading
    "Early intervention and prevention",  # approach 1
    "See more referrals from schools",
    "Run healthy relationships sessions",
    "Supporting victims and witnesses",  # approach 2
    "Help victims feel safer",
    "Fund an independent adviser",
    "Open a second One Stop Shop",
    "Anti-social behaviour",  # a priority without approaches
    "Places: Town centre.",
    "Patrol the town centre",
]
HEADERS = ["Action", "Lead", "Supporting", "Target", "Due date", "Update", "Status"]


@dataclass
class Files:
    html: str
    pdf: bytes
    docx: bytes


@pytest.fixture(scope="module")
def files(django_db_setup, django_db_blocker) -> Files:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock(), transaction.atomic():
        partnership = PartnershipFactory(slug="structured", name="Structured CSP")
        plan_year = PlanYearFactory(partnership=partnership, slug="2024-25")
        plan_year.owner_layout = OwnerLayout.LEAD_SUPPORTING
        plan_year.save()
        council, police, charity = (
            OrganisationFactory(partnership=partnership, name=name)
            for name in ("District Council", "Police", "Victim Support")
        )
        themes = [
            Theme.objects.create(partnership=partnership, name=name, order=index)
            for index, name in enumerate(["Reducing reoffending", "Safer streets"])
        ]
        riverside = Place.objects.create(
            partnership=partnership, name="Riverside ward", lsoa_codes=["E01000001"]
        )
        town = Place.objects.create(partnership=partnership, name="Town centre")

        abuse = PriorityFactory(plan_year=plan_year, title="Domestic abuse", order=1)
        abuse.themes.set(themes)
        abuse.places.set([riverside])
        early = Approach.objects.create(priority=abuse, title="Early intervention and prevention", order=1)
        victims = Approach.objects.create(priority=abuse, title="Supporting victims and witnesses", order=2)
        Outcome.objects.create(priority=abuse, text="Reduce repeat victimisation", order=1)
        Outcome.objects.create(priority=abuse, approach=victims, text="Help victims feel safer", order=2)
        Outcome.objects.create(
            priority=abuse, approach=early, text="See more referrals from schools", order=3
        )

        ActionFactory(priority=abuse, text="Review the domestic abuse strategy", owners=[council], order=1)
        ActionFactory(
            priority=abuse,
            approach=early,
            text="Run healthy relationships sessions",
            owners=[police, council, charity],
            target="20 schools",
            due_date=datetime.date(2024, 6, 30),  # past and not completed: overdue
            order=2,
        )
        adviser = ActionFactory(
            priority=abuse,
            approach=victims,
            text="Fund an independent adviser",
            owners=[charity],
            due_date=datetime.date(2099, 3, 31),
            order=3,
        )
        ActionOwner.objects.filter(action=adviser).update(role="supporting")  # no lead: To be confirmed
        shop = ActionFactory(
            priority=abuse,
            approach=victims,
            text="Open a second One Stop Shop",
            owners=[council],
            due_date=datetime.date(2024, 9, 30),  # past, but completed
            order=4,
        )
        Update.objects.create(
            action=shop,
            period=plan_year.periods.get(code="Q1"),
            narrative="Opened in May.",
            status=Status.objects.get(partnership=partnership, meaning=StatusMeaning.COMPLETED),
        )
        asb = PriorityFactory(plan_year=plan_year, title="Anti-social behaviour", order=2)
        asb.places.set([town])
        ActionFactory(priority=asb, text="Patrol the town centre", owners=[police], order=1)

        doc = build_plan(plan_year)
        result = Files(html_render.plan_html(doc), pdf_render.plan_pdf(doc), word_render.plan_docx(doc))
        transaction.set_rollback(True)
    return result


def in_order(text: str, parts: list[str]) -> None:
    start = text.rindex("Action Plans")  # the chapter, not the contents
    positions = []
    for part in parts:
        found = text.find(part, start)
        assert found >= 0, part
        positions.append(found)
        start = found + len(part)
    assert positions == sorted(positions)


def test_web_page_groups_actions_under_their_approaches(files):
    html = files.html
    in_order(html_text(html), ORDER)
    assert '<h3 id="plan-1">Domestic abuse</h3>' in html
    assert '<h4 id="plan-1-approach-1">Early intervention and prevention</h4>' in html
    assert '<h4 id="plan-1-approach-2">Supporting victims and witnesses</h4>' in html
    assert "<h4" not in html.split('id="plan-2"')[1]  # no approaches: no extra heading
    header = "".join(f'<th scope="col">{h}</th>' for h in HEADERS)
    assert html.count(header) == 4  # no approach, two approaches, the second priority
    assert "Owner/lead agency" not in html
    assert "Actions: Domestic abuse – Supporting victims and witnesses" in html


def test_lead_supporting_target_due_date_and_overdue_in_the_web_page(files):
    body = files.html.split('id="action-plans"')[1]
    sessions = html_text(body.split("Run healthy relationships sessions")[1].split("</tr>")[0])
    assert sessions == "Police District Council Victim Support 20 schools 30 June 2024 Overdue"
    adviser = html_text(body.split("Fund an independent adviser")[1].split("</tr>")[0])
    assert adviser == "To be confirmed Victim Support 31 March 2099"
    shop = html_text(body.split("Open a second One Stop Shop")[1].split("</tr>")[0])
    assert shop == "District Council 30 September 2024 Opened in May. Completed"  # completed: not overdue
    assert '<strong class="overdue">Overdue</strong>' in body


def test_pdf_shows_the_structure_and_stays_tagged(files):
    reader = PdfReader(io.BytesIO(files.pdf))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    for text in pdf_texts(files.pdf):
        # Only the first words: text extraction may join a cell's line with the next cell's.
        in_order(text, [" ".join(part.split()[:2]) for part in ORDER])
        assert "To be confirmed" in text and "30 June 2024 Overdue" in text
        assert text.count("Overdue") == 1
        for header in ("Lead", "Supporting", "Target", "Due date"):
            assert header in text


def body_blocks(data: bytes) -> list[tuple[str, object]]:
    """The Word body in order: ("Heading 2", text) for paragraphs, ("table", rows) for tables."""
    document = Document(io.BytesIO(data))
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    blocks: list[tuple[str, object]] = []
    for element in document.element.body:
        if element in paragraphs:
            paragraph = paragraphs[element]
            blocks.append((paragraph.style.name, norm(paragraph.text)))
        elif element in tables:
            table = tables[element]
            blocks.append(("table", [[norm(c.text) for c in row.cells] for row in table.rows]))
    return blocks


def test_word_file_has_real_headings_and_tables_in_order(files):
    blocks = body_blocks(files.docx)
    start = blocks.index(("Heading 1", "Action Plans 2024 – 2025"))
    end = next(i for i in range(start + 1, len(blocks)) if blocks[i][0] == "Heading 1")
    plan = blocks[start + 1 : end]
    expected = [
        ("Heading 2", "Domestic abuse"),
        ("Normal", "Cross-cutting themes: Reducing reoffending; Safer streets."),
        ("Normal", "Places: Riverside ward."),
        ("Normal", "We want to:"),
        ("List Bullet", "Reduce repeat victimisation"),
        ("table", [HEADERS, ["Review the domestic abuse strategy", "District Council", "", "", "", "", ""]]),
        ("Heading 3", "Early intervention and prevention"),
        ("Normal", "We want to:"),
        ("List Bullet", "See more referrals from schools"),
        (
            "table",
            [
                HEADERS,
                [
                    "Run healthy relationships sessions",
                    "Police",
                    "District Council Victim Support",
                    "20 schools",
                    "30 June 2024 Overdue",
                    "",
                    "",
                ],
            ],
        ),
        ("Heading 3", "Supporting victims and witnesses"),
        ("Normal", "We want to:"),
        ("List Bullet", "Help victims feel safer"),
        (
            "table",
            [
                HEADERS,
                [
                    "Fund an independent adviser",
                    "To be confirmed",
                    "Victim Support",
                    "",
                    "31 March 2099",
                    "",
                    "",
                ],
                [
                    "Open a second One Stop Shop",
                    "District Council",
                    "",
                    "",
                    "30 September 2024",
                    "Opened in May.",
                    "Completed",
                ],
            ],
        ),
        ("Heading 2", "Anti-social behaviour"),
        ("Normal", "Places: Town centre."),
        ("table", [HEADERS, ["Patrol the town centre", "Police", "", "", "", "", ""]]),
    ]
    assert plan == expected
    document = Document(io.BytesIO(files.docx))
    action_tables = [t for t in document.tables if norm(t.rows[0].cells[0].text) == "Action"]
    assert len(action_tables) == 4
    for table in action_tables:  # the header row repeats on every page
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
