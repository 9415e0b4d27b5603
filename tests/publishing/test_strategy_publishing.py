"""Issue 9: a strategy is published like a plan (immutable versions, PDF, Word, withdrawal → 410),
and a delivery plan of a year that belongs to a strategy names it."""

import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from pypdf import PdfReader

from core.errors import AccessDenied, ServiceError
from planning.models import PlanYearState
from planning.services.strategies import plan_year_set_strategy, strategy_create, strategy_delete
from publishing import services, services_strategy
from publishing.checks_strategy import strategy_checklist
from publishing.models import ImmutableError, StrategyPublication, StrategyWithdrawal
from publishing.render import html as html_render
from publishing.render import pdf as pdf_render
from publishing.render import strategy as render
from publishing.render import word as word_render
from publishing.render.document import build_plan
from tests.factories import PriorityFactory
from tests.publishing.helpers import docx_text, html_text, pdf_texts

pytestmark = pytest.mark.django_db

BASE = "/p/test-csp/strategy/2020-2022/"
TITLE = "Community Safety Strategy"
VISION = "A district where everyone is and feels safe."


@pytest.fixture
def strategy(world):  # type: ignore[no-untyped-def]
    found = strategy_create(
        partnership=world.partnership,
        title=TITLE,
        start_year=2020,
        end_year=2022,
        vision=VISION,
        narrative="## Our approach\n\nWe work **together**.",
        actor=world.coordinator,
        plan_years=True,
    )
    PriorityFactory(plan_year=found.plan_years.get(slug="2021-22"), title="Domestic abuse")
    return found


def publish(strategy, world):  # type: ignore[no-untyped-def]
    return services_strategy.strategy_publish(strategy=strategy, actor=world.coordinator, confirmed=True)


