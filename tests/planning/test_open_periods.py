"""Open reporting periods are a set: two may be open at once, each shown and reported separately."""

import pytest
from django.urls import reverse

from core.errors import AccessDenied, ServiceError
from planning import selectors, services
from planning.models import PlanYearState, Update
from tests.factories import UpdateFactory, open_only

Y = {"partnership": "test-csp", "year": "2020-21"}


def _period(world, code):  # type: ignore[no-untyped-def]
    return world.plan_year.periods.get(code=code)


@pytest.mark.django_db
def test_coordinator_opens_two_periods_and_each_change_is_in_history(world):
    periods = [_period(world, "Q4"), _period(world, "year-end")]
    opened = services.plan_year_set_open_periods(
        plan_year=world.plan_year, periods=periods, actor=world.coordinator
    )
    assert [p.code for p in opened] == ["Q4", "year-end"]
    assert [p.code for p in selectors.open_periods(world.plan_year)] == ["Q4", "year-end"]
    assert _period(world, "Q1").history.first().is_open is False
    with pytest.raises(AccessDenied):
        services.plan_year_set_open_periods(plan_year=world.plan_year, periods=[], actor=world.lead_officer)


@pytest.mark.django_db
def test_closing_a_year_closes_its_periods_and_a_closed_year_opens_none(world):
    services.plan_year_set_state(
        plan_year=world.plan_year, state=PlanYearState.CLOSED, actor=world.coordinator, confirmed=True
    )
    assert selectors.open_periods(world.plan_year) == []
    with pytest.raises(ServiceError, match="closed"):
        services.plan_year_open_period(
            plan_year=world.plan_year, period=_period(world, "Q1"), actor=world.coordinator
        )


@pytest.mark.django_db
def test_with_two_open_periods_an_update_names_its_period(world):
    open_only(world.plan_year, "Q4", "year-end")
    with pytest.raises(ServiceError, match="Quarter 4 and Year-end review are open"):
        services.action_update_record(
            action=world.action, actor=world.lead_officer, narrative="x", status=None
        )
    for code in ("Q4", "year-end"):
        services.action_update_record(
            action=world.action,
            actor=world.lead_officer,
            narrative=code,
            status=None,
            period=_period(world, code),
        )
    assert sorted(Update.objects.values_list("narrative", flat=True)) == ["Q4", "year-end"]
    with pytest.raises(AccessDenied, match="Quarter 2 is not open"):
        services.action_update_record(
            action=world.action,
            actor=world.lead_officer,
            narrative="late",
            status=None,
            period=_period(world, "Q2"),
        )


@pytest.mark.django_db
def test_pages_show_each_open_period(client, world):
    open_only(world.plan_year, "Q4", "year-end")
    UpdateFactory(action=world.action, period=_period(world, "Q4"))
    client.force_login(world.lead_officer)
    action_url = reverse("planning:action", kwargs={**Y, "pk": world.action.pk})
    page = client.get(action_url).content.decode()
    assert "Edit the update for Quarter 4" in page and "Add an update for Year-end review" in page
    form_url = reverse("planning:action_update", kwargs={**Y, "pk": world.action.pk})
    page = client.get(form_url + "?period=year-end").content.decode()
    assert "Add an update for Year-end review" in page and "write the update for Quarter 4" in page
    assert client.get(form_url + "?period=Q2").status_code == 404
    response = client.post(form_url, {"narrative": "Year done", "version": 0, "period": "year-end"})
    assert response.status_code == 302
    assert Update.objects.get(action=world.action, period__code="year-end").narrative == "Year done"

    client.force_login(world.coordinator)
    dashboard = client.get(reverse("planning:dashboard_year", kwargs=Y)).content.decode()
    assert "Updates still missing for Quarter 4" in dashboard
    assert "Updates still missing for Year-end review" in dashboard
    assert "Every organisation has reported on every action for Quarter 4" in dashboard
    my = client.get(reverse("planning:year_settings", kwargs=Y)).content.decode()
    assert my.count('class="govuk-tag govuk-tag--green">Open</strong>') == 2
