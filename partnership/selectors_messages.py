"""Reads of the partnership's messages: the log, the texts, the settings and opt-outs."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from core.access import Purpose, audit_search
from core.actors import Actor, person_id
from partnership import access
from partnership.messaging import DEFAULT_TEXTS, result_label
from partnership.models import (
    Membership,
    Message,
    MessageKind,
    MessageOptOut,
    MessageText,
    MessagingSettings,
    Partnership,
)

LOG_PAGE_SIZE = 200


@dataclass(frozen=True)
class LogRow:
    message: Message
    result: str  # Sent / Failed / Sending / Unknown — check


def message_log(
    actor: Actor,
    partnership: Partnership,
    *,
    kind: str = "",
    round_key: str = "",
    now: datetime.datetime | None = None,
) -> list[LogRow]:
    """The partnership's messages, newest first (coordinators), with their results in words; one
    `searched` audit event."""
    audit_search(actor, Message, partnership=partnership, filters={"kind": kind, "round": round_key})
    found = access.messages_visible_to(actor, for_=Purpose.MANAGE).filter(partnership=partnership)
    if kind:
        found = found.filter(kind=kind)
    if round_key:
        found = found.filter(round_key=round_key)
    moment = now or timezone.now()
    return [
        LogRow(message, result_label(message.result, message.claimed_at, moment))
        for message in found.select_related("recipient").order_by("-claimed_at", "-pk")[:LOG_PAGE_SIZE]
    ]


def log_rounds(actor: Actor, partnership: Partnership) -> list[tuple[str, str]]:
    """(round key, label) of every round the log has messages about, newest first."""
    rows = (
        access.messages_visible_to(actor, for_=Purpose.MANAGE)
        .filter(partnership=partnership)
        .order_by("-claimed_at")
        .values_list("round_key", "round_label")
    )
    seen: dict[str, str] = {}
    for key, label in rows:
        seen.setdefault(key, label or key)
    return list(seen.items())


def claimed(recipient_id: int, kind: str, round_key: str) -> bool:
    """Whether this message was already claimed (sent, failed or in doubt)."""
    return Message.objects.filter(recipient_id=recipient_id, kind=kind, round_key=round_key).exists()


def message_text(partnership: Partnership, kind: str) -> tuple[str, str, bool]:
    """(subject, body, customised) of the partnership's text for a kind of message."""
    own = MessageText.objects.filter(partnership=partnership, kind=kind).first()
    if own is not None:
        return own.subject, own.body, True
    subject, body = DEFAULT_TEXTS[MessageKind(kind)]
    return subject, body, False


def message_texts(partnership: Partnership) -> list[tuple[str, str, str, str, bool]]:
    """(kind, label, subject, body, customised) for every kind, in the kinds' order."""
    return [(kind.value, kind.label, *message_text(partnership, kind)) for kind in MessageKind]


def messaging_settings(partnership: Partnership) -> MessagingSettings:
    """The partnership's settings, or the defaults (unsaved) when it has none."""
    found = MessagingSettings.objects.filter(partnership=partnership).first()
    return found or MessagingSettings(partnership=partnership)


def opted_out(partnership: Partnership, user_id: int, kind: str) -> bool:
    return MessageOptOut.objects.filter(
        membership__partnership=partnership, membership__user_id=user_id, kind=kind
    ).exists()


def own_membership(actor: Actor, partnership: Partnership) -> Membership | None:
    """The actor's active membership of the partnership (their preferences page)."""
    return (
        access.memberships_visible_to(actor)
        .filter(partnership=partnership, user_id=person_id(actor), is_active=True)
        .first()
    )


def own_opt_outs(actor: Actor, membership: Membership) -> set[str]:
    return set(
        access.message_opt_outs_visible_to(actor).filter(membership=membership).values_list("kind", flat=True)
    )


def opt_outs_of(membership: Membership) -> QuerySet[MessageOptOut]:
    return MessageOptOut.objects.filter(membership=membership)
