import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import User
from partnership.models import Organisation
from planning.models import Action
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_for_superusers_only(client, world):
    staff = UserFactory(username="staffer", is_staff=True)
    for user in (world.coordinator, staff):
        client.force_login(user)
        response = client.get("/admin/", follow=True)
        assert response.status_code == 403
        assert "Site administrators only" in response.content.decode()
        assert client.get(reverse("admin:partnership_organisation_changelist")).status_code == 302
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


def test_every_model_is_registered_with_history_where_kept():
    from django.apps import apps

    for label in ("core", "accounts", "partnership", "planning"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            assert model in admin.site._registry, model
            if hasattr(model, "history"):
                assert isinstance(admin.site._registry[model], SimpleHistoryAdmin), model


def test_admin_pages_render(client, world):
    client.force_login(world.site_admin)
    for model in (User, Organisation, Action):
        opts = model._meta
        assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    change = reverse("admin:planning_action_change", args=[world.action.pk])
    assert client.get(change).status_code == 200
    history = reverse("admin:partnership_organisation_history", args=[world.organisation.pk])
    assert client.get(history).status_code == 200


def test_admin_edit_is_recorded_in_history(client, world):
    client.force_login(world.site_admin)
    url = reverse("admin:partnership_glossaryterm_add")
    response = client.post(url, {"partnership": world.partnership.pk, "term": "KFRS", "meaning": "Kent Fire"})
    assert response.status_code == 302, response.content.decode()[:2000]
    from partnership.models import GlossaryTerm

    term = GlossaryTerm.objects.get(term="KFRS")
    assert term.history.get().history_user == world.site_admin


def test_user_history_skips_sign_ins_but_records_changes(world):
    user = world.member
    before = user.history.count()
    from django.contrib.auth.models import update_last_login

    update_last_login(None, user)
    assert user.history.count() == before
    user.first_name = "Changed"
    user.save()
    assert user.history.count() == before + 1
