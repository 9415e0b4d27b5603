"""Changing and deleting issues, criteria, community views and partner indicator figures; each
scorer's scores on the scoring page; admin registration."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from assessment import services
from assessment.models import Assessment, CandidateIssue, CommunityView, Score, ScoringCriterion
from assessment.selectors.records import indicator_trend
from core.errors import AccessDenied, ServiceError
from planning.models import Measure, MeasureKind

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    return reverse(f"assessment:{name}", args=["test-csp", *args])


@pytest.fixture
def scored(world, assessment):
    """Two issues; Burglary scored by the coordinator and the lead officer on the first criterion."""
    burglary = services.issue_create(
        assessment=assessment,
        title="Burglary",
        kind="crime_type",
        crime_type="Burglary",
        actor=world.coordinator,
    )
    services.issue_create(assessment=assessment, title="Domestic abuse", actor=world.coordinator)
    volume = assessment.criteria.get(name="Volume")
    services.score_record(
        issue=burglary,
        criterion=volume,
        actor=world.coordinator,
        value=4,
        confidence="high",
        rationale="Many homes",
    )
    services.score_record(
        issue=burglary,
        criterion=volume,
        actor=world.lead_officer,
        value=2,
        confidence="low",
        rationale="Falling",
    )
    return burglary


def test_issue_edit_checks_title_and_crime_type(world, assessment, scored):
    services.issue_edit(issue=scored, actor=world.coordinator, title="House burglary", kind="crime_type",
                        crime_type="Burglary", description="Homes")  # fmt: skip
    scored.refresh_from_db()
    assert (scored.title, scored.description, scored.scores.count()) == ("House burglary", "Homes", 2)
    with pytest.raises(ServiceError, match="already an issue called 'domestic abuse'"):
        services.issue_edit(issue=scored, actor=world.coordinator, title="domestic abuse")
    with pytest.raises(ServiceError, match="Choose the police.uk crime type"):
        services.issue_edit(
            issue=scored, actor=world.coordinator, title="X", kind="crime_type", crime_type=""
        )
    with pytest.raises(AccessDenied):
        services.issue_edit(issue=scored, actor=world.lead_officer, title="Y")
    services.issue_edit(
        issue=scored, actor=world.coordinator, title="Theme now", kind="theme", crime_type="Burglary"
    )
    scored.refresh_from_db()
    assert scored.crime_type == ""  # a theme has no crime type


def test_issue_delete_removes_scores_keeps_history_and_the_plan_priority(world, assessment, scored):
    plan_year, (priority,) = services.priorities_choose(
        assessment=assessment, issue_ids=[scored.pk], actor=world.coordinator
    )
    scored.refresh_from_db()
    with pytest.raises(AccessDenied):
        services.issue_delete(issue=scored, actor=world.lead_officer)
    issue_id = scored.pk
    assert services.issue_delete(issue=scored, actor=world.coordinator) == 2
    assert not CandidateIssue.objects.filter(pk=issue_id).exists() and not Score.objects.exists()
    deleted = CandidateIssue.history.filter(id=issue_id, history_type="-").get()
    assert deleted.history_user == world.coordinator
    assert Score.history.filter(history_type="-", history_user=world.coordinator).count() == 2
    assert plan_year.priorities.filter(pk=priority.pk).exists()


def test_criterion_delete_removes_its_scores_but_never_the_last(world, assessment, scored):
    volume = assessment.criteria.get(name="Volume")
    with pytest.raises(AccessDenied):
        services.criterion_delete(criterion=volume, actor=world.lead_officer)
    volume_id = volume.pk
    assert services.criterion_delete(criterion=volume, actor=world.coordinator) == 2
    assert ScoringCriterion.history.filter(id=volume_id, history_type="-").exists()
    for criterion in list(assessment.criteria.all())[1:]:
        services.criterion_delete(criterion=criterion, actor=world.coordinator)
    last = assessment.criteria.get()
    with pytest.raises(ServiceError, match="at least one criterion"):
        services.criterion_delete(criterion=last, actor=world.coordinator)


def test_score_confidence_must_be_a_choice(world, assessment, scored):
    with pytest.raises(ServiceError, match="high, medium or low"):
        services.score_record(issue=scored, criterion=assessment.criteria.first(), actor=world.coordinator,
                              value=3, confidence="certain")  # fmt: skip


def test_community_view_edit_and_delete(world, assessment):
    view = services.community_view_create(assessment=assessment, actor=world.coordinator, theme="ASB",
                                          source="Survey 2020", percent=Decimal("40"))  # fmt: skip
    services.community_view_edit(
        view=view, actor=world.coordinator, theme=" Speeding ", percent=Decimal("55.5")
    )
    view.refresh_from_db()
    assert (view.theme, view.percent) == ("Speeding", Decimal("55.5"))
    with pytest.raises(ServiceError, match="between 0 and 100"):
        services.community_view_edit(view=view, actor=world.coordinator, percent=Decimal("120"))
    with pytest.raises(ServiceError, match="cannot be changed here: assessment"):
        services.community_view_edit(view=view, actor=world.coordinator, assessment=None)
    with pytest.raises(AccessDenied):
        services.community_view_delete(view=view, actor=world.lead_officer)
    services.community_view_delete(view=view, actor=world.coordinator)
    assert not CommunityView.objects.exists()
    assert CommunityView.history.filter(history_type="-", history_user=world.coordinator).exists()


def _figure(world, organisation, quarter=datetime.date(2019, 4, 1), value="10"):  # type: ignore[no-untyped-def]
    return services.indicator_record(partnership=world.partnership, actor=world.coordinator, name="ASB cases",
                                     organisation=organisation, quarter_start=quarter, value=Decimal(value))  # fmt: skip


def test_indicator_edit_and_delete_for_own_organisation(world):
    own, other = _figure(world, world.organisation), _figure(world, world.other_organisation)
    services.indicator_edit(measure=own, actor=world.lead_officer, name="ASB cases", organisation=world.organisation,
                            quarter_start=datetime.date(2019, 7, 1), value=Decimal("12"), unit="cases")  # fmt: skip
    own.refresh_from_db()
    assert (own.period_label, own.period_end, own.value) == ("Q2 2019/20", datetime.date(2019, 9, 30), 12)
    with pytest.raises(AccessDenied):  # another organisation's figure
        services.indicator_delete(measure=other, actor=world.lead_officer)
    with pytest.raises(AccessDenied):  # nor move one's own figure to another organisation
        services.indicator_edit(measure=own, actor=world.lead_officer, name="ASB cases",
                                organisation=world.other_organisation, quarter_start=own.period_start, value=1)  # fmt: skip
    _figure(world, world.organisation, datetime.date(2019, 10, 1))
    with pytest.raises(ServiceError, match="already has a figure for ASB cases in Q3 2019/20"):
        services.indicator_edit(measure=own, actor=world.coordinator, name="asb cases", organisation=world.organisation,
                                quarter_start=datetime.date(2019, 10, 1), value=Decimal(1))  # fmt: skip
    own_id = own.pk
    services.indicator_delete(measure=own, actor=world.lead_officer)
    assert not Measure.objects.filter(pk=own_id).exists()
    assert Measure.history.filter(id=own_id, history_type="-", history_user=world.lead_officer).exists()


def test_indicator_trend_compares_quarter_before_and_year_before():
    def m(quarter: datetime.date, value: str, label: str) -> Measure:
        return Measure(kind=MeasureKind.INDICATOR, name="X", value=Decimal(value), unit="cases",
                       period_start=quarter, period_label=label)  # fmt: skip

    values = [
        m(datetime.date(2018, 4, 1), "20", "Q1 2018/19"),
        m(datetime.date(2019, 1, 1), "30", "Q4 2018/19"),
        m(datetime.date(2019, 4, 1), "25", "Q1 2019/20"),
    ]
    assert indicator_trend(values) == (
        "Latest, Q1 2019/20: 25 cases, down 5 (−16.7%) on Q4 2018/19 and up 5 (+25.0%) on Q1 2018/19."
    )
    assert indicator_trend(values[:1]) == "Latest, Q1 2018/19: 20 cases (only one quarter so far)."


def test_pages_to_change_and_delete(client, world, assessment, scored):
    view = services.community_view_create(
        assessment=assessment, actor=world.coordinator, theme="ASB", source="S"
    )
    figure = _figure(world, world.other_organisation)
    volume = assessment.criteria.get(name="Volume")
    pages = [
        url("issue_edit", "2021-22", scored.pk),
        url("issue_delete", "2021-22", scored.pk),
        url("criterion_delete", "2021-22", volume.pk),
        url("community_edit", "2021-22", view.pk),
        url("community_delete", "2021-22", view.pk),
    ]
    for user in (world.member, world.lead_officer, world.outsider):
        client.force_login(user)
        assert [client.get(p).status_code for p in pages] == [404] * len(pages)
    assert client.get(url("indicator_edit", figure.pk)).status_code == 404  # outsider
    client.force_login(world.lead_officer)  # another organisation's figure
    assert client.get(url("indicator_delete", figure.pk)).status_code == 404
    client.force_login(world.coordinator)
    assert [client.get(p).status_code for p in pages] == [200] * len(pages)
    form = client.get(url("issue_edit", "2021-22", scored.pk)).content.decode()
    assert 'value="Burglary"' in form and url("issue_delete", "2021-22", scored.pk) in form
    bad = client.post(url("issue_edit", "2021-22", scored.pk), {"title": "Domestic abuse", "kind": "theme"})
    assert "There is a problem" in bad.content.decode() and "already an issue" in bad.content.decode()
    client.post(url("issue_edit", "2021-22", scored.pk), {"title": "Burglary dwelling", "kind": "theme"})
    assert CandidateIssue.objects.filter(title="Burglary dwelling").exists()
    confirm = client.get(url("issue_delete", "2021-22", scored.pk)).content.decode()
    assert "Delete this candidate issue?" in confirm and "Its 2 scores will be deleted too" in confirm
    assert client.post(url("issue_delete", "2021-22", scored.pk)).status_code == 302
    assert client.post(url("criterion_delete", "2021-22", volume.pk)).status_code == 302
    assert not ScoringCriterion.objects.filter(pk=volume.pk).exists()
    response = client.post(url("community_edit", "2021-22", view.pk), {"theme": "Drugs", "source": "Survey"})
    assert response.status_code == 302 and CommunityView.objects.get().theme == "Drugs"
    assert "Drugs" in client.get(url("detail", "2021-22")).content.decode()
    client.post(url("community_delete", "2021-22", view.pk))
    assert not CommunityView.objects.exists()
    page = client.get(url("indicators")).content.decode()
    assert url("indicator_edit", figure.pk) in page
    response = client.post(url("indicator_edit", figure.pk), {"name": "ASB cases", "organisation": figure.source_organisation_id,
                           "quarter": "2019-07", "value": "9", "unit": "", "note": ""})  # fmt: skip
    assert response.status_code == 302 and Measure.objects.get(pk=figure.pk).period_label == "Q2 2019/20"
    assert client.post(url("indicator_delete", figure.pk)).status_code == 302
    assert not Measure.objects.filter(pk=figure.pk).exists()


def test_last_criterion_delete_page_shows_the_error(client, world, assessment):
    for criterion in list(assessment.criteria.all())[1:]:
        services.criterion_delete(criterion=criterion, actor=world.coordinator)
    client.force_login(world.coordinator)
    response = client.post(url("criterion_delete", "2021-22", assessment.criteria.get().pk))
    assert response.status_code == 400 and "There is a problem" in response.content.decode()


def test_scoring_page_shows_each_scorers_scores(client, world, assessment, scored):
    client.force_login(world.member)
    page = client.get(url("scoring", "2021-22")).content.decode()
    assert "Each scorer's scores" in page
    for name in (world.coordinator, world.lead_officer):
        assert (name.get_full_name() or name.username) in page
    assert "Many homes" in page and "Falling" in page and ">High<" in page and ">Low<" in page
    assert "Burglary: 2 scores" in page
    assert url("issue_edit", "2021-22", scored.pk) not in page  # members do not change issues
    client.force_login(world.coordinator)
    page = client.get(url("scoring", "2021-22")).content.decode()
    assert url("issue_delete", "2021-22", scored.pk) in page
    assert url("criterion_delete", "2021-22", assessment.criteria.first().pk) in page


def test_assessment_records_are_not_in_the_admin(client, world, assessment, scored):
    """Partnership records are managed on the partnership's pages only (ADR 0003 addendum)."""
    for model in (Assessment, ScoringCriterion, CandidateIssue, Score, CommunityView):
        assert model not in admin.site._registry
    assert assessment.history.exists()  # history is still kept
