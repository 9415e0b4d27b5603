"""Scoring with the data beside it passes axe: the score page with the data and a suggestion, a
theme's score page, the coordinator's rule form and its errors, disagreements and sensitivity."""

import pytest

from assessment import services
from tests.assessment.conftest import assessment  # noqa: F401 - fixtures
from tests.assessment.test_scoring_data import scored  # noqa: F401
from tests.assessment.test_views import data  # noqa: F401
from tests.browser.helpers import assert_accessible, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
AS = "/partnerships/test-csp/assessment/2021-22/scoring/"


def test_scoring_with_the_data_is_accessible(page, world, scored):  # noqa: F811
    assessment_, burglary, theme, volume = scored
    for scorer, value in ((world.lead_officer, 5), (world.coordinator, 1)):
        services.score_record(issue=burglary, criterion=volume, actor=scorer, value=value, confidence="high")
    sign_in(page, world.coordinator.username, PASSWORD)
    page.goto(f"{AS}issues/{burglary.pk}/score/")
    assert page.get_by_text("Suggested from the data: 3").is_visible()
    assert_accessible(page, "score page with the data and a suggestion")
    page.goto(f"{AS}issues/{theme.pk}/score/")
    assert page.get_by_text("No crime data for this issue").is_visible()
    assert_accessible(page, "score page of a theme")
    page.goto(f"{AS}criteria/{volume.pk}/data/")
    assert_accessible(page, "rule for suggested scores")
    page.get_by_label("At least", exact=False).first.fill("lots")
    page.get_by_role("button", name="Save the rule").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page, "rule for suggested scores, with an error")
    page.goto(f"{AS}disagreements/")
    assert page.get_by_role("heading", name="Between scorers").is_visible()
    assert_accessible(page, "disagreements in scoring")
    page.goto(f"{AS}sensitivity/")
    assert page.get_by_role("columnheader", name="Weight changed").is_visible()
    assert_accessible(page, "sensitivity of the ranking")
