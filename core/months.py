"""Periods of calendar months "beginning with" a date (pure, no database).

Statutes say "within the period of N months beginning with the date on which ...". Read as the
courts read it (the corresponding-date rule, *Dodds v Walker*), the date itself is the first day,
so the period ends on the day *before* the corresponding date N months later (15 January, one
month → 14 February); when that month has no corresponding date it ends on the month's last day
(31 January, one month → 28 or 29 February). ADR 0021 records the reading; casereviews (s.104(11))
and casework (the second-report prompt) both use it.
"""

import calendar
import datetime


def _month_shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def period_end(start: datetime.date, months: int) -> datetime.date:
    """The last day of the period of `months` calendar months *beginning with* `start`."""
    if months < 1:
        raise ValueError("A period is at least one month long.")
    year, month = _month_shift(start.year, start.month, months)
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return datetime.date(year, month, last)
    return datetime.date(year, month, start.day) - datetime.timedelta(days=1)


def within_months(start: datetime.date, day: datetime.date, months: int) -> bool:
    """Whether `day` falls in the period of `months` calendar months beginning with `start`."""
    return start <= day <= period_end(start, months)
