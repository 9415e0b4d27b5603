"""Writes: assessments, criteria, issues, scores, choosing priorities, community views, indicators."""

import datetime
from decimal import Decimal

import pytest

from assessment import report, services
from assessment.models import IssueKind
from core.errors import AccessDenied, ServiceError
from planning.models import Measure, PlanYearState
from planning.services import plan_year_create

pytestmark = pytest.mark.django_db


def test_create_seeds_default_criteria_and_defaults(world, assessment):
    assert [c.name for c in assessment.criteria.all()] == [
        "Volume",
        "Trend",
        "Harm",
        "Vulnerability",
        "Public concern",
        "Partnership capacity to influence",
    ]
    assert (assessment.data_from, assessment.data_to) == (
        datetime.date(2019, 4, 1),
        datetime.date(2020, 3, 1),
    )
    assert assessment.reviewed_plan_year == world.plan_year  # 2020-21, the latest before 2021-22
    assert assessment.criteria.get(name="Harm").labels()[5] == "Severe"
    with pytest.raises(ServiceError, match="already has"):
        services.assessment_create(partnership=world.partnership, slug="2021-22", actor=world.coordinator)
    with pytest.raises(ServiceError, match="not a plan year"):
        services.assessment_create(partnership=world.partnership, slug="2021-23", actor=world.coordinator)
    with pytest.raises(AccessDenied):
        services.assessment_create(partnership=world.partnership, slug="2022-23", actor=world.member)
    # A later assessment copies the criteria as the partnership changed them.
    harm = assessment.criteria.get(name="Harm")
    services.criterion_save(assessment=assessment, criterion=harm, actor=world.coordinator, weight=Decimal(3))
    later = services.assessment_create(partnership=world.partnership, slug="2022-23", actor=world.coordinator)
    assert later.criteria.get(name="Harm").weight == Decimal(3)


def _issue(assessment, user, title="Violent crime"):  # type: ignore[no-untyped-def]
    return services.issue_create(
        assessment=assessment,
        title=title,
        kind=IssueKind.CRIME_TYPE,
        crime_type="Violence and sexual offences",
        actor=user,
    )


def test_scores_are_kept_per_scorer_and_ranked(world, assessment):
    issue = _issue(assessment, world.coordinator)
    other = services.issue_create(assessment=assessment, title="Domestic abuse", actor=world.coordinator)
    harm = assessment.criteria.get(name="Harm")
    services.score_record(issue=issue, criterion=harm, actor=world.coordinator, value=5, confidence="high")
    services.score_record(issue=issue, criterion=harm, actor=world.lead_officer, value=3, confidence="low")
    services.score_record(
        issue=issue, criterion=harm, actor=world.lead_officer, value=4, confidence="low"
    )  # changes
    services.score_record(issue=other, criterion=harm, actor=world.coordinator, value=2, confidence="medium")
    assert issue.scores.count() == 2
    with pytest.raises(ServiceError, match="outside its scale"):
        services.score_record(
            issue=issue, criterion=harm, actor=world.coordinator, value=9, confidence="high"
        )
    with pytest.raises(AccessDenied):
        services.score_record(issue=issue, criterion=harm, actor=world.member, value=3, confidence="high")
    ranked, _, _ = report.ranking(assessment)
    assert [r.title for r in ranked] == ["Violent crime", "Domestic abuse"]
    harm_part = next(p for p in ranked[0].parts if p.criterion.name == "Harm")
    assert harm_part.mean == 4.5 and harm_part.scorers == 2
    with pytest.raises(ServiceError, match="outside"):
        services.criterion_save(assessment=assessment, criterion=harm, actor=world.coordinator, scale_max=3)


