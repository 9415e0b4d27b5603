"""The partnership's messages: what higher apps want sent, the default texts, and how a message
reaches a mailbox (Django's e-mail framework or GOV.UK Notify).

Every layer may send. Higher apps (planning's update rounds now; data requests and digests later)
register a **work source** in their AppConfig.ready(): a function from a day to the messages due
that day (`Outgoing`). `send_reminders` collects them and sends each one at most once
(`partnership.services.messages.message_deliver`, ADR 0022).
"""

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage

from partnership.models import MessageKind, MessageResult

if TYPE_CHECKING:
    from core.actors import User
    from partnership.models import Partnership

# A claim without a result after this long may or may not have been sent (a crash between the
# claim and the result): the log says "unknown — check" and nothing re-sends it.
UNKNOWN_AFTER = datetime.timedelta(minutes=15)


@dataclass(frozen=True)
class Outgoing:
    """One message a work source wants sent: to whom, what kind, about what (the round key makes
    it unique per recipient and kind), and the values its text fills in."""

    partnership: "Partnership"
    recipient: "User"
    kind: str
    round_key: str
    round_label: str
    values: Mapping[str, str] = field(default_factory=dict)


WorkSource = Callable[[datetime.date], Iterable[Outgoing]]

SOURCES: dict[str, WorkSource] = {}


def register(key: str, source: WorkSource) -> None:
    """Add (or replace, on a second ready()) one work source."""
    SOURCES[key] = source


def due_messages(today: datetime.date) -> list[Outgoing]:
    """Everything every registered source wants sent as of `today`."""
    return [outgoing for source in SOURCES.values() for outgoing in source(today)]


# --- Texts ---

PLACEHOLDERS: dict[str, str] = {
    "name": "the person's first name",
    "partnership": "the partnership's name",
    "round": "the round, e.g. Quarter 1 2020/21",
    "due_date": "the date updates are due, e.g. 15 July 2020",
    "link": "the address of the page to use (My actions, or the completion tracker)",
    "summary": "received and missing updates by organisation (digests)",
    "figures": "the names of the figures asked for (partner data requests)",
}

DEFAULT_TEXTS: dict[str, tuple[str, str]] = {
    MessageKind.ROUND_OPENED: (
        "{partnership}: {round} updates are open",
        "Hello {name},\n\n{partnership} has opened {round} for updates. Please report on your "
        "organisation's actions by {due_date}.\n\nYour actions and what is due for each:\n{link}\n",
    ),
    MessageKind.REMINDER: (
        "Reminder: {round} updates are due by {due_date}",
        "Hello {name},\n\nThis is a reminder that {round} updates for {partnership} are due by "
        "{due_date}, and some of your organisation's actions have no update yet.\n\n{link}\n",
    ),
    MessageKind.CHASER: (
        "{round} updates are overdue",
        "Hello {name},\n\n{round} updates for {partnership} were due on {due_date} and some of your "
        "organisation's actions still have no update. Please add them as soon as you can.\n\n{link}\n",
    ),
    MessageKind.DIGEST: (
        "{partnership}: {round} updates this week",
        "Hello {name},\n\n{round} updates are due by {due_date}. Received and missing by "
        "organisation:\n\n{summary}\n\nThe completion tracker:\n{link}\n",
    ),
    MessageKind.DATA_REQUEST: (
        "{partnership}: figures asked for the {round}",
        "Hello {name},\n\n{partnership} asks your organisation for these figures for the {round} by "
        "{due_date}:\n\n{figures}\n\nUpload them here:\n{link}\n",
    ),
    MessageKind.DATA_REMINDER: (
        "Reminder: figures for the {round} are due by {due_date}",
        "Hello {name},\n\nThis is a reminder that {partnership} still needs these figures for the "
        "{round} by {due_date}:\n\n{figures}\n\n{link}\n",
    ),
    MessageKind.DATA_CHASER: (
        "Figures for the {round} are overdue",
        "Hello {name},\n\nThese figures for the {round} were due on {due_date} and {partnership} "
        "has not received them yet:\n\n{figures}\n\n{link}\n",
    ),
    MessageKind.CASEWORK_DIGEST: (
        "{partnership}: case-work tasks overdue this week",
        "Hello {name},\n\n{summary}\n\nCase work (sign in with your authenticator app):\n{link}\n",
    ),
}

PREVIEW_VALUES: dict[str, str] = {
    "name": "Lee",
    "round": "Quarter 1 2020/21",
    "due_date": "15 July 2020",
    "link": "https://csphub.example/my-actions/",
    "figures": "Domestic abuse referrals, 2020/21\nRepeat victims, 2020-Q4",
    "summary": "Kent Police: 3 received, 2 missing\nTonbridge & Malling Borough Council: 5 received, 0 missing",
}

_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def unknown_placeholders(text: str) -> list[str]:
    """The `{...}` names in a text that are not placeholders, in order, once each."""
    found = []
    for name in _PLACEHOLDER.findall(text):
        if name not in PLACEHOLDERS and name not in found:
            found.append(name)
    return found


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each known placeholder replaced by its value (missing values become empty).
    Values are inserted once: a value containing `{name}` is not filled in again."""
    return _PLACEHOLDER.sub(
        lambda match: values.get(match.group(1), "") if match.group(1) in PLACEHOLDERS else match.group(0),
        text,
    )


def site_url(path: str) -> str:
    """An absolute address for e-mails (commands have no request): SITE_URL + path."""
    return settings.SITE_URL.rstrip("/") + path


# --- Sending ---


class SendError(Exception):
    """The provider refused or could not be reached; the text goes into the log."""


def uses_notify() -> bool:
    return bool(getattr(settings, "NOTIFY_API_KEY", "") and getattr(settings, "NOTIFY_TEMPLATE_ID", ""))


def notify_client() -> object:
    from notifications_python_client.notifications import NotificationsAPIClient

    return NotificationsAPIClient(settings.NOTIFY_API_KEY)


def send(*, address: str, subject: str, body: str, reference: str) -> str:
    """Send one message; returns the provider's id ("" for SMTP). Raises SendError."""
    if uses_notify():
        try:
            response = notify_client().send_email_notification(  # type: ignore[attr-defined]
                email_address=address,
                template_id=settings.NOTIFY_TEMPLATE_ID,
                personalisation={"subject": subject, "body": body},
                reference=reference,
            )
        except Exception as error:  # the client raises HTTPError, requests' errors and more
            raise SendError(f"GOV.UK Notify refused the message: {error}") from error
        return str(response.get("id", "")) if isinstance(response, dict) else ""
    try:
        EmailMessage(subject, body, None, [address]).send()
    except Exception as error:  # smtplib, socket and backend errors alike
        raise SendError(f"The mail server refused the message: {error}") from error
    return ""


def result_label(result: str, claimed_at: datetime.datetime, now: datetime.datetime) -> str:
    """How the log shows a message's result: Sent, Failed, Sending, or "Unknown — check" for a
    claim left without a result for more than 15 minutes (never re-sent automatically)."""
    if result == MessageResult.SENT:
        return "Sent"
    if result == MessageResult.FAILED:
        return "Failed"
    return "Unknown — check" if now - claimed_at > UNKNOWN_AFTER else "Sending"
