"""Playwright browser tests against pytest-django's live server, with axe-core.

Chromium comes from the system (Debian's /usr/bin/chromium, or $CHROMIUM); `playwright install` is
never needed. Every test here is skipped, with the reason, when Chromium, axe-core or the compiled
CSS is missing.
"""

import os
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from tests.browser.helpers import AXE_JS, watch

CSS_PATH = "core/csphub.css"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


def find_chromium() -> str | None:
    """$CHROMIUM, then /usr/bin/chromium, then `chromium` on the PATH."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="package")
def browser():  # type: ignore[no-untyped-def]
    """One headless Chromium for tests/browser (skips every browser test when something is missing).

    Package scope, not session: Playwright's sync API keeps an event loop running in this thread
    while it is open, and any other test that starts its own `sync_playwright()` (and Django's
    async-safety check) must find no loop running once these tests are done."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium found: apt-get install chromium (or set CHROMIUM=/path/to/chromium)")
    if not AXE_JS.is_file():
        pytest.skip(f"axe-core not found at {AXE_JS}: run `npm ci` (or `make install`)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: make install")
    # The Playwright sync API keeps an event loop running in this thread, which makes Django refuse
    # ORM calls; the tests' own ORM calls (fixtures, assertions, flushing) are safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def _static_css(live_server, django_db_blocker) -> None:  # type: ignore[no-untyped-def]
    """The live server serves app static files; the compiled CSS must exist (`make assets`)."""
    url = f"{live_server.url}/static/{CSS_PATH}"  # always http://localhost:PORT
    try:
        # Every request (even for a static file) lets Django look at the shared test connection.
        with django_db_blocker.unblock(), urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            compiled = b"govuk" in response.read(200_000)
    except urllib.error.HTTPError as error:
        if error.code != 404:
            pytest.fail(f"the live server could not serve {url}: {error}")
        compiled = False
    if not compiled:
        pytest.skip(f"{url} is missing or not the compiled GOV.UK CSS: run `make assets`")


def _new_page(browser, live_server, *, javascript: bool):  # type: ignore[no-untyped-def]
    # No bypass_csp: pages are checked under the app's real Content Security Policy (axe is
    # injected through the DevTools protocol, which the policy does not govern), and every
    # CSP violation or script error is caught (see helpers.watch).
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=javascript,
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    new_page = context.new_page()
    watch(new_page)
    return context, new_page


@pytest.fixture
def page(browser, live_server, _static_css) -> Iterator:  # type: ignore[no-untyped-def]
    """A fresh JavaScript-enabled page (own cookies) pointed at the live server."""
    context, new_page = _new_page(browser, live_server, javascript=True)
    yield new_page
    context.close()


@pytest.fixture
def nojs_page(browser, live_server, _static_css) -> Iterator:  # type: ignore[no-untyped-def]
    """A fresh page with JavaScript switched off."""
    context, new_page = _new_page(browser, live_server, javascript=False)
    yield new_page
    context.close()


@pytest.fixture
def axe_page(browser, live_server, _static_css) -> Iterator:  # type: ignore[no-untyped-def]
    """A JavaScript page used to run axe over HTML captured from a no-JavaScript page."""
    context, new_page = _new_page(browser, live_server, javascript=True)
    yield new_page
    context.close()
