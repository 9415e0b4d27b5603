"""The second demo partnership's pages in a real browser: axe finds nothing on the strategy,
priority, action, measure, plan document preview and (empty) Strategic Assessment pages."""

import pytest

from core.actors import system_user
from demo.example_district import OVERDUE_ACTION, SLUG, example_district_load
from demo.users import demo_password
from planning.models import Action, Measure
from tests.browser.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_example_district_pages_are_accessible(page, db):
    partnership = example_district_load(actor=system_user()).partnership
    year = partnership.plan_years.get(slug="2026-27")
    action = Action.objects.get(text=OVERDUE_ACTION)
    base = f"/partnerships/{SLUG}"
    pages = {
        "dashboard": f"{base}/",
        "strategy": f"{base}/strategies/2026-2028/",
        "priority": f"{base}/years/2026-27/priorities/{year.priorities.first().pk}/",
        "action list": f"{base}/years/2026-27/actions/",
        "action": f"{base}/years/2026-27/actions/{action.pk}/",
        "measure": f"{base}/key-figures/{Measure.objects.filter(partnership=partnership).first().pk}/",
        "plan document preview": f"{base}/plan-documents/2026-27/preview/",
        "assessment": f"{base}/assessment/",
        "crime analysis (no districts)": f"{base}/assessment/analysis/",
    }
    sign_in(page, "coordinator.example", demo_password())
    for label, url in pages.items():
        page.goto(url)
        assert_accessible(page, f"example-district {label}")
    page.goto(pages["action"])
    assert page.get_by_text("Overdue", exact=True).is_visible()
