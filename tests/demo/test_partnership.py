"""The demo: the seed plan loaded faithfully, idempotently, quickly, and never with users in production."""

import time
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from core.access import Purpose
from core.actors import SYSTEM_USERNAME, system_user
from core.models import District
from demo import loader
from demo.partnership import demo_load
from demo.users import demo_password
from partnership.access import holds_grant, may, standing
from partnership.models import (
    GlossaryTerm,
    Grant,
    Membership,
    Organisation,
    Partnership,
    Role,
    RoleGrant,
)
from partnership.selectors import membership_list, organisation_by_name
from planning import selectors
from planning.models import Action, ActionOwner, Measure, MeasureKind, Update
from planning.selectors import action_owner_names
from tests.conftest import SEED_FILE, requires_seed

pytestmark = pytest.mark.django_db

MODELS = (
    Partnership,
    Organisation,
    GlossaryTerm,
    Action,
    ActionOwner,
    Update,
    Measure,
    Membership,
    RoleGrant,
)


@pytest.fixture
def no_extensions(monkeypatch):
    """Keep the plan document, crime data and assessment out of these tests (tested on their own)."""
    monkeypatch.setattr(loader, "STEPS", ())


@pytest.fixture
def demo(db):
    return demo_load(actor=system_user()).partnership


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "users": get_user_model().objects.count(),
        "history": Action.history.count() + Update.history.count(),
    }


def _seed_text() -> str:
    return SEED_FILE.read_text(encoding="utf-8")


def test_partnership_area_and_contact(demo):
    assert demo.slug == "tonbridge-malling"
    assert demo.name == "Tonbridge and Malling Community Safety Partnership"
    assert [(d.code, d.name) for d in demo.districts.all()] == [("E07000115", "Tonbridge and Malling")]
    assert (demo.police_force.slug, demo.police_force.name) == ("kent", "Kent Police")
    assert District.objects.filter(police_force__slug="kent").count() == 13
    assert (demo.phone, demo.email, demo.website) == (
        "01732 844522",
        "csp@tmbc.gov.uk",
        "www.tmcommunitysafety.org.uk",
    )
    assert "TM_CSP" in demo.social_links and "Facebook" in demo.social_links


def test_members_in_order_with_phones_and_websites(demo):
    members = list(membership_list(demo))
    assert len(members) == 24
    assert [m.name for m in members[:4]] == [
        "Tonbridge & Malling Borough Council",
        "Kent Police",
        "Kent Fire & Rescue Service",
        "Clinical Commissioning Group",
    ]
    assert members[4].name == "KCC Integrated Youth Services"
    assert members[-1].name == "West Kent Mediation"
    assert all(m.phone and m.website for m in members)
    assert (members[1].phone, members[1].website) == ("101", "www.kent.police.uk")
    other = demo.organisations.filter(in_membership_list=False)
    assert {"Theatre ADAD", "Project Salus", "All partners", "Housing Associations"} <= {
        o.name for o in other
    }


def test_spelling_variants_are_one_organisation(demo):
    names = organisation_by_name(demo)
    assert names["look ahead"] == names["lookahead"]
    assert names["reform, restore, respect"] == names["reform restore respect"]
    assert names["ccg"].name == "Clinical Commissioning Group"
    assert names["ccg"].in_membership_list


def test_plan_years_priorities_actions_and_updates(demo):
    year_19 = demo.plan_years.get(slug="2019-20")
    year_20 = demo.plan_years.get(slug="2020-21")
    assert year_19.state == "closed" and year_20.state == "live"
    assert demo.current_plan_year == year_20
    assert list(year_20.periods.filter(is_open=True).values_list("code", flat=True)) == ["Q1"]
    assert year_19.priorities.count() == 5 and year_19.actions.count() == 26
    assert year_20.priorities.count() == 5 and year_20.actions.count() == 30
    first = year_19.priorities.order_by("order").first()
    assert first.title == "Vulnerable people"
    assert [s.name for s in first.sub_themes.all()][-1] == "doorstep crime"
    assert [p.title for p in year_20.priorities.order_by("order")] == [
        "Safeguarding Vulnerable People",
        "Violent crime",
        "Preventing extremism and hate",
        "Domestic Abuse – including stalking",
        "Anti-social behaviour including environmental crime",
    ]
    updates = Update.objects.filter(action__plan_year=year_19)
    assert updates.count() == 26
    assert set(updates.values_list("period__code", flat=True)) == {"year-end"}
    assert not updates.filter(status__isnull=False).exists()
    assert not Update.objects.filter(action__plan_year=year_20).exists()
    assert demo.statuses.count() == 7
    _, _, totals = selectors.status_counts(year_20)
    assert totals["No status recorded"] == 30


