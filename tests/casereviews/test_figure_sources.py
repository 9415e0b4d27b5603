"""The four figures are key-figure sources: a coordinator can show them in the plan as measures."""

import datetime

import pytest

from planning import figure_sources
from tests.casereviews.helpers import application, complaint

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_figures_are_registered_and_computed_for_a_period(world):
    keys = {s.key for s in figure_sources.sources()}
    assert {
        "casereviews.applications",
        "casereviews.threshold_not_met",
        "casereviews.reviews_carried_out",
        "casereviews.reviews_with_recommendations",
    } <= keys
    application(world.partnership)
    application(world.partnership, application_date=D(2020, 4, 2), complaints=[complaint(D(2020, 4, 1))])
    found = figure_sources.compute(
        "casereviews.applications", world.partnership, {}, D(2019, 4, 1), D(2020, 3, 31)
    )
    assert found is not None and found.value == 1
    assert found.source.startswith("ASB Case Reviews: applications received")
    other = figure_sources.compute(
        "casereviews.applications", world.other_partnership, {}, D(2019, 4, 1), D(2020, 3, 31)
    )
    assert other is not None and other.value == 0
