"""Shared fixtures: a partnership with a user for every role, and a plan year."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from partnership.models import Role
from tests.factories import (
    ActionFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanYearFactory,
    PriorityFactory,
    UserFactory,
)

# Property tests judge results, not speed: on a loaded machine (CI, parallel work) one example can
# take longer than Hypothesis's default 200 ms deadline, which failed a money-rules test once.
settings.register_profile("csphub", deadline=None)
settings.load_profile("csphub")


@pytest.fixture(autouse=True)
def _empty_page_cache():  # type: ignore[no-untyped-def]
    """Each test starts with empty caches: ids and data versions repeat between tests once their
    transactions roll back, so a page part or an analysis cached by one test could match a key in
    the next (and rate limits would carry over)."""
    from django.core.cache import caches

    caches["pages"].clear()
    caches["default"].clear()
    yield


SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED_FILE = SHARED / "seeds" / "000_acca528074377805.txt"
POLICE_UK_DIR = SHARED / "police-uk"
PASSWORD = "correct-horse-battery"


@dataclass
class World:
    partnership: object
    other_partnership: object
    organisation: object
    other_organisation: object
    plan_year: object
    priority: object
    action: object
    coordinator: object
    lead_officer: object
    other_lead_officer: object
    member: object
    outsider: object
    site_admin: object


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    """One partnership with a user in each role, an action owned by `organisation`, and a
    second partnership whose coordinator is `outsider`."""
    partnership = PartnershipFactory(slug="test-csp", name="Test Community Safety Partnership")
    other = PartnershipFactory(slug="other-csp", name="Other Community Safety Partnership")
    organisation = OrganisationFactory(partnership=partnership, name="Test Borough Council", short_name="TBC")
    other_organisation = OrganisationFactory(partnership=partnership, name="Test Police", short_name="TP")
    plan_year = PlanYearFactory(partnership=partnership, slug="2020-21")
    partnership.current_plan_year = plan_year
    partnership.save()
    priority = PriorityFactory(plan_year=plan_year, title="Violent crime")
    action = ActionFactory(priority=priority, text="Hold a monthly meeting", owners=[organisation])

    def member(username: str, role: str, org) -> object:  # type: ignore[no-untyped-def]
        user = UserFactory(username=username)
        MembershipFactory(user=user, partnership=partnership, organisation=org, role=role)
        return user

    outsider = UserFactory(username="outsider")
    MembershipFactory(
        user=outsider,
        partnership=other,
        organisation=OrganisationFactory(partnership=other),
        role=Role.COORDINATOR,
    )
    admin = UserFactory(username="siteadmin", is_superuser=True, is_staff=True)
    return World(
        partnership=partnership,
        other_partnership=other,
        organisation=organisation,
        other_organisation=other_organisation,
        plan_year=plan_year,
        priority=priority,
        action=action,
        coordinator=member("coord", Role.COORDINATOR, organisation),
        lead_officer=member("lead", Role.LEAD_OFFICER, organisation),
        other_lead_officer=member("otherlead", Role.LEAD_OFFICER, other_organisation),
        member=member("member", Role.MEMBER, other_organisation),
        outsider=outsider,
        site_admin=admin,
    )


def requires_seed() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SEED_FILE.exists(), reason=f"seed file {SEED_FILE} not found")


def requires_police_uk() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not POLICE_UK_DIR.is_dir(), reason=f"{POLICE_UK_DIR} not found")
