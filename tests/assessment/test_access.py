"""The assessment doors: 404 alike for missing and forbidden, `access denied` only for records that
exist, each purpose answered by its own rule."""

import pytest
from django.urls import reverse

from assessment import access, selectors, services
from assessment.models import Assessment, CandidateIssue, CommunityView, ScoringCriterion
from core.access import NotFound, Purpose
from core.actors import system_user
from core.errors import AccessDenied
from core.models import AuditEvent, AuditEventType

pytestmark = pytest.mark.django_db


def _denied(model: type) -> int:
    return AuditEvent.objects.filter(
        event_type=AuditEventType.ACCESS_DENIED, object_type=model._meta.label_lower
    ).count()


@pytest.fixture
def foreign(world):
    """The other partnership's assessment 2021-22 with an issue and a community view."""
    actor = system_user()
    other = services.assessment_create(partnership=world.other_partnership, slug="2021-22", actor=actor)
    issue = services.issue_create(assessment=other, title="Burglary", actor=actor)
    view = services.community_view_create(assessment=other, actor=actor, theme="Speeding", source="Survey")
    return other, issue, view


def test_records_of_another_partnership_are_404_with_identical_bodies(client, world, assessment, foreign):
    other, issue, view = foreign
    criterion = ScoringCriterion.objects.filter(assessment=other).first()
    client.force_login(world.coordinator)
    doors = [
        ("issue_edit", CandidateIssue, issue.pk),
        ("issue_delete", CandidateIssue, issue.pk),
        ("score", CandidateIssue, issue.pk),
        ("criterion_edit", ScoringCriterion, criterion.pk),
        ("criterion_delete", ScoringCriterion, criterion.pk),
        ("community_edit", CommunityView, view.pk),
        ("community_delete", CommunityView, view.pk),
    ]
    bodies = set()
    for name, model, pk in doors:
        before = _denied(model)
        response = client.get(reverse(f"assessment:{name}", args=["test-csp", "2021-22", pk]))
        assert response.status_code == 404, name
        assert _denied(model) == before + 1, name
        missing = client.get(reverse(f"assessment:{name}", args=["test-csp", "2021-22", pk + 999]))
        assert missing.status_code == 404 and _denied(model) == before + 1, name
        bodies |= {response.content, missing.content}
    assert len(bodies) == 1


def test_a_stranger_gets_404_on_the_assessment_pages(client, world, assessment):
    client.force_login(world.outsider)
    bodies = set()
    for name in ("detail", "scoring", "edit", "pdf"):
        response = client.get(reverse(f"assessment:{name}", args=["test-csp", "2021-22"]))
        assert response.status_code == 404, name
        bodies.add(response.content)
    assert len(bodies) == 1


def test_a_member_asking_to_manage_is_denied_on_the_assessment(client, world, assessment):
    client.force_login(world.member)
    before = _denied(Assessment)
    assert client.get(reverse("assessment:edit", args=["test-csp", "2021-22"])).status_code == 404
    assert _denied(Assessment) == before + 1
    assert client.get(reverse("assessment:edit", args=["test-csp", "2031-32"])).status_code == 404
    assert _denied(Assessment) == before + 1  # no such assessment: nothing to record


def test_purposes(world, assessment):
    issue = services.issue_create(assessment=assessment, title="Burglary", actor=world.coordinator)
    assert access.access_candidate_issue_by_id(world.member, issue.pk) == issue
    assert access.access_candidate_issue_by_id(world.lead_officer, issue.pk, for_=Purpose.REPORT) == issue
    for person, purpose in ((world.member, Purpose.REPORT), (world.lead_officer, Purpose.MANAGE)):
        with pytest.raises(NotFound):
            access.access_candidate_issue_by_id(person, issue.pk, for_=purpose)
    criterion = selectors.criteria(assessment)[0]
    mine = services.score_record(
        issue=issue, criterion=criterion, actor=world.lead_officer, value=3, confidence="low"
    )
    services.score_record(
        issue=issue, criterion=criterion, actor=world.coordinator, value=4, confidence="low"
    )
    assert list(access.scores_visible_to(world.lead_officer, for_=Purpose.REPORT)) == [mine]
    assert access.scores_visible_to(world.member).count() == 2
    assert not access.scores_visible_to(world.coordinator, for_=Purpose.MANAGE).exists()


def test_only_coordinators_score_in_another_persons_name(world, assessment):
    issue = services.issue_create(assessment=assessment, title="Burglary", actor=world.coordinator)
    criterion = selectors.criteria(assessment)[0]
    with pytest.raises(AccessDenied, match="your own scores"):
        services.score_record(
            issue=issue,
            criterion=criterion,
            actor=world.lead_officer,
            scorer=world.coordinator,
            value=3,
            confidence="low",
        )
    score = services.score_record(
        issue=issue,
        criterion=criterion,
        actor=world.coordinator,
        scorer=world.lead_officer,
        value=3,
        confidence="low",
    )
    assert score.scorer == world.lead_officer
