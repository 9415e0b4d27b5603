import pytest
from django.contrib import admin
from django.core import mail
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import User
from assessment.models import ComparatorGroup, LsoaWard
from casework.models import FixedPenaltyCap
from core.admin import AuditedAdmin
from core.audit import audit_record
from core.models import AuditEvent, AuditEventType, CspArea, District, PoliceForce
from crimedata.models import (
    BoundarySet,
    CrimeCount,
    DistrictAlias,
    ForceMonth,
    ImportRun,
    LsoaDistrict,
    PopulationTable,
    WeightSet,
)
from partnership.models import Invitation, Membership, Organisation, Partnership, Role
from tests.factories import DistrictFactory, UserFactory

pytestmark = pytest.mark.django_db

# The admin keeps installation-wide data only (ADR 0003): everything inside a partnership is
# managed by its coordinators on its own pages.
INSTALLATION_MODELS = {
    User,
    Partnership,
    District,
    CspArea,
    PoliceForce,
    AuditEvent,
    ForceMonth,
    CrimeCount,
    DistrictAlias,
    LsoaDistrict,
    PopulationTable,
    WeightSet,
    ImportRun,
    FixedPenaltyCap,  # installation-wide configuration of the 2014 Act (s.52(7))
    BoundarySet,  # LSOA boundaries (reference data)
    ComparatorGroup,  # most similar groups of districts (reference data)
    LsoaWard,  # LSOA to ward lookups (reference data)
}


def test_admin_for_superusers_only(client, world):
    staff = UserFactory(username="staffer", is_staff=True)
    for user in (world.coordinator, staff):
        client.force_login(user)
        response = client.get("/admin/", follow=True)
        assert response.status_code == 403
        assert "Site administrators only" in response.content.decode()
        assert client.get(reverse("admin:accounts_user_changelist")).status_code == 302
    client.logout()
    assert (
        client.get("/admin/", follow=True).redirect_chain[-1][0]
        == reverse("accounts:login") + "?next=/admin/"
    )
    client.force_login(world.site_admin)
    assert client.get("/admin/").status_code == 200


def test_admin_sign_in_goes_through_service_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/admin/"


def test_exactly_the_installation_wide_models_are_registered():
    registered = {model for model in admin.site._registry if model._meta.app_label not in ("auth",)}
    registered -= {
        model for model in registered if model._meta.app_label.startswith(("django_", "otp_", "axes"))
    }
    assert registered == INSTALLATION_MODELS
    for model, model_admin in admin.site._registry.items():
        if model in INSTALLATION_MODELS and model is not AuditEvent:
            assert isinstance(model_admin, AuditedAdmin), model
        if hasattr(model, "history") and model in INSTALLATION_MODELS:
            assert isinstance(model_admin, SimpleHistoryAdmin), model


def test_partnership_records_are_not_in_the_admin(client, world):
    client.force_login(world.site_admin)
    for name in (
        "partnership_organisation",
        "partnership_membership",
        "planning_action",
        "assessment_assessment",
    ):
        with pytest.raises(Exception, match="Reverse"):
            reverse(f"admin:{name}_changelist")
    assert Organisation not in admin.site._registry and Membership not in admin.site._registry


def test_admin_pages_render(client, world):
    client.force_login(world.site_admin)
    for model in (User, Partnership, PoliceForce, AuditEvent):
        opts = model._meta
        assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    change = reverse("admin:partnership_partnership_change", args=[world.partnership.pk])
    assert client.get(change).status_code == 200
    history = reverse("admin:partnership_partnership_history", args=[world.partnership.pk])
    assert client.get(history).status_code == 200


def test_creating_a_partnership_invites_its_first_coordinator(client, world):
    client.force_login(world.site_admin)
    response = client.post(
        reverse("admin:partnership_partnership_add"),
        {
            "slug": "new-csp",
            "name": "New Community Safety Partnership",
            "districts": [DistrictFactory().pk],
            "coordinator_email": "First.Coordinator@Example.org",
            "coordinator_organisation": "New Borough Council",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    partnership = Partnership.objects.get(slug="new-csp")
    invitation = Invitation.objects.get(partnership=partnership)
    assert (invitation.email, invitation.role) == ("first.coordinator@example.org", Role.COORDINATOR)
    assert invitation.organisation.name == "New Borough Council"
    assert invitation.organisation.partnership == partnership
    assert mail.outbox[-1].to == ["first.coordinator@example.org"]
    assert "/accounts/invitations/" in mail.outbox[-1].body
    created = AuditEvent.objects.get(event_type=AuditEventType.CREATED, purpose="admin")
    assert (created.partnership_id, created.object_type) == (partnership.pk, "partnership.partnership")
    assert created.actor_id == world.site_admin.pk


def test_partnership_add_form_needs_districts_but_no_first_coordinator(client, world):
    client.force_login(world.site_admin)
    response = client.post(reverse("admin:partnership_partnership_add"), {"slug": "x-csp", "name": "X"})
    assert response.status_code == 200
    assert not Partnership.objects.filter(slug="x-csp").exists()
    errors = response.context["adminform"].form.errors
    assert "districts" in errors and "coordinator_email" not in errors


def test_admin_changes_are_audited_without_a_partnership(client, world):
    client.force_login(world.site_admin)
    force = PoliceForce.objects.create(slug="btp", name="British Transport Police")  # no force area
    url = reverse("admin:core_policeforce_change", args=[force.pk])
    data = {"slug": "btp", "name": "British Transport Police Force"}
    data |= {"districts-TOTAL_FORMS": "0", "districts-INITIAL_FORMS": "0"}
    assert client.post(url, data).status_code == 302
    delete = reverse("admin:core_policeforce_delete", args=[force.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    events = AuditEvent.objects.filter(object_type="core.policeforce", object_id=str(force.pk))
    assert sorted(events.values_list("event_type", flat=True)) == ["changed", "deleted"]
    assert set(events.values_list("partnership_id", flat=True)) == {None}


def test_audit_event_admin_is_read_only_and_shows_installation_events_only(client, world):
    audit_record(actor=None, event=AuditEventType.SIGN_IN_FAILED, username="mallory")
    audit_record(actor=world.member, event=AuditEventType.VIEWED, partnership=world.partnership)
    client.force_login(world.site_admin)
    body = client.get(reverse("admin:core_auditevent_changelist")).content.decode()
    assert "mallory" in body and world.member.username not in body
    inside = AuditEvent.objects.get(actor_id=world.member.pk, event_type=AuditEventType.VIEWED)
    assert client.get(reverse("admin:core_auditevent_change", args=[inside.pk])).status_code == 302
    assert client.get(reverse("admin:core_auditevent_add")).status_code == 403
    outside = AuditEvent.objects.get(actor_username="mallory")
    assert (
        client.post(reverse("admin:core_auditevent_delete", args=[outside.pk]), {"post": "yes"}).status_code
        == 403
    )
    model_admin = admin.site._registry[AuditEvent]
    request = type("R", (), {"user": world.site_admin})()
    assert not model_admin.has_change_permission(request, outside)


def test_user_history_skips_sign_ins_but_records_changes(world):
    user = world.member
    before = user.history.count()
    from django.contrib.auth.models import update_last_login

    update_last_login(None, user)
    assert user.history.count() == before
    user.first_name = "Changed"
    user.save()
    assert user.history.count() == before + 1
