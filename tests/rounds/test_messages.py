"""Partnership messages: sent at most once, opt-outs, failures, GOV.UK Notify, texts with preview,
the message log and each person's preferences."""

import datetime
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.actors import system_user
from core.errors import AccessDenied, ServiceError
from partnership import messaging
from partnership.models import Membership, Message, MessageKind, MessageOptOut, MessageText, MessagingSettings
from partnership.services import messages as services

pytestmark = pytest.mark.django_db


def _outgoing(world: Any, person: Any = None, kind: str = MessageKind.REMINDER, key: str = "round:1") -> Any:
    return messaging.Outgoing(
        partnership=world.partnership,
        recipient=person or world.lead_officer,
        kind=kind,
        round_key=key,
        round_label="Quarter 1 2020/21",
        values={"due_date": "15 July 2020", "link": "https://csphub.example/my-actions/"},
    )


def test_a_message_is_claimed_sent_and_never_sent_again(world: Any) -> None:
    actor = system_user()
    first = services.message_deliver(actor=actor, outgoing=_outgoing(world))
    second = services.message_deliver(actor=actor, outgoing=_outgoing(world))
    assert (first.sent, second.sent, second.skipped) == (1, 0, 1)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [world.lead_officer.email]
    assert sent.subject == "Reminder: Quarter 1 2020/21 updates are due by 15 July 2020"
    assert world.lead_officer.first_name in sent.body and "https://csphub.example/my-actions/" in sent.body
    message = Message.objects.get()
    assert (message.result, message.address, message.kind) == ("sent", world.lead_officer.email, "reminder")
    assert message.sent_at is not None and message.claimed_at <= message.sent_at
    # another kind or another round is another message
    services.message_deliver(actor=actor, outgoing=_outgoing(world, kind=MessageKind.CHASER))
    services.message_deliver(actor=actor, outgoing=_outgoing(world, key="round:2"))
    assert len(mail.outbox) == 3


def test_the_unique_constraint_refuses_a_second_claim(world: Any) -> None:
    from django.db import IntegrityError, transaction

    services.message_deliver(actor=system_user(), outgoing=_outgoing(world))
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.create(
            partnership=world.partnership,
            recipient=world.lead_officer,
            address="x@example.org",
            kind="reminder",
            round_key="round:1",
            subject="s",
            body="b",
            claimed_at=timezone.now(),
        )


def test_people_who_opted_out_get_nothing_and_nothing_is_claimed(world: Any) -> None:
    membership = Membership.objects.get(user=world.lead_officer, partnership=world.partnership)
    services.message_opt_outs_set(actor=world.lead_officer, membership=membership, kinds=["reminder"])
    done = services.message_deliver(actor=system_user(), outgoing=_outgoing(world))
    assert (done.sent, done.skipped) == (0, 1) and mail.outbox == [] and not Message.objects.exists()
    services.message_deliver(actor=system_user(), outgoing=_outgoing(world, kind=MessageKind.CHASER))
    assert len(mail.outbox) == 1


def test_opt_outs_are_ones_own(world: Any) -> None:
    membership = Membership.objects.get(user=world.lead_officer, partnership=world.partnership)
    with pytest.raises(AccessDenied):
        services.message_opt_outs_set(actor=world.coordinator, membership=membership, kinds=["reminder"])
    with pytest.raises(ServiceError):
        services.message_opt_outs_set(actor=world.lead_officer, membership=membership, kinds=["invitation"])


def test_password_resets_are_sent_to_someone_who_opted_out_of_everything(world: Any, client: Any) -> None:
    membership = Membership.objects.get(user=world.lead_officer, partnership=world.partnership)
    services.message_opt_outs_set(actor=world.lead_officer, membership=membership, kinds=MessageKind.values)
    client.post(reverse("accounts:password_reset"), {"email": world.lead_officer.email})
    assert [m.to for m in mail.outbox] == [[world.lead_officer.email]]


def test_inactive_people_and_people_without_an_address_get_nothing(world: Any) -> None:
    world.lead_officer.email = ""
    world.lead_officer.save()
    world.other_lead_officer.is_active = False
    world.other_lead_officer.save()
    for person in (world.lead_officer, world.other_lead_officer):
        assert services.message_deliver(actor=system_user(), outgoing=_outgoing(world, person)).skipped == 1
    assert mail.outbox == []


def test_a_failed_send_is_recorded_and_not_retried(world: Any) -> None:
    with mock.patch.object(
        messaging, "send", side_effect=messaging.SendError("The mail server refused: 554")
    ):
        done = services.message_deliver(actor=system_user(), outgoing=_outgoing(world))
    assert done.failed == 1
    message = Message.objects.get()
    assert message.result == "failed" and "554" in message.error
    assert services.message_deliver(actor=system_user(), outgoing=_outgoing(world)).skipped == 1


def test_only_coordinators_and_the_system_send(world: Any) -> None:
    with pytest.raises(AccessDenied):
        services.message_deliver(actor=world.lead_officer, outgoing=_outgoing(world))
    assert services.message_deliver(actor=world.coordinator, outgoing=_outgoing(world)).sent == 1


def test_notify_is_used_when_settings_say_so(world: Any, settings: Any) -> None:
    settings.NOTIFY_API_KEY = "test-key"  # noqa: S105 - not a secret
    settings.NOTIFY_TEMPLATE_ID = "template-1"
    client = mock.Mock()
    client.send_email_notification.return_value = {"id": "notify-123"}
    with mock.patch.object(messaging, "notify_client", return_value=client):
        services.message_deliver(actor=system_user(), outgoing=_outgoing(world))
    assert mail.outbox == []
    kwargs = client.send_email_notification.call_args.kwargs
    assert kwargs["email_address"] == world.lead_officer.email
    assert kwargs["template_id"] == "template-1"
    assert kwargs["personalisation"]["subject"].startswith("Reminder: Quarter 1 2020/21")
    assert "15 July 2020" in kwargs["personalisation"]["body"]
    assert Message.objects.get().provider_id == "notify-123"


