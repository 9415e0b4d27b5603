"""The weekly case-work digest (ADR 0031): on Mondays, each CSU coordinator whose partnership wants
weekly digests gets how many case-work tasks are overdue in the cases they can see, and a link to
case work. Never a task's title, a case or a name. A separate kind of message, claimed once per
(recipient, week) like the others (ADR 0022), and one a recipient may opt out of.

Registered as a partnership messaging work source in casework's AppConfig.ready(): the update
rounds' Monday digest goes to the plan coordinators only while a round is open, so case work
keeps its own."""

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.formats import date_format

from casework import selectors_digest
from partnership import selectors_messages
from partnership.messaging import Outgoing, site_url
from partnership.models import MessageKind
from planning import rounds


def overdue_summary(count: int) -> str:
    return (
        f"{count} case-work task{'s are' if count != 1 else ' is'} overdue in the cases you can see. "
        "This e-mail gives no details: open case work to see them."
    )


def due_casework_digests(today: datetime.date) -> Iterator[Outgoing]:
    if today.weekday() != 0:
        return
    holders = selectors_digest.csu_coordinators()
    wants: dict[int, bool] = {}
    for membership in holders:
        partnership = membership.partnership
        if partnership.pk not in wants:
            config = selectors_messages.messaging_settings(partnership)
            wants[partnership.pk] = rounds.digest_week(today, config.weekly_digest) is not None
        if not wants[partnership.pk]:
            continue
        count = selectors_digest.overdue_task_count(membership.user, partnership, today)
        if not count:
            continue
        yield Outgoing(
            partnership=partnership,
            recipient=membership.user,
            kind=MessageKind.CASEWORK_DIGEST,
            round_key=f"casework:{partnership.pk}:week:{today.isoformat()}",
            round_label=f"Week of {date_format(today, 'j F Y')}",
            values={
                "summary": overdue_summary(count),
                "link": site_url(reverse("casework:cases", args=[partnership.slug])),
            },
        )