def test_choose_priorities_creates_a_draft_year_and_matches_by_title(world, assessment):
    violent = _issue(assessment, world.coordinator)
    da = services.issue_create(
        assessment=assessment, title="Domestic abuse", description="Incl. stalking", actor=world.coordinator
    )
    plan_year, priorities = services.priorities_choose(
        assessment=assessment, issue_ids=[violent.pk, da.pk], actor=world.coordinator
    )
    assert (plan_year.slug, plan_year.state) == ("2021-22", PlanYearState.DRAFT)
    assert plan_year.periods.count() == 5
    assert [p.title for p in plan_year.priorities.all()] == ["Violent crime", "Domestic abuse"]
    violent.refresh_from_db()
    assert violent.chosen and violent.priority == priorities[0]
    # Again (and with different case in an existing priority): nothing is duplicated.
    services.priorities_choose(assessment=assessment, issue_ids=[violent.pk], actor=world.coordinator)
    assert plan_year.priorities.count() == 2
    with pytest.raises(AccessDenied):
        services.priorities_choose(assessment=assessment, issue_ids=[violent.pk], actor=world.lead_officer)


@pytest.mark.parametrize("state", [PlanYearState.LIVE, PlanYearState.CLOSED])
def test_live_or_closed_year_is_never_changed(world, assessment, state):
    issue = _issue(assessment, world.coordinator)
    plan_year = plan_year_create(
        partnership=world.partnership, slug="2021-22", actor=world.coordinator, state=state
    )
    with pytest.raises(ServiceError, match=f"is {state}"):
        services.priorities_choose(assessment=assessment, issue_ids=[issue.pk], actor=world.coordinator)
    assert plan_year.priorities.count() == 0
    issue.refresh_from_db()
    assert not issue.chosen


def test_issue_from_another_assessment_is_refused(world, assessment):
    later = services.assessment_create(partnership=world.partnership, slug="2022-23", actor=world.coordinator)
    stranger = _issue(later, world.coordinator)
    with pytest.raises(ServiceError, match="Choose at least one"):
        services.priorities_choose(assessment=assessment, issue_ids=[stranger.pk], actor=world.coordinator)


def test_indicators_per_quarter_and_who_may_enter_them(world):
    q1 = datetime.date(2019, 4, 1)
    measure = services.indicator_record(
        partnership=world.partnership,
        actor=world.lead_officer,
        name="DAVSS referrals",
        organisation=world.organisation,
        quarter_start=q1,
        value=Decimal(78),
        unit="referrals",
    )
    assert (measure.period_label, measure.period_end, measure.kind) == (
        "Q1 2019/20",
        datetime.date(2019, 6, 30),
        "indicator",
    )
    services.indicator_record(
        partnership=world.partnership,
        actor=world.lead_officer,
        name="DAVSS referrals",
        organisation=world.organisation,
        quarter_start=q1,
        value=Decimal(80),
    )
    assert Measure.objects.get(pk=measure.pk).value == 80  # corrected, not duplicated
    q4 = services.indicator_record(
        partnership=world.partnership,
        actor=world.coordinator,
        name="DAVSS referrals",
        organisation=world.other_organisation,
        quarter_start=datetime.date(2020, 1, 1),
        value=Decimal(5),
    )
    assert (q4.period_label, q4.period_end) == ("Q4 2019/20", datetime.date(2020, 3, 31))
    with pytest.raises(AccessDenied, match="your own organisation"):
        services.indicator_record(
            partnership=world.partnership,
            actor=world.lead_officer,
            name="X",
            organisation=world.other_organisation,
            quarter_start=q1,
            value=Decimal(1),
        )
    with pytest.raises(AccessDenied):
        services.indicator_record(
            partnership=world.partnership,
            actor=world.member,
            name="X",
            organisation=world.other_organisation,
            quarter_start=q1,
            value=Decimal(1),
        )
    with pytest.raises(ServiceError, match="quarter starts"):
        services.indicator_record(
            partnership=world.partnership,
            actor=world.coordinator,
            name="X",
            organisation=world.organisation,
            quarter_start=datetime.date(2019, 5, 1),
            value=Decimal(1),
        )


def test_community_view_percent_is_checked(world, assessment):
    view = services.community_view_create(
        assessment=assessment, actor=world.coordinator, theme="ASB", source="Survey", percent=Decimal("38.0")
    )
    assert view.order == 1
    with pytest.raises(ServiceError, match="between 0 and 100"):
        services.community_view_create(
            assessment=assessment, actor=world.coordinator, theme="ASB", source="Survey", percent=Decimal(120)
        )
