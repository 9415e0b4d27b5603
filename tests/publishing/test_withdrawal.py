"""Issue 8.5: a coordinator withdraws a published version; the version itself never changes."""

import pytest
from django.urls import reverse

from core.access import NotFound, Purpose
from core.errors import AccessDenied, ServiceError
from publishing import access, services
from publishing.models import ImmutableError, PlanPublication, PlanWithdrawal

pytestmark = pytest.mark.django_db

BASE = "/p/test-csp/plan/2020-21/"
REASON = "Version 2 named the wrong lead agency"


def publish_twice(world):  # type: ignore[no-untyped-def]
    first = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    world.action.text = "Rewritten for version 2"
    world.action.save()
    second = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    return first, second


def test_a_withdrawn_version_is_gone_and_the_year_serves_the_newest_left(client, world):
    first, second = publish_twice(world)
    stored = (bytes(second.html), bytes(second.pdf), bytes(second.docx))
    withdrawal = services.plan_withdraw(publication=second, actor=world.coordinator, reason=REASON)
    assert withdrawal.withdrawn_by == world.coordinator

    for path in ("versions/2/", "versions/2/plan.pdf", "versions/2/plan.docx"):
        gone = client.get(BASE + path)
        assert gone.status_code == 410, path
        text = gone.content.decode()
        assert f"This version was withdrawn on {withdrawal.withdrawn_at:%-d %B %Y}." in text
        assert REASON not in text
    assert client.get(BASE).content == bytes(first.html)
    assert client.get(BASE + "plan.pdf").content == bytes(first.pdf)
    assert client.get(BASE + "versions/1/").status_code == 200

    index = client.get("/p/test-csp/").content.decode()
    assert "Withdrawn on" in index and REASON not in index
    assert 'href="/p/test-csp/plan/2020-21/versions/2/"' not in index

    # The stored version is untouched: same bytes, checksums intact.
    kept = PlanPublication.objects.get(pk=second.pk)
    assert (bytes(kept.html), bytes(kept.pdf), bytes(kept.docx)) == stored and kept.intact()


def test_with_every_version_withdrawn_the_year_is_gone(client, world):
    first, second = publish_twice(world)
    for version in (second, first):
        services.plan_withdraw(publication=version, actor=world.coordinator, reason="Wrong year")
    for path in ("", "plan.pdf", "plan.docx"):
        response = client.get(BASE + path)
        assert response.status_code == 410 and b"This plan was withdrawn on" in response.content
    assert client.get(BASE + "versions/3/").status_code == 404
    assert b"has been withdrawn" in client.get("/p/test-csp/").content


def test_withdrawals_are_append_only(world):
    _, second = publish_twice(world)
    withdrawal = services.plan_withdraw(publication=second, actor=world.coordinator, reason=REASON)
    withdrawal.reason = "Changed later"
    with pytest.raises(ImmutableError):
        withdrawal.save()
    with pytest.raises(ImmutableError):
        PlanWithdrawal.objects.filter(pk=withdrawal.pk).update(reason="x")
    with pytest.raises(ImmutableError):
        withdrawal.delete()
    with pytest.raises(ImmutableError):
        PlanWithdrawal.objects.filter(pk=withdrawal.pk).delete()
    with pytest.raises(ServiceError, match="Version 2 of the 2020/21 plan is already withdrawn"):
        services.plan_withdraw(publication=second, actor=world.coordinator, reason="Again")
    assert PlanWithdrawal.objects.get().reason == REASON


def test_only_coordinators_withdraw_and_a_reason_is_needed(world):
    first, _ = publish_twice(world)
    for user in (world.member, world.lead_officer, world.outsider, world.site_admin):
        with pytest.raises(AccessDenied):
            services.plan_withdraw(publication=first, actor=user, reason=REASON)
    with pytest.raises(ServiceError, match="Give the reason"):
        services.plan_withdraw(publication=first, actor=world.coordinator, reason="   ")
    assert not PlanWithdrawal.objects.exists()


def test_the_withdrawal_door_and_visibility(world):
    first, _ = publish_twice(world)
    withdrawal = services.plan_withdraw(publication=first, actor=world.coordinator, reason=REASON)
    assert list(access.plan_withdrawals_visible_to(world.member)) == [withdrawal]
    assert not access.plan_withdrawals_visible_to(world.outsider).exists()
    assert not access.plan_withdrawals_visible_to(world.coordinator, for_=Purpose.MANAGE).exists()
    assert access.access_plan_withdrawal_by_id(world.member, withdrawal.pk, publication=first) == withdrawal
    with pytest.raises(NotFound):
        access.access_plan_withdrawal_by_id(world.outsider, withdrawal.pk)


def test_the_withdraw_page(client, world):
    _, second = publish_twice(world)
    url = reverse(
        "publishing:withdraw", kwargs={"partnership": "test-csp", "year": "2020-21", "number": second.number}
    )
    client.force_login(world.coordinator)
    year_page = client.get(reverse("publishing:year", kwargs={"partnership": "test-csp", "year": "2020-21"}))
    assert url in year_page.content.decode()
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200 and b"Enter why the version is being withdrawn" in empty.content
    assert client.post(url, {"reason": REASON}).status_code == 302
    assert PlanWithdrawal.objects.get().publication == second
    year_page = client.get(reverse("publishing:year", kwargs={"partnership": "test-csp", "year": "2020-21"}))
    assert REASON in year_page.content.decode()  # members see the reason; the public never does
    assert b"was withdrawn on" in client.get(url).content
    documents = client.get(reverse("publishing:documents", kwargs={"partnership": "test-csp"})).content
    assert b"Version 1, " in documents and b"Version 2, " not in documents  # the latest standing
    client.force_login(world.member)
    assert client.post(url, {"reason": "x"}).status_code == 404
