"""Coordinators manage priorities, actions, plan years, statuses and key figures."""

import datetime

import pytest
from django.urls import reverse

from planning.models import Action, Measure, PlanYear, Priority, Status
from planning.selectors import action_owner_names

P = {"partnership": "test-csp"}
Y = {**P, "year": "2020-21"}


@pytest.fixture
def coord(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.coordinator)
    return client


def _action_data(world, **extra):  # type: ignore[no-untyped-def]
    data = {
        "priority": world.priority.pk,
        "text": "Run a knife amnesty",
        "target": "",
        "due_date_day": "31",
        "due_date_month": "3",
        "due_date_year": "2021",
        "owner_1": world.other_organisation.pk,
        "written_1": "Kent Police",
        "owner_2": world.organisation.pk,
        "written_2": "",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_create_priority_with_sub_themes_and_see_history(coord, world):
    response = coord.post(
        reverse("planning:priority_create", kwargs=Y),
        {"title": "Safeguarding", "description": "", "sub_themes": "mental health\n\nmodern slavery\n"},
    )
    assert response.status_code == 302
    priority = Priority.objects.get(title="Safeguarding")
    assert [s.name for s in priority.sub_themes.all()] == ["mental health", "modern slavery"]
    edit = reverse("planning:priority_edit", kwargs={**Y, "pk": priority.pk})
    coord.post(edit, {"title": "Safeguarding vulnerable people", "sub_themes": "modern slavery"})
    priority.refresh_from_db()
    assert [s.name for s in priority.sub_themes.all()] == ["modern slavery"]
    page = coord.get(edit).content.decode()
    assert "Changes to this priority" in page and "Safeguarding vulnerable people" in page


@pytest.mark.django_db
def test_priority_form_error_summary(coord, world):
    page = coord.post(reverse("planning:priority_create", kwargs=Y), {"title": ""}).content.decode()
    assert "govuk-error-summary" in page and "Enter a title" in page and 'href="#id_title"' in page


@pytest.mark.django_db
def test_priority_with_actions_cannot_be_deleted(coord, world):
    url = reverse("planning:priority_delete", kwargs={**Y, "pk": world.priority.pk})
    assert "cannot be deleted" in coord.get(url).content.decode()
    page = coord.post(url).content.decode()
    assert "still has 1 action" in page and "govuk-error-summary" in page
    assert Priority.objects.filter(pk=world.priority.pk).exists()


@pytest.mark.django_db
def test_empty_priority_deleted_after_confirmation(coord, world):
    empty = Priority.objects.create(plan_year=world.plan_year, title="Empty", order=9)
    url = reverse("planning:priority_delete", kwargs={**Y, "pk": empty.pk})
    assert "Yes, delete this priority" in coord.get(url).content.decode()
    assert Priority.objects.filter(pk=empty.pk).exists()
    coord.post(url)
    assert not Priority.objects.filter(pk=empty.pk).exists()


@pytest.mark.django_db
def test_create_action_with_owners_in_order_and_names_as_written(coord, world):
    response = coord.post(reverse("planning:action_create", kwargs=Y), _action_data(world))
    assert response.status_code == 302
    action = Action.objects.get(text="Run a knife amnesty")
    assert action_owner_names(action) == ["Kent Police", "Test Borough Council"]
    assert action.due_date == datetime.date(2021, 3, 31)
    page = coord.get(reverse("planning:action_list", kwargs=Y)).content.decode()
    assert "Kent Police" in page


@pytest.mark.django_db
def test_action_form_errors(coord, world):
    data = _action_data(world, text="", owner_1="", written_1="Look Ahead", owner_2="", due_date_month="13")
    page = coord.post(reverse("planning:action_create", kwargs=Y), data).content.decode()
    assert "govuk-error-summary" in page
    assert "Enter the action" in page and "Choose the organisation for “Look Ahead”" in page
    assert '<a href="#id_due_date_month">Due date must be a real date</a>' in page
    assert 'govuk-input--width-2 govuk-input--error" id="id_due_date_month"' in page
    assert 'id="id_due_date_day" name="due_date_day" type="text" inputmode="numeric" value="31"' in page
    data = _action_data(world, owner_2=world.other_organisation.pk)
    page = coord.post(reverse("planning:action_create", kwargs=Y), data).content.decode()
    assert "is already an owner of this action" in page


@pytest.mark.django_db
def test_action_edit_conflict_keeps_newer_version(coord, world):
    url = reverse("planning:action_edit", kwargs={**Y, "pk": world.action.pk})
    loaded = world.action.version
    first = coord.post(url, _action_data(world, text="First edit", version=loaded))
    assert first.status_code == 302
    second = coord.post(url, _action_data(world, text="Second edit", version=loaded))
    page = second.content.decode()
    assert "Someone else changed this action" in page and "First edit" in page and "Second edit" in page
    world.action.refresh_from_db()
    assert world.action.text == "First edit"
    page = coord.get(reverse("planning:action", kwargs={**Y, "pk": world.action.pk})).content.decode()
    assert "Hold a monthly meeting" in page and "First edit" in page  # history shows old → new


@pytest.mark.django_db
def test_move_and_delete_actions(coord, world):
    second = Action.objects.create(
        plan_year=world.plan_year, priority=world.priority, text="Second", order=50
    )
    coord.post(reverse("planning:action_move", kwargs={**Y, "pk": second.pk}), {"direction": "up"})
    assert list(world.priority.actions.order_by("order").values_list("text", flat=True)) == [
        "Second",
        "Hold a monthly meeting",
    ]
    url = reverse("planning:action_delete", kwargs={**Y, "pk": second.pk})
    assert "Yes, delete this action" in coord.get(url).content.decode()
    coord.post(url)
    assert not Action.objects.filter(pk=second.pk).exists()
    assert Action.history.filter(id=second.pk, history_type="-").get().history_user == world.coordinator


@pytest.mark.django_db
def test_move_priority(coord, world):
    other = Priority.objects.create(plan_year=world.plan_year, title="Later", order=99)
    coord.post(reverse("planning:priority_move", kwargs={**Y, "pk": other.pk}), {"direction": "up"})
    assert list(world.plan_year.priorities.order_by("order").values_list("title", flat=True)) == [
        "Later",
        "Violent crime",
    ]


@pytest.mark.django_db
def test_year_settings_state_period_current_and_next_year(coord, world):
    url = reverse("planning:year_settings", kwargs=Y)
    coord.post(url, {"form": "period", "periods": ["Q2"]})
    assert list(world.plan_year.periods.filter(is_open=True).values_list("code", flat=True)) == ["Q2"]
    coord.post(url, {"form": "period", "periods": ["Q4", "year-end"]})
    assert list(world.plan_year.periods.filter(is_open=True).values_list("code", flat=True)) == [
        "Q4",
        "year-end",
    ]
    coord.post(url, {"form": "period"})
    assert not world.plan_year.periods.filter(is_open=True).exists()
    response = coord.post(url, {"form": "next"})
    new = PlanYear.objects.get(partnership=world.partnership, slug="2021-22")
    assert new.state == "draft" and new.periods.count() == 5
    assert response["Location"].endswith("/years/2021-22/settings/")
    new_url = reverse("planning:year_settings", kwargs={**P, "year": "2021-22"})
    page = coord.post(new_url, {"form": "state", "state": "closed"}).content.decode()
    assert "A draft plan year cannot become closed" in page and "govuk-error-summary" in page
    coord.post(new_url, {"form": "state", "state": "live"})
    coord.post(new_url, {"form": "current"})
    world.partnership.refresh_from_db()
    new.refresh_from_db()
    assert new.state == "live" and world.partnership.current_plan_year == new


@pytest.mark.django_db
def test_period_dates_edit_and_errors(coord, world):
    url = reverse("planning:period_edit", kwargs={**Y, "code": "Q1"})
    page = coord.get(url).content.decode()
    assert '<legend class="govuk-fieldset__legend">Due date for updates</legend>' in page
    assert 'name="due_date_month" type="text" inputmode="numeric" value="7"' in page

    def dates(start: str, end: str, due: str) -> dict[str, str]:
        data = {}
        for name, text in (("start_date", start), ("end_date", end), ("due_date", due)):
            for part, value in zip(("day", "month", "year"), text.split("/"), strict=True):
                data[f"{name}_{part}"] = value
        return data

    page = coord.post(url, dates("1/4/2020", "1//2020", "//")).content.decode()
    assert "End date must include a month" in page and "Enter the due date for updates" in page
    page = coord.post(url, dates("1/4/2020", "1/3/2020", "1/7/2020")).content.decode()
    assert "The end date must be the same as or after the start date." in page
    coord.post(url, dates("1/4/2020", "30/6/2020", "20/july/2020"))
    assert world.plan_year.periods.get(code="Q1").due_date == datetime.date(2020, 7, 20)
    coord.post(url, {**dates("1/4/2020", "30/6/2020", "//"), "due_date": "21/7/2020"})
    assert world.plan_year.periods.get(code="Q1").due_date == datetime.date(2020, 7, 21)


@pytest.mark.django_db
def test_status_vocabulary(coord, world):
    coord.post(
        reverse("planning:status_create", kwargs=P),
        {"name": "Paused", "colour": "amber", "meaning": "at_risk", "is_active": "on"},
    )
    paused = Status.objects.get(partnership=world.partnership, name="Paused")
    page = coord.post(
        reverse("planning:status_create", kwargs=P),
        {"name": "on TRACK", "colour": "green", "meaning": "on_track"},
    ).content.decode()
    assert "There is already a status called “on TRACK”" in page
    coord.post(
        reverse("planning:status_edit", kwargs={**P, "pk": paused.pk}),
        {"name": "On hold", "colour": "red", "meaning": "off_track"},
    )
    paused.refresh_from_db()
    assert (paused.name, paused.colour, paused.is_active) == ("On hold", "red", False)
    coord.post(reverse("planning:status_move", kwargs={**P, "pk": paused.pk}), {"direction": "up"})
    names = list(world.partnership.statuses.order_by("order").values_list("name", flat=True))
    assert names[-2:] == ["On hold", "Not progressed"]
    # a deactivated status is not offered on the update form
    form = coord.get(reverse("planning:action_update", kwargs={**Y, "pk": world.action.pk})).content.decode()
    assert ">On hold</label>" not in form and ">Not progressed</label>" in form


@pytest.mark.django_db
def test_key_figures(coord, world, client):
    create = reverse("planning:measure_create", kwargs=P)
    page = coord.post(create, {"name": "", "value": "lots"}).content.decode()
    assert "Enter the figure&#x27;s name" in page or "Enter the figure's name" in page
    assert "Enter the value as a number" in page
    coord.post(
        create,
        {
            "plan_year": world.plan_year.pk,
            "name": "Victim-based crime",
            "value": "8,394",
            "stated_change": "+0.4%",
            "source_organisation": world.other_organisation.pk,
            "period_label": "2019/20",
        },
    )
    measure = Measure.objects.get(name="Victim-based crime")
    assert measure.value == 8394 and measure.kind == "key_figure"
    coord.post(
        reverse("planning:measure_edit", kwargs={**P, "pk": measure.pk}),
        {"name": "Victim-based crime", "value": "8395", "plan_year": world.plan_year.pk},
    )
    client.force_login(world.member)
    page = client.get(reverse("planning:key_figures", kwargs=P)).content.decode()
    assert "8,395" in page and "Quoted for 2020/21" in page and "Edit" not in page
    client.force_login(world.coordinator)
    history = client.get(reverse("planning:measure_edit", kwargs={**P, "pk": measure.pk})).content.decode()
    assert "Changes to this figure" in history and "8394" in history
    client.post(reverse("planning:measure_delete", kwargs={**P, "pk": measure.pk}))
    assert not Measure.objects.exists()


@pytest.mark.django_db
def test_roll_forward_page(coord, world):
    url = reverse("planning:roll_forward", kwargs=Y)
    page = coord.post(url, {}).content.decode()
    assert "Choose at least one priority or action" in page
    page = coord.post(url, {"actions": [world.action.pk]}).content.decode()
    assert "Rolled forward into 2021/22" in page and "1 action copied" in page
    page = coord.post(url, {"actions": [world.action.pk]}).content.decode()
    assert "0 actions copied" in page and "Already carried forward" in page
    carried = Action.objects.get(carried_from=world.action)
    detail = coord.get(
        reverse("planning:action", kwargs={**P, "year": "2021-22", "pk": carried.pk})
    ).content.decode()
    assert "Carried forward from" in detail
