"""axe-core, Content Security Policy and keyboard checks, and sign-in, for the browser tests."""

import functools
import re
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Violations in full; "incomplete" results (axe could not decide, e.g. text over an image) briefly.
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const brief = r => ({
    id: r.id, impact: r.impact, help: r.help, helpUrl: r.helpUrl,
    nodes: r.nodes.map(n => ({target: n.target.map(String).join(' '), html: n.html.slice(0, 300)})),
  });
  return {violations: result.violations.map(brief), incomplete: result.incomplete.map(brief)};
}"""

SCRIPT_TAG = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)

# Script errors and Content Security Policy violations seen by each page since its last check.
_errors: "WeakKeyDictionary[Any, list[str]]" = WeakKeyDictionary()
# axe's "needs review" results of each page's last check, for the sweep's summary.
needs_review: "WeakKeyDictionary[Any, list[dict[str, Any]]]" = WeakKeyDictionary()


@functools.cache
def axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def watch(page: Any) -> None:
    """Record the page's uncaught script errors and CSP violations (the browser reports a blocked
    inline style or script as a console error mentioning the Content Security Policy)."""
    errors: list[str] = []
    _errors[page] = errors

    def on_console(message: Any) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            errors.append(f"{page.url}: {message.text} (from {message.location.get('url') or 'the page'})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: script error: {error}"))


def take_errors(page: Any) -> list[str]:
    errors = _errors.get(page, [])
    taken = list(errors)
    errors.clear()
    return taken


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it is now. axe is evaluated
    through the DevTools protocol, so the page keeps its real Content Security Policy."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(RUN_AXE, AXE_TAGS)
    needs_review[page] = result["incomplete"]
    return result["violations"]


def describe(where: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{where}: {len(violations)} axe violation(s)"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:10]:
            lines.append(f"    at {node['target']}: {node['html']}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


def page_problems(page: Any, label: str = "") -> str:
    """axe violations, CSP violations and script errors of the page as it is now; '' when none."""
    parts = []
    if violations := axe_violations(page):
        parts.append(describe(label or page.url, violations))
    if errors := take_errors(page):
        parts.append(f"{label or page.url}: blocked by the CSP or failed:\n" + "\n".join(errors))
    return "\n".join(parts)


def assert_accessible(page: Any, label: str = "") -> None:
    """Fail with each rule id, impact, help text and target selector when axe finds anything,
    and with the message of any CSP violation or script error."""
    problems = page_problems(page, label)
    assert not problems, problems


def assert_accessible_without_js(nojs_page: Any, axe_page: Any, label: str = "") -> None:
    """axe cannot run where scripting is off, so replay the no-JavaScript page's HTML (scripts
    removed; same URL and Content Security Policy, so styles load as they did) in a scripting page."""
    url = nojs_page.url
    html = SCRIPT_TAG.sub("", nojs_page.content())
    policy = nojs_page.request.get(url).headers.get("content-security-policy", "")
    assert policy, f"{url} sent no Content-Security-Policy"
    errors = take_errors(nojs_page)
    assert not errors, errors

    def fulfil(route: Any) -> None:
        headers = {"Content-Security-Policy": policy}
        route.fulfill(status=200, content_type="text/html; charset=utf-8", headers=headers, body=html)

    def matches(candidate: str) -> bool:
        return candidate == url

    axe_page.route(matches, fulfil)
    try:
        axe_page.goto(url)
        assert not axe_page.evaluate("document.body.classList.contains('js-enabled')")
        assert_accessible(axe_page, f"{label or url} (without JavaScript)")
    finally:
        axe_page.unroute(matches, fulfil)


def assert_skip_link_first(page: Any) -> None:
    """The first Tab stop is a visible 'Skip to main content' link that moves to <main>."""
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
        return {cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(),
                visible: box.width > 1 && box.height > 1}; }"""
    )
    assert "govuk-skip-link" in focused["cls"], f"first Tab stop on {page.url} is {focused}"
    assert focused["href"] == "#main-content" and focused["text"] == "Skip to main content", focused
    assert focused["visible"], f"skip link is not visible when focused on {page.url}"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#main-content'")
    assert page.evaluate("document.getElementById('main-content').tagName") == "MAIN"


def follow(locator: Any) -> None:
    """Click a link or submit button and wait until the page it leads to has loaded."""
    locator.click()
    locator.page.wait_for_load_state()


def sign_in(page: Any, username: str, password: str) -> None:
    """Sign in through the sign-in form, as a person would."""
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    follow(page.get_by_role("button", name="Sign in"))
    assert "/accounts/sign-in/" not in page.url, f"sign-in failed for {username}: still on {page.url}"