def test_owners_keep_the_name_written_in_each_row(demo):
    year_20 = demo.plan_years.get(slug="2020-21")
    cafe = year_20.actions.get(text="Establish a Cyber-Stalking Café in Tonbridge")
    assert action_owner_names(cafe) == ["Look Ahead"]
    commissioned = year_20.actions.get(text__startswith="Work with the KCC Commissioned services")
    assert action_owner_names(commissioned) == ["Lookahead", "Choices"]
    assert cafe.owners.get().organisation == commissioned.owners.first().organisation
    rrr = year_20.actions.get(text__startswith="Work with 'Reform")
    assert action_owner_names(rrr) == ["Reform, Restore, Respect"]
    assert rrr.owners.get().organisation.name == "Reform Restore Respect"


def test_key_figures(demo):
    figures = {m.name: m for m in Measure.objects.filter(partnership=demo, kind=MeasureKind.KEY_FIGURE)}
    assert all(m.plan_year.slug == "2019-20" and m.source_organisation for m in figures.values())

    def value(name: str) -> Decimal:
        return figures[name].value

    crime = figures["Victim-based crime recorded"]
    assert (crime.value, crime.stated_change) == (8394, "+0.4%")
    asb = figures["Anti-social behaviour incidents reported to the police"]
    assert (asb.value, asb.comparison_value, asb.comparison_period_label) == (1693, 1452, "2018/19")
    assert (value("DAVSS referrals"), figures["DAVSS referrals"].comparison_value) == (326, 276)
    assert value("DAVSS referrals: female victims") == 297
    assert value("DAVSS referrals: male victims") == 13
    assert figures["DAVSS repeat victim rate"].display_value == "8%"
    assert value("Anti-social behaviour cases dealt with by the TMBC ASB Officer") == 107
    assert value("Community Protection Warnings issued") == 17
    assert value("Community Protection Notices issued") == 3
    assert value("Fines issued for anti-social behaviour") == 0
    assert value("Community Trigger applications") == 2
    assert value("Community Trigger applications meeting the threshold") == 1
    assert value("Young people engaged by Kenward Trust") == 1854
    assert value("Pupils who saw Theatre ADAD's 'Wasted' performance") == 865
    assert value("Schools visited by Theatre ADAD") == 15
    assert value("Pupils who saw the Reform Restore Respect anti-crime assembly") == 382
    assert value("Professionals attending gangs training") == 40
    kfrs = figures["KFRS Safe & Well visits"]
    assert (kfrs.value, kfrs.period_label) == (2086, "2017–2020")
    y2 = figures["Young people attending the Y2 Crew summer holiday scheme"]
    assert (y2.value_qualifier, y2.display_value) == ("over", "over 190 young people")
    assert value("Crime prevention events attended by the CSU") == 8
    assert figures["Young people engaged by Kenward Trust"].source_organisation.name == "Kenward Trust"


