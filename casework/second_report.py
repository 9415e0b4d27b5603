"""The second-report prompt (pure, no database).

The ASB Case Review statutory guidance asks agencies to tell victims about the ASB Case Review
when they report again. Our rule: when a case with a victim has a second report of anti-social
behaviour (an incident or complaint, by the date reported) within the period of six calendar
months beginning with the date of the report before it, the case shows "Explain the ASB Case
Review to the victim" until someone records that it was explained. Only reports made after the
latest recorded explanation count, so a new run of reports after an explanation prompts again.
Months are counted as `core.months` counts them (ADR 0021): a report on 1 January and another on
30 June are within six months; 1 January and 1 July are not.
"""

import datetime
from collections.abc import Iterable

from core.months import within_months

SECOND_REPORT_MONTHS = 6
PROMPT = "Explain the ASB Case Review to the victim"


def second_report_on(
    reports: Iterable[datetime.date], explained: Iterable[datetime.date] = ()
) -> datetime.date | None:
    """The date of the second report within six months that still needs the explanation, or None
    (no second report since the latest explanation)."""
    latest = max(explained, default=None)
    dates = sorted(day for day in reports if latest is None or day > latest)
    for earlier, later in zip(dates, dates[1:], strict=False):
        if within_months(earlier, later, SECOND_REPORT_MONTHS):
            return later
    return None
