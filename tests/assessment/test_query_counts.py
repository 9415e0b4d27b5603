"""The Strategic Assessment and crime analysis pages read the database a fixed number of times,
however many issues, scores and community views the assessment holds; served from the cache they
read only the session, the doors and the two versions (issue 14, "Speed")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment import services
from assessment.analysis import Period
from tests.assessment.helpers import fill_period

pytestmark = pytest.mark.django_db


def _queries(client, path: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def _grow(world, assessment, first: int, issues: int) -> None:  # type: ignore[no-untyped-def]
    criteria = list(assessment.criteria.order_by("order"))
    for n in range(first, first + issues):
        issue = services.issue_create(assessment=assessment, title=f"Issue {n}", actor=world.coordinator)
        for criterion in criteria:
            for scorer in (world.coordinator, world.lead_officer):
                services.score_record(
                    issue=issue, criterion=criterion, actor=scorer, value=3, confidence="medium"
                )
        services.community_view_create(
            assessment=assessment, actor=world.coordinator, theme=f"Theme {n}", source="Survey"
        )


def _counts(client, world, assessment) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """(built, served from the cache) for each page; the first request takes the CSRF cookie."""
    paths = {
        "index": reverse("assessment:index", args=["test-csp"]),
        "detail": reverse("assessment:detail", args=["test-csp", assessment.slug]),
        "analysis": reverse("assessment:analysis", args=["test-csp"]) + "?start=2019-04&end=2020-03",
    }
    client.get(paths["index"])
    return {name: (_queries(client, path), _queries(client, path)) for name, path in paths.items()}


def test_query_counts_do_not_grow_with_issues_scores_and_views(client, world, assessment):
    fill_period(Period.plan_year(2018), {"Burglary": 8})
    fill_period(Period.plan_year(2019), {"Burglary": 10})
    client.force_login(world.coordinator)
    _counts(client, world, assessment)  # builds the crime analysis, kept until the crime data change
    _grow(world, assessment, 0, 2)  # every write moves the partnership's version: the pages are built
    small = _counts(client, world, assessment)
    _grow(world, assessment, 2, 10)
    large = _counts(client, world, assessment)
    assert large == small
    assert small["detail"][1] <= 8 and small["analysis"][1] <= 7
