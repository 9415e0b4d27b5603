"""A new partnership is set up from its first signed-in page; plan-year controls are reachable."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from partnership.models import Role
from planning.models import Action, PlanYear, Priority
from planning.services import default_periods, plan_year_set_current
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, UserFactory


@pytest.fixture
def new_csp(db):  # type: ignore[no-untyped-def]
    """A partnership without a plan year: its coordinator, a member and a lead officer."""
    partnership = PartnershipFactory(slug="new-csp", name="New Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="New Borough Council")
    people = {}
    for username, role in [
        ("newcoord", Role.COORDINATOR),
        ("newmember", Role.MEMBER),
        ("newlead", Role.LEAD_OFFICER),
    ]:
        people[role] = UserFactory(username=username)
        MembershipFactory(user=people[role], partnership=partnership, organisation=council, role=role)
    return partnership, council, people


def _link(page: str, text: str) -> str:
    found = re.search(rf'<a class="govuk-link" href="([^"]+)">{re.escape(text)}</a>', page)
    assert found, f"no link {text!r}"
    return found[1]


class CountingClient:
    """Counts the POSTs a person sends (the acceptance budget is 9)."""

    def __init__(self, client: Client) -> None:
        self.client, self.posts = client, 0

    def post(self, url: str, data: dict[str, object]) -> str:
        self.posts += 1
        response = self.client.post(url, data, follow=True)
        assert response.status_code == 200
        return response.content.decode()


@pytest.mark.django_db
def test_new_coordinator_reaches_a_dashboard_with_a_priority_and_an_action_in_few_posts(client, new_csp):
    partnership, council, people = new_csp
    client.force_login(people[Role.COORDINATOR])
    set_up_url = reverse("planning:set_up", kwargs={"partnership": "new-csp"})
    first = client.get("/")  # the first signed-in page
    assert first.status_code == 302
    landed = client.get(first["Location"])
    assert landed.status_code == 302 and landed["Location"] == set_up_url
    page = client.get(set_up_url).content.decode()
    assert "Set up your partnership" in page and 'name="start_year"' in page
    browser = CountingClient(client)

    page = browser.post(set_up_url, {"start_year": "2021"})
    year = PlanYear.objects.get(partnership=partnership)
    assert year.slug == "2021-22" and "Next steps" in page
    periods = [
        {"code": p.code, "start_date": p.start_date, "end_date": p.end_date, "due_date": p.due_date}
        for p in year.periods.order_by("order")
    ]
    assert periods == default_periods(datetime.date(2021, 4, 1))
    partnership.refresh_from_db()
    assert partnership.current_plan_year == year

    browser.post(
        _link(page, "Add a priority"), {"title": "Domestic abuse", "description": "", "sub_themes": ""}
    )
    page = client.get(set_up_url).content.decode()
    browser.post(
        _link(page, "Add an action"),
        {
            "priority": Priority.objects.get(plan_year=year).pk,
            "text": "Train every housing officer",
            "target": "",
            "owner_1": council.pk,
            "written_1": "",
        },
    )
    assert Action.objects.filter(plan_year=year, text="Train every housing officer").exists()
    dashboard = client.get("/", follow=True).content.decode()
    assert "Dashboard 2021/22" in dashboard and "Domestic abuse" in dashboard
    assert re.search(r"<strong>1</strong></td>\s*</tr>", dashboard)  # one action in the totals row
    assert browser.posts <= 9
    assert browser.posts == 3


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.MEMBER, Role.LEAD_OFFICER])
def test_members_of_a_partnership_without_a_plan_year_see_no_plan_year_yet(client, new_csp, role):
    _, _, people = new_csp
    client.force_login(people[role])
    response = client.get(reverse("planning:dashboard", kwargs={"partnership": "new-csp"}))
    assert response.status_code == 200
    assert "No plan year yet" in response.content.decode()
    assert client.get(reverse("planning:set_up", kwargs={"partnership": "new-csp"})).status_code == 404


@pytest.mark.django_db
def test_outsider_and_plan_year_settings_without_a_year(client, new_csp, world):
    _, _, people = new_csp
    client.force_login(world.outsider)
    assert client.get(reverse("planning:dashboard", kwargs={"partnership": "new-csp"})).status_code == 404
    client.force_login(people[Role.COORDINATOR])
    response = client.get(reverse("planning:year_settings", kwargs={"partnership": "new-csp"}))
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:set_up", kwargs={"partnership": "new-csp"})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Enter the year your first plan year starts in"),
        ("21st", "Enter the year as 4 digits"),
        ("1999", "from 2000 to 2100"),
    ],
)
def test_set_up_explains_a_bad_start_year(client, new_csp, value, message):
    partnership, _, people = new_csp
    client.force_login(people[Role.COORDINATOR])
    page = client.post(reverse("planning:set_up", kwargs={"partnership": "new-csp"}), {"start_year": value})
    assert page.status_code == 200 and message in page.content.decode()
    assert not PlanYear.objects.filter(partnership=partnership).exists()


@pytest.mark.django_db
def test_plan_year_settings_are_in_the_menu_and_on_the_dashboard_for_coordinators_only(client, world):
    settings_url = reverse("planning:year_settings", kwargs={"partnership": "test-csp"})
    manage_url = reverse("planning:year_settings", kwargs={"partnership": "test-csp", "year": "2020-21"})
    client.force_login(world.coordinator)
    page = client.get(reverse("planning:dashboard", kwargs={"partnership": "test-csp"})).content.decode()
    assert f'href="{settings_url}"' in page and "Plan year settings" in page
    assert _link(page, "Manage this plan year") == manage_url
    settings_page = client.get(settings_url).content.decode()
    for control in [
        "Save state",
        "Save open period",
        "Create plan year 2021-22",
        "Change the status vocabulary",
    ]:
        assert control in settings_page
    for person in (world.member, world.lead_officer):
        client.force_login(person)
        page = client.get(reverse("planning:dashboard", kwargs={"partnership": "test-csp"})).content.decode()
        assert "Plan year settings" not in page and "Manage this plan year" not in page


@pytest.mark.django_db
def test_plan_year_history_names_the_year_by_its_label(client, world):
    from tests.factories import PlanYearFactory

    later = PlanYearFactory(partnership=world.partnership, slug="2021-22")
    plan_year_set_current(plan_year=later, actor=world.coordinator)
    client.force_login(world.coordinator)
    page = client.get(reverse("partnership:settings", kwargs={"partnership": "test-csp"})).content.decode()
    assert "Current plan year: <del>2020/21</del> → <ins>2021/22</ins>" in page
