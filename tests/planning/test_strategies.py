"""Issue 9: strategies over several plan years; plan years belong to one whose span contains them."""

import pytest

from core.access import NotFound, Purpose
from core.errors import AccessDenied, ServiceError
from planning.access import access_strategy, strategies_visible_to
from planning.models import PlanYear, PlanYearState, Strategy
from planning.services.strategies import (
    plan_year_set_strategy,
    strategy_create,
    strategy_delete,
    strategy_edit,
)
from tests.factories import PlanYearFactory

pytestmark = pytest.mark.django_db

TITLE = "Community Safety Strategy"


def create(world, start=2020, end=2022, **extra):  # type: ignore[no-untyped-def]
    return strategy_create(
        partnership=world.partnership,
        title=TITLE,
        start_year=start,
        end_year=end,
        actor=world.coordinator,
        **extra,
    )


def test_span_slug_label_and_covered_plan_years(world):
    strategy = create(world, 2021, 2023)
    assert (strategy.slug, strategy.label) == ("2021-2023", "2021\u20132023")
    assert strategy.plan_year_slugs == ["2021-22", "2022-23"]
    assert Strategy(start_year=2024, end_year=2029).plan_year_slugs == [
        "2024-25",
        "2025-26",
        "2026-27",
        "2027-28",
        "2028-29",
    ]
    assert Strategy.span_of_slug("2021-2023") == (2021, 2023)
    assert Strategy.span_of_slug("2021-23") is None
    assert str(strategy) == "Community Safety Strategy 2021\u20132023"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (2021, 2021, "must come after the start year"),
        (2021, 2020, "must come after the start year"),
        (2020, 2031, "at most 10 plan years"),
        (1999, 2001, "like 2021"),
    ],
)
def test_spans_refused(world, start, end, message):
    with pytest.raises(ServiceError, match=message):
        create(world, start, end)


def test_overlapping_strategies_are_refused_with_a_clear_message(world):
    create(world, 2020, 2023)
    with pytest.raises(
        ServiceError, match="2022\u20132024 overlaps the Community Safety Strategy 2020\u20132023"
    ):
        create(world, 2022, 2024)
    assert create(world, 2023, 2025).slug == "2023-2025"  # adjacent is fine


def test_only_coordinators_create_and_change(world):
    for who in (world.member, world.lead_officer, world.outsider):
        with pytest.raises(AccessDenied):
            strategy_create(
                partnership=world.partnership, title=TITLE, start_year=2020, end_year=2022, actor=who
            )
    strategy = create(world)
    with pytest.raises(AccessDenied):
        strategy_edit(strategy=strategy, actor=world.member, title="X", start_year=2020, end_year=2022)
    with pytest.raises(AccessDenied):
        plan_year_set_strategy(plan_year=world.plan_year, strategy=strategy, actor=world.lead_officer)


def test_creating_with_its_plan_years_joins_existing_ones_and_creates_missing_drafts(world):
    strategy = create(world, 2020, 2023, plan_years=True)
    years = list(PlanYear.objects.filter(strategy=strategy).order_by("start_date"))
    assert [y.slug for y in years] == ["2020-21", "2021-22", "2022-23"]
    assert years[0].pk == world.plan_year.pk
    assert all(y.state == PlanYearState.DRAFT for y in years[1:])
    assert all(y.periods.count() == 5 for y in years)


def test_a_plan_year_joins_only_a_strategy_whose_span_contains_it(world):
    strategy = create(world, 2021, 2023)
    with pytest.raises(ServiceError, match="not 2020/21"):
        plan_year_set_strategy(plan_year=world.plan_year, strategy=strategy, actor=world.coordinator)
    year = PlanYearFactory(partnership=world.partnership, slug="2022-23")
    plan_year_set_strategy(plan_year=year, strategy=strategy, actor=world.coordinator)
    year.refresh_from_db()
    assert year.strategy == strategy
    assert year.history.first().history_user == world.coordinator
    plan_year_set_strategy(plan_year=year, strategy=None, actor=world.coordinator)
    year.refresh_from_db()
    assert year.strategy is None


