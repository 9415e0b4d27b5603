"""axe-core over every case-work page, as the demo's CSU coordinator signed in with two factors.

Loads the demo partnership and its case work (not the documents, crime data or assessment), signs
in with the password and a code from the user's published demo key, then checks the case list,
a case, a person and every form (also submitted empty, to check its error state)."""

from io import StringIO

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from casework.models import Case, CasePerson
from core.actors import system_user
from demo.casework import casework_load, two_factor_key
from demo.partnership import demo_load
from demo.users import demo_password
from tests.browser.helpers import assert_accessible, follow
from tests.browser.test_axe_sweep import submit_empty

pytestmark = pytest.mark.browser

FORMS = (
    "casework:case_edit",
    "casework:person_add",
    "casework:person_link",
    "casework:risk_assess",
    "casework:incident_add",
    "casework:task_add",
    "casework:note_add",
    "casework:document_add",
    "casework:grant_add",
    "casework:enforcement_add",
)


def sign_in_with_code(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(demo_password())
    follow(page.get_by_role("button", name="Sign in"))
    assert "/accounts/sign-in/code/" in page.url
    page.get_by_label("Code").fill(f"{TOTP(bytes.fromhex(two_factor_key(username))).token():06d}")
    follow(page.get_by_role("button", name="Continue"))


def test_every_case_work_page_is_accessible(page, live_server):
    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    casework_load(result, actor, StringIO())
    slug = result.partnership.slug
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill("csu.coordinator")
    page.get_by_label("Password").fill(demo_password())
    follow(page.get_by_role("button", name="Sign in"))
    assert "/accounts/sign-in/code/" in page.url
    assert_accessible(page, "two-factor code page")
    page.get_by_label("Code").fill(f"{TOTP(bytes.fromhex(two_factor_key('csu.coordinator'))).token():06d}")
    follow(page.get_by_role("button", name="Continue"))

    case = Case.objects.filter(partnership=result.partnership, enforcements__isnull=False).first()
    assert case is not None
    person = CasePerson.objects.filter(case=case).first()
    other = CasePerson.objects.filter(case=case).exclude(pk=getattr(person, "pk", None)).first()
    assert person is not None and other is not None
    pages = [
        ("case list", reverse("casework:cases", args=[slug])),
        ("case search", reverse("casework:cases", args=[slug]) + "?q=Example&status=open"),
        ("open a case", reverse("casework:case_create", args=[slug])),
        ("case page", reverse("casework:case", args=[slug, case.pk])),
        ("person page", reverse("casework:person", args=[slug, person.person_id])),
        ("change a person", reverse("casework:person_edit", args=[slug, person.person_id])),
        ("settings", reverse("casework:settings", args=[slug])),
        ("possible duplicates", reverse("casework:duplicates", args=[slug])),
        (
            "merge confirmation",
            reverse("casework:person_merge", args=[slug, person.person_id, other.person_id]),
        ),
        ("add a case type", reverse("casework:case_type_add", args=[slug])),
    ]
    pages += [(name, reverse(name, args=[slug, case.pk])) for name in FORMS]
    problems = []
    for label, url in pages:
        response = page.goto(url)
        assert response is not None and response.status == 200, (label, url)
        assert page.locator("h1").count() == 1, label
        try:
            assert_accessible(page, label)
        except AssertionError as error:
            problems.append(str(error))
    # Forms submitted empty show their error summary, and it is accessible too.
    for name in ("casework:case_create", *FORMS[1:]):
        args = [slug] if name == "casework:case_create" else [slug, case.pk]
        page.goto(reverse(name, args=args))
        if message := submit_empty(page, name):
            problems.append(message)
    # The data protection lead: the retention list, one review (also with its error) and a person.
    follow(page.get_by_role("button", name="Sign out"))
    sign_in_with_code(page, "dpo")
    for label, url in (
        ("retention list", reverse("casework:retention", args=[slug])),
        ("person page for the DPO", reverse("casework:person", args=[slug, person.person_id])),
    ):
        page.goto(url)
        try:
            assert_accessible(page, label)
        except AssertionError as error:
            problems.append(str(error))
    page.goto(reverse("casework:retention", args=[slug]))
    follow(page.locator("main table a").first)
    assert page.locator("h1").count() == 1
    follow(page.get_by_role("button", name="Confirm"))
    assert page.locator(".govuk-error-summary").count() == 1
    try:
        assert_accessible(page, "retention review with its error")
    except AssertionError as error:
        problems.append(str(error))
    assert not problems, "\n\n".join(problems)
