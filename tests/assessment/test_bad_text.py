"""Characters XML cannot hold, typed into any user text, never break the assessment's documents."""

import io

import pytest
from django.db import connection
from django.urls import reverse
from docx import Document

from assessment.models import NARRATIVE_SECTIONS, CandidateIssue, CommunityView
from tests.publishing.helpers import docx_text, html_text, pdf_texts

pytestmark = pytest.mark.django_db

BAD = "\x0b", "\x0c", "\x00", "\x1f", "\ufffe"


def poisoned(label: str) -> str:
    """`label` with characters XML forbids between its letters; the documents show it without them.
    (PostgreSQL cannot store NUL at all, and forms refuse it: there only the others are stored.)"""
    bad = [c for c in BAD if not (c == "\x00" and connection.vendor == "postgresql")]
    return "".join(f"{ch}{bad[i % len(bad)]}" for i, ch in enumerate(label))


def url(name: str, *args: object) -> str:
    return reverse(f"assessment:{name}", args=["test-csp", *args])


@pytest.fixture
def hostile(world, assessment):
    for index, (field, _) in enumerate(NARRATIVE_SECTIONS):
        setattr(assessment, field, poisoned(f"Narrative{index}"))
    assessment.save()
    CommunityView.objects.create(
        assessment=assessment,
        theme=poisoned("ThemeText"),
        source=poisoned("SourceText"),
        finding=poisoned("FindingText"),
        respondents=10,
    )
    CandidateIssue.objects.create(
        assessment=assessment,
        title=poisoned("IssueTitle"),
        description=poisoned("IssueDescription"),
        evidence=poisoned("IssueEvidence"),
    )
    criterion = assessment.criteria.first()
    criterion.name = poisoned("CriterionName")
    criterion.description = poisoned("CriterionDescription")
    criterion.save()
    world.partnership.name = poisoned("PartnershipName")
    world.partnership.save()
    return assessment


EXPECTED_DOCX = [f"Narrative{i}" for i in range(len(NARRATIVE_SECTIONS))] + [
    "ThemeText",
    "SourceText",
    "FindingText",
    "IssueTitle",
    "CriterionName",
    "CriterionDescription",
]


def test_word_file_builds_and_keeps_the_text(client, world, hostile):
    client.force_login(world.member)
    response = client.get(url("docx", "2021-22"))
    assert response.status_code == 200
    text = docx_text(response.content)
    for word in EXPECTED_DOCX:
        assert word in text
    assert Document(io.BytesIO(response.content)).core_properties.author == "PartnershipName"


def test_pdf_and_page_build_and_keep_the_text(client, world, hostile):
    client.force_login(world.member)
    response = client.get(url("pdf", "2021-22"))
    assert response.status_code == 200
    text = pdf_texts(response.content)[0]
    for word in EXPECTED_DOCX:
        assert word in text or word == "CriterionDescription"  # the PDF lists criteria by name only
    page = client.get(url("detail", "2021-22"))
    assert page.status_code == 200
    assert "Narrative0" in html_text(page.content)
