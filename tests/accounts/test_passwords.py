import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_password_reset_by_email(client):
    user = UserFactory(username="alice", email="alice@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert "Reset your CSP Hub password" in message.subject
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)
    page = client.get(link, follow=True)
    assert "Choose a new password" in page.content.decode()
    new_password = "a-brand-new-passphrase-42"
    done = client.post(
        page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new_password)
    # The link works once.
    again = client.get(link, follow=True)
    assert "This link does not work" in again.content.decode()


def test_password_reset_for_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "Check your e-mail" in response.content.decode()
    assert mail.outbox == []


def test_password_reset_form_errors(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "not-an-address"})
    assert "Enter an e-mail address in the right format" in response.content.decode()


def test_password_change(client):
    user = UserFactory(username="alice")
    client.force_login(user)
    url = reverse("accounts:password_change")
    bad = client.post(url, {"old_password": "wrong", "new_password1": "x", "new_password2": "x"})
    assert "There is a problem" in bad.content.decode()
    response = client.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-phrase-7",
            "new_password2": "another-long-phrase-7",
        },
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    user.refresh_from_db()
    assert user.check_password("another-long-phrase-7")
