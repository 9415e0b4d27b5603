"""Sign-in page and dashboard in a real browser: accessible, keyboard-usable, styled."""

import pytest

from tests.browser.helpers import (
    assert_accessible,
    assert_accessible_without_js,
    assert_skip_link_first,
    follow,
    sign_in,
    take_errors,
)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_sign_in_page_is_accessible_and_styled(page):
    page.goto("/accounts/sign-in/")
    assert page.title().startswith("Sign in")
    # The compiled GOV.UK CSS is applied (the skip link is moved off-screen until focused).
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.govuk-skip-link')).position") == "absolute"
    )
    assert_accessible(page)
    assert_skip_link_first(page)


def test_sign_in_errors_are_accessible(page, world):
    page.goto("/accounts/sign-in/")
    follow(page.get_by_role("button", name="Sign in"))
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_role("link").count() == 2
    # GOV.UK Frontend moves focus to the error summary.
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert_accessible(page, "sign-in with empty fields")

    page.get_by_label("Username").fill("lead")
    page.get_by_label("Password").fill("wrong-password")
    follow(page.get_by_role("button", name="Sign in"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert "/accounts/sign-in/" in page.url
    assert_accessible(page, "sign-in with a wrong password")


def test_signed_in_pages_are_accessible_with_and_without_javascript(page, nojs_page, axe_page, world):
    sign_in(page, "coord", PASSWORD)
    assert page.url.endswith("/partnerships/test-csp/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Dashboard")
    assert_accessible(page, "dashboard")
    assert_skip_link_first(page)
    page.goto("/accounts/")
    assert_accessible(page, "your account")

    sign_in(nojs_page, "coord", PASSWORD)
    assert nojs_page.url.endswith("/partnerships/test-csp/")
    assert_accessible_without_js(nojs_page, axe_page, "dashboard")


def test_scripts_run_under_the_content_security_policy(page, world):
    """The pages' own scripts (nonce'd inline script, GOV.UK Frontend, htmx) run under the CSP, and
    nothing on them is blocked by it."""
    for go in (lambda: page.goto("/accounts/sign-in/"), lambda: sign_in(page, "coord", PASSWORD)):
        go()
        page.wait_for_selector("[data-govuk-skip-link-init]", state="attached")
        classes = page.evaluate("document.body.className")
        assert "js-enabled" in classes and "govuk-frontend-supported" in classes, classes
        assert page.evaluate("typeof window.htmx") == "object"
        errors = take_errors(page)
        assert not errors, errors
    assert page.url.endswith("/partnerships/test-csp/")
