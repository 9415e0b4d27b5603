"""ASB Case Reviews in a browser: the public form without JavaScript and without sign-in (errors,
then the acknowledgement), and the CSU coordinator's pages with a verified session; axe on each."""

import datetime

import pytest
from django.conf import settings
from django.test import Client

from casereviews import forms as case_forms
from casereviews import services
from casereviews.models import Application
from core.actors import system_user
from partnership.models import Role
from tests.browser.helpers import assert_accessible, assert_accessible_without_js, follow
from tests.casereviews.helpers import application, grant_csu, verify
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanYearFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser
D = datetime.date


@pytest.fixture
def partnership(db):
    team = PartnershipFactory(
        slug="cr-csp", name="Case Review Community Safety Partnership", phone="01234 567890"
    )
    OrganisationFactory(partnership=team, name="Case Review Borough Council")
    PlanYearFactory(partnership=team, slug="2019-20")
    return team


def test_public_form_works_without_javascript(nojs_page, axe_page, partnership, monkeypatch):
    monkeypatch.setattr(case_forms, "MIN_FILL_SECONDS", 0)
    nojs_page.goto("/p/cr-csp/asb-case-review/apply/")
    assert_accessible_without_js(nojs_page, axe_page, "public application form")
    follow(nojs_page.get_by_role("button", name="Send the application"))
    assert nojs_page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible_without_js(nojs_page, axe_page, "public application form with errors")
    nojs_page.get_by_label("Full name (or the business or group's name)").fill("Pat Example")
    nojs_page.get_by_label("What has been happening?").fill("Loud music every night.")
    follow(nojs_page.get_by_role("button", name="Send the application"))
    assert "Application received" in nojs_page.content()
    reference = Application.objects.get().reference
    assert reference in nojs_page.content()
    assert_accessible_without_js(nojs_page, axe_page, "acknowledgement page")


def _verified_cookie(page, user) -> None:
    client = Client()
    client.force_login(user)
    verify(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": page.url or "http://localhost"}]
    )


def test_csu_coordinator_pages_pass_axe(page, partnership, live_server):
    user = UserFactory(username="csu-coordinator")
    MembershipFactory(user=user, partnership=partnership, role=Role.COORDINATOR)
    grant_csu(user, partnership)
    made = application(partnership)
    services.application_acknowledge(actor=system_user(), application=made, on=D(2019, 6, 4))
    services.threshold_decide(actor=system_user(), application=made, decided_on=D(2019, 6, 5))
    services.review_save(
        actor=system_user(), application=made, meeting_date=D(2019, 7, 1), outcome="No actions."
    )
    services.dissatisfaction_add(
        actor=system_user(), application=made, received_on=D(2019, 8, 1), grounds="Slow"
    )
    page.goto(live_server.url + "/")
    _verified_cookie(page, user)
    base = "/partnerships/cr-csp/asb-case-reviews/"
    for path, label in (
        (base, "applications"),
        (f"{base}{made.pk}/", "application"),
        (f"{base}{made.pk}/review/", "review form"),
        (f"{base}{made.pk}/review/attendees/new/", "attendee form"),
        (f"{base}{made.pk}/review/recommendations/new/", "recommendation form"),
        (f"{base}{made.pk}/contact/", "contact form"),
        (f"{base}{made.pk}/requests/new/", "request form"),
        (f"{base}procedure/", "procedure"),
        (f"{base}procedure/threshold/new/", "threshold form"),
        (f"{base}procedure/routes/new/", "route form"),
        (f"{base}figures/", "figures"),
    ):
        page.goto(path)
        assert page.url.endswith(path), f"{label}: ended on {page.url}"
        assert_accessible(page, label)
    page.goto(f"{base}new/")
    follow(page.get_by_role("button", name="Record the application"))
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page, "officer application form with errors")
    other = application(partnership, application_date=D(2019, 9, 2))
    services.application_acknowledge(actor=system_user(), application=other, on=D(2019, 9, 3))
    page.goto(f"{base}{other.pk}/decision/")
    assert_accessible(page, "decision form")
    page.goto(f"{base}figures/")
    follow(page.get_by_role("button", name="Publish the 2019/20 figures"))
    page.goto("/p/cr-csp/asb-case-reviews/")
    assert "2019/20" in page.content()
    assert_accessible(page, "public figures")
