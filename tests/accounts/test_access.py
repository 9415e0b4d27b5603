import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from accounts import access, services
from tests.accounts.test_two_factor import code_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@access.otp_required_for(lambda request, **kwargs: kwargs.get("casework", False))
def guarded(request, casework=False):
    return HttpResponse("ok")


def make_request(user, verified=False):
    request = RequestFactory().get("/casework/")
    request.user = user
    request.session = {}
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    user.is_verified = lambda: verified
    return request


def test_requires_verified_raises_unless_session_verified():
    user = UserFactory()
    user.is_verified = lambda: False
    with pytest.raises(access.TwoFactorRequired):
        access.requires_verified(user)
    user.is_verified = lambda: True
    access.requires_verified(user)
    with pytest.raises(access.TwoFactorRequired):
        access.requires_verified(AnonymousUser())


def test_decorator_passes_when_rule_does_not_apply():
    assert guarded(make_request(UserFactory()), casework=False).content == b"ok"


def test_decorator_sends_users_without_device_to_set_up():
    response = guarded(make_request(UserFactory()), casework=True)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/set-up/?next=/casework/")


def test_decorator_asks_users_with_device_for_a_code():
    user = UserFactory()
    device = services.two_factor_start(actor=user)
    services.two_factor_confirm(actor=user, device=device, token=code_for(device))
    response = guarded(make_request(user), casework=True)
    assert response["Location"].startswith("/accounts/sign-in/code/?next=/casework/")


def test_decorator_lets_verified_sessions_through():
    assert guarded(make_request(UserFactory(), verified=True), casework=True).content == b"ok"


def test_decorator_sends_anonymous_to_sign_in():
    request = RequestFactory().get("/casework/")
    request.user = AnonymousUser()
    assert guarded(request, casework=True)["Location"].startswith("/accounts/sign-in/")


def test_signed_in_unverified_user_can_verify_later(client):
    user = UserFactory()
    device = services.two_factor_start(actor=user)
    services.two_factor_confirm(actor=user, device=device, token=code_for(device))
    device.refresh_from_db()
    client.force_login(user)
    response = client.post("/accounts/sign-in/code/?next=/accounts/", {"code": code_for(device, 1)})
    assert response["Location"] == "/accounts/"
    assert client.session["otp_device_id"] == device.persistent_id
