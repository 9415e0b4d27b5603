import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from partnership.models import GlossaryTerm, Organisation
from tests.factories import GlossaryTermFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
SLUG = "test-csp"


def url(name, *args):
    return reverse(f"partnership:{name}", args=[SLUG, *args])


def pages(world):
    term = GlossaryTermFactory(partnership=world.partnership, term="ASB", meaning="Anti-social behaviour")
    org = world.organisation.pk
    readers = [url("members"), url("organisation", org), url("glossary")]
    coordinators = [
        url("organisation_add"),
        url("organisation_edit", org),
        url("glossary_add"),
        url("glossary_edit", term.pk),
        url("glossary_delete", term.pk),
        url("settings"),
        url("people"),
        url("invite"),
    ]
    return readers, coordinators


def test_permission_matrix(client, world):
    readers, coordinators = pages(world)
    for user, can_read, can_manage in [
        (world.coordinator, True, True),
        (world.lead_officer, True, False),
        (world.member, True, False),
        (world.outsider, False, False),
        (world.site_admin, False, False),
    ]:
        client.force_login(user)
        for page in readers:
            assert client.get(page).status_code == (200 if can_read else 404), (user.username, page)
        for page in coordinators:
            assert client.get(page).status_code == (200 if can_manage else 404), (user.username, page)
    client.logout()
    for page in readers + coordinators:
        assert client.get(page).status_code == 302


def test_members_page_lists_membership_in_order_with_contacts(client, world):
    world.partnership.phone = "01732 844522"
    world.partnership.email = "csp@example.org"
    world.partnership.save()
    Organisation.objects.filter(pk=world.other_organisation.pk).update(
        in_membership_list=True, membership_order=1, phone="101", website="www.kent.police.uk"
    )
    Organisation.objects.filter(pk=world.organisation.pk).update(in_membership_list=True, membership_order=2)
    OrganisationFactory(partnership=world.partnership, name="Theatre ADAD")
    client.force_login(world.member)
    body = client.get(url("members")).content.decode()
    assert body.index("Test Police") < body.index("Test Borough Council")
    assert "www.kent.police.uk" in body and "01732 844522" in body and "csp@example.org" in body
    assert "Theatre ADAD" in body.split("Other organisations")[1]
    assert "Add an organisation" not in body


def members_table(body):
    return body.split("Membership of the partnership")[1].split("Contact the partnership")[0]


def test_members_table_shows_only_the_contact_columns_some_member_has(client, world):
    Organisation.objects.filter(pk=world.other_organisation.pk).update(
        in_membership_list=True, phone="01622 692121", website="www.kent.police.uk"
    )
    Organisation.objects.filter(pk=world.organisation.pk).update(in_membership_list=True)
    client.force_login(world.member)
    table = members_table(client.get(url("members")).content.decode())
    headers = re.findall(r'<th scope="col" class="govuk-table__header">([^<]*)</th>', table)
    assert headers == ["Organisation", "Phone", "Website"]
    # The council has neither: its cells say so to screen readers rather than staying blank.
    assert table.count('<span class="govuk-visually-hidden">Not recorded</span>') == 2
    assert '<td class="govuk-table__cell csp-nowrap">01622 692121</td>' in table

    Organisation.objects.filter(pk=world.organisation.pk).update(
        email="csu@example.org", address="Kings Hill"
    )
    table = members_table(client.get(url("members")).content.decode())
    headers = re.findall(r'<th scope="col" class="govuk-table__header">([^<]*)</th>', table)
    assert headers == ["Organisation", "Phone", "Email", "Website", "Address"]
    assert '<a class="govuk-link" href="mailto:csu@example.org">csu@example.org</a>' in table


@pytest.mark.parametrize(
    ("website", "link"),
    [
        (
            "www.kent.police.uk",
            '<a class="govuk-link" href="https://www.kent.police.uk">www.kent.police.uk</a>',
        ),
        ("https://kent.gov.uk/x?a=1&b=2", '<a class="govuk-link" href="https://kent.gov.uk/x?a=1&amp;b=2">'),
        ("HTTP://old.example.org", '<a class="govuk-link" href="HTTP://old.example.org">'),
        ("javascript:alert(1)", None),
        ("JavaScript://www.x.org/%0aalert(1)", None),
        ("//evil.example.org", None),
        ('www.x.org" onmouseover="alert(1)', None),
        ("see the council's site", None),
    ],
)
def test_member_websites_link_only_to_http_addresses(client, world, website, link):
    Organisation.objects.filter(pk=world.organisation.pk).update(in_membership_list=True, website=website)
    client.force_login(world.member)
    table = members_table(client.get(url("members")).content.decode())
    hrefs = re.findall(r'href="([^"]*)"', table)
    assert all(h.startswith(("/partnerships/", "https://", "HTTP://")) for h in hrefs), hrefs
    if link:
        assert link in table
    else:
        assert len(hrefs) == 1  # only the organisation's own page
        assert escape(website) in table


