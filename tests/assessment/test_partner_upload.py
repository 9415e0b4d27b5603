"""Partner indicator uploads: the whole file checked first, nothing saved on any problem, values
replaced only after the confirm page showed them, lead officers kept to their own organisation."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from assessment import services as assessment_services
from assessment.services.partner_data import (
    PartnerUploadError,
    partner_values_import,
    partner_values_validate,
)
from core.errors import AccessDenied, ServiceError
from planning.models import Measure, MeasureKind

pytestmark = pytest.mark.django_db
HEAD = "Indicator,Period,Value,Organisation\n"
UPLOAD = "/partnerships/test-csp/assessment/indicators/upload/"


def csv(*rows: str) -> bytes:
    return (HEAD + "".join(row + "\n" for row in rows)).encode()


def xlsx(*rows: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Indicator", "Period", "Value", "Organisation"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def indicators(world):
    return Measure.objects.filter(partnership=world.partnership, kind=MeasureKind.INDICATOR).order_by("pk")


def test_a_valid_csv_is_saved_and_names_are_reused(world):
    assessment_services.indicator_record(
        partnership=world.partnership,
        actor=world.coordinator,
        name="Domestic abuse referrals",
        organisation=world.other_organisation,
        quarter_start=datetime.date(2020, 4, 1),
        value=Decimal(40),
        unit="referrals",
    )
    data = csv(
        "DOMESTIC ABUSE REFERRALS,2020-Q2,45,test police",
        "Domestic abuse referrals,2020-05,12,Test Police",
        "Repeat victims,2020/21,1234.5,Test Borough Council",
    )
    checked = partner_values_validate(partnership=world.partnership, actor=world.coordinator, data=data)
    assert checked.problems == []
    assert checked.summary == "2 added, 1 replaced, 0 unchanged"
    assert (checked.count("added"), checked.count("replaced")) == (2, 1)
    assert checked.new_indicators == ["Repeat victims"]
    saved = partner_values_import(
        partnership=world.partnership, actor=world.coordinator, data=data, expected=checked.basis()
    )
    assert saved.summary == "2 added, 1 replaced, 0 unchanged"
    rows = [
        (m.name, m.period_label, m.period_start, m.period_end, m.value, m.unit) for m in indicators(world)
    ]
    assert rows == [
        (
            "Domestic abuse referrals",
            "Q1 2020/21",
            datetime.date(2020, 4, 1),
            datetime.date(2020, 6, 30),
            Decimal("45.00"),
            "referrals",
        ),
        (
            "Domestic abuse referrals",
            "May 2020",
            datetime.date(2020, 5, 1),
            datetime.date(2020, 5, 31),
            Decimal("12.00"),
            "referrals",
        ),
        (
            "Repeat victims",
            "2020/21",
            datetime.date(2020, 4, 1),
            datetime.date(2021, 3, 31),
            Decimal("1234.50"),
            "",
        ),
    ]
    assert indicators(world).first().history.count() == 2  # the replaced value stays in its history
    again = partner_values_validate(partnership=world.partnership, actor=world.coordinator, data=data)
    assert again.summary == "0 added, 0 replaced, 3 unchanged"


def test_any_problem_saves_nothing_and_every_problem_is_listed(world):
    data = csv(
        "Referrals,2020-05,12,Test Police",
        "Referrals,2020-05,13,Test Police",
        "Referrals,May 2020,x,Test Police",
        ",2020/21,1,Elsewhere",
    )
    checked = partner_values_validate(partnership=world.partnership, actor=world.coordinator, data=data)
    assert [str(p) for p in checked.problems] == [
        "Row 3: repeats row 2: Referrals, 2020-05, Test Police may appear only once.",
        'Row 4, column Period: "May 2020" is not a period; write YYYY-MM (2020-05), YYYY-Qn (2020-Q1) or YYYY/YY (2020/21).',
        'Row 4, column Value: "x" is not a number; write digits only, such as 42, 1,234 or 12.5.',
        "Row 5, column Indicator: is empty; name the indicator.",
        'Row 5, column Organisation: "Elsewhere" is not one of the partnership\'s organisations.',
    ]
    with pytest.raises(PartnerUploadError) as raised:
        partner_values_import(partnership=world.partnership, actor=world.coordinator, data=data, expected={})
    assert len(raised.value.problems) == 5
    assert not indicators(world).exists()


def test_wrong_headings_and_unreadable_files(world):
    wrong = b"Indicator,Period,Value,Org\nReferrals,2020-05,1,Test Police\n"
    (problem,) = partner_values_validate(
        partnership=world.partnership, actor=world.coordinator, data=wrong
    ).problems
    assert "headings must be exactly Indicator, Period, Value, Organisation" in str(problem)
    empty = partner_values_validate(partnership=world.partnership, actor=world.coordinator, data=b"")
    assert empty.problems and not empty.rows
    broken = partner_values_validate(
        partnership=world.partnership, actor=world.coordinator, data=b"PK\x03\x04junk"
    )
    assert "cannot be opened" in str(broken.problems[0])


def test_xlsx_files_are_read_like_csv(world):
    data = xlsx(["Referrals", "2020-Q1", 7, "TEST POLICE"], ["Referrals", "2019/20", 30.25, "Test Police"])
    checked = partner_values_validate(partnership=world.partnership, actor=world.coordinator, data=data)
    assert checked.problems == []
    assert [(r.period.label, r.value) for r in checked.rows] == [
        ("Q4 2019/20", Decimal("7.00")),
        ("2019/20", Decimal("30.25")),
    ]


def test_a_lead_officer_uploads_only_for_their_own_organisation(world):
    data = csv("Referrals,2020-05,12,Test Police")
    checked = partner_values_validate(partnership=world.partnership, actor=world.lead_officer, data=data)
    assert [str(p) for p in checked.problems] == [
        "Row 2, column Organisation: you can give figures only for your own organisation, not Test Police."
    ]
    own = csv("Referrals,2020-05,12,TBC")
    checked = partner_values_validate(partnership=world.partnership, actor=world.lead_officer, data=own)
    assert checked.problems == []
    with pytest.raises(AccessDenied):
        partner_values_validate(partnership=world.partnership, actor=world.member, data=own)


def test_a_value_changed_since_the_check_stops_the_save(world):
    data = csv("Referrals,2020-05,12,Test Police")
    checked = partner_values_validate(partnership=world.partnership, actor=world.coordinator, data=data)
    partner_values_import(
        partnership=world.partnership,
        actor=world.coordinator,
        data=csv("Referrals,2020-05,9,Test Police"),
        expected=checked.basis(),
    )
    with pytest.raises(ServiceError, match="changed since you checked"):
        partner_values_import(
            partnership=world.partnership, actor=world.coordinator, data=data, expected=checked.basis()
        )
    assert indicators(world).get().value == Decimal("9.00")


def test_the_upload_pages_check_confirm_and_save(client, world):
    assessment_services.indicator_record(
        partnership=world.partnership,
        actor=world.coordinator,
        name="Referrals",
        organisation=world.other_organisation,
        quarter_start=datetime.date(2020, 1, 1),
        value=Decimal(40),
    )
    client.force_login(world.coordinator)
    page = client.post(
        UPLOAD,
        {
            "file": SimpleUploadedFile(
                "figures.csv", csv("referrals,2020-Q1,41,Test Police", "Referrals,2020-02,9,Test Police")
            )
        },
    )
    text = page.content.decode()
    assert "Saving it: 1 added, 1 replaced, 0 unchanged." in text
    assert "Replaces 40" in text and "January 2020 – March 2020" in text
    assert not indicators(world).filter(value=41).exists()
    done = client.post(reverse("assessment:partner_upload_confirm", args=["test-csp"]))
    assert done.status_code == 302
    assert sorted(indicators(world).values_list("value", flat=True)) == [Decimal("9.00"), Decimal("41.00")]
    again = client.post(reverse("assessment:partner_upload_confirm", args=["test-csp"]), follow=True)
    assert "no file waiting" in again.content.decode()


def test_the_upload_page_lists_every_problem_with_the_file_name(client, world):
    client.force_login(world.lead_officer)
    page = client.post(
        UPLOAD, {"file": SimpleUploadedFile("bad.csv", csv("Referrals,2020-13,1,Test Police"))}
    )
    text = page.content.decode()
    assert page.status_code == 200 and "<title>Error:" in text
    assert "bad.csv: Row 2, column Period: &quot;2020-13&quot; has no month 13" in text
    assert "bad.csv: Row 2, column Organisation: you can give figures only for your own organisation" in text
    assert not indicators(world).exists()
