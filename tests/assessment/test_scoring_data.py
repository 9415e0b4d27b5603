"""Scoring with the data beside it: the figures of each crime-type issue, suggestions on the score
page, the coordinator's rule form, disagreements and the sensitivity page."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessment import services
from assessment.models import ComparatorGroup, IssueKind
from assessment.scoring_data import NO_DATA
from assessment.selectors.issue_data import issue_data
from assessment.services.scoring_data import criterion_rule_save
from core.errors import AccessDenied, ServiceError
from tests.assessment.test_views import data  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    return reverse(f"assessment:{name}", args=["test-csp", "2021-22", *args])


@pytest.fixture
def scored(world, data):  # noqa: F811
    """Burglary as a crime-type issue and a theme; Volume suggests from the rate vs the force average."""
    burglary = data.issues.get()
    services.issue_edit(
        issue=burglary,
        actor=world.coordinator,
        title="Burglary",
        kind=IssueKind.CRIME_TYPE,
        crime_type="Burglary",
    )
    theme = services.issue_create(assessment=data, title="Safeguarding", actor=world.coordinator)
    volume = data.criteria.get(name="Volume")
    criterion_rule_save(
        criterion=volume,
        actor=world.coordinator,
        measure="rate_force",
        thresholds={"5": "150", "3": "30", "2": "10"},
    )
    return data, burglary, theme, volume


def test_issue_data_for_a_crime_type(world, scored):
    assessment, burglary, theme, _ = scored
    found = issue_data(assessment, [burglary, theme])
    assert set(found) == {burglary.pk}  # the theme has no crime data
    d = found[burglary.pk]
    # 2019/20: 10 a month (120); 2018/19: 8 a month (96); Sevenoaks 600 in the same force.
    assert (d.count, d.previous, d.change_percent) == (120, 96, 25.0)
    assert d.significant is False and d.significance_words.startswith("Within normal variation")
    assert (d.weight, d.harm_share, d.harm_rank) == (Decimal(10), 76.9, 1)  # 1,200 of 1,560 weighted
    assert (d.rate, d.force_rate, d.group_rate, d.group_name) == (0.92, 2.88, None, "")


def test_issue_data_with_a_most_similar_group(world, scored):
    assessment, burglary, *_ = scored
    group = ComparatorGroup.objects.create(name="Family", is_example=True)
    group.members.create(district_code="E07000115", district_name="Tonbridge and Malling")
    group.members.create(district_code="E07000111", district_name="Sevenoaks")
    d = issue_data(assessment, [burglary])[burglary.pk]
    assert (d.group_rate, d.group_name) == (2.88, "Family")


def test_score_page_shows_the_data_and_preselects_the_suggestion(client, world, scored):
    assessment, burglary, theme, volume = scored
    client.force_login(world.lead_officer)
    page = client.get(url("score", burglary.pk)).content.decode()
    assert "120 crimes recorded in 2019/20" in page
    assert "+25.0% on 2018/19 (96 → 120): within normal variation" in page
    assert (
        "Weight 10 in Example harm 1: 76.9% of all weighted harm, 1st of the crime types" in page
        and "76.9% of all weighted harm" in page
    )
    assert "force average 2.88 per 1,000 residents (this rate is 31.9% of it)" in page
    assert (
        "Suggested from the data: 3</strong>, because the rate per 1,000 residents is 31.9% of the force average"
        in page
    )
    assert "5 if the rate per 1,000 residents is at least 150% of the force average" in page
    response = client.get(url("score", burglary.pk))
    assert response.context["form"].fields[f"value_{volume.pk}"].initial == 3
    assert f'id="id_value_{volume.pk}_2" name="value_{volume.pk}" type="radio" value="3" checked' in page
    theme_page = client.get(url("score", theme.pk)).content.decode()
    assert NO_DATA.split(":")[0] in theme_page and "Suggested from the data" not in theme_page


def test_own_score_is_kept_over_the_suggestion(client, world, scored):
    assessment, burglary, _, volume = scored
    services.score_record(
        issue=burglary, criterion=volume, actor=world.lead_officer, value=5, confidence="low"
    )
    client.force_login(world.lead_officer)
    form = client.get(url("score", burglary.pk)).context["form"]
    assert form.fields[f"value_{volume.pk}"].initial == 5


def test_coordinator_sets_a_rule_in_words_and_errors_are_shown(client, world, scored):
    assessment, _, _, _ = scored
    trend = assessment.criteria.get(name="Trend")
    client.force_login(world.coordinator)
    assert client.get(url("criterion_rule", trend.pk)).status_code == 200
    bad = client.post(
        url("criterion_rule", trend.pk), {"measure": "trend", "at_least_5": "5", "at_least_4": "10"}
    )
    assert (
        "There is a problem" in bad.content.decode()
        and "must be above the threshold for 4" in bad.content.decode()
    )
    none = client.post(url("criterion_rule", trend.pk), {"measure": "trend"})
    assert "Give a threshold for at least one point" in none.content.decode()
    response = client.post(
        url("criterion_rule", trend.pk),
        {"measure": "trend", "at_least_5": "20", "at_least_3": "-5", "significant_only": "on"},
    )
    assert response.status_code == 302
    trend.refresh_from_db()
    assert trend.data_thresholds == {"5": "20", "3": "-5"} and trend.data_significant_only
    page = client.get(url("scoring")).content.decode()
    assert "5 if the change on the previous period is at least +20%" in page
    assert "3 if the change on the previous period is at least −5%" in page
    # Clearing the rule: no measure.
    assert client.post(url("criterion_rule", trend.pk), {"measure": ""}).status_code == 302
    trend.refresh_from_db()
    assert (trend.data_measure, trend.data_thresholds, trend.data_significant_only) == ("", {}, False)


def test_only_the_coordinator_saves_a_rule(world, scored):
    _, _, _, volume = scored
    with pytest.raises(AccessDenied):
        criterion_rule_save(
            criterion=volume, actor=world.lead_officer, measure="volume", thresholds={"5": "1"}
        )
    with pytest.raises(ServiceError, match="Choose a measure"):
        criterion_rule_save(criterion=volume, actor=world.coordinator, measure="mood", thresholds={"5": "1"})


def test_disagreements_between_scorers_and_with_the_data(client, world, scored):
    assessment, burglary, _, volume = scored
    services.score_record(
        issue=burglary, criterion=volume, actor=world.lead_officer, value=5, confidence="low"
    )
    services.score_record(
        issue=burglary, criterion=volume, actor=world.other_lead_officer, value=3, confidence="high"
    )
    client.force_login(world.coordinator)
    page = client.get(url("disagreements")).content.decode()
    assert "1 issue and criterion pair with scores 2 or more points apart" in page
    lead = world.lead_officer.get_full_name() or world.lead_officer.username
    assert f"{lead} 5" in page
    assert "2 points above the suggestion" in page  # 5 against a suggested 3
    client.force_login(world.lead_officer)
    assert client.get(url("disagreements")).status_code == 404


def test_sensitivity_page_has_a_table_with_headers_and_status_in_words(client, world, scored):
    assessment, burglary, theme, volume = scored
    harm = assessment.criteria.get(name="Harm")
    for issue, value in ((burglary, 4), (theme, 4)):
        services.score_record(
            issue=issue, criterion=harm, actor=world.coordinator, value=value, confidence="high"
        )
    services.score_record(issue=theme, criterion=volume, actor=world.coordinator, value=2, confidence="high")
    client.force_login(world.member)
    page = client.get(url("sensitivity")).content.decode()
    assert '<th scope="col" class="govuk-table__header">Weight changed</th>' in page
    assert "Harm: weight 2 → 2.4 (+20%)" in page and "Volume: weight 1 → 0.8 (−20%)" in page
    assert "No change in the order." in page


def test_scoring_page_links_sensitivity_to_members_and_disagreements_to_the_coordinator(
    client, world, scored
):
    client.force_login(world.member)
    page = client.get(url("scoring")).content.decode()
    assert url("sensitivity") in page and url("disagreements") not in page
    assert "5 if the rate per 1,000 residents is at least 150% of the force average" in page
    client.force_login(world.coordinator)
    page = client.get(url("scoring")).content.decode()
    assert url("disagreements") in page and url("criterion_rule", scored[3].pk) in page


def test_a_rule_that_no_longer_fits_the_scale_suggests_nothing_and_says_so(client, world, scored):
    assessment, burglary, _, volume = scored
    services.criterion_save(assessment=assessment, criterion=volume, actor=world.coordinator, scale_max=4)
    client.force_login(world.coordinator)
    assert "The rule no longer fits the scale: set it again." in client.get(url("scoring")).content.decode()
    page = client.get(url("score", burglary.pk)).content.decode()
    assert "Suggested from the data" not in page
