"""axe-core over every page a coordinator can reach in the Tonbridge and Malling demo.

The test loads the real demo (`load_demo`), signs in as its coordinator and crawls the links it is
shown: one page for each URL pattern (a few more where content varies most: thirty action pages
share one template), at most MAX_PAGES in all. Each page is checked with axe-core under the app's
Content Security Policy; creation forms are also submitted empty so their error states are checked.
"""

import re
import time
from io import StringIO
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from tests.browser.helpers import assert_accessible, follow, needs_review, page_problems, sign_in

pytestmark = pytest.mark.browser

MAX_PAGES = 80
MAX_PER_ROUTE = 1
# Pages whose content varies most with the data get a second and third look.
MORE_PER_ROUTE = {
    "planning:action": 3,
    "planning:dashboard_year": 2,
    "partnership:organisation": 2,
    "publishing:year": 2,
}
PREFIXES = ("/partnerships/", "/p/", "/accounts/", "/crime-data/")
SKIP_PATH = re.compile(r"(\.(pdf|docx|xlsx|csv|zip|json)$)|/sign-out/|/turn-off/", re.IGNORECASE)
# Forms submitted empty to show their errors (nothing is saved when they are invalid).
EMPTY_SUBMIT = re.compile(r"(_add|_create|:invite|:action_update|:password_change|:password_reset)$")

LINKS = """() => Array.from(document.querySelectorAll('a[href]'))
  .filter(a => !a.hasAttribute('download')).map(a => a.href)"""
MAIN_FORM = (
    "main form[method=post i]:has(input:not([type=hidden]), textarea, select):has(button[type=submit], "
    "button:not([type]), input[type=submit])"
)


def route_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name or match.route


Visit = tuple[str, str, float, float, str]  # route, URL, seconds to load, seconds for axe, to review


def crawl(page: Any, base: str, *starts: str) -> tuple[list[Visit], dict[str, str], list[str], int]:
    """Visit reachable pages; return (visits, problems by page, routes whose form was submitted,
    links left unvisited when MAX_PAGES was reached)."""
    queue, seen, per_route = list(starts), set(starts), {}  # type: ignore[var-annotated]
    visited: list[Visit] = []
    problems: dict[str, str] = {}
    submitted: list[str] = []
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        parts = urlsplit(url)
        route = route_of(parts.path)
        if route is None or per_route.get(route, 0) >= MORE_PER_ROUTE.get(route, MAX_PER_ROUTE):
            continue
        per_route[route] = per_route.get(route, 0) + 1
        began = time.monotonic()
        response = page.goto(url)
        loaded = time.monotonic()
        status = response.status if response else 0
        if status >= 400:
            problems[url] = f"{url}: HTTP {status} for a link shown to the coordinator"
            continue
        if "text/html" not in (response.headers.get("content-type", "") if response else ""):
            continue
        if found := page_problems(page, f"{url} ({route})"):
            problems[url] = found
        review = " ".join(f"{r['id']}@{n['target']}" for r in needs_review.get(page, []) for n in r["nodes"])
        visited.append((route, url, loaded - began, time.monotonic() - loaded, review))
        for href in page.evaluate(LINKS):
            link = urldefrag(href).url
            path = urlsplit(link).path
            if (
                link.startswith(base)
                and link not in seen
                and (path == "/" or path.startswith(PREFIXES))
                and not SKIP_PATH.search(path)
            ):
                seen.add(link)
                queue.append(link)
        if EMPTY_SUBMIT.search(route) and per_route[route] == 1:
            if message := submit_empty(page, route):
                problems[f"{url} (submitted empty)"] = message
            submitted.append(route)
    return visited, problems, submitted, len(queue)


def submit_empty(page: Any, route: str) -> str:
    """Clear the main form's text fields, submit it and check the error page; '' when clean."""
    form = page.locator(MAIN_FORM).first
    if form.count() == 0:
        return f"{page.url} ({route}): no form with fields found to submit"
    form.locator("input[type=text], input:not([type]), input[type=email], textarea").evaluate_all(
        "els => els.forEach(e => { e.value = ''; })"
    )
    with page.expect_navigation():
        form.evaluate("f => f.submit()")
    if page.locator(".govuk-error-summary").count() == 0:
        return f"{page.url} ({route}): an empty submission showed no error summary"
    return page_problems(page, f"{page.url} ({route}) with errors")


def show(visited: list[Visit]) -> None:
    """Each page with its timings and what axe left for a person to review (shown with -s)."""
    for route, url, load, axe, review in visited:
        print(
            f"  {load:4.1f}s + axe {axe:3.1f}s  {route}  {url}"
            + (f"\n      review: {review}" if review else "")
        )


def test_every_coordinator_page_is_accessible(page, live_server):
    started = time.monotonic()
    call_command("load_demo", stdout=StringIO())
    from demo.users import demo_password

    loaded = time.monotonic()
    page.goto("/accounts/sign-in/")
    assert_accessible(page, "sign-in page")
    follow(page.get_by_role("button", name="Sign in"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page, "sign-in page with errors")
    sign_in(page, "coordinator", demo_password())
    assert page.url.endswith("/partnerships/tonbridge-malling/")

    visited, problems, submitted, left = crawl(page, live_server.url, page.url)
    print(
        f"\naxe sweep: demo loaded in {loaded - started:.1f}s, {len(visited)} pages and "
        f"{len(submitted)} empty forms checked in {time.monotonic() - loaded:.1f}s"
        + (f"; stopped at {MAX_PAGES} pages with {left} links unvisited" if left else "")
    )
    show(visited)
    print(f"  submitted empty: {', '.join(submitted)}")
    routes = {visit[0] for visit in visited}
    # The crawl really reached the main areas (so an empty crawl cannot pass).
    assert {"planning:dashboard", "planning:action_list", "planning:action"} <= routes, routes
    assert len(visited) >= 15, visited
    assert not problems, "\n\n".join(problems.values())

    # Signed out: the pages reachable from the sign-in page, and the public pages.
    page.goto("/partnerships/tonbridge-malling/")
    follow(page.get_by_role("button", name="Sign out"))
    assert "/accounts/sign-in/" in page.url
    visited, problems, submitted, _ = crawl(page, live_server.url, page.url)
    show(visited)
    assert not problems, "\n\n".join(problems.values())
    page.goto("/p/tonbridge-malling/")
    assert_accessible(page, "public partnership page, signed out")
    follow(page.get_by_role("link", name="Read the Partnership Plan 2020/21"))
    assert_accessible(page, "public plan, signed out")

    # The site administrator's own pages: the partnership chooser and the crime data pages.
    sign_in(page, "admin", demo_password())
    visited, problems, submitted, _ = crawl(page, live_server.url, page.url, f"{live_server.url}/crime-data/")
    show(visited)
    assert "crimedata:index" in {visit[0] for visit in visited}
    assert not problems, "\n\n".join(problems.values())
