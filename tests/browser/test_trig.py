"""axe-core over the pages that join ASB Case Reviews and case work, as the demo's CSU coordinator
signed in with two factors: the case-work "Case review recommendations" page, a case with the
second-report prompt and one with the explanation recorded, the form that records it (also with
its error), linking complaints from case work, the case history for the panel and a
recommendation made a task on the linked case."""

import datetime
from io import StringIO

import pytest
from django.urls import reverse

from accounts.models import User
from casereviews import access as review_access
from casereviews import selectors_casework, services_casework
from casework.models import Incident
from core.actors import system_user
from demo.casereviews import case_reviews_load
from demo.casework import casework_load
from demo.partnership import demo_load
from demo.trig import case_review_links_load
from tests.browser.helpers import assert_accessible
from tests.browser.test_axe_sweep import submit_empty
from tests.browser.test_casework import sign_in_with_code

pytestmark = pytest.mark.browser


def test_case_review_pages_in_case_work_are_accessible(page, live_server):
    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    case_reviews_load(partnership=result.partnership, actor=actor, stdout=StringIO())
    casework_load(result, actor, StringIO())
    case_review_links_load(result, actor, StringIO())
    slug = result.partnership.slug
    csu = User.objects.get(username="csu.coordinator")
    reviewed = review_access.applications_visible_to(csu).filter(review__isnull=False).get()
    linked = selectors_casework.linked_cases(csu, reviewed).get()
    services_casework.recommendation_record(
        actor=csu,
        review=reviewed.review,
        text="Example data. A joint visit by the council and the police.",
        owner=linked.lead_organisation,
        made_on=datetime.date(2019, 7, 15),
        due_date=datetime.date(2019, 8, 15),
        case=linked,
    )
    prompted = Incident.objects.exclude(case=linked).values_list("case_id", flat=True).first()
    sign_in_with_code(page, "csu.coordinator")
    pages = [
        ("case review recommendations", reverse("casework:case_review_recommendations", args=[slug])),
        ("case with the explanation recorded", reverse("casework:case", args=[slug, linked.pk])),
        ("case with the prompt", reverse("casework:case", args=[slug, prompted])),
        ("record the explanation", reverse("casework:review_explained", args=[slug, prompted])),
        (
            "link complaints from case work",
            reverse("casereviews:complaint_link", args=[slug, reviewed.pk]) + f"?q={linked.reference}",
        ),
        ("case history for the panel", reverse("casereviews:case_history", args=[slug, reviewed.pk])),
        ("add a recommendation", reverse("casereviews:recommendation_create", args=[slug, reviewed.pk])),
        ("application with a task", reverse("casereviews:application", args=[slug, reviewed.pk])),
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
    assert "Explain the ASB Case Review to the victim" in page.goto(pages[2][1]).text()  # type: ignore[union-attr]
    page.goto(pages[3][1])
    if message := submit_empty(page, "casework:review_explained"):
        problems.append(message)
    assert not problems, "\n\n".join(problems)
