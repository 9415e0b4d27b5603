"""Partner data requests' e-mails, as partnership messaging work (registered in apps.ready()).

The request notice goes to the active lead officers of the asked organisation when the request is
made (and on later runs until the due date, for anyone who joined since); a reminder N days before
the due date (the partnership's reminder setting) and one chaser after it go only while figures are
missing. Each is claimed once per person, kind and request (`DataRequest.message_key`). The
e-mails hold only a link and the names of the figures.
"""

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.formats import date_format

from assessment.models import DataRequest
from assessment.selectors import data_requests as selectors
from partnership import selectors_messages
from partnership.messaging import Outgoing, site_url
from partnership.models import MessageKind
from planning import rounds
from planning.selectors import rounds as round_selectors

CHASE_WITHIN_DAYS = 60  # a request due longer ago than this gets no more messages


def upload_link(request: DataRequest) -> str:
    partnership = request.assessment.partnership
    return site_url(reverse("assessment:partner_upload", kwargs={"partnership": partnership.slug}))


def _figures(status: selectors.RequestStatus, missing_only: bool) -> str:
    figures = status.missing if missing_only else status.figures
    return "\n".join(f"- {f.figure.indicator}, {f.figure.period_label}" for f in figures)


def _messages(status: selectors.RequestStatus, kind: str, missing_only: bool) -> list[Outgoing]:
    request = status.request
    partnership = request.assessment.partnership
    values = {
        "due_date": date_format(request.due_date, "j F Y"),
        "link": upload_link(request),
        "figures": _figures(status, missing_only),
    }
    return [
        Outgoing(
            partnership=partnership,
            recipient=membership.user,
            kind=kind,
            round_key=request.message_key,
            round_label=request.assessment.title,
            values=values,
        )
        for membership in round_selectors.lead_officers(partnership, {request.organisation_id})
    ]


def request_notices(request: DataRequest) -> list[Outgoing]:
    """The request notice for each lead officer of the asked organisation."""
    return _messages(selectors.statuses([request])[0], MessageKind.DATA_REQUEST, missing_only=False)


def request_messages(status: selectors.RequestStatus, today: datetime.date) -> Iterator[Outgoing]:
    request = status.request
    if request.requested_on > today:
        return
    due = request.due_date
    if rounds.sends_round_notice(due, today):
        yield from _messages(status, MessageKind.DATA_REQUEST, missing_only=False)
    if status.complete:
        return
    config = selectors_messages.messaging_settings(request.assessment.partnership)
    if rounds.sends_reminder(due, today, config.reminder_days):
        yield from _messages(status, MessageKind.DATA_REMINDER, missing_only=True)
    if rounds.sends_chaser(due, today):
        yield from _messages(status, MessageKind.DATA_CHASER, missing_only=True)


def due_request_messages(today: datetime.date) -> Iterator[Outgoing]:
    """Every request's messages as of `today` (the work source `send_reminders` collects)."""
    for status in selectors.statuses(selectors.requests_for_messages(today, CHASE_WITHIN_DAYS)):
        yield from request_messages(status, today)
