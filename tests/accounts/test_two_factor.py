import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:two_factor_verify")


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def user_with_2fa(db):
    user = UserFactory(username="alice")
    device = services.two_factor_start(actor=user)
    codes = services.two_factor_confirm(actor=user, device=device, token=code_for(device))
    device.refresh_from_db()
    return user, device, codes


def test_setup_page_shows_qr_code_and_secret_then_confirms(client):
    user = UserFactory(username="alice")
    client.force_login(user)
    page = client.get(reverse("accounts:two_factor_setup"))
    body = page.content.decode()
    assert "<svg" in body and 'role="img"' in body
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert services.totp_secret(device).replace(" ", "")[:8] in body.replace(" ", "")
    assert "<script" not in body.split("<main")[1].split("</main>")[0]
    wrong = client.post(reverse("accounts:two_factor_setup"), {"code": "000000"})
    assert "The code is not right" in wrong.content.decode()
    # The throttle after a wrong code would refuse the next try for a second: reset it.
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code_for(device)})
    assert response.status_code == 200
    assert "Save these backup codes now" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert StaticToken.objects.filter(device__user=user).count() == 10
    account = client.get(reverse("accounts:account")).content.decode()
    assert "You sign in with your password and a code" in account
    assert "This session was verified" in account


def test_sign_in_asks_for_code_before_logging_in(client, user_with_2fa):
    user, device, _ = user_with_2fa
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD, "next": "/accounts/"})
    assert response["Location"] == VERIFY
    assert "_auth_user_id" not in client.session  # not signed in after the password alone
    assert client.get(reverse("accounts:account")).status_code == 302
    page = client.get(VERIFY)
    assert "Enter your code" in page.content.decode()
    done = client.post(VERIFY, {"code": code_for(device, steps_ahead=1)})
    assert done.status_code == 302
    assert done["Location"] == "/accounts/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session["otp_device_id"] == device.persistent_id


def test_wrong_code_does_not_sign_in(client, user_with_2fa):
    client.post(LOGIN, {"username": "alice", "password": PASSWORD})
    response = client.post(VERIFY, {"code": "123456"})
    assert "The code is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_backup_code_signs_in_once(client, user_with_2fa):
    user, _, codes = user_with_2fa
    client.post(LOGIN, {"username": "alice", "password": PASSWORD})
    response = client.post(VERIFY, {"code": codes[0].upper()}, follow=True)
    assert "You used a backup code. You have 9 left." in response.content.decode()
    assert client.session["_auth_user_id"] == str(user.pk)
    assert not StaticToken.objects.filter(token=codes[0]).exists()


def test_verify_without_password_step_goes_back_to_sign_in(client):
    response = client.get(VERIFY)
    assert response["Location"] == LOGIN


def test_repeated_wrong_codes_lock_the_account(client, user_with_2fa):
    client.post(LOGIN, {"username": "alice", "password": PASSWORD})
    statuses = [client.post(VERIFY, {"code": "111111"}).status_code for _ in range(5)]
    assert statuses[-1] == 429


def test_turn_off_needs_password(client, user_with_2fa):
    user, _, _ = user_with_2fa
    client.force_login(user)
    url = reverse("accounts:two_factor_disable")
    wrong = client.post(url, {"password": "wrong"})
    assert "The password is not right" in wrong.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()
    client.post(url, {"password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()


def test_new_backup_codes_replace_old_ones(client, user_with_2fa):
    user, device, codes = user_with_2fa
    client.post(LOGIN, {"username": "alice", "password": PASSWORD})
    client.post(VERIFY, {"code": code_for(device, steps_ahead=1)})
    response = client.post(reverse("accounts:backup_codes"))
    assert "Your new backup codes" in response.content.decode()
    assert response["Cache-Control"] == "no-store, private"
    assert not StaticToken.objects.filter(token__in=codes).exists()
    assert StaticToken.objects.filter(device__user=user).count() == 10
