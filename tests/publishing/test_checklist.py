"""Issue 8.5: nothing goes public without the checklist, and a draft year never does."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.errors import ServiceError
from planning.models import PlanYearState
from publishing import services
from publishing.checks import publish_checklist, title_key
from publishing.models import PlanPublication
from tests.factories import ActionFactory, PlanYearFactory, PriorityFactory, UpdateFactory, open_only

pytestmark = pytest.mark.django_db

INTRODUCTION = "Introduction"


def problems(plan_year) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {c.problem: c.details for c in publish_checklist(plan_year).checks}


def reported_draft(world):  # type: ignore[no-untyped-def]
    """The coordinator's report: a draft year, empty introduction, a duplicate priority and four
    priorities without actions."""
    year = PlanYearFactory(partnership=world.partnership, slug="2021-22", state=PlanYearState.DRAFT)
    kept = PriorityFactory(plan_year=year, title="Violent crime", order=1)
    ActionFactory(priority=kept, text="Patrol the high street", owners=[world.organisation])
    PriorityFactory(plan_year=year, title="Violent  Crime!", order=2)
    for order, title in enumerate(("Road safety", "Fraud", "Hate crime"), start=3):
        PriorityFactory(plan_year=year, title=title, order=order)
    return year


def test_titles_compare_without_case_punctuation_or_spacing():
    assert title_key("Violent  Crime!") == title_key("violent crime") == "violent crime"
    assert title_key("Anti-social behaviour") == title_key("anti social behaviour")
    assert title_key("Fraud") != title_key("Frauds")


def test_the_reported_draft_is_listed_and_refused_even_when_confirmed(world):
    year = reported_draft(world)
    found = problems(year)
    assert INTRODUCTION in found["6 narrative sections are empty:"]
    assert found["4 priorities have no actions:"] == ["Violent  Crime!", "Road safety", "Fraud", "Hate crime"]
    assert found["Priorities with the same title (ignoring case and punctuation):"] == [
        "Violent crime / Violent  Crime!"
    ]
    with pytest.raises(ServiceError, match="2021/22 plan year is a draft: only live or closed"):
        services.plan_publish(plan_year=year, actor=world.coordinator, confirmed=True)
    assert not PlanPublication.objects.filter(plan_year=year).exists()


def test_a_live_year_with_findings_publishes_only_when_confirmed(world):
    with pytest.raises(ServiceError, match="Check these before publishing the 2020/21 plan, then confirm"):
        services.plan_publish(plan_year=world.plan_year, actor=world.coordinator)
    assert not PlanPublication.objects.exists()
    publication = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    assert publication.number == 1


def test_actions_without_owners_and_example_data_are_listed(world):
    orphan = ActionFactory(priority=world.priority, text="Nobody owns this")
    orphan.owners.all().delete()
    UpdateFactory(action=world.action, narrative="Made up for the demo", is_example=True)
    found = problems(world.plan_year)
    assert found["1 action has no owner:"] == ["Violent crime: Nobody owns this"]
    assert found["1 record shown in the plan is marked as example data:"] == [
        "Update: Hold a monthly meeting"
    ]


def test_missing_updates_before_the_open_period_and_in_every_period_of_a_closed_year(world):
    year = world.plan_year
    open_only(year, "Q3")
    UpdateFactory(action=world.action, period=year.periods.get(code="Q1"))
    assert problems(year)["1 action is missing updates:"] == [
        "Hold a monthly meeting: no update for Quarter 2"
    ]

    open_only(year, "Q1")
    assert not any("missing updates" in p for p in problems(year))

    year.state = PlanYearState.CLOSED
    year.save()
    assert problems(year)["1 action is missing updates:"] == [
        "Hold a monthly meeting: no update for Quarter 2, Quarter 3, Quarter 4, Year-end review"
    ]


def test_a_complete_year_has_an_empty_checklist(world):
    services.narrative_save(
        plan_year=world.plan_year,
        actor=world.coordinator,
        **dict.fromkeys(services.NARRATIVE_FIELDS, "Some text."),
    )
    assert publish_checklist(world.plan_year).checks == []
    # Nothing to confirm: the service publishes without it.
    assert services.plan_publish(plan_year=world.plan_year, actor=world.coordinator).number == 1


def test_publish_plan_prints_the_checklist_and_needs_confirm(world):
    out = io.StringIO()
    with pytest.raises(CommandError, match="run the command again with --confirm"):
        call_command("publish_plan", "test-csp", "2020-21", "--as", "coord", stdout=out)
    assert "Checklist for the 2020/21 plan" in out.getvalue()
    assert "- 6 narrative sections are empty:" in out.getvalue()
    assert not PlanPublication.objects.exists()
    call_command("publish_plan", "test-csp", "2020-21", "--as", "coord", "--confirm", stdout=out)
    assert PlanPublication.objects.count() == 1


def test_publish_plan_refuses_a_draft_year_even_with_confirm(world):
    reported_draft(world)
    out = io.StringIO()
    with pytest.raises(CommandError, match="Not published: The 2021/22 plan year is a draft"):
        call_command("publish_plan", "test-csp", "2021-22", "--confirm", "--as", "coord", stdout=out)
    assert "4 priorities have no actions" in out.getvalue()
    assert not PlanPublication.objects.exists()


def test_the_publish_page_shows_the_checklist_and_refuses_a_draft(client, world):
    year = reported_draft(world)
    client.force_login(world.coordinator)
    url = reverse("publishing:publish", kwargs={"partnership": "test-csp", "year": "2021-22"})
    page = client.get(url).content.decode()
    assert "is a draft: only live or closed plan years are published" in page
    assert "I have read the checklist" not in page
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 200 and not PlanPublication.objects.filter(plan_year=year).exists()

    live = reverse("publishing:publish", kwargs={"partnership": "test-csp", "year": "2020-21"})
    page = client.get(live).content.decode()
    assert "6 narrative sections are empty:" in page and "Introduction" in page
    assert "I have read the checklist and want to publish this plan now" in page
