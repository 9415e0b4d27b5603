import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_menu_marks_action_plans_current_on_action_pages(client, world):
    client.force_login(world.member)
    for url in (
        reverse("planning:action_list", kwargs={"partnership": "test-csp"}),
        reverse(
            "planning:action", kwargs={"partnership": "test-csp", "year": "2020-21", "pk": world.action.pk}
        ),
    ):
        page = client.get(url).content.decode()
        assert (
            'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Action plans'
            in page
        )