@requires_seed()
def test_texts_match_the_seed(demo):
    seed = _seed_text()
    seed_lines = seed.splitlines()
    boundary = seed_lines.index("Action Plans 2020 – 2021", 30)
    sections = {"2019-20": seed_lines[:boundary], "2020-21": seed_lines[boundary:]}
    rows = {
        (year, line.split("\t")[0]): line.split("\t")
        for year, lines in sections.items()
        for line in lines
        if line.count("\t") >= 3
    }
    actions = Action.objects.filter(plan_year__partnership=demo).select_related("plan_year")
    assert actions.count() == 56
    for action in actions.prefetch_related("owners", "updates"):
        row = rows[(action.plan_year.slug, action.text)]  # each action text is a row of its table
        assert row[1].replace("/", " ") == " ".join(action_owner_names(action)), action.text
        assert row[2] == "".join(u.narrative for u in action.updates.all()), action.text
        assert row[3] == ""  # the seed records no status
    glossary = [
        line.split("\t") for line in seed_lines[seed_lines.index("Glossary", 30) + 1 :] if "\t" in line
    ]
    assert [(t.term, t.meaning) for t in GlossaryTerm.objects.filter(partnership=demo)] == sorted(
        (term, meaning) for term, meaning in glossary
    )
    membership = " ".join(line for line in seed_lines if "Tel" in line and "\t" in line)
    position = 0
    for organisation in membership_list(demo):
        found = membership.find(organisation.name, position)
        assert found >= position, organisation.name  # present, and in the seed's order
        block = membership[found:].split("\t")[0]
        assert organisation.phone in block and organisation.website in block
        position = found
    for priority in demo.plan_years.get(slug="2020-21").priorities.all():
        assert priority.title in seed


@requires_seed()
def test_2020_21_actions_in_the_seed_order(demo):
    seed = _seed_text()
    plans = seed[seed.index("Action Plans 2020 – 2021\n\nSafeguarding") :]
    positions = [
        plans.index(a.text + "\t") for a in selectors.actions_for_year(demo.plan_years.get(slug="2020-21"))
    ]
    assert positions == sorted(positions)


def test_command_is_idempotent_and_quick(no_extensions):
    out = StringIO()
    started = time.perf_counter()
    call_command("load_demo", stdout=out)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0
    first = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == first
    text = out.getvalue()
    assert "http://127.0.0.1:8000/" in text
    for username in ("coordinator", "lead.police", "lead.council", "member", "dpo", "admin"):
        assert f"  {username} " in text
    assert "Member and data protection lead (Tonbridge & Malling Borough Council)" in text
    assert demo_password() in text


def test_the_sign_in_block_names_the_address_it_is_given(no_extensions):
    out = StringIO()
    call_command("load_demo", "--url", "http://127.0.0.1:8042/", stdout=out)
    assert "Open http://127.0.0.1:8042/ and sign in" in out.getvalue()
    assert "8000" not in out.getvalue()


def test_demo_users_belong_to_this_partnership_only(no_extensions):
    call_command("load_demo", stdout=StringIO())
    users = get_user_model().objects
    roles = {
        m.user.username: (m.role, m.organisation.name)
        for m in Membership.objects.select_related("user", "organisation")
    }
    assert roles == {
        "coordinator": (Role.COORDINATOR, "Tonbridge & Malling Borough Council"),
        "lead.police": (Role.LEAD_OFFICER, "Kent Police"),
        "lead.council": (Role.LEAD_OFFICER, "Tonbridge & Malling Borough Council"),
        "member": (Role.MEMBER, "Kent Fire & Rescue Service"),
        "dpo": (Role.MEMBER, "Tonbridge & Malling Borough Council"),
    }
    assert users.get(username="coordinator").check_password(demo_password())
    admin = users.get(username="admin")
    assert admin.is_superuser and admin.is_staff


def test_refuses_demo_users_under_production_settings(no_extensions):
    with (
        override_settings(DEMO_USERS_ALLOWED=False),
        pytest.raises(CommandError, match="Refusing to create demo users"),
    ):
        call_command("load_demo", stdout=StringIO())
    assert not Partnership.objects.exists()
    assert not get_user_model().objects.filter(username="coordinator").exists()
    with override_settings(DEMO_USERS_ALLOWED=False):
        call_command("load_demo", "--no-users", stdout=StringIO())
    assert Partnership.objects.filter(slug="tonbridge-malling").exists()
    assert not get_user_model().objects.filter(username="coordinator").exists()


