"""The import preview in a real browser: summary line, tick box by its label, accessible."""

import pytest

from planning.models import Action
from tests.browser.helpers import assert_accessible, follow, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_preview_tick_box_applies_changed_titles(page, world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(
        "Ref,Priority,Action,Owner/lead agency,Update,Status\r\n"
        f"{world.action.pk},Violent crime,Hold a weekly meeting,Test Borough Council,Met.,On track\r\n",
        encoding="utf-8",
    )
    sign_in(page, "coord", PASSWORD)
    page.goto("/partnerships/test-csp/years/2020-21/actions/import/")
    page.get_by_label("Action plan file").set_input_files(str(path))
    page.get_by_label("Reporting period of the Update and Status cells").select_option("Q1")
    follow(page.get_by_role("button", name="Check the file"))
    assert "Importing it: 1 updated, 0 added, 0 unchanged" in page.inner_text("#import-summary")
    assert_accessible(page, "import preview with changed titles")
    page.get_by_label("Apply changed titles, owners, approaches, targets and due dates").check()
    follow(page.get_by_role("button", name="Import 1 row"))
    assert "1 updated, 0 added, 0 unchanged" in page.inner_text("main")
    assert Action.objects.get().text == "Hold a weekly meeting"
