"""The demo's CSU weekly meetings: two example meetings of the case-review series in March 2020 with
minutes written into example cases; loading twice changes nothing."""

from io import StringIO

import pytest

from accounts.models import User
from casework import selectors_review
from casework.models import CaseReviewEntry, Note
from core.actors import system_user
from demo.casework import casework_load
from demo.csu import DAYS, csu_meetings_load
from demo.governance import governance_load
from demo.partnership import demo_load
from governance.models import Meeting

pytestmark = pytest.mark.django_db


def test_two_example_meetings_with_minutes_in_the_cases():
    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    governance_load(partnership=result.partnership, actor=actor, stdout=StringIO())
    casework_load(result, actor, StringIO())
    out = StringIO()
    csu_meetings_load(result, actor, out)
    meetings = list(Meeting.objects.filter(series__case_review=True, is_example=True).order_by("starts_at"))
    assert len(meetings) == len(DAYS) and all(m.series.is_confidential for m in meetings)
    assert "2 example meetings" in out.getvalue()
    entries = CaseReviewEntry.objects.filter(meeting__in=meetings)
    assert entries.filter(note__isnull=False).count() == 6 and entries.filter(task__isnull=False).count() == 2
    assert all(e.case.example for e in entries)
    assert Note.objects.filter(text__startswith="Example minutes").count() == 6
    coordinator = User.objects.get(username="csu.coordinator")
    agenda = selectors_review.review_agenda(coordinator, meetings[1])
    assert agenda.previous == meetings[0] and len(agenda.cases) >= 3
    again = StringIO()
    csu_meetings_load(result, actor, again)
    assert "already loaded" in again.getvalue()
    assert (
        CaseReviewEntry.objects.count() == 8 and Meeting.objects.filter(series__case_review=True).count() == 2
    )
