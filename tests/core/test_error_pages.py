"""Error pages in the site's layout; "not found" reads the same for missing and forbidden records."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core import views
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_404_is_byte_identical_for_a_missing_and_a_forbidden_record(client, world):
    elsewhere = OrganisationFactory(partnership=world.other_partnership, name="Elsewhere Council")
    client.force_login(world.member)
    forbidden = client.get(reverse("partnership:organisation", args=["test-csp", elsewhere.pk]))
    missing = client.get(reverse("partnership:organisation", args=["test-csp", 10**9]))
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content
    body = missing.content.decode()
    assert "Page not found" in body and 'href="/"' in body
    assert "nonce" not in body and "csrfmiddlewaretoken" not in body
    assert "Elsewhere" not in forbidden.content.decode()
    # and a partnership the person is not in reads like one that does not exist
    other = client.get(reverse("partnership:members", args=["other-csp"]))
    assert other.content == client.get(reverse("partnership:members", args=["no-such-csp"])).content


@pytest.mark.parametrize(
    "status, handler, words",
    [
        (400, views.bad_request, "problem with your request"),
        (403, views.permission_denied, "do not have permission"),
        (404, views.page_not_found, "Page not found"),
    ],
)
def test_handlers_render_in_the_layout(world, status, handler, words):
    request = RequestFactory().get("/x")
    request.user = world.member
    response = handler(request, Exception("secret detail"))
    body = response.content.decode()
    assert response.status_code == status
    assert words in body and "csp-header" in body and "secret detail" not in body
    assert "Go to the home page" in body


def test_gone_and_server_error(rf, db):
    response = views.gone(rf.get("/"), "This invitation expired on 1 May 2026.")
    assert response.status_code == 410 and "expired on 1 May 2026" in response.content.decode()
    response = views.server_error(rf.get("/"))
    assert response.status_code == 500 and "problem with the service" in response.content.decode()


def test_handlers_are_installed():
    from csphub import urls

    assert urls.handler400 == "core.views.bad_request"
    assert urls.handler403 == "core.views.permission_denied"
    assert urls.handler404 == "core.views.page_not_found"
    assert urls.handler500 == "core.views.server_error"


def test_signed_in_responses_are_never_cached(client, world):
    client.force_login(world.member)
    for path in (
        reverse("partnership:members", args=["test-csp"]),
        reverse("accounts:account"),
        "/no-such-page/",
    ):
        assert client.get(path)["Cache-Control"] == "no-store, private", path
    assert client.get(reverse("core:healthz"))["Cache-Control"] == "no-store, private"
    client.logout()
    assert "Cache-Control" not in client.get(reverse("core:healthz"))  # public: the view decides
