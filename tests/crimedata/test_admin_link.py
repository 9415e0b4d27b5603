"""Site administrators reach the crime data pages from the admin index and from the home page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_index_links_to_the_crime_data_pages(client, world):
    client.force_login(world.site_admin)
    page = client.get(reverse("admin:index")).content.decode()
    for name in ("crimedata:upload", "crimedata:index", "crimedata:reference"):
        assert f'href="{reverse(name)}"' in page
    assert page.count('id="content-main"') == 1  # the admin's own app list is still there, once
    assert "Crime data (police.uk and reference tables)" in page
    assert client.get(reverse("crimedata:upload")).status_code == 200


def test_home_page_links_superusers_only(client, world):
    client.force_login(world.site_admin)
    assert f'href="{reverse("crimedata:index")}"' in client.get("/").content.decode()
    client.force_login(world.coordinator)
    assert f'href="{reverse("crimedata:index")}"' not in client.get("/").content.decode()
