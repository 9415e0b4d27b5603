"""Partner data in a real browser: the upload with its problems, the confirm page, data requests
with received and missing, computed figures and a lead officer's My actions; each passes axe."""

import datetime

import pytest

from assessment import services
from assessment.models import DataRequest
from planning.models import Measure, MeasureKind
from tests.browser.helpers import assert_accessible, follow, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_upload_requests_and_computed_figures(page, world, tmp_path):
    services.assessment_create(partnership=world.partnership, slug="2021-22", actor=world.coordinator)
    bad, good = tmp_path / "bad.csv", tmp_path / "figures.csv"
    bad.write_text("Indicator,Period,Value,Organisation\nReferrals,2020-13,x,Nobody\n", encoding="utf-8")
    good.write_text(
        "Indicator,Period,Value,Organisation\nReferrals,2020/21,12,Test Borough Council\n", encoding="utf-8"
    )
    sign_in(page, "coord", PASSWORD)
    page.goto("/partnerships/test-csp/assessment/2021-22/")
    follow(page.get_by_role("link", name="Partner data requests"))
    assert_accessible(page, "data requests, none yet")
    follow(page.get_by_role("link", name="Ask organisations for figures"))
    follow(page.get_by_role("button", name="Send the request"))
    assert_accessible(page, "data request form with errors")
    page.get_by_label("Test Borough Council").check()
    page.get_by_label("Figures asked for").fill("Referrals, 2020/21\nRepeat victims, 2021-Q1")
    due = datetime.date.today() + datetime.timedelta(days=20)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    follow(page.get_by_role("button", name="Send the request"))
    assert "0 of 2 received" in page.inner_text("main")
    follow(page.get_by_role("link", name="Upload figures"))
    assert_accessible(page, "upload form")
    page.get_by_label("Partner indicator file").set_input_files(str(bad))
    follow(page.get_by_role("button", name="Check the file"))
    assert "bad.csv: Row 2, column Period" in page.inner_text("#upload-problems")
    assert_accessible(page, "upload with problems")
    page.get_by_label("Partner indicator file").set_input_files(str(good))
    follow(page.get_by_role("button", name="Check the file"))
    assert "Saving it: 1 added, 0 replaced, 0 unchanged." in page.inner_text("#upload-summary")
    assert_accessible(page, "upload confirm page")
    follow(page.get_by_role("button", name="Save 1 figure"))
    assert Measure.objects.filter(kind=MeasureKind.INDICATOR, name="Referrals").exists()
    page.goto("/partnerships/test-csp/assessment/2021-22/partner-data/")
    assert "1 of 2 received" in page.inner_text("main")
    assert_accessible(page, "data requests with received and missing")
    follow(page.get_by_role("link", name="Add computed figures"))
    assert_accessible(page, "computed figures form")
    page.get_by_label("Financial year").fill("2020/21")
    page.get_by_label("Organisation the figures are from").select_option(label="Test Police")
    follow(page.get_by_role("button", name="Show the figures"))
    assert "Saving them: 5 added" in page.inner_text("#source-summary")
    assert_accessible(page, "computed figures to add")
    page.goto(
        f"/partnerships/test-csp/assessment/2021-22/partner-data/{DataRequest.objects.get().pk}/withdraw/"
    )
    assert_accessible(page, "withdraw a request")
    page.context.clear_cookies()
    sign_in(page, "lead", PASSWORD)
    page.goto("/partnerships/test-csp/my-actions/")
    assert "Send figures for the Strategic Assessment 2021/22: 1 of 2 received" in page.inner_text("main")
    assert_accessible(page, "my actions with a data request")
