"""Issue 2's journey in a real browser: a lead officer signs in, opens an action their organisation
owns, submits the Q1 update with a status and sees it on the action and the dashboard. axe runs on
every page visited; the same journey is repeated with JavaScript switched off."""

from collections.abc import Callable
from typing import Any

import pytest

from planning.models import Update
from tests.browser.helpers import (
    assert_accessible,
    assert_accessible_without_js,
    assert_skip_link_first,
    follow,
    sign_in,
)
from tests.conftest import PASSWORD
from tests.factories import ActionFactory

pytestmark = pytest.mark.browser

NARRATIVE = "Monthly meetings held in April, May and June; attendance up to **18 partners**."


def dashboard_totals(page: Any) -> dict[str, int]:
    """The 'All priorities' row of the dashboard's status table, by column heading."""
    table = page.locator("table", has=page.get_by_role("columnheader", name="Priority"))
    headings = table.locator("thead th").all_inner_texts()
    cells = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="All priorities"))
    values = cells.locator("td").all_inner_texts()
    return {h.strip(): int(v) for h, v in zip(headings[1:], values, strict=True)}


def lead_officer_journey(page: Any, world: Any, audit: Callable[[str], None]) -> None:
    other_action = ActionFactory(
        priority=world.priority, text="Run a night-time economy patrol", owners=[world.other_organisation]
    )
    sign_in(page, "lead", PASSWORD)
    assert page.url.endswith("/partnerships/test-csp/my-actions/")  # a lead officer's home
    assert page.get_by_role("heading", level=1).inner_text() == "My actions 2020/21"
    follow(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Dashboard"))
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard 2020/21"
    before = dashboard_totals(page)
    assert before["No status recorded"] == 2 and before["On track"] == 0
    missing = page.get_by_role("heading", name="Updates still missing for Quarter 1")
    assert missing.is_visible()
    assert page.get_by_role("heading", name="Test Borough Council (1)").is_visible()
    assert page.get_by_text("No updates yet in 2020/21.").is_visible()
    audit("dashboard before the update")

    follow(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Action plans"))
    assert page.get_by_role("heading", level=1).inner_text() == "Action plan 2020/21"
    audit("action list")

    # Another organisation's action: the lead officer can read it but not report on it.
    follow(page.get_by_role("link", name=other_action.text))
    assert page.get_by_role("heading", level=1).inner_text() == other_action.text
    assert page.get_by_role("link", name="Add an update for Quarter 1").count() == 0
    audit("another organisation's action")
    page.go_back()

    follow(page.get_by_role("link", name="Hold a monthly meeting"))
    assert page.get_by_role("heading", level=1).inner_text() == "Hold a monthly meeting"
    assert page.get_by_text("No updates yet.").is_visible()
    audit("own action before the update")

    follow(page.get_by_role("link", name="Add an update for Quarter 1"))
    assert page.get_by_role("heading", level=1).inner_text() == "Add an update for Quarter 1"
    audit("update form")

    follow(page.get_by_role("button", name="Save update"))
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_role("link", name="Enter an update or choose a status").is_visible()
    audit("update form with an error")
    assert not Update.objects.exists()

    page.get_by_label("Update (needed unless you choose a status)").fill(NARRATIVE)
    page.get_by_label("On track").check()
    follow(page.get_by_role("button", name="Save update"))

    assert page.get_by_role("heading", level=1).inner_text() == "Hold a monthly meeting"
    assert page.get_by_text("Update for Quarter 1 saved.").is_visible()
    status_row = page.locator(".govuk-summary-list__row", has_text="Current status")
    assert status_row.locator(".govuk-tag").inner_text() == "On track"
    assert page.get_by_role("heading", name="Quarter 1", level=3).is_visible()
    assert page.locator("strong", has_text="18 partners").is_visible()  # Markdown rendered
    assert page.get_by_role("link", name="Edit the update for Quarter 1").is_visible()
    audit("own action after the update")

    update = Update.objects.get(action=world.action)
    assert (update.period.code, update.status.name, update.author) == ("Q1", "On track", world.lead_officer)
    assert update.narrative == NARRATIVE

    follow(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Dashboard"))
    after = dashboard_totals(page)
    assert after["On track"] == before["On track"] + 1
    assert after["No status recorded"] == before["No status recorded"] - 1
    assert page.get_by_role("heading", name="Test Borough Council (1)").count() == 0
    recent = page.locator("table", has=page.get_by_role("columnheader", name="By"))
    row = recent.get_by_role("row").filter(has=page.get_by_role("link", name="Hold a monthly meeting"))
    cells = [c.strip() for c in row.locator("td").all_inner_texts()]
    assert cells[1:4] == ["Quarter 1", "On track", world.lead_officer.get_full_name()]
    audit("dashboard after the update")


def test_lead_officer_submits_quarterly_update(page, world):
    def audit(label: str) -> None:
        assert_accessible(page, label)

    lead_officer_journey(page, world, audit)
    assert_skip_link_first(page)


def test_lead_officer_submits_quarterly_update_without_javascript(nojs_page, axe_page, world):
    def audit(label: str) -> None:
        assert_accessible_without_js(nojs_page, axe_page, label)

    nojs_page.goto("/accounts/sign-in/")
    # The page's inline script did not run: JavaScript really is off.
    assert not nojs_page.evaluate("document.body.classList.contains('js-enabled')")
    lead_officer_journey(nojs_page, world, audit)
