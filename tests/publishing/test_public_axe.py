"""axe-core finds no WCAG 2.2 AA violations on the public plan pages (Chromium via Playwright)."""

import shutil
from pathlib import Path

import pytest

from core.actors import system_user
from publishing import services
from publishing.models import PlanPublication
from tests.factories import (
    ActionFactory,
    GlossaryTermFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanYearFactory,
    PriorityFactory,
)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() or not AXE.exists(), reason="Chromium or axe-core not found"
    ),
]


@pytest.fixture
def published(transactional_db):  # type: ignore[no-untyped-def]
    partnership = PartnershipFactory(
        slug="axe-csp", name="Axe Community Safety Partnership", phone="01234 567890"
    )
    plan_year = PlanYearFactory(partnership=partnership, slug="2020-21")
    organisation = OrganisationFactory(
        partnership=partnership, name="Axe Borough Council", phone="01234 000000"
    )
    organisation.in_membership_list = True
    organisation.save()
    ActionFactory(priority=PriorityFactory(plan_year=plan_year, title="Violent crime"), owners=[organisation])
    GlossaryTermFactory(partnership=partnership, term="ASB", meaning="Anti-social behaviour")
    services.plan_publish(plan_year=plan_year, actor=system_user(), confirmed=True)
    return partnership


def check_pages(live_server, paths: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(bypass_csp=True)  # lets the test inject axe-core
        for path, status in paths.items():
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == status, path
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21aa','wcag22aa']}})"
            )
            violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
            assert violations == [], (path, violations)
        browser.close()


def test_public_pages_have_no_axe_violations(live_server, published):
    pages = ("/p/axe-csp/", "/p/axe-csp/plan/2020-21/", "/p/axe-csp/plan/2020-21/versions/1/")
    check_pages(live_server, dict.fromkeys(pages, 200))


def test_withdrawn_pages_have_no_axe_violations(live_server, published):
    """The index with a withdrawn version, and the 410 notice of a withdrawn version and year."""
    publication = PlanPublication.objects.get(partnership=published)
    services.plan_withdraw(publication=publication, actor=system_user(), reason="Wrong")
    check_pages(
        live_server,
        {"/p/axe-csp/": 200, "/p/axe-csp/plan/2020-21/": 410, "/p/axe-csp/plan/2020-21/versions/1/": 410},
    )
