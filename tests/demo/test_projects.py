"""The demo's 14 projects of 2019/20 with their outputs, and the issue's Done-when journey: the
council's lead officer records spend and an output on the crime prevention events project and
drafts its evaluation; the coordinator approves and closes it and downloads the funder's return,
whose sums equal the spend entries to the penny; an overspend without override is refused."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import User
from demo.partnership import demo_load
from demo.projects import PROJECTS, projects_load
from projects import selectors
from projects.models import FundingPot, Project, Spend

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    from core.actors import system_user

    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    projects_load(partnership=result.partnership, actor=actor, stdout=io.StringIO())
    out = io.StringIO()
    projects_load(partnership=result.partnership, actor=actor, stdout=out)  # idempotent
    assert "nothing changed" in out.getvalue()
    return result


def test_the_seed_projects_and_their_outputs(demo):
    coordinator = User.objects.get(username="coordinator")
    year = demo.partnership.plan_years.get(slug="2019-20")
    rows = {row.project.title: row for row in selectors.project_rows(coordinator, year)}
    assert len(rows) == 14 == len(PROJECTS)
    outputs = {title: [o.actual_text for o in row.outputs] for title, row in rows.items()}
    assert outputs["Kenward Trust"] == ["1,854 young people"]
    assert "over 1,800" in rows["Kenward Trust"].project.summary
    assert outputs["Theatre ADAD “Wasted”"][0] == "865 pupils"
    assert outputs["Reform Restore Respect"] == ["382 pupils"]
    assert outputs["Gangs training"] == ["40 professionals"]
    assert outputs["Y2 Crew summer holiday scheme"] == ["over 190 young people"]
    assert outputs["Freedom Programme"] == ["20 women"]
    assert outputs["CDAP"] == ["13 men", "13 women", "41 children"]
    assert outputs["Crime prevention events"] == ["8 events"]
    assert outputs["One Stop Shop"] == ["over 35 people"]
    statuses = {title: row.project.status for title, row in rows.items()}
    assert statuses["Kenward Trust"] == statuses["Doorstep crime analyst"] == "running"
    assert {s for t, s in statuses.items() if t not in ("Kenward Trust", "Doorstep crime analyst")} == {
        "completed"
    }
    assert all(p.is_example for p in FundingPot.objects.filter(plan_year=year))
    assert all(s.is_example for s in Spend.objects.all())


def test_done_when_journey(client, demo):
    lead, coordinator = User.objects.get(username="lead.council"), User.objects.get(username="coordinator")
    project = Project.objects.get(title="Crime prevention events")
    slug = demo.partnership.slug
    one = lambda name, *a: reverse(f"projects:{name}", args=[slug, project.pk, *a])  # noqa: E731
    page = client.get(reverse("projects:list", args=[slug]), {"year": "2019-20"})
    assert page.status_code == 302  # signed out: sent to sign in
    client.force_login(lead)
    page = client.get(reverse("projects:list", args=[slug]), {"year": "2019-20"}).content.decode()
    assert page.count('href="/partnerships/tonbridge-malling/projects/') >= 14

    allocation = project.allocations.get()
    data = {"allocation": allocation.pk, "date": "3/2/2020", "description": "Shed alarms"}
    before = Spend.objects.count()
    page = client.post(one("spend_create"), {**data, "amount": "1000.00"}).content.decode()
    assert "more than is left of its allocation (£424.50 of £1,200.00)" in page
    assert Spend.objects.count() == before
    assert client.post(one("spend_create"), {**data, "amount": "99.99"}).status_code == 302
    output = project.outputs.get()
    response = client.post(one("output_value_create", output.pk), {"period_label": "2019/20", "value": "8"})
    assert response.status_code == 302
    evaluation = {
        "delivered": "8 events",
        "outcomes": "Crime prevention advice",
        "learned": "Go early",
        "fund_again": "yes",
    }
    assert client.post(one("evaluation"), evaluation).status_code == 302
    assert client.post(one("evaluation_approve")).status_code == 404  # only the coordinator approves

    client.force_login(coordinator)
    assert client.post(one("evaluation_approve")).status_code == 302
    assert client.post(one("project_status"), {"to": "evaluated", "note": "Closed"}).status_code == 302
    project.refresh_from_db()
    assert project.status == "evaluated"

    pot = allocation.pot
    response = client.get(reverse("projects:pot_return", args=[slug, pot.pk, "csv"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    spent = sum((Decimal(r["Spent"]) for r in rows if r["Spent"]), Decimal("0"))
    entries = sum((s.amount for s in Spend.objects.filter(allocation__pot=pot)), Decimal("0"))
    assert spent == entries == Decimal("875.49")
    assert rows[0]["Pot"].startswith("[Example data]")


def test_every_sentence_of_the_seed_section_in_order_in_the_published_pdf_and_word(db):
    """The section's paragraphs that are not projects are its priorities' introductions; the rest
    are the projects' summaries, printed after them in the seed's order: nothing is lost or moved."""
    import re

    from core.actors import system_user
    from demo import texts
    from demo.projects import SENTENCE_END
    from demo.publishing import plan_document_load
    from publishing.models import PlanPublication
    from tests.publishing.helpers import docx_text, norm, pdf_texts

    actor = system_user()
    result = demo_load(actor=actor, with_users=False)
    projects_load(partnership=result.partnership, actor=actor, stdout=io.StringIO())
    plan_document_load(partnership=result.partnership, actor=actor, stdout=io.StringIO())
    publication = PlanPublication.objects.get(plan_year__partnership=result.partnership)
    sentences = [norm(texts.PROJECTS_INTRODUCTION.split("\n\n")[0])]
    for _, _, narrative, quotes in texts.PROJECTS:
        plain = narrative.replace("*", "")
        sentences += [
            norm(s) for p in plain.split("\n\n") for s in SENTENCE_END.split(p.strip()) if s.strip()
        ]
        sentences += [norm(q) for q in quotes]
    assert len(sentences) > 50

    def reading(text: str) -> str:
        """The text without the PDF's running page footers, and words without hyphens (a PDF reader
        may keep, space or drop one broken at a line end)."""
        footer = r" ?(• )?Partnership Plan \d{4} – \d{4} Page \d+ of \d+| ?Page \d+ of \d+ Partnership Plan \d{4} – \d{4}"
        text = re.sub(footer, "", text)
        return re.sub(r"(?<=\w)- ?(?=\w)", "", text)  # "Anti-social", "Anti- social", "Antisocial"

    sentences = [reading(s) for s in sentences]
    for text in [
        reading(docx_text(bytes(publication.docx))),
        *map(reading, pdf_texts(bytes(publication.pdf))),
    ]:
        start = text.index("Review of projects and initiatives 2019/20")
        position, found = start, []
        for sentence in sentences:
            at = text.find(sentence, position)
            found.append((sentence[:50], at >= 0))
            position = at if at >= 0 else position
        assert all(ok for _, ok in found), [s for s, ok in found if not ok]
    assert re.search(r"Kenward Trust.{0,400}over 1,800 individuals", docx_text(bytes(publication.docx)))
