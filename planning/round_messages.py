"""The messages of update rounds, as partnership messaging work (registered in apps.ready()).

Round notices go to every active lead officer of an organisation that leads or supports an action
of the year; reminders and the chaser only to those whose organisation still owes a report; the
Monday digest to the partnership's coordinators. `partnership.services.messages` sends each at
most once (recipient × kind × round).
"""

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.formats import date_format

from partnership import selectors_messages
from partnership.messaging import Outgoing, site_url
from partnership.models import Membership, MessageKind
from planning import rounds
from planning.models import UpdateRound
from planning.selectors import rounds as round_selectors


def _my_actions_link(update_round: UpdateRound) -> str:
    plan_year = update_round.period.plan_year
    return site_url(
        reverse(
            "planning:my_actions", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
        )
    )


def _tracker_link(update_round: UpdateRound) -> str:
    plan_year = update_round.period.plan_year
    return site_url(
        reverse(
            "planning:round_tracker",
            kwargs={
                "partnership": plan_year.partnership.slug,
                "year": plan_year.slug,
                "code": update_round.period.code,
            },
        )
    )


def _outgoing(
    update_round: UpdateRound, membership: Membership, kind: str, link: str, key: str = "", **values: str
) -> Outgoing:
    return Outgoing(
        partnership=update_round.period.plan_year.partnership,
        recipient=membership.user,
        kind=kind,
        round_key=key or update_round.message_key,
        round_label=update_round.label,
        values={"due_date": date_format(update_round.due_date, "j F Y"), "link": link, **values},
    )


def round_notices(update_round: UpdateRound) -> list[Outgoing]:
    """A round notice for every active lead officer of the year's owner organisations."""
    partnership = update_round.period.plan_year.partnership
    link = _my_actions_link(update_round)
    return [
        _outgoing(update_round, membership, MessageKind.ROUND_OPENED, link)
        for membership in round_selectors.lead_officers(
            partnership, round_selectors.owner_organisations(update_round.period)
        )
    ]


def round_messages(update_round: UpdateRound, today: datetime.date) -> Iterator[Outgoing]:
    """What one open round wants sent as of `today`."""
    if update_round.opened_on > today:
        return  # a run "as of" a day before the round opened sends nothing for it
    partnership = update_round.period.plan_year.partnership
    config = selectors_messages.messaging_settings(partnership)
    due = update_round.due_date
    if rounds.sends_round_notice(due, today):
        yield from round_notices(update_round)
    kinds = []
    if rounds.sends_reminder(due, today, config.reminder_days):
        kinds.append(MessageKind.REMINDER)
    if rounds.sends_chaser(due, today):
        kinds.append(MessageKind.CHASER)
    if kinds:
        missing = round_selectors.missing_organisations(update_round.period)
        link = _my_actions_link(update_round)
        for membership in round_selectors.lead_officers(partnership, missing):
            for kind in kinds:
                yield _outgoing(update_round, membership, kind, link)
    monday = rounds.digest_week(today, config.weekly_digest)
    if monday is not None:
        summary = round_selectors.digest_summary(update_round, today)
        link = _tracker_link(update_round)
        key = f"{update_round.message_key}:week:{monday.isoformat()}"
        for membership in round_selectors.coordinators(partnership):
            yield _outgoing(update_round, membership, MessageKind.DIGEST, link, key, summary=summary)


def due_round_messages(today: datetime.date) -> Iterator[Outgoing]:
    """Every open round's messages as of `today` (the work source `send_reminders` collects)."""
    for update_round in round_selectors.open_rounds():
        yield from round_messages(update_round, today)