def test_a_strategy_of_another_partnership_is_refused(world):
    other = strategy_create(
        partnership=world.other_partnership, title=TITLE, start_year=2020, end_year=2022, actor=world.outsider
    )
    with pytest.raises(ServiceError, match="another partnership"):
        plan_year_set_strategy(plan_year=world.plan_year, strategy=other, actor=world.coordinator)


def test_edit_keeps_its_plan_years_inside_the_span(world):
    strategy = create(world, 2020, 2022, plan_years=True)
    with pytest.raises(ServiceError, match="2020/21 belong"):
        strategy_edit(strategy=strategy, actor=world.coordinator, title=TITLE, start_year=2021, end_year=2023)
    strategy_edit(
        strategy=strategy,
        actor=world.coordinator,
        title="Safer Together",
        start_year=2020,
        end_year=2024,
        vision="V",
    )
    strategy.refresh_from_db()
    assert (strategy.title, strategy.end_year, strategy.vision) == ("Safer Together", 2024, "V")
    assert strategy.history.count() == 2


def test_delete_is_refused_while_plan_years_belong_to_it(world):
    strategy = create(world, 2020, 2022)
    plan_year_set_strategy(plan_year=world.plan_year, strategy=strategy, actor=world.coordinator)
    with pytest.raises(ServiceError, match="take them out"):
        strategy_delete(strategy=strategy, actor=world.coordinator)
    plan_year_set_strategy(plan_year=world.plan_year, strategy=None, actor=world.coordinator)
    strategy_delete(strategy=strategy, actor=world.coordinator)
    assert not Strategy.objects.exists()


def test_visibility_and_door(world):
    strategy = create(world)
    assert list(strategies_visible_to(world.member)) == [strategy]
    assert not strategies_visible_to(world.outsider).exists()
    assert not strategies_visible_to(world.member, for_=Purpose.MANAGE).exists()
    assert access_strategy(world.member, "test-csp", "2020-2022") == strategy
    for who, purpose in ((world.outsider, Purpose.VIEW), (world.member, Purpose.MANAGE)):
        with pytest.raises(NotFound):
            access_strategy(who, "test-csp", "2020-2022", for_=purpose)
    with pytest.raises(NotFound):
        access_strategy(world.coordinator, "test-csp", "2020-21")


def test_coordinator_pages(client, world):
    client.force_login(world.coordinator)
    base = "/partnerships/test-csp/strategies/"
    assert client.get(base).status_code == 200
    response = client.post(
        base + "new/",
        {
            "title": TITLE,
            "start_year": "2020",
            "end_year": "2022",
            "vision": "Safe",
            "narrative": "",
            "plan_years": "on",
        },
    )
    assert response.status_code == 302 and response["Location"] == base + "2020-2022/"
    page = client.get(base + "2020-2022/").content.decode()
    assert "Community Safety Strategy 2020–2022" in page and "Delivery plan 2021/22" in page
    # An overlapping one: the form shows the service's sentence.
    response = client.post(base + "new/", {"title": "Second", "start_year": "2021", "end_year": "2023"})
    assert "overlaps the Community Safety Strategy 2020–2022" in response.content.decode()
    # The plan year settings page chooses the year's strategy.
    strategy = Strategy.objects.get()
    settings_url = "/partnerships/test-csp/years/2020-21/settings/"
    assert "Community Safety Strategy 2020–2022" in client.get(settings_url).content.decode()
    assert client.post(settings_url, {"form": "strategy", "strategy": ""}).status_code == 302
    world.plan_year.refresh_from_db()
    assert world.plan_year.strategy is None
    client.post(settings_url, {"form": "strategy", "strategy": str(strategy.pk)})
    world.plan_year.refresh_from_db()
    assert world.plan_year.strategy == strategy
    # Delete: refused while plan years belong to it.
    response = client.post(base + "2020-2022/delete/")
    assert response.status_code == 200 and Strategy.objects.exists()


def test_members_read_the_strategy_page(client, world):
    create(world)
    client.force_login(world.member)
    assert client.get("/partnerships/test-csp/strategies/2020-2022/").status_code == 200
    assert client.get("/partnerships/test-csp/strategies/2020-2022/edit/").status_code == 404
    client.force_login(world.outsider)
    assert client.get("/partnerships/test-csp/strategies/2020-2022/").status_code == 404