def test_the_strategy_document_in_all_three_formats(client, world, strategy):
    world.plan_year.refresh_from_db()
    world.plan_year.state = PlanYearState.LIVE
    world.plan_year.save()
    services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    publication = publish(strategy, world)
    assert publication.number == 1 and publication.intact()

    page = client.get(BASE)
    assert page.status_code == 200 and page.content == bytes(publication.html)
    assert "script-src" not in page["Content-Security-Policy"]
    text = html_text(page.content.decode())
    for expected in (
        "Community Safety Strategy",
        "2020–2022",
        VISION,
        "Delivery plan 2020/21",
        "Delivery plan 2021/22",
        "Violent crime",
        "Domestic abuse",
        "The strategy covers 2 plan years: 2020/21 and 2021/22.",
    ):
        assert expected in text, expected
    # Each plan year links to its published delivery plan when there is one.
    assert 'href="/p/test-csp/plan/2020-21/"' in page.content.decode()
    assert "The delivery plan 2021/22 is not published yet." in text

    pdf = client.get(BASE + "strategy.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == bytes(publication.pdf)
    assert (
        PdfReader(io.BytesIO(pdf.content)).metadata.title
        == "Test Community Safety Partnership – Community Safety Strategy 2020–2022"
    )
    for found in pdf_texts(pdf.content):
        assert "Community Safety Strategy" in found and VISION in found
        assert "Delivery plan 2021/22" in found and "Domestic abuse" in found

    docx = client.get(BASE + "strategy.docx")
    assert docx.content == bytes(publication.docx)
    words = docx_text(docx.content)
    assert "Community Safety Strategy 2020–2022" in words and VISION in words
    assert "Delivery plan 2020/21" in words and "Domestic abuse" in words
    headings = [
        p.text for p in Document(io.BytesIO(docx.content)).paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[:2] == ["Community Safety Strategy 2020–2022", "Vision"]

    versions = client.get(BASE + "versions/").content.decode()
    assert (
        "Version 1" in versions
        and 'href="/p/test-csp/strategy/2020-2022/versions/1/strategy.pdf"' in versions
    )
    assert client.get(BASE + "versions/1/").content == bytes(publication.html)
    index = client.get("/p/test-csp/").content.decode()  # published: the strategy alone lists it
    assert "Community Safety Strategy 2020–2022" in index and f'href="{BASE}strategy.pdf"' in index


def test_versions_are_immutable_and_withdrawal_answers_410(client, world, strategy):
    first = publish(strategy, world)
    strategy.vision = "Changed for version 2"
    strategy.save()
    second = publish(strategy, world)
    assert second.number == 2 and b"Changed for version 2" in bytes(second.html)
    assert b"Changed for version 2" not in bytes(first.html)
    with pytest.raises(ImmutableError):
        second.save()
    with pytest.raises(ImmutableError):
        StrategyPublication.objects.filter(pk=second.pk).update(number=9)
    with pytest.raises(ImmutableError):
        second.delete()

    reason = "The vision was not agreed"
    withdrawal = services_strategy.strategy_withdraw(
        publication=second, actor=world.coordinator, reason=reason
    )
    for path in ("versions/2/", "versions/2/strategy.pdf", "versions/2/strategy.docx"):
        gone = client.get(BASE + path)
        assert gone.status_code == 410, path
        assert f"This version was withdrawn on {withdrawal.withdrawn_at:%-d %B %Y}." in gone.content.decode()
        assert reason not in gone.content.decode()
    assert client.get(BASE).content == bytes(first.html)
    with pytest.raises(ServiceError, match="already withdrawn"):
        services_strategy.strategy_withdraw(publication=second, actor=world.coordinator, reason=reason)
    with pytest.raises(ImmutableError):
        withdrawal.save()
    with pytest.raises(ImmutableError):
        StrategyWithdrawal.objects.all().delete()

    services_strategy.strategy_withdraw(publication=first, actor=world.coordinator, reason=reason)
    gone = client.get(BASE)
    assert gone.status_code == 410 and b"This strategy was withdrawn on" in gone.content
    assert client.get(BASE + "versions/").status_code == 200


def test_nothing_published_is_404_and_a_published_strategy_is_never_deleted(client, world, strategy):
    assert client.get(BASE).status_code == 404
    assert client.get(BASE + "strategy.pdf").status_code == 404
    assert client.get(BASE + "versions/").status_code == 404
    assert client.get("/p/test-csp/strategy/2020-22/").status_code == 404
    publish(strategy, world)
    for year in list(strategy.plan_years.all()):
        plan_year_set_strategy(plan_year=year, strategy=None, actor=world.coordinator)
    with pytest.raises(ServiceError, match="has been published"):
        strategy_delete(strategy=strategy, actor=world.coordinator)


def test_only_coordinators_publish_and_the_checklist_needs_confirming(world, strategy):
    with pytest.raises(AccessDenied):
        services_strategy.strategy_publish(strategy=strategy, actor=world.member, confirmed=True)
    empty = strategy_create(
        partnership=world.partnership, title="Next", start_year=2022, end_year=2024, actor=world.coordinator
    )
    checklist = strategy_checklist(empty)
    assert [c.problem for c in checklist.checks] == [
        "These sections are empty:",
        "No plan year belongs to the strategy: it will list no delivery plans.",
    ]
    with pytest.raises(ServiceError, match="then confirm"):
        services_strategy.strategy_publish(strategy=empty, actor=world.coordinator)
    assert strategy_checklist(strategy).checks == []
    assert publish(strategy, world).number == 1


def test_a_delivery_plan_names_its_strategy_and_a_year_without_one_is_unchanged(world, strategy):
    plan_year_set_strategy(plan_year=world.plan_year, strategy=None, actor=world.coordinator)
    world.plan_year.refresh_from_db()
    alone = build_plan(world.plan_year)
    assert alone.title == "Test Community Safety Partnership – Partnership Plan 2020 – 2021"

    year = strategy.plan_years.get(slug="2021-22")
    doc = build_plan(year)
    expected = "Delivery plan 2021/22 of the Community Safety Strategy 2020–2022"
    assert doc.title == f"Test Community Safety Partnership – {expected}"
    page = html_text(html_render.plan_html(doc))
    assert expected in page
    assert any(expected in text for text in pdf_texts(pdf_render.plan_pdf(doc)))
    assert expected in docx_text(word_render.plan_docx(doc))


def test_preview_and_draft_files_are_watermarked(client, world, strategy):
    client.force_login(world.member)
    base = "/partnerships/test-csp/strategy-documents/2020-2022/"
    assert client.get(base).status_code == 200
    preview = client.get(base + "preview/").content.decode()
    assert "draft-banner" in preview and "data:image/png;base64," in preview
    docx = client.get(base + "draft.docx")
    assert "DRAFT – not published" in Document(io.BytesIO(docx.content)).sections[0].header.paragraphs[0].text
    assert client.get(base + "draft.pdf")["Content-Type"] == "application/pdf"
    assert client.get(base + "publish/").status_code == 404
    client.force_login(world.coordinator)
    response = client.post(base + "publish/", {"confirm": "on"})
    assert response.status_code == 302 and StrategyPublication.objects.count() == 1


def test_the_publish_command(world, strategy):
    out = io.StringIO()
    with pytest.raises(CommandError, match="--confirm"):
        call_command("publish_strategy", "test-csp", "2020-2022", stdout=out)
    assert "No problems found." in out.getvalue()
    call_command("publish_strategy", "test-csp", "2020-2022", "--confirm", stdout=out)
    assert "/p/test-csp/strategy/2020-2022/versions/1/" in out.getvalue()
    with pytest.raises(CommandError, match="no strategy 2020-2023"):
        call_command("publish_strategy", "test-csp", "2020-2023", "--confirm", stdout=out)


SCRIPT = "<script>alert('x')</script>"
IMG = '<img src="x" onerror="alert(1)">'


def test_user_text_cannot_inject_markup_into_any_format(world):
    hostile = strategy_create(
        partnership=world.partnership,
        title=f'Strategy {SCRIPT} "quoted" \\',
        start_year=2024,
        end_year=2026,
        vision=f"Vision {IMG} [click](javascript:alert(1))",
        narrative=f"Narrative {SCRIPT} ![t](http://127.0.0.1:9/t.png) \x07bell",
        actor=world.coordinator,
        plan_years=True,
    )
    PriorityFactory(plan_year=hostile.plan_years.first(), title=f"P {IMG}")
    doc = render.build_strategy(hostile)
    html = render.strategy_html(doc)
    assert "<script>" not in html and '<img src="x"' not in html and 'href="javascript:' not in html
    assert "127.0.0.1" not in html
    assert "&lt;script&gt;" in html
    pdf = render.strategy_pdf(doc)
    assert any("<script>alert('x')</script>" in text for text in pdf_texts(pdf))  # shown as text
    docx = render.strategy_docx(doc)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        body = archive.read("word/document.xml").decode()
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert re.search(r"<w:t[^>]*>[^<]*Strategy &lt;script&gt;", body)
    # A delivery plan naming the hostile strategy stays safe too.
    plan = build_plan(hostile.plan_years.first())
    assert "<script>" not in html_render.plan_html(plan)
