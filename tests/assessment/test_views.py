"""Pages: members read, coordinators write, outsiders get 404; documents render."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse

from assessment import services
from assessment.analysis import Period
from assessment.models import CandidateIssue
from crimedata.models import CrimeWeight, PopulationFigure, PopulationTable, WeightSet
from tests.assessment.helpers import district, fill_period

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    return reverse(f"assessment:{name}", args=["test-csp", *args])


@pytest.fixture
def data(world, assessment):
    fill_period(Period.plan_year(2019), {"Burglary": 10, "Shoplifting": 30, "Anti-social behaviour": 5})
    fill_period(Period.plan_year(2018), {"Burglary": 8, "Shoplifting": 30, "Anti-social behaviour": 4})
    district("Sevenoaks", "E07000111")
    fill_period(Period.plan_year(2019), {"Burglary": 50}, name="Sevenoaks", code="E07000111")
    table = PopulationTable.objects.create(name="Example population", is_example=True)
    PopulationFigure.objects.create(
        table=table, area_code="E07000115", area_name="TM", year=2019, population=130000
    )
    PopulationFigure.objects.create(
        table=table, area_code="E07000111", area_name="S", year=2019, population=120000
    )
    weights = WeightSet.objects.create(name="Example harm", version="1", is_example=True)
    CrimeWeight.objects.create(weight_set=weights, crime_type="Burglary", weight=10)
    CrimeWeight.objects.create(weight_set=weights, crime_type="Shoplifting", weight=1)
    services.assessment_edit(
        assessment=assessment,
        actor=world.coordinator,
        population_table=table,
        weight_set=weights,
        summary="Crime <script>alert(1)</script> is **low**.",
    )
    issue = services.issue_create(assessment=assessment, title="Burglary", actor=world.coordinator)
    services.score_record(
        issue=issue,
        criterion=assessment.criteria.first(),
        actor=world.coordinator,
        value=4,
        confidence="high",
        is_example=True,
    )
    return assessment


@pytest.mark.parametrize("name", ["index", "analysis", "indicators"])
def test_partnership_pages_member_reads_outsider_404(client, world, name):
    client.force_login(world.member)
    assert client.get(url(name)).status_code == 200
    client.force_login(world.outsider)
    assert client.get(url(name)).status_code == 404


def test_assessment_pages_access(client, world, data):
    for user, status in ((world.member, 200), (world.outsider, 404)):
        client.force_login(user)
        for name in ("detail", "scoring"):
            assert client.get(url(name, "2021-22")).status_code == status
    client.force_login(world.member)
    for name in ("edit", "community_add", "issue_add", "criterion_add"):
        assert client.get(url(name, "2021-22")).status_code == 404
    assert client.get(url("create")).status_code == 404
    issue = CandidateIssue.objects.get()
    assert client.get(url("score", "2021-22", issue.pk)).status_code == 404  # members do not score
    client.force_login(world.lead_officer)
    assert client.get(url("score", "2021-22", issue.pk)).status_code == 200
    response = client.post(url("scoring", "2021-22"), {"issues": [issue.pk]})
    assert response.status_code == 404  # only coordinators choose
    client.force_login(world.coordinator)
    for name in ("edit", "community_add", "issue_add", "criterion_add"):
        assert client.get(url(name, "2021-22")).status_code == 200


def test_detail_shows_analysis_example_flags_and_escapes_text(client, world, data):
    client.force_login(world.member)
    page = client.get(url("detail", "2021-22")).content.decode()
    assert "Example data — not official figures" in page
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert "<strong>low</strong>" in page
    assert 'role="img"' in page and "<title id=" in page
    assert "Tonbridge and Malling has the 1st lowest victim-based crime rate of 2 districts" in page
    assert "Weighting changes the order of crime types" in page


def test_analysis_page_choices_and_errors(client, world, data):
    client.force_login(world.member)
    page = client.get(
        url("analysis"), {"start": "2019-04", "end": "2020-03", "district": "E07000115"}
    ).content.decode()
    assert "2019/20" in page and "+24 (+5.3%)" in page  # 480 vs 456 crimes
    bad = client.get(url("analysis"), {"start": "2020-04", "end": "2019-03"}).content.decode()
    assert "There is a problem" in bad and "before it starts" in bad


def test_coordinator_creates_scores_and_chooses(client, world, data):
    client.force_login(world.coordinator)
    response = client.post(url("create"), {"slug": "2022-23", "data_from": "", "data_to": ""})
    assert response.status_code == 302
    bad = client.post(url("create"), {"slug": "2022-23"})
    assert "already has a strategic assessment" in bad.content.decode()
    issue = CandidateIssue.objects.get(assessment=data)
    post = {}
    for c in data.criteria.all():
        post.update({f"value_{c.pk}": c.scale_max, f"confidence_{c.pk}": "high", f"rationale_{c.pk}": "why"})
    assert client.post(url("score", "2021-22", issue.pk), post).status_code == 302
    assert issue.scores.filter(scorer=world.coordinator).count() == data.criteria.count()
    response = client.post(url("scoring", "2021-22"), {"issues": [issue.pk]})
    assert response.status_code == 302
    assert world.partnership.plan_years.get(slug="2021-22").priorities.get().title == "Burglary"
    missing = client.post(url("scoring", "2021-22"), {}).content.decode()
    assert "Choose at least one issue" in missing


def test_lead_officer_enters_indicator_for_own_organisation_only(client, world):
    client.force_login(world.lead_officer)
    form = client.get(url("indicator_add")).content.decode()
    assert world.organisation.name in form and world.other_organisation.name not in form
    response = client.post(
        url("indicator_add"),
        {
            "name": "DAVSS referrals",
            "organisation": world.organisation.pk,
            "quarter": "2019-04",
            "value": "78",
            "unit": "referrals",
            "note": "",
        },
    )
    assert response.status_code == 302
    page = client.get(url("indicators")).content.decode()
    assert "Q1 2019/20" in page and "78 referrals" in page
    client.force_login(world.member)
    assert client.get(url("indicator_add")).status_code == 404


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils (pdfinfo, pdftotext) not installed")
def test_pdf_is_tagged_and_word_has_headings_and_tables(client, world, data, tmp_path):
    client.force_login(world.member)
    response = client.get(url("pdf", "2021-22"))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "sa.pdf"
    pdf.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    assert "Strategic Assessment 2021/22" in info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Example data — not official figures" in text and "Scoring and recommended priorities" in text
    import docx

    response = client.get(url("docx", "2021-22"))
    document = docx.Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Levels and patterns of crime and disorder" in headings and "Hotspots" in headings
    assert len(document.tables) >= 6
    assert document.core_properties.language == "en-GB"
    assert any("Example data — not official figures" in p.text for p in document.paragraphs)
    totals = document.tables[0]
    assert totals.rows[2].cells[1].text == "480"  # victim-based: 40 a month
    assert totals.rows[4].cells[1].text == "60" and totals.rows[4].cells[2].text == "48"  # ASB
