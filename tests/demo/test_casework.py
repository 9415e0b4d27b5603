"""The demo's case work: 107 made-up 2019/20 cases led by the council, 17 CPWs, 3 CPNs, no fixed
penalties; the case-work users sign in with a code from their published demo key."""

import json
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP

from casework import access
from casework.models import Case, Enforcement, Person
from core.actors import system_user
from demo.casework import casework_load, two_factor_key
from demo.partnership import demo_load
from demo.users import demo_password

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    started = time.perf_counter()
    casework_load(result, actor, StringIO())
    return result, time.perf_counter() - started


def code_for(username: str) -> str:
    return f"{TOTP(bytes.fromhex(two_factor_key(username))).token():06d}"


def test_totals_equal_the_seed(demo):
    result, seconds = demo
    out = StringIO()
    call_command("casework_totals", result.partnership.slug, "2019-20", "--format", "json", stdout=out)
    totals = json.loads(out.getvalue())
    assert set(totals) == {
        "partnership", "year", "cases_opened", "cases_closed", "cpw", "cpn", "fpn", "dispersal_directions"
    }  # fmt: skip
    assert sum(totals["cases_opened"].values()) == 107
    assert set(totals["cases_opened"]) == {"ASB", "Neighbour dispute"}
    assert totals["cases_opened"]["Neighbour dispute"] > totals["cases_opened"]["ASB"]
    assert (totals["cpw"], totals["cpn"], totals["fpn"], totals["dispersal_directions"]) == (17, 3, 0, 0)
    assert totals["year"] == "2019-20" and totals["partnership"] == result.partnership.slug
    table = StringIO()
    call_command("casework_totals", result.partnership.slug, "2019-20", "--format", "table", stdout=table)
    assert "Community Protection Warnings" in table.getvalue()
    assert seconds < 60


def test_records_are_example_data_and_cpns_follow_warnings(demo):
    assert (
        not Case.objects.filter(example=False).exists() and not Person.objects.filter(example=False).exists()
    )
    for cpn in Enforcement.objects.filter(kind="cpn"):
        assert cpn.warning is not None and cpn.warning.person_id == cpn.person_id
        assert cpn.warning.conduct == cpn.conduct and cpn.warning.comply_by < cpn.issued_on
    assert not Case.objects.exclude(lead_organisation__name="Tonbridge & Malling Borough Council").exists()


def test_idempotent(demo):
    result, _ = demo
    out = StringIO()
    casework_load(result, system_user(), out)
    assert "already loaded" in out.getvalue() and Case.objects.count() == 107


def test_case_workers_sign_in_with_two_factor_and_see_their_cases(demo, client):
    result, _ = demo
    assert {name for name, _, _ in result.two_factor} == {
        "caseworker.council", "caseworker.police", "csu.coordinator", "dpo"
    }  # fmt: skip
    assert all(uri.startswith("otpauth://totp/") for _, _, uri in result.two_factor)
    from accounts.models import User

    police = User.objects.get(username="caseworker.police")
    visible = access.cases_visible_to(police)
    assert 0 < visible.count() < 107  # only the cases Kent Police are involved in
    slug = result.partnership.slug
    response = client.post(
        reverse("accounts:login"),
        {
            "username": "caseworker.police",
            "password": demo_password(),
            "next": reverse("casework:cases", args=[slug]),
        },
    )
    assert response.status_code == 302
    response = client.post(response["Location"], {"code": code_for("caseworker.police")})
    assert response.status_code == 302
    page = client.get(reverse("casework:cases", args=[slug]))
    assert page.status_code == 200 and "Example data" in page.content.decode()


def test_load_demo_prints_the_two_factor_keys(monkeypatch):
    from demo import loader

    monkeypatch.setattr(loader, "STEPS", (casework_load,))
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "Case work: 107 example cases" in text
    assert "Case-work pages need two-factor sign-in" in text
    for username in ("caseworker.council", "caseworker.police", "csu.coordinator", "dpo"):
        assert f"  {username}: " in text
    assert text.count("otpauth://totp/") == 4


def test_no_case_work_without_demo_users(monkeypatch, settings):
    from demo import loader

    settings.DEMO_USERS_ALLOWED = False
    monkeypatch.setattr(loader, "STEPS", (casework_load,))
    out = StringIO()
    call_command("load_demo", "--no-users", stdout=out)
    assert "Case work: not loaded" in out.getvalue() and not Case.objects.exists()


def test_subject_access_export_of_a_demo_person_is_complete(demo):
    from accounts.models import User
    from casework.services_retention import subject_access

    dpo = User.objects.get(username="dpo")
    cpn = Enforcement.objects.filter(kind="cpn").select_related("person").first()
    assert cpn is not None
    data = subject_access(dpo, cpn.person)
    assert data["person"]["example_data"] is True and data["person"]["date_of_birth"]
    assert [c["reference"] for c in data["cases"]] == [cpn.case.reference]
    assert {e["kind"] for e in data["enforcement"]} == {
        "Community Protection Warning",
        "Community Protection Notice",
    }
    assert data["cases"][0]["other_people"] and all(o["redact"] for o in data["cases"][0]["other_people"])
    assert any(a["what"] == "Created" for a in data["who_saw_it"])
