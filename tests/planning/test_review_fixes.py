"""Figures in updates, the links and labels of the action list, plan year history, the services package."""

from decimal import Decimal

import pytest
from django.urls import reverse

from planning import services
from planning.forms import parse_figure
from planning.models import Measure, MeasureKind, Update

Y = {"partnership": "test-csp", "year": "2020-21"}


def _update_url(action, name="planning:action_update"):  # type: ignore[no-untyped-def]
    return reverse(name, kwargs={**Y, "pk": action.pk})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,854", ("", Decimal("1854"), "")),
        ("over 190", ("over", Decimal("190"), "")),
        ("8%", ("", Decimal("8"), "%")),
        ("about 2.5 %", ("about", Decimal("2.5"), "%")),
        ("lots", None),
        ("190 or so", None),
    ],
)
def test_parse_figure(text, expected):
    assert parse_figure(text) == expected


@pytest.mark.django_db
def test_update_figures_saved_shown_edited_and_removed(client, world):
    client.force_login(world.lead_officer)
    data = {
        "narrative": "Holiday scheme ran.",
        "status": "",
        "version": 0,
        "figures_shown": "on",
        "figure_name_1": "Young people attending",
        "figure_value_1": "over 190",
        "figure_unit_1": "young people",
        "figure_name_2": "Repeat victim rate",
        "figure_value_2": "8%",
    }
    assert client.post(_update_url(world.action), data).status_code == 302
    update = Update.objects.get(action=world.action)
    figures = list(update.measures.order_by("order"))
    assert [(m.kind, m.name, m.display_value) for m in figures] == [
        (MeasureKind.UPDATE_FIGURE, "Young people attending", "over 190 young people"),
        (MeasureKind.UPDATE_FIGURE, "Repeat victim rate", "8%"),
    ]
    assert figures[0].period_label == "Quarter 1 2020/21" and figures[0].plan_year == world.plan_year
    assert figures[0].partnership == world.partnership
    page = client.get(_update_url(world.action, "planning:action")).content.decode()
    assert "Young people attending" in page and "over 190 young people" in page
    form_page = client.get(_update_url(world.action)).content.decode()
    assert 'name="figure_value_1" type="text" value="over 190"' in form_page
    assert 'name="figure_value_2" type="text" value="8%"' in form_page
    # Clearing the second row removes that figure; the first row keeps its record and history.
    data.update(version=1, figure_name_2="", figure_value_2="", figure_value_1="over 200")
    assert client.post(_update_url(world.action), data).status_code == 302
    kept = update.measures.get()
    assert kept.pk == figures[0].pk and kept.value == 200
    assert Measure.history.filter(id=figures[1].pk, history_type="-").get().history_user == world.lead_officer


@pytest.mark.django_db
def test_update_figure_errors_are_specific(client, world):
    client.force_login(world.lead_officer)
    data = {
        "narrative": "x",
        "status": "",
        "version": 0,
        "figures_shown": "on",
        "figure_name_1": "Visits",
        "figure_value_1": "lots",
        "figure_value_2": "12",
        "figure_name_3": "Events",
    }
    page = client.post(_update_url(world.action), data).content.decode()
    assert '<a href="#id_figure_value_1">Enter figure 1 as a number, like 1,854, 8% or over 190</a>' in page
    assert '<a href="#id_figure_name_2">Enter what figure 2 counts</a>' in page
    assert '<a href="#id_figure_value_3">Enter the number for figure 3</a>' in page
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_year_end_review_form_leaves_figures_alone(world):
    period = world.plan_year.periods.get(code="Q1")
    figure = services.UpdateFigure("Visits", Decimal(3))
    update = services.action_update_record(
        action=world.action,
        actor=world.coordinator,
        narrative="a",
        status=None,
        period=period,
        figures=[figure],
    )
    services.action_update_record(
        action=world.action,
        actor=world.coordinator,
        narrative="b",
        status=None,
        period=period,
        expected_version=1,
        figures=None,
    )
    assert [m.name for m in update.measures.all()] == ["Visits"]


@pytest.mark.django_db
def test_action_list_links_to_import_and_export_and_filters_have_no_optional_labels(client, world):
    io_url = reverse("planning_io:index", kwargs=Y)
    client.force_login(world.coordinator)
    page = client.get(reverse("planning:action_list", kwargs=Y)).content.decode()
    assert f'href="{io_url}">Import or export this action plan (CSV or Excel)</a>' in page
    assert "(optional)" not in page
    client.force_login(world.member)
    page = client.get(reverse("planning:action_list", kwargs=Y)).content.decode()
    assert f'href="{io_url}">Download this action plan (CSV or Excel)</a>' in page
    assert client.get(io_url).status_code == 200


@pytest.mark.django_db
def test_plan_year_settings_show_the_years_history(client, world):
    client.force_login(world.coordinator)
    url = reverse("planning:year_settings", kwargs=Y)
    client.post(url, {"form": "period", "periods": ["Q2"]})
    page = client.get(url).content.decode()
    assert "Changes to plan year 2020/21" in page
    assert "Changes to its reporting periods" in page
    assert "Changed: Quarter 2" in page and "Is open: <del>No</del> → <ins>Yes</ins>" in page


def test_services_package_reexports_every_service():
    from planning.services import plan_year_create, years

    assert plan_year_create is years.plan_year_create is services.plan_year_create
    missing = [name for name in services.__all__ if not hasattr(services, name)]
    assert missing == []
    assert {"action_update_record", "plan_year_roll_forward", "measure_save", "status_save"} <= set(
        services.__all__
    )


@pytest.mark.django_db
def test_second_priority_editor_is_told_and_shown_the_newer_version(client, world):
    client.force_login(world.coordinator)
    url = reverse("planning:priority_edit", kwargs={**Y, "pk": world.priority.pk})
    page = client.get(url).content.decode()
    loaded = services.priority_fingerprint(world.priority)
    assert f'name="fingerprint" value="{loaded}"' in page
    first = {
        "title": "Violent crime and knives",
        "description": "",
        "sub_themes": "knife crime",
        "fingerprint": loaded,
    }
    assert client.post(url, first).status_code == 302
    second = {**first, "title": "Serious violence", "sub_themes": ""}
    response = client.post(url, second)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this priority while you were editing it." in page
    assert "Violent crime and knives" in page and "knife crime" in page  # the newer version is shown
    world.priority.refresh_from_db()
    assert world.priority.title == "Violent crime and knives"
    newer = services.priority_fingerprint(world.priority)
    assert f'name="fingerprint" value="{newer}"' in page
    assert client.post(url, {**second, "fingerprint": newer}).status_code == 302
    world.priority.refresh_from_db()
    assert world.priority.title == "Serious violence" and not world.priority.sub_themes.exists()
