"""The admin creates a partnership anywhere in England and Wales from the installed reference data."""

from django.core import mail
from django.urls import reverse

from core.models import District, PoliceForce
from partnership.models import Invitation, Partnership
from tests.factories import UserFactory

ADD = "admin:partnership_partnership_add"


def site_admin(client):  # type: ignore[no-untyped-def]
    client.force_login(UserFactory(username="siteadmin", is_superuser=True, is_staff=True))


def test_cardiff_needs_only_its_name_and_its_district(client, db):
    site_admin(client)
    cardiff = District.objects.get(name="Cardiff")
    page = client.get(reverse(ADD)).content.decode()
    assert f'<option value="{cardiff.pk}">Cardiff (W06000015)</option>' in page
    # What the browser posts when the name is typed (the slug is prepopulated from it) and Cardiff chosen.
    data = {"name": "Cardiff Community Safety Partnership", "slug": "cardiff-community-safety-partnership"}
    response = client.post(reverse(ADD), data | {"districts": [cardiff.pk]})
    assert response.status_code == 302, response.content.decode()[:3000]
    partnership = Partnership.objects.get(slug="cardiff-community-safety-partnership")
    assert list(partnership.districts.values_list("code", flat=True)) == ["W06000015"]
    assert (partnership.police_force.slug, partnership.police_force.name) == (
        "south-wales",
        "South Wales Police",
    )
    assert partnership.police_force.pfa_code == "W15000003"
    assert not Invitation.objects.filter(partnership=partnership).exists()
    assert mail.outbox == []


def test_a_force_other_than_the_districts_is_refused(client, db):
    site_admin(client)
    data = {
        "name": "Cardiff CSP",
        "slug": "cardiff-csp",
        "districts": [District.objects.get(code="W06000015").pk],
    }
    response = client.post(reverse(ADD), data | {"police_force": PoliceForce.objects.get(slug="kent").pk})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["police_force"] == [
        "Cardiff is in the area of South Wales Police, not Kent Police. "
        "Choose South Wales Police, or leave the police force empty to fill it from the districts."
    ]
    assert not Partnership.objects.filter(slug="cardiff-csp").exists()


def test_districts_of_two_forces_are_refused(client, db):
    site_admin(client)
    districts = District.objects.filter(code__in=["W06000015", "E07000115"])
    response = client.post(
        reverse(ADD), {"name": "Odd", "slug": "odd", "districts": [d.pk for d in districts]}
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["districts"]
    assert errors == [
        "Choose districts of one police force area (Cardiff: South Wales Police; "
        "Tonbridge and Malling: Kent Police)."
    ]


def test_the_matching_force_may_be_chosen_and_several_districts_of_it(client, db):
    site_admin(client)
    bucks = District.objects.get(code="E06000060")
    oxford = District.objects.get(name="Oxford")
    force = PoliceForce.objects.get(slug="thames-valley")
    data = {
        "name": "Thames CSP",
        "slug": "thames-csp",
        "districts": [bucks.pk, oxford.pk],
        "police_force": force.pk,
    }
    assert client.post(reverse(ADD), data).status_code == 302
    assert Partnership.objects.get(slug="thames-csp").police_force == force
    assert bucks.csp_areas.count() == 4


def test_an_invitation_e_mail_needs_its_organisation(client, db):
    site_admin(client)
    data = {
        "name": "Cardiff CSP",
        "slug": "cardiff-csp",
        "districts": [District.objects.get(name="Cardiff").pk],
    }
    response = client.post(reverse(ADD), data | {"coordinator_email": "someone@example.org"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["coordinator_organisation"] == [
        "Give the first coordinator's organisation too."
    ]
    assert not Partnership.objects.filter(slug="cardiff-csp").exists()
