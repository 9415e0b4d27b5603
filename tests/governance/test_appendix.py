"""An equality impact assessment the coordinator chooses to print is an appendix of the plan (or the
strategy) document: in its HTML, tagged PDF and Word, stored in the published version's bytes, with
the user's text escaped; not printed when not chosen."""

import datetime
import re

import pytest

from governance import services
from planning.models import PlanYearState
from planning.services.strategies import strategy_create
from publishing import services as publishing_services
from publishing import services_strategy
from publishing.checks import publish_checklist
from tests.publishing.helpers import docx_text, html_text, pdf_texts

pytestmark = pytest.mark.django_db
HEADING = "Appendix 1: Equality impact assessment"
FINDINGS = (
    "Reporting of <script>alert(1)</script> hate crime is lower among older residents.\x0c\n\nSecond finding."
)


def eia(world, *, chosen: bool, **subject):  # type: ignore[no-untyped-def]
    return services.eia_save(
        actor=world.coordinator,
        partnership=world.partnership,
        fields=services.EiaFields(
            characteristics=["age", "race"],
            findings=FINDINGS,
            mitigations='=HYPERLINK("http://x") Third-party reporting centres & outreach.',
            approver="Chair of the Strategy Group",
            approved_on=datetime.date(2020, 5, 1),
            print_as_appendix=chosen,
            **(subject or {"plan_year": world.plan_year}),
        ),
    )


def publish(world):  # type: ignore[no-untyped-def]
    world.plan_year.refresh_from_db()
    world.plan_year.state = PlanYearState.LIVE
    world.plan_year.save()
    return publishing_services.plan_publish(
        plan_year=world.plan_year, actor=world.coordinator, confirmed=True
    )


def assert_printed(html: bytes, pdf: bytes, docx: bytes) -> None:
    raw = html.decode()
    assert f'<h2 id="appendix-1">{HEADING}</h2>' in raw
    assert '<a href="#appendix-1">' in raw  # in the contents
    assert "<script>alert" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    for text in [html_text(html), *pdf_texts(pdf), docx_text(docx)]:
        assert HEADING in text
        assert re.search(r"Protected characteristics considered\W+Age\W+Race\W+Findings", text), text
        assert "older residents. Second finding." in text
        assert "Third-party reporting centres & outreach." in text
        assert "Approved by Chair of the Strategy Group on 1 May 2020." in text


def test_a_chosen_eia_is_printed_in_the_published_plan_and_stays_in_that_version(world):
    found = eia(world, chosen=True)
    first = publish(world)
    assert_printed(bytes(first.html), bytes(first.pdf), bytes(first.docx))
    # Choosing not to print it: the next version has no appendix; the first keeps its bytes.
    services.eia_save(
        actor=world.coordinator,
        partnership=world.partnership,
        eia=found,
        fields=services.EiaFields(characteristics=["age"], findings="Changed.", plan_year=world.plan_year),
    )
    second = publish(world)
    for text in [html_text(bytes(second.html)), *pdf_texts(bytes(second.pdf)), docx_text(bytes(second.docx))]:
        assert "Equality impact assessment" not in text
    first.refresh_from_db()
    assert HEADING in html_text(bytes(first.html)) and "Changed." not in html_text(bytes(first.html))


def test_an_eia_not_chosen_is_not_printed(world):
    eia(world, chosen=False)
    publication = publish(world)
    for text in [
        html_text(bytes(publication.html)),
        *pdf_texts(bytes(publication.pdf)),
        docx_text(bytes(publication.docx)),
    ]:
        assert "Equality impact assessment" not in text and "older residents" not in text


def test_an_example_eia_is_named_in_the_publishing_checklist(world):
    found = eia(world, chosen=True)
    type(found).objects.filter(pk=found.pk).update(is_example=True)
    checklist = publish_checklist(world.plan_year)
    assert any("Appendix: Equality impact assessment" in d for c in checklist.checks for d in c.details)


def test_a_chosen_eia_of_a_strategy_is_printed_in_the_strategy_document(world):
    strategy = strategy_create(
        partnership=world.partnership,
        title="Community Safety Strategy",
        start_year=2020,
        end_year=2022,
        vision="Safe.",
        narrative="Together.",
        actor=world.coordinator,
        plan_years=True,
    )
    eia(world, chosen=True, strategy=strategy)
    publication = services_strategy.strategy_publish(
        strategy=strategy, actor=world.coordinator, confirmed=True
    )
    assert_printed(bytes(publication.html), bytes(publication.pdf), bytes(publication.docx))
    # the plan year's own document has no appendix: the assessment is of the strategy
    plan = publish(world)
    assert "Equality impact assessment" not in html_text(bytes(plan.html))
