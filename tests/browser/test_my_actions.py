"""A lead officer writes a quarter's updates and a joint action's contribution on one page, with
and without JavaScript; every page passes axe."""

from collections.abc import Callable
from typing import Any

import pytest

from planning.models import Contribution, Update
from tests.browser.helpers import assert_accessible, assert_accessible_without_js, follow, sign_in
from tests.conftest import PASSWORD
from tests.factories import ActionFactory

pytestmark = pytest.mark.browser


def journey(page: Any, world: Any, audit: Callable[[str], None]) -> None:
    survey = ActionFactory(priority=world.priority, text="Run a survey", owners=[world.organisation])
    joint = ActionFactory(
        priority=world.priority, text="Joint patrols", owners=[world.other_organisation, world.organisation]
    )
    sign_in(page, "lead", PASSWORD)
    assert page.get_by_role("heading", name="Quarter 1: 0 of 3 written").is_visible()
    audit("my actions")
    follow(page.get_by_role("link", name="Write your Quarter 1 updates"))
    assert page.get_by_role("heading", level=1).inner_text() == "Your updates for Quarter 1"
    audit("updates for a period")
    page.locator(f"#id_a{world.action.pk}-narrative").fill("Met in April, May and June")
    page.locator(f"#id_a{survey.pk}-narrative").fill("Survey sent to 400 homes")
    page.locator(f"#id_a{joint.pk}-narrative").fill("Council CCTV checked weekly")
    follow(page.get_by_role("button", name="Save all"))
    assert page.get_by_text("3 saved for Quarter 1.").is_visible()
    assert page.get_by_role("heading", name="Quarter 1: 3 of 3 written").is_visible()
    assert Update.objects.filter(period__code="Q1").count() == 2
    assert Contribution.objects.get().narrative == "Council CCTV checked weekly"

    follow(page.get_by_role("link", name="Joint patrols"))
    assert page.get_by_text("Contributions from the other owners").is_visible()
    follow(page.get_by_role("link", name="Your organisation's contribution for Quarter 1"))
    audit("contribution form")
    page.get_by_label("Your organisation's contribution").fill("")
    follow(page.get_by_role("button", name="Save contribution"))
    assert page.get_by_role("link", name="Enter your organisation's contribution").is_visible()
    audit("contribution form with an error")


def test_lead_officer_writes_a_quarter_on_one_page(page, world):
    journey(page, world, lambda label: assert_accessible(page, label))


def test_lead_officer_writes_a_quarter_without_javascript(nojs_page, axe_page, world):
    journey(nojs_page, world, lambda label: assert_accessible_without_js(nojs_page, axe_page, label))
