"""The second-report prompt on a case page, and recording that the ASB Case Review was explained."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import ReviewExplanation
from casework.services_prompts import review_explanation_record
from core.errors import AccessDenied, ServiceError
from tests.casework.records import case_world, verified_client

D = datetime.date
PROMPT = "Explain the ASB Case Review to the victim"


@pytest.fixture
def cw(world):
    return case_world(world)


def report(cw, day, case=None):
    return services.incident_add(
        actor=cw.csu,
        case=case or cw.involved,
        kind="complaint",
        behaviour_on=day,
        reported_on=day,
        description="Shouting at night",
        reporting_organisation=cw.world.organisation,
    )


def case_page(cw, user, case=None):
    case = case or cw.involved
    return verified_client(user).get(reverse("casework:case", args=[case.partnership.slug, case.pk]))


def test_a_second_report_within_six_months_shows_the_prompt_until_it_is_explained(cw):
    report(cw, D(2020, 1, 10))
    assert PROMPT not in case_page(cw, cw.police_worker).content.decode()
    report(cw, D(2020, 7, 9))
    page = case_page(cw, cw.police_worker).content.decode()
    assert PROMPT in page and "9 July 2020" in page and "Record that it was explained" in page

    url = reverse("casework:review_explained", args=[cw.involved.partnership.slug, cw.involved.pk])
    client = verified_client(cw.police_worker)
    answer = client.post(
        url, {"explained_on_day": "10", "explained_on_month": "7", "explained_on_year": "2020"}
    )
    assert answer.status_code == 302
    saved = ReviewExplanation.objects.get(case=cw.involved)
    assert saved.explained_by == cw.police_worker and saved.explained_on == D(2020, 7, 10)
    page = case_page(cw, cw.council_worker).content.decode()
    assert PROMPT not in page and "ASB Case Review explained to the victim: 10 July 2020" in page


def test_no_prompt_without_a_victim_or_when_reports_are_six_months_apart(cw):
    report(cw, D(2020, 1, 10))
    report(cw, D(2020, 7, 10))  # the corresponding date: outside the six months
    assert PROMPT not in case_page(cw, cw.csu).content.decode()
    report(cw, D(2020, 1, 10), case=cw.not_involved)  # its only person is a perpetrator
    report(cw, D(2020, 1, 20), case=cw.not_involved)
    assert PROMPT not in case_page(cw, cw.csu, cw.not_involved).content.decode()


def test_who_may_record_and_when(cw):
    with pytest.raises(ServiceError, match="future"):
        review_explanation_record(
            actor=cw.csu, case=cw.involved, explained_on=timezone.localdate() + datetime.timedelta(days=1)
        )
    with pytest.raises(AccessDenied):
        review_explanation_record(actor=cw.other_csu, case=cw.involved, explained_on=D(2020, 1, 1))
    with pytest.raises(AccessDenied):
        review_explanation_record(actor=cw.dpo, case=cw.involved, explained_on=D(2020, 1, 1))
    url = reverse("casework:review_explained", args=[cw.not_involved.partnership.slug, cw.not_involved.pk])
    assert verified_client(cw.police_worker).get(url).status_code == 404


def test_the_case_list_marks_cases_with_the_prompt(cw):
    report(cw, D(2020, 1, 10))
    report(cw, D(2020, 2, 10))
    url = reverse("casework:cases", args=[cw.world.partnership.slug])
    page = verified_client(cw.csu).get(url).content.decode()
    assert page.count("Explain the ASB Case Review") == 1
    review_explanation_record(actor=cw.csu, case=cw.involved, explained_on=D(2020, 2, 11))
    assert "Explain the ASB Case Review" not in verified_client(cw.csu).get(url).content.decode()
