"""Issue 8.8: the delivery section states a computed line, by status meaning, never a typed claim."""

import io

import docx
import pytest

from assessment.documents.pdf import assessment_html
from assessment.documents.word import assessment_docx
from assessment.report import build_document, delivery, delivery_summary
from planning.models import Status, StatusMeaning
from tests.factories import ActionFactory, UpdateFactory
from tests.publishing.helpers import html_text

pytestmark = pytest.mark.django_db

LINE = "2 of 4 actions completed or ongoing (1 with no status recorded)"


def status(world, name: str, meaning: str) -> Status:  # type: ignore[no-untyped-def]
    return Status.objects.create(partnership=world.partnership, name=name, meaning=meaning)


@pytest.fixture
def reported(world):  # type: ignore[no-untyped-def]
    """Four actions: finished, business as usual, nearly there, and one with no update at all.

    The names say nothing the rule could read: "Finished" means completed, "Business as usual"
    ongoing, and "Complete soon" is only on track."""
    q1 = world.plan_year.periods.get(code="Q1")
    UpdateFactory(action=world.action, period=q1, status=status(world, "Finished", StatusMeaning.COMPLETED))
    second = ActionFactory(priority=world.priority, text="Run the youth club")
    UpdateFactory(action=second, period=q1, status=status(world, "Business as usual", StatusMeaning.ONGOING))
    third = ActionFactory(priority=world.priority, text="Survey residents")
    UpdateFactory(action=third, period=q1, status=status(world, "Complete soon", StatusMeaning.ON_TRACK))
    ActionFactory(priority=world.priority, text="Nobody reported on this")
    return world.plan_year


def test_the_line_counts_by_meaning(reported):
    assert delivery(reported)["summary"] == LINE


def test_the_summary_wording():
    assert delivery_summary([]) == "0 of 0 actions completed or ongoing (0 with no status recorded)"
    assert delivery_summary([None]) == "0 of 1 action completed or ongoing (1 with no status recorded)"


def test_the_document_prints_the_line_in_web_pdf_html_and_word(assessment, reported):
    assessment.reviewed_plan_year = reported
    assessment.delivery_narrative = ""
    assessment.save()
    document = build_document(assessment, with_hotspots=False)
    assert f"{LINE} in the 2020/21 plan" in html_text(assessment_html(document))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(assessment_docx(document))).paragraphs]
    assert f"{LINE} in the 2020/21 plan, by each action's latest status." in paragraphs
