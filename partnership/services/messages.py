"""Sending the partnership's messages at most once, and the coordinator's texts and settings.

`message_deliver` claims a message (inserts its row and commits) before sending it: the unique
(recipient, kind, round key) makes a second claim fail, so overlapping runs, a re-run after a
crash and a second opening never send it twice. A claim whose result was never written (a crash
between claim and result) stays in the log as "unknown — check" and is never re-sent (ADR 0022).
"""

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from partnership import access, messaging
from partnership import selectors_messages as selectors
from partnership.models import (
    Membership,
    Message,
    MessageKind,
    MessageOptOut,
    MessageResult,
    MessageText,
    MessagingSettings,
    Partnership,
)

# Test hook: seconds to pause after claiming each message and before sending it, so a test can
# kill the run between the two (tests/partnership/test_send_reminders_processes.py).
PAUSE_ENV = "CSPHUB_PAUSE_AFTER_CLAIM"


def _require_coordinator(actor: Actor, partnership: Partnership) -> None:
    if not access.is_coordinator(actor, partnership):
        raise AccessDenied("Only the partnership's coordinators can do this.")


@dataclass
class Delivered:
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # already claimed, opted out or without an address

    def add(self, other: "Delivered") -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.skipped += other.skipped


def _claim(outgoing: messaging.Outgoing, actor: Actor) -> Message | None:
    """Insert and commit the message's row; None when another run (or an earlier one) has it."""
    partnership = outgoing.partnership
    subject, body, _ = selectors.message_text(partnership, outgoing.kind)
    values = {
        "partnership": partnership.name,
        "round": outgoing.round_label,
        "name": outgoing.recipient.first_name or outgoing.recipient.get_username(),
        **outgoing.values,
    }
    message = Message(
        partnership=partnership,
        recipient_id=outgoing.recipient.pk,
        address=outgoing.recipient.email,
        kind=outgoing.kind,
        round_key=outgoing.round_key[:120],
        round_label=outgoing.round_label[:200],
        subject=" ".join(messaging.fill(subject, values).split())[:200],
        body=messaging.fill(body, values),
        claimed_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            save_as(message, actor)
    except IntegrityError:
        return None
    return message


def message_deliver(*, actor: Actor, outgoing: messaging.Outgoing) -> Delivered:
    """Send one message unless it was claimed before or the person opted out of its kind.

    Call it outside any transaction, so that the claim is committed before the send: from a
    command, or through `transaction.on_commit` (`messages_deliver_after_commit`). Inside one (a
    test's), the claim still stops a second send within it."""
    _require_coordinator(actor, outgoing.partnership)
    recipient = outgoing.recipient
    if (
        not recipient.is_active
        or not recipient.email
        or selectors.opted_out(outgoing.partnership, recipient.pk, outgoing.kind)
        or selectors.claimed(recipient.pk, outgoing.kind, outgoing.round_key)
    ):
        return Delivered(skipped=1)
    message = _claim(outgoing, actor)
    if message is None:
        return Delivered(skipped=1)
    pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
    if pause:
        time.sleep(pause)
    try:
        message.provider_id = messaging.send(
            address=message.address,
            subject=message.subject,
            body=message.body,
            reference=f"message-{message.pk}",
        )[:100]
        message.result, message.sent_at = MessageResult.SENT, timezone.now()
    except messaging.SendError as error:
        message.result, message.error = MessageResult.FAILED, str(error)[:500]
    with transaction.atomic():
        save_as(message, actor, update_fields=["provider_id", "result", "sent_at", "error"])
    return Delivered(sent=1) if message.result == MessageResult.SENT else Delivered(failed=1)


def messages_deliver(*, actor: Actor, outgoing: Iterable[messaging.Outgoing]) -> Delivered:
    """Deliver each message in turn (each claimed and recorded on its own)."""
    total = Delivered()
    for item in outgoing:
        total.add(message_deliver(actor=actor, outgoing=item))
    return total


def messages_deliver_after_commit(*, actor: Actor, outgoing: list[messaging.Outgoing]) -> None:
    """Deliver once the surrounding transaction commits (at once when there is none)."""
    if outgoing:
        transaction.on_commit(lambda: messages_deliver(actor=actor, outgoing=outgoing))


# --- The coordinator's texts and settings; each person's opt-outs. ---


@transaction.atomic
def message_text_save(
    *, actor: Actor, partnership: Partnership, kind: str, subject: str, body: str
) -> MessageText:
    """The partnership's own subject and body for a kind of message."""
    _require_coordinator(actor, partnership)
    if kind not in MessageKind.values:
        raise ServiceError("Choose a kind of message.")
    subject, body = " ".join(subject.split()), body.strip()
    if not subject or not body:
        raise ServiceError("Enter a subject and a body.")
    unknown = messaging.unknown_placeholders(subject + body)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        known = ", ".join("{" + name + "}" for name in messaging.PLACEHOLDERS)
        raise ServiceError(f"{names} is not a placeholder: use only {known}.")
    text = access.message_texts_visible_to(actor, for_=access.Purpose.MANAGE).filter(
        partnership=partnership, kind=kind
    ).first() or MessageText(partnership=partnership, kind=kind)
    text.subject, text.body = subject, body
    return save_as(text, actor)


@transaction.atomic
def message_text_reset(*, actor: Actor, partnership: Partnership, kind: str) -> None:
    """Go back to the default text."""
    _require_coordinator(actor, partnership)
    for text in access.message_texts_visible_to(actor, for_=access.Purpose.MANAGE).filter(
        partnership=partnership, kind=kind
    ):
        delete_as(text, actor)


@transaction.atomic
def messaging_settings_save(
    *, actor: Actor, partnership: Partnership, reminder_days: int, weekly_digest: bool
) -> MessagingSettings:
    _require_coordinator(actor, partnership)
    if not 0 <= reminder_days <= 60:
        raise ServiceError("The reminder goes out between 0 and 60 days before the due date.")
    found = access.messaging_settings_visible_to(actor, for_=access.Purpose.MANAGE).filter(
        partnership=partnership
    ).first() or MessagingSettings(partnership=partnership)
    found.reminder_days, found.weekly_digest = reminder_days, weekly_digest
    return save_as(found, actor)


OPTIONAL_KINDS = tuple(MessageKind.values)


@transaction.atomic
def message_opt_outs_set(*, actor: Actor, membership: Membership, kinds: Iterable[str]) -> set[str]:
    """The signed-in person's own opt-outs in one partnership: exactly `kinds`."""
    if membership.user_id != actor.pk or not membership.is_active:
        raise AccessDenied("You can change only your own e-mail preferences.")
    wanted = set(kinds)
    if wanted - set(OPTIONAL_KINDS):
        raise ServiceError(
            "Choose from round notices, reminders, chasers, digests, partner data requests and case-work digests."
        )
    held = {
        o.kind: o
        for o in access.message_opt_outs_visible_to(actor, for_=access.Purpose.MANAGE).filter(
            membership=membership
        )
    }
    for kind, opt_out in held.items():
        if kind not in wanted:
            delete_as(opt_out, actor)
    for kind in wanted - set(held):
        save_as(MessageOptOut(membership=membership, kind=kind), actor)
    return wanted