def test_notify_refusal_is_a_failure_in_the_log(world: Any, settings: Any) -> None:
    settings.NOTIFY_API_KEY, settings.NOTIFY_TEMPLATE_ID = "k", "t"
    client = mock.Mock()
    client.send_email_notification.side_effect = RuntimeError("400 BadRequestError")
    with mock.patch.object(messaging, "notify_client", return_value=client):
        assert services.message_deliver(actor=system_user(), outgoing=_outgoing(world)).failed == 1
    assert "GOV.UK Notify refused" in Message.objects.get().error


def test_the_partnerships_own_text_is_used(world: Any) -> None:
    services.message_text_save(
        actor=world.coordinator,
        partnership=world.partnership,
        kind="reminder",
        subject="Nudge: {round}",
        body="Dear {name}, by {due_date} please.",
    )
    services.message_deliver(actor=system_user(), outgoing=_outgoing(world))
    assert mail.outbox[0].subject == "Nudge: Quarter 1 2020/21"
    assert mail.outbox[0].body == f"Dear {world.lead_officer.first_name}, by 15 July 2020 please."
    services.message_text_reset(actor=world.coordinator, partnership=world.partnership, kind="reminder")
    assert not MessageText.objects.exists()


def test_texts_refuse_unknown_placeholders_and_non_coordinators(world: Any) -> None:
    with pytest.raises(ServiceError, match=r"\{duedate\} is not a placeholder"):
        services.message_text_save(
            actor=world.coordinator,
            partnership=world.partnership,
            kind="reminder",
            subject="s",
            body="{duedate}",
        )
    with pytest.raises(AccessDenied):
        services.message_text_save(
            actor=world.lead_officer, partnership=world.partnership, kind="reminder", subject="s", body="b"
        )
    assert not MessageText.objects.exists()


# --- Pages ---


def _log_message(world: Any, minutes_ago: int, result: str = "") -> Message:
    return Message.objects.create(
        partnership=world.partnership,
        recipient=world.lead_officer,
        address=world.lead_officer.email,
        kind="reminder",
        round_key=f"round:{minutes_ago}",
        round_label="Quarter 1 2020/21",
        subject="Reminder <b>bold</b>",
        body="b",
        claimed_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        result=result,
    )


def test_the_log_shows_results_in_words(world: Any, client: Any) -> None:
    _log_message(world, 20)
    _log_message(world, 2)
    _log_message(world, 30, "sent")
    client.force_login(world.coordinator)
    page = client.get(reverse("partnership:message_log", args=[world.partnership.slug])).content.decode()
    tag = '">{}</strong>'
    assert all(tag.format(word) in page for word in ("Unknown — check", "Sending", "Sent"))
    assert "Reminder &lt;b&gt;bold&lt;/b&gt;" in page
    assert page.count("<h1") == 1
    filtered = client.get(
        reverse("partnership:message_log", args=[world.partnership.slug]) + "?round=round:20"
    )
    shown = filtered.content.decode()
    assert shown.count(tag.format("Unknown — check")) == 1 and tag.format("Sending") not in shown


def test_text_preview_fills_in_example_values_without_saving(world: Any, client: Any) -> None:
    client.force_login(world.coordinator)
    url = reverse("partnership:message_text", args=[world.partnership.slug, "chaser"])
    page = client.post(url, {"subject": "Late: {round}", "body": "Hi {name} <script>", "action": "preview"})
    text = page.content.decode()
    assert "Late: Quarter 1 2020/21" in text and "Hi Lee &lt;script&gt;" in text
    assert not MessageText.objects.exists()
    bad = client.post(url, {"subject": "Late", "body": "{nope}", "action": "save"})
    assert "{nope} is not a placeholder" in bad.content.decode() and not MessageText.objects.exists()
    client.post(url, {"subject": "Late: {round}", "body": "Hi {name}", "action": "save"})
    assert MessageText.objects.get().subject == "Late: {round}"


def test_settings_page_saves_and_refuses_bad_numbers(world: Any, client: Any) -> None:
    client.force_login(world.coordinator)
    url = reverse("partnership:message_settings", args=[world.partnership.slug])
    bad = client.post(url, {"reminder_days": "99"})
    assert "The number of days must be 60 or fewer" in bad.content.decode()
    assert not MessagingSettings.objects.exists()
    client.post(url, {"reminder_days": "3"})
    saved = MessagingSettings.objects.get()
    assert (saved.reminder_days, saved.weekly_digest) == (3, False)


def test_preferences_page_changes_only_ones_own(world: Any, client: Any) -> None:
    client.force_login(world.member)
    url = reverse("partnership:message_preferences", args=[world.partnership.slug])
    assert client.get(url).status_code == 200
    client.post(url, {"wanted": ["round_opened", "digest"]})
    own = Membership.objects.get(user=world.member, partnership=world.partnership)
    unticked = set(MessageKind.values) - {"round_opened", "digest"}  # partner data kinds too
    assert set(MessageOptOut.objects.filter(membership=own).values_list("kind", flat=True)) == unticked
    assert MessageOptOut.objects.count() == len(unticked)


def test_the_preferences_form_offers_every_kind_of_message() -> None:
    """A kind missing from the form would be saved as opted out whenever anyone saved the form."""
    from partnership.forms import MessagePreferencesForm

    offered = [value for value, _ in MessagePreferencesForm().fields["wanted"].choices]  # type: ignore[attr-defined]
    assert sorted(offered) == sorted(MessageKind.values)
