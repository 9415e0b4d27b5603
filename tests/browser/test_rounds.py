"""The update round and message pages pass axe, with and without JavaScript: a coordinator opens
a period with a due date, follows its tracker and the message log, previews a message text and
changes the settings (with errors); a lead officer changes their e-mail preferences."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from partnership.models import Message, MessageOptOut
from planning.models import ReportingPeriod, UpdateRound
from tests.browser.helpers import assert_accessible, assert_accessible_without_js, follow, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def coordinator_journey(page: Any, world: Any, audit: Callable[[str], None]) -> None:
    Message.objects.create(
        partnership=world.partnership,
        recipient=world.lead_officer,
        address=world.lead_officer.email,
        kind="reminder",
        round_key="round:0",
        round_label="Quarter 4 2019/20",
        subject="Reminder",
        body="b",
        claimed_at=timezone.now() - datetime.timedelta(hours=1),
    )
    sign_in(page, "coord", PASSWORD)
    slug, year = world.partnership.slug, world.plan_year.slug
    page.goto(f"/partnerships/{slug}/years/{year}/settings/")
    page.get_by_label("Quarter 2").check()
    due = timezone.localdate() + datetime.timedelta(days=20)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year", exact=True).fill(str(due.year))
    follow(page.get_by_role("button", name="Save open periods"))
    assert (
        UpdateRound.objects.get(
            period=ReportingPeriod.objects.get(plan_year=world.plan_year, code="Q2")
        ).due_date
        == due
    )
    audit("plan year settings with a round")
    follow(page.get_by_role("link", name="Completion tracker for Quarter 2"))
    assert page.get_by_role("heading", level=1).inner_text() == "Quarter 2 2020/21: completion tracker"
    audit("completion tracker")
    page.goto(f"/partnerships/{slug}/messages/")
    assert page.get_by_text("Unknown — check", exact=True).is_visible()
    audit("message log")
    page.goto(f"/partnerships/{slug}/messages/settings/")
    audit("message settings")
    page.get_by_label("Days before the due date to send the reminder").fill("99")
    follow(page.get_by_role("button", name="Save settings"))
    audit("message settings with an error")
    follow(page.get_by_role("link", name="Change the chaser text"))
    page.get_by_label("Subject").fill("Overdue: {round}")
    follow(page.get_by_role("button", name="Preview"))
    assert page.get_by_text("Overdue: Quarter 1 2020/21").is_visible()
    audit("message text with a preview")
    page.get_by_label("Message", exact=True).fill("{oops}")
    follow(page.get_by_role("button", name="Save text"))
    audit("message text with an error")


def test_coordinator_pages(page, world):
    coordinator_journey(page, world, lambda label: assert_accessible(page, label))


def test_coordinator_pages_without_javascript(nojs_page, axe_page, world):
    coordinator_journey(
        nojs_page, world, lambda label: assert_accessible_without_js(nojs_page, axe_page, label)
    )


def test_lead_officer_preferences(page, world):
    sign_in(page, "lead", PASSWORD)
    page.goto("/accounts/")
    follow(page.get_by_role("link", name=f"E-mail preferences for {world.partnership.name}"))
    assert_accessible(page, "e-mail preferences")
    page.get_by_label("Reminders before updates are due").uncheck()
    follow(page.get_by_role("button", name="Save preferences"))
    assert list(MessageOptOut.objects.values_list("kind", flat=True)) == ["reminder"]
    assert_accessible(page, "e-mail preferences saved")
