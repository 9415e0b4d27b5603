"""Services behind the coordinator pages: rules, access and history."""

import pytest

from core.errors import AccessDenied, ServiceError
from planning import services
from planning.models import Action, PlanYear, Priority, SubTheme
from planning.selectors import action_owner_names
from tests.factories import ActionFactory, PriorityFactory


@pytest.mark.django_db
def test_priority_edit_keeps_sub_theme_rows_and_history(world):
    priority = services.priority_create(
        plan_year=world.plan_year, title="Safeguarding", actor=world.coordinator, sub_themes=["a", "b", "c"]
    )
    first = priority.sub_themes.get(name="a")
    services.priority_edit(priority=priority, actor=world.coordinator, title=" Safe ", sub_themes=["a2", "b"])
    assert [s.name for s in priority.sub_themes.all()] == ["a2", "b"]
    assert priority.sub_themes.first().pk == first.pk
    assert Priority.objects.get(pk=priority.pk).title == "Safe"
    assert SubTheme.history.filter(name="c", history_type="-").get().history_user == world.coordinator


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["lead_officer", "member", "outsider"])
def test_only_coordinators_manage(world, who):
    user = getattr(world, who)
    with pytest.raises(AccessDenied):
        services.priority_edit(priority=world.priority, actor=user, title="x")
    with pytest.raises(AccessDenied):
        services.action_delete(action=world.action, actor=user)
    with pytest.raises(AccessDenied):
        services.action_move(action=world.action, direction="up", actor=user)
    with pytest.raises(AccessDenied):
        services.plan_year_set_state(plan_year=world.plan_year, state="closed", actor=user)
    with pytest.raises(AccessDenied):
        services.status_save(partnership=world.partnership, actor=user, name="New", colour="grey")
    with pytest.raises(AccessDenied):
        services.measure_save(partnership=world.partnership, actor=user, name="x", value=1)
    assert Action.objects.filter(pk=world.action.pk).exists()


@pytest.mark.django_db
def test_priority_delete_refused_while_it_has_actions(world):
    with pytest.raises(ServiceError, match="still has 1 action"):
        services.priority_delete(priority=world.priority, actor=world.coordinator)


@pytest.mark.django_db
def test_moves_renumber_and_stop_at_the_ends(world):
    second = ActionFactory(priority=world.priority, text="B", order=10_000)
    third = ActionFactory(priority=world.priority, text="C", order=10_001)
    services.action_move(action=third, direction="up", actor=world.coordinator)
    texts = list(world.priority.actions.order_by("order").values_list("text", flat=True))
    assert texts == ["Hold a monthly meeting", "C", "B"]
    services.action_move(action=world.action, direction="up", actor=world.coordinator)  # already first
    assert list(world.priority.actions.order_by("order").values_list("order", flat=True)) == [1, 2, 3]
    second.refresh_from_db()
    assert second.version == 1  # reordering is not an edit of the action
    with pytest.raises(ServiceError):
        services.action_move(action=second, direction="sideways", actor=world.coordinator)


@pytest.mark.django_db
def test_plan_year_states(world):
    year = world.plan_year
    with pytest.raises(ServiceError):
        services.plan_year_set_state(plan_year=year, state="bogus", actor=world.coordinator)
    services.plan_year_set_state(plan_year=year, state="closed", actor=world.coordinator, confirmed=True)
    year.refresh_from_db()
    assert year.state == "closed" and year.periods.filter(is_open=True).count() == 0
    with pytest.raises(ServiceError, match="closed plan year cannot become draft"):
        services.plan_year_set_state(plan_year=year, state="draft", actor=world.coordinator)


@pytest.mark.django_db
def test_create_next_plan_year(world):
    created = services.plan_year_create_next(partnership=world.partnership, actor=world.coordinator)
    assert (created.slug, created.state) == ("2021-22", "draft")
    assert (
        services.plan_year_create_next(partnership=world.partnership, actor=world.coordinator).slug
        == "2022-23"
    )


@pytest.mark.django_db
def test_status_save_renames_and_refuses_duplicates(world):
    status = world.partnership.statuses.get(name="At risk")
    services.status_save(
        partnership=world.partnership, actor=world.coordinator, status=status, name="At Risk", colour="red"
    )
    status.refresh_from_db()
    assert (status.name, status.colour) == ("At Risk", "red")
    with pytest.raises(ServiceError, match="already a status"):
        services.status_save(
            partnership=world.partnership, actor=world.coordinator, name="completed", colour="grey"
        )
    other = world.other_partnership.statuses.first()
    with pytest.raises(AccessDenied):
        services.status_save(
            partnership=world.partnership, actor=world.coordinator, status=other, name="X", colour="red"
        )


@pytest.mark.django_db
def test_measure_save_checks_partnership_of_links(world):
    foreign_year = PlanYear.objects.create(
        partnership=world.other_partnership, slug="2020-21", start_date="2020-04-01", end_date="2021-03-31"
    )
    with pytest.raises(ServiceError, match="belong to this partnership"):
        services.measure_save(
            partnership=world.partnership, actor=world.coordinator, name="x", value=1, plan_year=foreign_year
        )
    with pytest.raises(ServiceError, match="Unknown figure fields"):
        services.measure_save(
            partnership=world.partnership, actor=world.coordinator, name="x", value=1, kind="y"
        )


@pytest.mark.django_db
def test_roll_forward_creates_draft_matches_titles_and_never_duplicates(world):
    other_priority = PriorityFactory(plan_year=world.plan_year, title="Domestic abuse", order=5)
    services.priority_edit(
        priority=other_priority, actor=world.coordinator, title="Domestic abuse", sub_themes=["stalking"]
    )
    second = ActionFactory(priority=other_priority, text="Support DAVSS")
    # the next year exists already with a priority whose title differs only in case
    target = services.plan_year_create(partnership=world.partnership, slug="2021-22", actor=world.coordinator)
    existing = services.priority_create(plan_year=target, title="VIOLENT CRIME ", actor=world.coordinator)
    result = services.plan_year_roll_forward(
        source=world.plan_year,
        actor=world.coordinator,
        priority_ids=[other_priority.pk],
        action_ids=[world.action.pk, second.pk],
    )
    assert result == target
    assert target.priorities.count() == 2
    carried = target.actions.get(carried_from=world.action)
    assert carried.priority == existing and action_owner_names(carried) == action_owner_names(world.action)
    new_priority = target.priorities.get(title="Domestic abuse")
    assert new_priority.carried_from == other_priority
    assert [s.name for s in new_priority.sub_themes.all()] == ["stalking"]
    services.plan_year_roll_forward(
        source=world.plan_year,
        actor=world.coordinator,
        priority_ids=[],
        action_ids=[world.action.pk, second.pk],
    )
    assert target.actions.count() == 2 and target.priorities.count() == 2


@pytest.mark.django_db
def test_roll_forward_creates_next_year_as_draft_when_missing(world):
    result = services.plan_year_roll_forward(
        source=world.plan_year, actor=world.coordinator, priority_ids=[world.priority.pk], action_ids=[]
    )
    assert (result.slug, result.state, result.periods.count()) == ("2021-22", "draft", 5)
    assert result.priorities.get().carried_from == world.priority
    assert result.actions.count() == 0