def test_non_member_owner_listed_with_action_count(client, world):
    client.force_login(world.member)
    body = client.get(url("members")).content.decode()
    # In the fixture neither organisation is in the membership list; the council owns the action.
    owners = body.split("Other organisations")[1].split("Organisations with no actions")[0]
    assert "Test Borough Council</a> (1 action)" in owners


def test_organisation_page_shows_actions_of_current_year(client, world):
    client.force_login(world.member)
    body = client.get(url("organisation", world.organisation.pk)).content.decode()
    assert "Hold a monthly meeting" in body
    assert "Actions it owns in 2020/21" in body


def test_organisation_add_and_edit_keeps_history(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        url("organisation_add"),
        {
            "name": "Look Ahead",
            "short_name": "",
            "other_names_text": "Lookahead\nLook-Ahead",
            "org_type": "voluntary_sector",
            "in_membership_list": "on",
            "membership_order": "3",
        },
    )
    org = Organisation.objects.get(name="Look Ahead")
    assert response["Location"] == url("organisation", org.pk)
    assert {n.name for n in org.other_names.all()} == {"Lookahead", "Look-Ahead"}
    client.post(
        url("organisation_edit", org.pk),
        {
            "name": "Look Ahead",
            "other_names_text": "Lookahead",
            "org_type": "voluntary_sector",
            "phone": "01622 000000",
            "membership_order": "3",
        },
    )
    org.refresh_from_db()
    assert org.phone == "01622 000000" and not org.in_membership_list
    body = client.get(url("organisation_edit", org.pk)).content.decode()
    assert "History of changes" in body
    assert "Changed" in body and "01622 000000" in body and "Created" in body
    assert world.coordinator.get_full_name() in body


def test_organisation_form_errors(client, world):
    client.force_login(world.coordinator)
    body = client.post(
        url("organisation_add"), {"name": "", "org_type": "other", "membership_order": "x"}
    ).content.decode()
    assert "There is a problem" in body and "Enter the organisation&#x27;s name" in body
    body = client.post(
        url("organisation_add"), {"name": "TBC", "org_type": "other", "membership_order": "0"}
    ).content.decode()
    assert "is already a name of Test Borough Council" in body


def test_organisation_of_other_partnership_is_not_found(client, world):
    foreign = OrganisationFactory(partnership=world.other_partnership)
    client.force_login(world.coordinator)
    assert client.get(url("organisation", foreign.pk)).status_code == 404
    assert client.get(url("organisation_edit", foreign.pk)).status_code == 404


def test_glossary_add_edit_delete_with_history(client, world):
    client.force_login(world.coordinator)
    client.post(url("glossary_add"), {"term": "CSU", "meaning": "Community Safety Unit"})
    term = GlossaryTerm.objects.get(term="CSU")
    duplicate = client.post(url("glossary_add"), {"term": "csu", "meaning": "x"})
    assert "already has" in duplicate.content.decode()
    client.post(url("glossary_edit", term.pk), {"term": "CSU", "meaning": "Community Safety Unit (TMBC)"})
    body = client.get(url("glossary_edit", term.pk)).content.decode()
    assert "Community Safety Unit (TMBC)" in body and "History of changes" in body and "Changed" in body
    listing = client.get(url("glossary")).content.decode()
    assert "Community Safety Unit (TMBC)" in listing
    client.post(url("glossary_delete", term.pk))
    assert not GlossaryTerm.objects.filter(pk=term.pk).exists()
    assert GlossaryTerm.history.filter(id=term.pk, history_type="-").get().history_user == world.coordinator


def test_glossary_escapes_user_text(client, world):
    GlossaryTermFactory(partnership=world.partnership, term="<b>X</b>", meaning="<script>alert(1)</script>")
    client.force_login(world.member)
    body = client.get(url("glossary")).content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body


def test_settings_saves_contacts_and_shows_districts_read_only(client, world):
    from tests.factories import DistrictFactory

    world.partnership.districts.add(DistrictFactory())
    client.force_login(world.coordinator)
    page = client.get(url("settings")).content.decode()
    assert "Tonbridge and Malling (E07000115)" in page
    assert 'name="districts"' not in page
    response = client.post(
        url("settings"),
        {
            "name": "Test CSP renamed",
            "phone": "01732 844522",
            "email": "csp@example.org",
            "website": "www.example.org",
        },
    )
    assert response.status_code == 302
    world.partnership.refresh_from_db()
    assert world.partnership.name == "Test CSP renamed"
    assert world.partnership.districts.count() == 1
    assert "01732 844522" in client.get(url("settings")).content.decode().split("History of changes")[1]
