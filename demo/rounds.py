"""The demo's Q1 2020/21 update round: opened on 1 July 2020, due on the period's 15 July, with
its round notices in the message log (sent through the configured mail backend once the round is
committed, as any opening).
`send_reminders --now 2020-07-10` then sends its reminders."""

import datetime
from io import TextIOBase

from accounts.models import User
from partnership.models import Partnership
from planning.access import reporting_periods_visible_to
from planning.models import PeriodCode
from planning.services.rounds import update_round_open

YEAR = "2020-21"
OPENED = datetime.date(2020, 7, 1)


def rounds_load(*, partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    period = (
        reporting_periods_visible_to(actor)
        .filter(plan_year__partnership=partnership, plan_year__slug=YEAR, code=PeriodCode.Q1)
        .select_related("plan_year__partnership")
        .first()
    )
    if period is None:
        return
    update_round = update_round_open(actor=actor, period=period, due_date=period.due_date, today=OPENED)
    stdout.write(f"Demo update round {update_round.label}: due {update_round.due_date:%d %B %Y}.\n")
