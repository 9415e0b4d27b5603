"""The public summary of a Strategic Assessment: 404 until published, then served without sign-in
byte for byte (later edits do not change it), only the chosen sections, never partner data, a tagged
PDF, new versions on re-publishing and 410 Gone after a withdrawal."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from assessment import services
from assessment.models import SUMMARY_SECTION_KEYS, SummaryPublication
from assessment.services.summary import summary_publish, summary_withdraw
from core.errors import AccessDenied, ServiceError
from publishing.models import ImmutableError
from tests.assessment.map_helpers import APR, MAY, street_rows, write_street_parquet

pytestmark = pytest.mark.django_db
PUBLIC = "/p/test-csp/assessment/2021-22/"
PARTNER_SECRET = "Refuge caseload figures from the partner"
INDICATOR = "Domestic abuse referrals to the refuge"


@pytest.fixture
def ready(world, assessment, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path / "store"
    write_street_parquet(street_rows())
    return services.assessment_edit(
        assessment=assessment,
        actor=world.coordinator,
        data_from=APR,
        data_to=MAY,
        summary="Crime **fell** slightly.",
        partner_narrative=PARTNER_SECRET,
        hotspots_narrative="Burglary gathers in 004A.",
        community_narrative="Residents worry about speeding.",
    )


def _indicator(world):
    services.indicator_record(
        partnership=world.partnership,
        actor=world.coordinator,
        name=INDICATOR,
        organisation=world.organisation,
        quarter_start=datetime.date(2019, 4, 1),
        value=Decimal(42),
    )


def test_not_found_before_publishing_then_served_without_sign_in(client, world, ready):
    assert client.get(PUBLIC).status_code == 404
    assert client.get(PUBLIC + "summary.pdf").status_code == 404
    published = summary_publish(assessment=ready, actor=world.coordinator, sections=["summary", "hotspots"])
    response = client.get(PUBLIC)
    assert response.status_code == 200
    assert response.content == bytes(published.html)
    assert "script-src" not in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    body = response.content.decode()
    assert "Crime <strong>fell</strong> slightly." in body
    assert "Burglary gathers in 004A." in body
    # The map's SVG with its text alternative, and the table beside it
    assert 'role="img"' in body and "<desc" in body and "Shading classes of the map" in body
    # Sections not chosen are absent
    assert "Residents worry about speeding." not in body
    assert 'id="community"' not in body
    assert client.get(PUBLIC + "versions/1/").content == bytes(published.html)
    pdf = client.get(PUBLIC + "summary.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content == bytes(published.pdf)


def test_stored_bytes_stay_after_the_assessment_changes(client, world, ready):
    published = summary_publish(assessment=ready, actor=world.coordinator, sections=["summary"])
    services.assessment_edit(assessment=ready, actor=world.coordinator, summary="Crime rose sharply.")
    body = client.get(PUBLIC).content
    assert body == bytes(published.html)
    assert b"Crime rose sharply." not in body
    assert client.get(PUBLIC + "summary.pdf").content == bytes(published.pdf)
    assert published.intact()
    with pytest.raises(ImmutableError):
        SummaryPublication.objects.filter(pk=published.pk).update(html=b"changed")
    with pytest.raises(ImmutableError):
        published.save()


def test_partner_data_is_never_published(client, world, ready):
    _indicator(world)
    published = summary_publish(assessment=ready, actor=world.coordinator, sections=SUMMARY_SECTION_KEYS)
    body = bytes(published.html).decode()
    assert 'id="summary"' in body and 'id="community"' in body and 'id="recommendations"' in body
    assert PARTNER_SECRET not in body and INDICATOR not in body and "Partner data" not in body
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(published.pdf))).pages)
    assert PARTNER_SECRET not in text and INDICATOR not in text
    # The signed-in assessment does show them: the summary leaves them out on purpose.
    client.force_login(world.member)
    page = client.get(reverse("assessment:detail", args=["test-csp", "2021-22"])).content.decode()
    assert PARTNER_SECRET in page and INDICATOR in page


def test_pdf_is_tagged(world, ready):
    published = summary_publish(assessment=ready, actor=world.coordinator, sections=["summary", "hotspots"])
    reader = PdfReader(io.BytesIO(bytes(published.pdf)))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "public summary" in text and "Burglary gathers in 004A." in text


def test_republishing_makes_a_new_version_and_withdrawal_answers_gone(client, world, ready):
    first = summary_publish(assessment=ready, actor=world.coordinator, sections=["summary"])
    services.assessment_edit(assessment=ready, actor=world.coordinator, summary="Second words.")
    second = summary_publish(assessment=ready, actor=world.coordinator, sections=["summary"])
    assert (first.number, second.number) == (1, 2)
    assert b"Second words." in client.get(PUBLIC).content
    assert client.get(PUBLIC + "versions/1/").content == bytes(first.html)
    summary_withdraw(publication=second, actor=world.coordinator, reason="Wrong figures")
    assert client.get(PUBLIC + "versions/2/").status_code == 410
    assert client.get(PUBLIC).content == bytes(first.html)  # the newest version left
    summary_withdraw(publication=first, actor=world.coordinator, reason="All wrong")
    gone = client.get(PUBLIC)
    assert gone.status_code == 410 and b"All wrong" not in gone.content
    assert client.get(PUBLIC + "summary.pdf").status_code == 410
    with pytest.raises(ServiceError):
        summary_withdraw(publication=first, actor=world.coordinator, reason="Again")


def test_only_coordinators_publish_and_withdraw(world, ready):
    for actor in (world.member, world.lead_officer, world.outsider):
        with pytest.raises(AccessDenied):
            summary_publish(assessment=ready, actor=actor, sections=["summary"])
    with pytest.raises(ServiceError, match="at least one section"):
        summary_publish(assessment=ready, actor=world.coordinator, sections=["partner_data", "scores"])
    published = summary_publish(assessment=ready, actor=world.coordinator, sections=["summary", "nonsense"])
    assert published.sections == ["summary"]
    with pytest.raises(AccessDenied):
        summary_withdraw(publication=published, actor=world.member, reason="No")


def test_the_page_publishes_and_withdraws(client, world, ready):
    url = reverse("assessment:summary", args=["test-csp", "2021-22"])
    client.force_login(world.member)
    page = client.get(url)
    assert page.status_code == 200 and b"No version has been published." in page.content
    assert b"Publish" not in page.content.split(b"<h1")[1].split(b"Published versions")[0]
    assert client.post(url, {"sections": ["summary"]}).status_code == 404
    client.force_login(world.coordinator)
    empty = client.post(url, {})
    assert b"Choose at least one section to publish" in empty.content
    done = client.post(url, {"sections": ["summary", "community"]}, follow=True)
    assert b"Published version 1 of the public summary." in done.content
    assert SummaryPublication.objects.get().sections == ["summary", "community"]
    withdraw = reverse("assessment:summary_withdraw", args=["test-csp", "2021-22", 1])
    assert b"Enter why the version is being withdrawn" in client.post(withdraw, {"reason": ""}).content
    client.post(withdraw, {"reason": "Typo"})
    assert client.get(PUBLIC).status_code == 410
    assert b"Withdrawn on" in client.get(url).content


def test_the_partnerships_public_page_links_a_standing_summary(client, world, ready):
    from publishing import services as publishing_services

    publishing_services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    assert b"Strategic Assessments" not in client.get("/p/test-csp/").content
    published = summary_publish(assessment=ready, actor=world.coordinator, sections=["summary"])
    page = client.get("/p/test-csp/").content.decode()
    assert "Strategic Assessments" in page and f'href="{PUBLIC}"' in page
    assert "Strategic Assessment 2021/22: public summary (version 1, published" in page
    summary_withdraw(publication=published, actor=world.coordinator, reason="Wrong")
    assert b"Strategic Assessments" not in client.get("/p/test-csp/").content
