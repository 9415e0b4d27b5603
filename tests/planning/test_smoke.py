import pytest
from django.urls import reverse

from planning import selectors


@pytest.mark.django_db
def test_dashboard_counts_actions_without_status(client, world):
    client.force_login(world.member)
    response = client.get(reverse("planning:dashboard", kwargs={"partnership": "test-csp"}))
    assert response.status_code == 200
    _, rows, totals = selectors.status_counts(world.plan_year)
    assert totals["No status recorded"] == 1
    assert rows[0].total == 1


@pytest.mark.django_db
def test_outsider_gets_not_found(client, world):
    client.force_login(world.outsider)
    response = client.get(reverse("planning:dashboard", kwargs={"partnership": "test-csp"}))
    assert response.status_code == 404