def test_dpo_is_a_member_holding_the_data_protection_lead_grant(no_extensions):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # a second run adds no second grant
    dpo = get_user_model().objects.get(username="dpo")
    partnership = Partnership.objects.get(slug="tonbridge-malling")
    membership = Membership.objects.get(user=dpo)
    assert (membership.partnership, membership.role) == (partnership, Role.MEMBER)
    assert list(membership.grants.values_list("grant", "granted_by__username")) == [
        (Grant.DATA_PROTECTION_LEAD, SYSTEM_USERNAME)
    ]
    assert RoleGrant.objects.count() == 1  # nobody else holds a further role
    assert holds_grant(dpo, partnership, Grant.DATA_PROTECTION_LEAD)
    assert may(dpo, partnership, Purpose.VIEW)
    assert not may(dpo, partnership, Purpose.REPORT) and not may(dpo, partnership, Purpose.MANAGE)
    assert dpo.check_password(demo_password())


def test_grant_is_added_to_an_existing_dpo_membership(no_extensions):
    """A demo database loaded before the grant existed gets it on the next run, nothing else."""
    call_command("load_demo", stdout=StringIO())
    RoleGrant.objects.all().delete()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "created 1 role grants." in out.getvalue()
    assert RoleGrant.objects.get().membership.user.username == "dpo"


def test_the_demo_acts_as_the_system_actor_standing_as_coordinator(no_extensions):
    call_command("load_demo", stdout=StringIO())
    assert Action.history.filter(history_user__username=SYSTEM_USERNAME).count() == 56
    assert set(Action.history.values_list("history_user__username", flat=True)) == {SYSTEM_USERNAME}
    partnership = Partnership.objects.get(slug="tonbridge-malling")
    found = standing(system_user(), partnership)
    assert found is not None and found.system and found.is_coordinator and not found.grants
    assert not holds_grant(system_user(), partnership, Grant.DATA_PROTECTION_LEAD)
    with pytest.raises(CommandError, match="unrecognized arguments: --as"):
        call_command("load_demo", "--as", "coordinator", stdout=StringIO())


def test_steps_run_in_order_as_the_system_actor(monkeypatch):
    calls = []

    def recorder(name):
        def load(**kwargs):
            calls.append((name, kwargs["actor"].username, getattr(kwargs.get("partnership"), "slug", None)))

        return load

    monkeypatch.setattr(loader, "plan_document_load", recorder("plan document"))
    monkeypatch.setattr(loader, "crime_data_load", recorder("crime data"))
    monkeypatch.setattr(loader, "assessment_load", recorder("assessment"))
    call_command("load_demo", stdout=StringIO())
    assert calls == [
        ("plan document", SYSTEM_USERNAME, "tonbridge-malling"),
        ("crime data", SYSTEM_USERNAME, None),
        ("assessment", SYSTEM_USERNAME, "tonbridge-malling"),
    ]


def test_step_errors_propagate(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("crime data failed")

    monkeypatch.setattr(loader, "plan_document_load", lambda **kwargs: None)
    monkeypatch.setattr(loader, "crime_data_load", broken)
    monkeypatch.setattr(loader, "assessment_load", lambda **kwargs: pytest.fail("ran after a failure"))
    with pytest.raises(RuntimeError, match="crime data failed"):
        call_command("load_demo", stdout=StringIO())


def test_demo_dpo_sees_the_audit_log_and_the_coordinator_does_not(no_extensions, client):
    """The issue's acceptance: `dpo` opens the audit page; `coordinator` gets "Page not found"."""
    call_command("load_demo", stdout=StringIO())
    audit = "/partnerships/tonbridge-malling/audit/"
    client.force_login(get_user_model().objects.get(username="coordinator"))
    action = Action.objects.filter(
        plan_year__partnership__slug="tonbridge-malling", plan_year__slug="2020-21"
    ).first()
    assert (
        client.get(f"/partnerships/tonbridge-malling/years/2020-21/actions/{action.pk}/").status_code == 200
    )
    assert client.get(audit).status_code == 404
    client.logout()
    client.force_login(get_user_model().objects.get(username="dpo"))
    page = client.get(audit, {"object_type": "planning.action", "event_type": "viewed"})
    assert page.status_code == 200
    assert "coordinator" in page.content.decode() and "planning.action" in page.content.decode()
