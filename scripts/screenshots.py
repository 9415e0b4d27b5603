"""Capture README screenshots of CSP Hub's main journeys from a fresh demo database.

Usage: .venv/bin/python scripts/screenshots.py [--output docs/screenshots] [--chromium /usr/bin/chromium]

Builds a throw-away demo database (migrate + load_demo) in a temporary folder, serves it with
`runserver --noreload`, drives Debian's Chromium through Playwright (never `playwright install`),
writes numbered PNGs, then stops the server and removes the temporary folder.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from PIL import Image
from playwright.sync_api import Browser, FloatRect, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PARTNERSHIP = "tonbridge-malling"
P = f"/partnerships/{PARTNERSHIP}"
PASSWORD = "tonbridge-demo-2020"  # noqa: S105 - the published demo password
WIDTH, MAX_HEIGHT = 1280, 1600
KEYS: dict[str, str] = {}  # the demo users' two-factor keys, read from load_demo's output
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


def fail(message: str) -> NoReturn:
    sys.exit(f"screenshots: {message}")


def run(args: list[str], env: dict[str, str], timeout: int = 300) -> str:
    """Run a manage.py step, failing with its output when it goes wrong; returns what it printed."""
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    if result.returncode:
        fail(f"{' '.join(args[1:])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def two_factor_keys(printed: str) -> dict[str, str]:
    """The demo's authenticator keys (base32) as load_demo prints them: `  username: ABCD EFGH …`."""
    found = re.findall(r"^  ([\w.]+): ((?:[A-Z2-7]{4} ?)+)$", printed, re.MULTILINE)
    return {username: key.replace(" ", "") for username, key in found}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def demo_server(tmp: Path) -> Iterator[str]:
    """Migrate and load the demo into `tmp`, serve it, yield the base URL; stop it afterwards."""
    if not (ROOT / "core/static/core/csphub.css").exists():
        print("Building the CSS (make assets)...")
        subprocess.run(["make", "assets"], cwd=ROOT, check=True)  # noqa: S607
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3",
        "DEBUG": "true",
        "CRIME_DATA_DIR": str(tmp / "crimedata"),
        "MEDIA_ROOT": str(tmp / "media"),
    }
    python = sys.executable
    print("Building the demo database...")
    run([python, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    KEYS.update(two_factor_keys(run([python, "manage.py", "load_demo"], env)))
    port = free_port()
    log = open(tmp / "server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(  # noqa: S603
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    fail(f"the server did not start:\n{(tmp / 'server.log').read_text()}")
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


class Shooter:
    def __init__(self, browser: Browser, base: str, output: Path) -> None:
        self.browser, self.base, self.output = browser, base, output

    def new_page(self) -> Page:
        page = self.browser.new_context(viewport={"width": WIDTH, "height": 900}).new_page()
        page.set_default_timeout(30_000)
        return page

    def sign_in(self, username: str) -> Page:
        page = self.new_page()
        self.go(page, "/accounts/sign-in/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        if "/accounts/sign-in/code/" in page.url and username in KEYS:
            page.fill("input[name=code]", totp_code(KEYS[username]))
            page.click("button[type=submit]")
            page.wait_for_load_state()
        if "/accounts/sign-in/" in page.url:
            fail(f"could not sign in as {username} (still on {page.url})")
        return page

    def go(self, page: Page, path: str) -> Page:
        response = page.goto(self.base + path)
        if response is None or not response.ok:
            fail(f"{path} answered {response.status if response else 'nothing'}")
        return page

    def shot(
        self,
        page: Page,
        name: str,
        top: str | None = None,
        bottom: str | None = None,
        height: int = MAX_HEIGHT,
        head: str | None = None,
    ) -> None:
        """Screenshot the page from `top` (else the top) to `bottom` (else `height` px at most).

        With `head`, the page's top down to that element is shown above the part from `top`.
        """
        page.mouse.move(0, 0)  # no hover effects
        page.evaluate("document.activeElement && document.activeElement.blur()")  # no focus ring
        full = int(page.evaluate("document.documentElement.scrollHeight"))
        start = self.edge(page, top, "y") - 20 if top else 0
        end = min(full, start + height)
        if bottom:
            end = min(end, self.edge(page, bottom, "bottom") + 2)
        path = self.output / f"{name}.png"
        clip = FloatRect(x=0, y=start, width=WIDTH, height=end - start)
        page.screenshot(path=str(path), full_page=True, clip=clip)
        if head:
            clip = FloatRect(x=0, y=0, width=WIDTH, height=self.edge(page, head, "bottom") + 20)
            top_part = Image.open(io.BytesIO(page.screenshot(full_page=True, clip=clip)))
            rest = Image.open(path)
            whole = Image.new("RGB", (WIDTH, top_part.height + 2 + rest.height), "#b1b4b6")  # a grey rule
            whole.paste(top_part, (0, 0))
            whole.paste(rest, (0, top_part.height + 2))
            whole.save(path)
        save_small(path)

    @staticmethod
    def edge(page: Page, selector: str, which: str) -> int:
        """The page y of the top or bottom of the first element matching `selector`."""
        box = page.locator(selector).first.bounding_box()
        if box is None:
            fail(f"{selector} is not on {page.url}")
        y = box["y"] + (box["height"] if which == "bottom" else 0)
        return max(0, int(y + page.evaluate("window.scrollY")))


def save_small(path: Path) -> None:
    """Re-save as a 256-colour PNG (about half the size; screenshots have few colours)."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    print(f"  {path.name}: {path.stat().st_size // 1024} KB, {small.width}x{small.height}")


def capture(shooter: Shooter, tmp: Path) -> None:
    s = shooter
    page = s.new_page()
    s.go(page, "/accounts/sign-in/")
    css = "[...document.styleSheets].some(s => (s.href || '').includes('csphub.css') && s.cssRules.length)"
    if not page.evaluate(css):
        fail("core/static/core/csphub.css did not load (run make assets)")
    s.shot(page, "01-sign-in", height=900)

    coordinator = s.sign_in("coordinator")
    s.go(coordinator, f"{P}/years/2020-21/")
    s.shot(coordinator, "02-dashboard")
    s.go(coordinator, f"{P}/years/2020-21/actions/")
    s.shot(coordinator, "03-action-plans")
    href = first_action(coordinator)
    s.go(coordinator, href)
    s.shot(coordinator, "04-action-detail")

    police = s.sign_in("lead.police")
    s.go(police, f"{P}/years/2020-21/actions/")
    police.select_option("select[name=owner]", label="Kent Police")
    police.click("button:has-text('Apply filters')")
    police.wait_for_load_state()
    action = first_action(police)
    s.go(police, f"{action}update/")
    police.fill(
        "textarea[name=narrative]",
        "Agreed the delivery plan with partners at the April Strategy Group.\n\n"
        "- Sessions booked for the summer term\n- Materials shared with the Community Safety Unit",
    )
    police.get_by_label("On track", exact=True).check()
    s.shot(police, "05-update-form")
    police.click("button:has-text('Save update')")
    police.wait_for_load_state()
    if "/update/" in police.url:
        fail(f"the update was not saved: {police.locator('.govuk-error-summary').all_inner_texts()}")
    s.go(police, f"{P}/years/2020-21/")
    s.shot(police, "06-dashboard-after-update", top="h2:has-text('Recent updates')", height=400, head="h1")

    s.go(police, f"{P}/my-actions/")
    s.shot(police, "15-my-actions")

    example = s.sign_in("coordinator.example")
    s.go(example, "/partnerships/example-district/strategies/2026-2028/")
    s.shot(example, "16-strategy")
    s.go(example, "/partnerships/example-district/years/2026-27/actions/")
    example.click("h2 a.govuk-link >> nth=0")
    example.wait_for_load_state()
    s.shot(example, "17-priority-page")

    s.go(coordinator, f"{P}/years/2019-20/review/")
    s.shot(coordinator, "07-year-end-review")
    s.go(coordinator, f"{P}/members/")
    s.shot(coordinator, "08-members")

    public = s.new_page()
    s.go(public, f"/p/{PARTNERSHIP}/plan/2020-21/")
    s.shot(public, "09-published-plan")
    plan_page(s, public, tmp)

    s.go(coordinator, f"{P}/assessment/2021-22/")
    s.shot(coordinator, "11-strategic-assessment", top="#levels", bottom=".csp-chart", head="h1")
    s.go(coordinator, f"{P}/assessment/2021-22/scoring/")
    s.shot(coordinator, "12-scoring")

    admin = s.sign_in("admin")
    s.go(admin, "/crime-data/")
    s.shot(admin, "13-crime-data-upload", height=1100)

    dpo = s.sign_in("dpo")
    s.go(dpo, f"{P}/audit/?object_type=planning.action")
    s.shot(dpo, "14-audit-log", height=1000)

    later_journeys(s, coordinator, public)


def later_journeys(s: Shooter, coordinator: Page, public: Page) -> None:
    """Projects, meetings, the crime map, case work and the ASB Case Review figures."""
    s.go(coordinator, f"{P}/projects/?year=2019-20")
    s.shot(coordinator, "18-projects", height=1100)
    s.go(coordinator, f"{P}/meetings/")
    series = coordinator.get_by_role("link", name=re.compile("Strategy Group")).first.get_attribute("href")
    s.go(coordinator, str(series))
    s.go(coordinator, first_link(coordinator, r"/meetings/\d+/$"))
    s.shot(coordinator, "19-meeting", top="h2:has-text('Agenda')", head="h1")
    s.go(coordinator, f"{P}/assessment/map/?start=2019-04&end=2020-03&kind=hex")
    s.shot(coordinator, "20-crime-map", top="h2:has-text('All crime')", height=1300)
    case_worker = s.sign_in("caseworker.council")
    s.go(case_worker, f"{P}/case-work/")
    s.shot(case_worker, "21-case-list", height=1000)
    s.go(public, f"/p/{PARTNERSHIP}/asb-case-reviews/")
    s.shot(public, "22-asb-case-review-figures", height=1000)


def totp_code(key: str) -> str:
    """The current six-digit code for a base32 authenticator key (RFC 6238, 30 s, SHA-1)."""
    from django_otp.oath import TOTP

    return f"{TOTP(base64.b32decode(key + '=' * (-len(key) % 8))).token():06d}"


def first_link(page: Page, pattern: str) -> str:
    """The first link on the page whose address matches `pattern`."""
    links = page.eval_on_selector_all("a", "as => as.map(a => a.getAttribute('href'))")
    href = next((h for h in links if h and re.search(pattern, h)), None)
    if href is None:
        fail(f"no link matching {pattern} on {page.url}")
    return str(href)


def first_action(page: Page) -> str:
    """The first link to an action's page on the current page."""
    links = page.eval_on_selector_all("a", "as => as.map(a => a.getAttribute('href'))")
    href = next((h for h in links if h and re.search(r"/actions/\d+/$", h)), None)
    if href is None:
        fail(f"no link to an action on {page.url}")
    return str(href)


def plan_page(s: Shooter, page: Page, tmp: Path) -> None:
    """Render the first page of the published PDF that holds an action plan table."""
    response = page.request.get(f"{s.base}/p/{PARTNERSHIP}/plan/2020-21/plan.pdf")
    if not response.ok or not response.body().startswith(b"%PDF"):
        fail(f"the published PDF answered {response.status}")
    pdf = tmp / "plan.pdf"
    pdf.write_bytes(response.body())
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)  # noqa: S607
    pages = text.stdout.split("\f")
    heading = re.compile(r"^\s*Action Plans \d{4} . \d{4}\s*$", re.MULTILINE)  # not the contents line
    number = next((i + 1 for i, t in enumerate(pages) if heading.search(t) and "Owner" in t), 5)
    prefix = tmp / "page"
    subprocess.run(  # noqa: S603
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            str(number),
            "-l",
            str(number),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],  # noqa: S607
        check=True,
    )
    target = s.output / "10-plan-pdf-page.png"
    shutil.move(str(prefix) + ".png", target)
    print(f"  (PDF page {number} of {len(pages) - 1})")
    save_small(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="docs/screenshots", help="Folder for the PNGs.")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    output = Path(args.output).resolve()
    if not Path(args.chromium).exists():
        fail(f"no Chromium at {args.chromium} (apt-get install chromium, or pass --chromium)")
    for tool in ("pdftotext", "pdftoppm"):
        if not shutil.which(tool):
            fail(f"{tool} is missing (apt-get install poppler-utils)")
    output.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="csphub-screens-"))
    try:
        with demo_server(tmp) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS, timeout=60_000)
            try:
                print(f"Capturing from {base} into {output}...")
                capture(Shooter(browser, base, output), tmp)
            finally:
                browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
