"""The progress report shows each action's target, due date and whether it is overdue, and can be
limited to one cross-cutting theme (issue 9)."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from planning.models import Theme
from tests.factories import ActionFactory, UpdateFactory
from tests.publishing.helpers import docx_text, pdf_texts

Y = {"partnership": "test-csp", "year": "2020-21"}


def _url(name: str, query: str = "") -> str:
    return reverse(f"publishing:{name}", kwargs=Y) + query


@pytest.fixture
def tagged(world):
    theme = Theme.objects.create(partnership=world.partnership, name="Youth", order=1)
    late = ActionFactory(
        priority=world.priority,
        text="Open a youth club",
        owners=[world.organisation],
        target="One club",
        due_date=datetime.date(2020, 9, 30),
    )
    late.themes.add(theme)
    done = ActionFactory(
        priority=world.priority,
        text="Done on time",
        owners=[world.organisation],
        due_date=datetime.date(2020, 9, 30),
    )
    UpdateFactory(action=done, status=world.partnership.statuses.get(name="Completed"))
    world.theme, world.late = theme, late
    return world


@pytest.mark.django_db
def test_progress_report_shows_target_due_date_and_overdue(client, tagged):
    client.force_login(tagged.member)
    book = load_workbook(io.BytesIO(client.get(_url("progress_xlsx")).content))
    rows = {row[1]: row for row in book["Actions"].iter_rows(min_row=2, values_only=True)}
    assert rows["Open a youth club"][3:6] == ("One club", datetime.datetime(2020, 9, 30), "Overdue")
    assert rows["Done on time"][5] is None  # completed: not overdue
    text = pdf_texts(client.get(_url("progress_pdf")).content)[0]
    assert "Due 30 September 2020" in text and "Overdue" in text and "1 overdue" in text
    docx = docx_text(client.get(_url("progress_docx")).content)
    assert "One club Due 30 September 2020. Overdue" in docx and "Target and due date" in docx


@pytest.mark.django_db
def test_progress_report_of_one_theme(client, tagged):
    client.force_login(tagged.member)
    page = client.get(_url("year")).content.decode()
    assert 'name="theme"' in page and ">Youth</option>" in page
    response = client.get(_url("progress_xlsx", f"?theme={tagged.theme.pk}"))
    assert f"theme-{tagged.theme.pk}" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert [row[1] for row in book["Actions"].iter_rows(min_row=2, values_only=True)] == ["Open a youth club"]
    totals = [
        row for row in book["Counts by status"].iter_rows(values_only=True) if row[0] == "All priorities"
    ]
    assert totals[0][-1] == 1
    docx = docx_text(client.get(_url("progress_docx", f"?theme={tagged.theme.pk}")).content)
    assert "tagged with the cross-cutting theme Youth" in docx and "Done on time" not in docx
    other = Theme.objects.create(partnership=tagged.other_partnership, name="Theirs")
    assert client.get(_url("progress_pdf", f"?theme={other.pk}")).status_code == 404
