"""The year's case-work totals page: exact partnership-year totals, a place-by-type breakdown with
small numbers suppressed, the same in CSV and XLSX; for coordinators, lead officers and case-work
roles only, and audited."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from casework.models import Case, Enforcement
from core.models import AuditEvent, AuditEventType
from planning.models import Place
from tests.casework.records import case_world, make_case, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def cw(world):
    found = case_world(world)
    p = world.partnership
    world.plan_year.start_date, world.plan_year.end_date = (
        datetime.date(2019, 4, 1),
        datetime.date(2020, 3, 31),
    )
    world.plan_year.save()
    aylesford = Place.objects.create(partnership=p, name="Aylesford")
    snodland = Place.objects.create(partnership=p, name="=HYPERLINK(1)")
    for index in range(10):
        case = make_case(p, found.case_type, world.organisation, summary=f"Case {index}")
        case.places.set([aylesford if index < 7 else snodland])
    found.involved.places.set([snodland])
    person = make_person(p, found.involved, "Kim", role="perpetrator")
    Enforcement.objects.create(
        case=found.involved,
        person=person,
        kind="cpw",
        conduct="Noise",
        issued_on=datetime.date(2019, 7, 1),
        issuing_organisation=world.organisation,
    )
    return found


def _url(cw, name="casework:totals", **extra):
    return reverse(
        name, kwargs={"partnership": cw.world.partnership.slug, "year": cw.world.plan_year.slug, **extra}
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 200),
        ("lead_officer", 200),
        ("member", 404),
        ("outsider", 404),
        ("csu", 200),
        ("police_worker", 200),
    ],
)
def test_who_reads_the_totals(cw, client, who, status):
    user = getattr(cw, who, None) or getattr(cw.world, who)
    client.force_login(user)
    assert client.get(_url(cw)).status_code == status
    assert client.get(_url(cw, "casework:totals_download", fmt="csv")).status_code == status


def test_exact_totals_and_a_suppressed_breakdown(cw, client):
    client.force_login(cw.world.coordinator)
    text = client.get(_url(cw)).content.decode()
    total = Case.objects.filter(partnership=cw.world.partnership).count()  # 12 opened in 2019/20
    assert f'Cases opened: ASB</th><td class="govuk-table__cell govuk-table__cell--numeric">{total}' in text
    assert (
        'Community Protection Warnings</th><td class="govuk-table__cell govuk-table__cell--numeric">1<'
        in text
    )
    # Aylesford 7 is shown; "=HYPERLINK(1)" has 4 (3 + the involved case) and no place 1: both
    # "fewer than 5", two hidden in the column, so 12 - 7 does not give either away.
    assert "fewer than 5" in text and "Noise from a flat" not in text and "Kim" not in text
    assert AuditEvent.objects.filter(
        actor_username=cw.world.coordinator.username,
        event_type=AuditEventType.SEARCHED,
        detail__contains='"totals"',
    ).exists()


def test_downloads_carry_the_same_suppression_and_no_formula(cw, client):
    client.force_login(cw.world.lead_officer)
    body = client.get(_url(cw, "casework:totals_download", fmt="csv")).content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    by_label = {row[0]: row[1:] for row in rows if row}
    assert by_label["Cases opened: ASB"] == ["12"]
    assert by_label["Aylesford"] == ["7", "7"]
    assert by_label["'=HYPERLINK(1)"] == ["fewer than 5", "fewer than 5"]
    assert by_label["No place recorded"] == ["fewer than 5", "fewer than 5"]
    assert by_label["All places"] == ["12", "12"]
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.EXPORTED, purpose="case-work totals download"
    ).exists()
    book = load_workbook(io.BytesIO(client.get(_url(cw, "casework:totals_download", fmt="xlsx")).content))
    values = [[cell.value for cell in row] for row in book.active.iter_rows()]
    assert ["Aylesford", 7, 7] in values and ["No place recorded", "fewer than 5", "fewer than 5"] in values
    assert all(not (isinstance(v, str) and v.startswith("=")) for row in values for v in row)
    assert client.get(_url(cw, "casework:totals_download", fmt="pdf")).status_code == 404
