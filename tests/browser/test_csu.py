"""axe-core over the CSU weekly meeting's pages and the case-work totals, as the demo's CSU
coordinator signed in with two factors: the governance meeting page with its case-review notice, the
case-review agenda, the minutes form (also submitted empty) and the year's totals."""

from io import StringIO

import pytest
from django.urls import reverse

from casework.models import CaseReviewEntry
from core.actors import system_user
from demo.casework import casework_load
from demo.csu import csu_meetings_load
from demo.governance import governance_load
from demo.partnership import demo_load
from tests.browser.helpers import assert_accessible
from tests.browser.test_axe_sweep import submit_empty
from tests.browser.test_casework import sign_in_with_code

pytestmark = pytest.mark.browser


def test_csu_meeting_and_totals_pages_are_accessible(page, live_server):
    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    governance_load(partnership=result.partnership, actor=actor, stdout=StringIO())
    casework_load(result, actor, StringIO())
    csu_meetings_load(result, actor, StringIO())
    slug = result.partnership.slug
    entry = CaseReviewEntry.objects.filter(note__isnull=False).order_by("meeting__starts_at", "pk").last()
    assert entry is not None
    sign_in_with_code(page, "csu.coordinator")
    pages = [
        (
            "meeting page with the case-review notice",
            reverse("governance:meeting", args=[slug, entry.meeting_id]),
        ),
        ("case-review agenda", reverse("casework:review_agenda", args=[slug, entry.meeting_id])),
        (
            "case-review minutes",
            reverse("casework:review_record", args=[slug, entry.meeting_id, entry.case_id]),
        ),
        ("case-work totals", reverse("casework:totals", args=[slug, "2019-20"])),
    ]
    problems = []
    for label, url in pages:
        response = page.goto(url)
        assert response is not None and response.status == 200, (label, url)
        assert page.locator("h1").count() == 1, label
        try:
            assert_accessible(page, label)
        except AssertionError as error:
            problems.append(str(error))
    page.goto(pages[2][1])
    if message := submit_empty(page, "casework:review_record"):
        problems.append(message)
    assert not problems, "\n\n".join(problems)
