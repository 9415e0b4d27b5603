import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def test_sign_in_with_right_password_logs_in(client):
    UserFactory(username="alice")
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_wrong_password_shows_error_summary(client):
    UserFactory(username="alice")
    response = client.post(LOGIN, {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "Enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sixth_attempt_is_locked_out_even_with_right_password(client):
    UserFactory(username="alice")
    for _ in range(5):
        client.post(LOGIN, {"username": "alice", "password": "wrong"})
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    body = response.content.decode()
    assert "Your account is locked" in body
    assert "1 hour" in body
    assert "partnership coordinator" in body
    assert "_auth_user_id" not in client.session


def test_lockout_counts_per_username(client):
    UserFactory(username="alice")
    UserFactory(username="bob")
    for _ in range(5):
        client.post(LOGIN, {"username": "alice", "password": "wrong"})
    response = client.post(LOGIN, {"username": "bob", "password": PASSWORD})
    assert response.status_code == 302


def test_sign_out_needs_post_and_ends_session(client):
    user = UserFactory(username="alice")
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_account_page_shows_memberships_and_two_factor_status(client, world):
    client.force_login(world.coordinator)
    body = client.get(reverse("accounts:account")).content.decode()
    assert "Test Community Safety Partnership" in body
    assert "Partnership coordinator" in body
    assert "Set up two-factor sign-in" in body
    assert reverse("accounts:password_change") in body


def test_account_page_needs_sign_in(client):
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
