"""Issue 9: the Strategic Assessment counts crime for a place made of LSOAs (victim-based crime and
ASB in the assessment's period and the one before), and says so when a place names no LSOAs."""

import datetime

import pytest
from django.urls import reverse

from assessment import report
from assessment.analysis import Period
from assessment.documents.word import assessment_docx
from assessment.selectors.crime import DistrictRef
from assessment.selectors.hotspots import places
from planning.models import Place
from tests.assessment.helpers import add_counts, district, force_month, write_parquet
from tests.publishing.helpers import docx_table_rows, html_text

pytestmark = pytest.mark.django_db
APR, MAY = datetime.date(2019, 4, 1), datetime.date(2019, 5, 1)
TM = ("Tonbridge and Malling", "E07000115")


def street_rows() -> None:
    """April (the period before) and May 2019 street records of three LSOAs."""
    rows = (
        [(MAY, "Burglary", "E01000001", "TM 001A", *TM)] * 3
        + [(MAY, "Anti-social behaviour", "E01000001", "TM 001A", *TM)] * 2
        + [(MAY, "Violence and sexual offences", "E01000002", "TM 002B", *TM)] * 4
        + [(MAY, "Drugs", "E01000002", "TM 002B", *TM)] * 7  # not victim-based: left out
        + [(APR, "Shoplifting", "E01000002", "TM 002B", *TM)] * 2
        + [(APR, "Anti-social behaviour", "E01000001", "TM 001A", *TM)] * 4
        + [(MAY, "Burglary", "E01000009", "TM 009Z", *TM)] * 50  # in no place
    )
    for month in (APR, MAY):
        relative = f"force=kent/month={month:%Y-%m}/part.parquet"
        write_parquet([r for r in rows if r[0] == month], relative)
        force_month(month, path=relative)
        add_counts(month, {"Burglary": 1})  # so the file is known to hold the district's rows


@pytest.fixture
def with_places(world, assessment, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.CRIME_DATA_DIR = tmp_path
    street_rows()
    assessment.data_from, assessment.data_to = MAY, MAY
    assessment.save()
    Place.objects.create(
        partnership=world.partnership, name="Riverside", kind="Ward", lsoa_codes=["E01000001", "E01000002"]
    )
    Place.objects.create(partnership=world.partnership, name="High Street", lsoa_codes=["E01000002"])
    Place.objects.create(partnership=world.partnership, name="Old estate <b>x</b>")
    return assessment


def test_places_count_victim_based_crime_and_asb_of_their_lsoas(world, with_places):
    found = {p["name"]: p for p in places(world.partnership, [DistrictRef.of(district())], Period(MAY, MAY))}
    riverside = found["Riverside"]
    assert riverside["victim_based"] == {"count": 7, "previous": 2, "change_text": "+5 (+250.0%)"}
    assert riverside["asb"] == {"count": 2, "previous": 4, "change_text": "−2 (−50.0%)"}
    assert found["High Street"]["victim_based"]["count"] == 4  # an LSOA may belong to two places
    assert found["High Street"]["asb"] == {"count": 0, "previous": 0, "change_text": "0 (no previous count)"}
    estate = found["Old estate <b>x</b>"]
    assert not estate["has_lsoas"] and not estate["has_data"] and "victim_based" not in estate


def test_assessment_page_and_word_file_list_the_places(client, world, with_places):
    client.force_login(world.member)
    page = client.get(reverse("assessment:detail", args=["test-csp", with_places.slug])).content.decode()
    text = html_text(page)
    assert "Riverside (Ward) E01000001, E01000002 7 2 +5 (+250.0%) 2 4 −2 (−50.0%)" in text
    assert "Old estate <b>x</b> No LSOAs given" in text and "<b>x</b>" not in page
    rows = docx_table_rows(assessment_docx(report.build_document(with_places)))
    assert ["Riverside", "E01000001, E01000002", "7", "2", "+5 (+250.0%)", "2", "4", "−2 (−50.0%)"] in rows
    assert next(r for r in rows if r[0] == "Place")[:5] == [
        "Place",
        "LSOAs",
        "Victim-based crime May 2019",
        "April 2019",
        "Change",
    ]


def test_no_places_and_no_street_records(client, world, assessment, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    client.force_login(world.member)
    detail = reverse("assessment:detail", args=["test-csp", assessment.slug])
    assert "The partnership has not defined any places." in client.get(detail).content.decode()
    Place.objects.create(partnership=world.partnership, name="Riverside", lsoa_codes=["E01000001"])
    page = html_text(client.get(detail).content.decode())
    assert "Riverside E01000001 No street-level records are available for these LSOAs and periods." in page
