"""Who reaches which case: roles × one case per relationship (involved, not involved, other
partnership), by page, search, URL guessing and document link. "Not found" when not allowed, and
every read is in the audit log."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from casework import access
from casework.models import CaseDocument, CaseGrant, Confidentiality, Note
from core.access import Purpose
from core.models import AuditEvent, AuditEventType
from tests.casework.records import case_world, verified_client

pytestmark = pytest.mark.django_db

ROLES = ("police_worker", "council_worker", "csu", "dpo", "member", "other_csu")
CASES = ("involved", "not_involved", "other")
# Which (role, case) pairs may read: the police are involved in one case, the council leads both.
ALLOWED = {
    ("police_worker", "involved"),
    ("council_worker", "involved"),
    ("council_worker", "not_involved"),
    ("csu", "involved"),
    ("csu", "not_involved"),
    ("dpo", "involved"),
    ("dpo", "not_involved"),
    ("other_csu", "other"),  # the other partnership's coordinator, in their own partnership
}


@pytest.fixture
def cw(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    found = case_world(world)
    for name in CASES:
        case = getattr(found, name)
        document = CaseDocument(case=case, title="Letter", size=5)
        document.file.save("letter.txt", ContentFile(b"hello"), save=True)
    return found


def actor(cw, role):
    return cw.world.member if role == "member" else getattr(cw, role)


def urls_for(cw, case):
    slug = case.partnership.slug
    document = CaseDocument.objects.get(case=case)
    return [
        reverse("casework:case", args=[slug, case.pk]),
        reverse("casework:document_file", args=[slug, case.pk, document.pk]),
        reverse("casework:note_add", args=[slug, case.pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case_name", CASES)
def test_case_pages_documents_and_forms(cw, role, case_name):
    case = getattr(cw, case_name)
    client = verified_client(actor(cw, role))
    allowed = (role, case_name) in ALLOWED
    page, document, note_form = urls_for(cw, case)
    for url in (page, document):
        response = client.get(url)
        assert response.status_code == (200 if allowed else 404), (url, role)
    # The data protection lead reads; only case workers and CSU coordinators write.
    response = client.get(note_form)
    assert response.status_code == (200 if allowed and role != "dpo" else 404), (note_form, role)
    # URL guessing: the same id under the actor's own partnership's URL is not found either.
    other_slug = "other-csp" if case.partnership.slug == "test-csp" else "test-csp"
    guessed = client.get(reverse("casework:case", args=[other_slug, case.pk]))
    assert guessed.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_search_finds_only_visible_cases(cw, role):
    client = verified_client(actor(cw, role))
    response = client.get(reverse("casework:cases", args=["test-csp"]), {"q": "Example"})
    if role in ("member", "other_csu"):
        assert response.status_code == 404
        return
    body = response.content.decode()
    for name in CASES:
        shown = getattr(cw, name).reference in body
        assert shown == ((role, name) in ALLOWED), (role, name)
    event = AuditEvent.objects.filter(event_type=AuditEventType.SEARCHED, actor_id=actor(cw, role).pk).last()
    assert event is not None and '"text": "Example"' in event.detail


@pytest.mark.parametrize("role", ROLES)
def test_export_holds_only_visible_cases(cw, role):
    client = verified_client(actor(cw, role))
    response = client.get(reverse("casework:cases_export", args=["test-csp"]), {"status": "open"})
    if role in ("member", "other_csu"):
        assert response.status_code == 404
        return
    body = response.content.decode()
    for name in CASES:
        assert (getattr(cw, name).reference in body) == ((role, name) in ALLOWED), (role, name)
    event = AuditEvent.objects.filter(event_type=AuditEventType.EXPORTED, actor_id=actor(cw, role).pk).last()
    assert event is not None and '"status": "open"' in event.detail


@pytest.mark.parametrize("role", ROLES)
def test_people_only_through_a_visible_case(cw, role):
    client = verified_client(actor(cw, role))
    for person, case_name in ((cw.person, "involved"), (cw.hidden_person, "not_involved")):
        response = client.get(reverse("casework:person", args=["test-csp", person.pk]))
        assert response.status_code == (200 if (role, case_name) in ALLOWED else 404), (role, person)


def test_every_read_is_audited_and_refusals_too(cw):
    client = verified_client(cw.police_worker)
    client.get(reverse("casework:case", args=["test-csp", cw.involved.pk]))
    client.get(reverse("casework:case", args=["test-csp", cw.not_involved.pk]))
    events = AuditEvent.objects.filter(actor_id=cw.police_worker.pk, object_type="casework.case")
    assert events.filter(event_type=AuditEventType.VIEWED, object_id=str(cw.involved.pk)).exists()
    assert events.filter(event_type=AuditEventType.ACCESS_DENIED, object_id=str(cw.not_involved.pk)).exists()


def test_a_plan_role_alone_sees_no_case_work_and_the_system_actor_neither(cw):
    from core.actors import system_user

    for who in (cw.world.coordinator, cw.world.member, system_user()):
        assert not access.cases_visible_to(who).exists()
        assert not access.people_visible_to(who).exists()


def test_unverified_sessions_are_sent_to_two_factor(cw, client):
    client.force_login(cw.csu)
    response = client.get(reverse("casework:cases", args=["test-csp"]))
    assert response.status_code == 302 and "/accounts/" in response["Location"]
    client.force_login(cw.world.member)  # no case-work role: not found, not a two-factor prompt
    assert client.get(reverse("casework:cases", args=["test-csp"])).status_code == 404


def test_a_case_grant_opens_one_case_until_it_expires(cw):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    grant = CaseGrant.objects.create(
        case=cw.not_involved, organisation=cw.world.other_organisation, reason="Joint visit", expires_on=today
    )
    assert access.cases_visible_to(cw.police_worker).filter(pk=cw.not_involved.pk).exists()
    assert (
        not access.cases_visible_to(cw.police_worker, for_=Purpose.MANAGE)
        .filter(pk=cw.not_involved.pk)
        .exists()
    )
    grant.expires_on = today - datetime.timedelta(days=1)
    grant.save()
    assert not access.cases_visible_to(cw.police_worker).filter(pk=cw.not_involved.pk).exists()


def test_lead_only_notes(cw):
    Note.objects.create(case=cw.involved, text="Lead only", confidentiality=Confidentiality.LEAD_ONLY)
    Note.objects.create(case=cw.involved, text="Everyone", confidentiality=Confidentiality.CASE_MEMBERS)
    police = {n.text for n in access.notes_visible_to(cw.police_worker)}
    council = {n.text for n in access.notes_visible_to(cw.council_worker)}
    assert police == {"Everyone"} and council == {"Everyone", "Lead only"}
    body = verified_client(cw.police_worker).get(reverse("casework:case", args=["test-csp", cw.involved.pk]))
    assert "Lead only" not in body.content.decode()


def test_document_served_privately(cw):
    document = CaseDocument.objects.get(case=cw.involved)
    response = verified_client(cw.police_worker).get(
        reverse("casework:document_file", args=["test-csp", cw.involved.pk, document.pk])
    )
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"hello"
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018 - private files have no URL


def test_case_work_menu_only_for_case_work_roles(cw):
    url = reverse("casework:cases", args=["test-csp"])
    glossary = reverse("partnership:glossary", args=["test-csp"])
    for who, shown in (
        (cw.world.member, False),
        (cw.world.coordinator, False),
        (cw.police_worker, True),
        (cw.dpo, True),
    ):
        body = verified_client(who).get(glossary).content.decode()
        assert (f'href="{url}"' in body) == shown, who
