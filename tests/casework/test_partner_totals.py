"""Case-work yearly totals as the Strategic Assessment's partner data (assessment.partner_sources):
whole-partnership counts only, added as one organisation's values after a check, never retyped."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from assessment import partner_sources, services
from assessment.partner_file import parse_period
from assessment.services.data_requests import partner_source_check
from assessment.services.partner_data import partner_values_save
from casework.models import Case, Enforcement
from core.errors import AccessDenied
from planning.models import Measure, MeasureKind
from tests.casework.records import case_world, make_case

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def cw(world):
    found = case_world(world)
    Case.objects.filter(pk__in=[found.involved.pk, found.not_involved.pk]).update(opened_on=D(2020, 6, 1))
    make_case(
        world.partnership, found.case_type, world.organisation, summary="Before the year"
    )  # 1 June 2019
    for kind, day in (
        ("cpw", D(2020, 7, 1)),
        ("cpw", D(2021, 3, 31)),
        ("cpn", D(2020, 9, 1)),
        ("cpw", D(2021, 4, 1)),
    ):
        Enforcement.objects.create(
            case=found.involved,
            person=found.person,
            kind=kind,
            conduct="Noise",
            issued_on=day,
            issuing_organisation=world.organisation,
        )
    return found


@pytest.fixture
def assessment(world):
    return services.assessment_create(partnership=world.partnership, slug="2021-22", actor=world.coordinator)


def test_case_work_registers_its_yearly_totals(cw):
    source = partner_sources.partner_source("casework.totals")
    assert source is not None and ("casework.totals", source.label) in partner_sources.choices()
    totals = dict(source.compute(cw.world.partnership, D(2020, 4, 1), D(2021, 3, 31)))
    assert totals == {
        "Case work: cases opened": Decimal(2),
        "Case work: Community Protection Warnings issued": Decimal(2),
        "Case work: Community Protection Notices issued": Decimal(1),
        "Case work: fixed penalty notices issued": Decimal(0),
        "Case work: dispersal directions given": Decimal(0),
    }


def test_totals_become_partner_indicator_values_and_replace_only_after_a_check(cw, assessment):
    world = cw.world
    year = parse_period("2020/21")
    checked = partner_source_check(
        assessment=assessment,
        actor=world.coordinator,
        source_key="casework.totals",
        year=year,
        organisation=world.organisation,
    )
    assert checked.summary == "5 added, 0 replaced, 0 unchanged"
    saved = partner_values_save(
        partnership=world.partnership, actor=world.coordinator, checked=checked, expected=checked.basis()
    )
    assert saved.added == 5
    stored = Measure.objects.filter(partnership=world.partnership, kind=MeasureKind.INDICATOR)
    assert {(m.name, m.period_label, m.value, m.source_organisation_id) for m in stored} >= {
        ("Case work: cases opened", "2020/21", Decimal("2.00"), world.organisation.pk),
        (
            "Case work: Community Protection Warnings issued",
            "2020/21",
            Decimal("2.00"),
            world.organisation.pk,
        ),
    }
    make_case(world.partnership, cw.case_type, world.organisation, summary="Late")
    Case.objects.filter(summary="Late").update(opened_on=D(2021, 1, 5))
    again = partner_source_check(
        assessment=assessment,
        actor=world.coordinator,
        source_key="casework.totals",
        year=year,
        organisation=world.organisation,
    )
    assert again.summary == "0 added, 1 replaced, 4 unchanged"
    with pytest.raises(AccessDenied):
        partner_source_check(
            assessment=assessment,
            actor=world.lead_officer,
            source_key="casework.totals",
            year=year,
            organisation=world.organisation,
        )


def test_the_page_shows_the_figures_then_adds_them(client, cw, assessment):
    world = cw.world
    client.force_login(world.coordinator)
    url = reverse("assessment:partner_source", args=["test-csp", assessment.slug])
    form = {"source": "casework.totals", "year": "2020/21", "organisation": world.organisation.pk}
    shown = client.post(url, form).content.decode()
    assert "Saving them: 5 added, 0 replaced, 0 unchanged." in shown
    assert not Measure.objects.filter(kind=MeasureKind.INDICATOR).exists()
    assert (
        "Enter a financial year as YYYY/YY" in client.post(url, {**form, "year": "2020-05"}).content.decode()
    )
    import re

    basis = re.search(r'name="basis" value="([^"]*)"', shown)[1].replace("&quot;", '"')
    done = client.post(url, {**form, "confirm": "yes", "basis": basis})
    assert done.status_code == 302
    assert Measure.objects.filter(kind=MeasureKind.INDICATOR).count() == 5
