"""The pages: the public form (no sign-in, no JavaScript), the officer's pages, the letter, figures."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from casereviews import forms, services
from casereviews.models import Application, QualifyingComplaint
from core.actors import system_user
from core.models import AuditEvent, AuditEventType
from tests.casereviews.helpers import D, application, csu_user, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def apply_url(slug="test-csp"):
    return reverse("casereviews_public:apply", kwargs={"partnership": slug})


def public_data(**overrides):
    data = {
        "applicant_kind": "individual",
        "applicant_name": "Pat Example",
        "applicant_email": "pat@example.org",
        "on_behalf": "no",
        "description": "Shouting and music <script>alert(1)</script> every night.",
        "c1_behaviour_date": "2026-11-01",
        "c1_complaint_date": "2026-11-02",
        "c1_organisation_name": "Police",
        "c1_reference": "P/123",
        "website": "",
        "form_token": forms.form_token(time.time() - 10),
    }
    data.update(overrides)
    return data


def test_public_form_without_sign_in_gives_a_reference(client, world):
    page = client.get(apply_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count("<h1") == 1 and 'name="form_token"' in body and 'name="website"' in body
    response = client.post(apply_url(), public_data())
    assert response.status_code == 302
    made = Application.objects.get()
    assert made.route == "public_form" and made.reference.startswith("ACR-")
    assert QualifyingComplaint.objects.get().reference == "P/123"
    received = client.get(response["Location"])
    assert made.reference in received.content.decode()
    assert "local procedure, not law" in received.content.decode()


def test_public_form_refuses_bots_and_keeps_nothing(client, world):
    honeypot = client.post(apply_url(), public_data(website="http://spam.example"))
    assert "Leave the last field empty" in honeypot.content.decode()
    quick = client.post(apply_url(), public_data(form_token=forms.form_token(time.time())))
    assert "sent too quickly" in quick.content.decode()
    forged = client.post(apply_url(), public_data(form_token="not-a-token"))
    assert "expired" in forged.content.decode()
    assert not Application.objects.exists()


def test_public_form_is_rate_limited_per_address(client, world, settings):
    settings.CASE_REVIEW_APPLICATIONS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(apply_url(), public_data()).status_code == 302
    assert client.post(apply_url(), public_data()).status_code == 429
    other = client.post(apply_url(), public_data(), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302
    assert Application.objects.count() == 3


def test_public_form_errors_are_specific(client, world):
    response = client.post(apply_url(), public_data(on_behalf="yes", c1_complaint_date="", applicant_name=""))
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter the name of the person you are applying for" in body
    assert "Enter both dates of complaint 1" in body
    assert not Application.objects.exists()


def test_unknown_partnership_has_no_form(client, world):
    assert client.get(apply_url("nowhere")).status_code == 404


def test_officer_records_a_phone_application_and_works_it_through(client, world):
    csu = csu_user(world.partnership)
    signed_in(client, csu)
    base = {"partnership": "test-csp"}
    response = client.post(
        reverse("casereviews:application_create", kwargs=base),
        {
            "route": "phone",
            "application_date": "2019-06-03",
            "applicant_kind": "individual",
            "applicant_name": "Sam Caller",
            "on_behalf": "no",
            "description": "Vandalism.",
            "c1_behaviour_date": "2019-05-01",
            "c1_complaint_date": "2019-05-01",
            "c2_behaviour_date": "2019-05-08",
            "c2_complaint_date": "2019-05-08",
            "c3_behaviour_date": "2019-05-15",
            "c3_complaint_date": "2019-05-15",
        },
    )
    made = Application.objects.get()
    assert response["Location"] == reverse("casereviews:application", kwargs={**base, "pk": made.pk})
    kw = {**base, "pk": made.pk}
    assert client.post(reverse("casereviews:acknowledge", kwargs=kw), {"on": "2019-06-05"}).status_code == 302
    decision_page = client.get(reverse("casereviews:decision", kwargs=kw)).content.decode()
    assert "Threshold met under s.104(4)" in decision_page
    client.post(reverse("casereviews:decision", kwargs=kw), {"decided_on": "2019-06-10", "outcome": "rules"})
    client.post(
        reverse("casereviews:review", kwargs=kw),
        {
            "meeting_date": "2019-07-01",
            "outcome": "All agencies acted appropriately.",
            "chair_name": "J Chair",
        },
    )
    client.post(
        reverse("casereviews:attendee_create", kwargs=kw),
        {"organisation": world.organisation.pk, "name": "A Officer", "role": "ASB lead"},
    )
    page = client.get(reverse("casereviews:application", kwargs=kw)).content.decode()
    assert "Threshold met" in page and "A Officer" in page and "Overdue" in page
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.VIEWED, object_type="casereviews.application"
    ).exists()
    pdf = client.get(reverse("casereviews:letter_pdf", kwargs=kw))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("casereviews:letter_docx", kwargs=kw))
    assert docx.content.startswith(b"PK")
    listing = client.get(reverse("casereviews:applications", kwargs=base)).content.decode()
    assert made.reference in listing and "escalated to the CSU coordinator" in listing


def test_outcome_letter_keeps_user_text_safe(client, world):
    csu = csu_user(world.partnership)
    made = application(world.partnership, applicant_name="<b>Bold</b> & co")
    services.application_acknowledge(actor=system_user(), application=made, on=D(2019, 6, 4))
    services.threshold_decide(actor=system_user(), application=made, decided_on=D(2019, 6, 5))
    services.review_save(
        actor=system_user(), application=made, meeting_date=D(2019, 6, 6), outcome="<script>x</script>"
    )
    from casereviews import letter, selectors

    built = letter.letter_of(selectors.file_of(csu, made))
    html = letter.letter_html(built)
    assert "<script>x" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert letter.letter_pdf(built).startswith(b"%PDF")
    assert letter.letter_docx(built).startswith(b"PK")


def test_two_factor_is_required_for_case_pages(client, world):
    csu = csu_user(world.partnership)
    signed_in(client, csu, verified=False)
    response = client.get(reverse("casereviews:applications", kwargs={"partnership": "test-csp"}))
    assert response.status_code == 302 and "two-factor" in response["Location"]


def test_public_figures_only_once_published(client, world):
    url = reverse("casereviews_public:figures", kwargs={"partnership": "test-csp"})
    assert client.get(url).status_code == 404
    application(world.partnership)
    services.figures_publish(actor=world.coordinator, partnership=world.partnership, year="2019-20")
    body = client.get(url).content.decode()
    assert "2019/20" in body and "Applications for an ASB Case Review received" in body


def test_a_local_number_of_four_is_refused_on_the_form(client, world):
    client.force_login(world.coordinator)
    url = reverse("casereviews:threshold_create", kwargs={"partnership": "test-csp"})
    body = client.post(url, {"effective_from": "2019-04-01", "count": "4"}).content.decode()
    assert "There is a problem" in body and "never a higher one" in body
    assert client.post(url, {"effective_from": "2019-04-01", "count": "2"}).status_code == 302
