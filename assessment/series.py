"""Long monthly series: rolling 12-month totals, year-on-year by month and the seasonal profile.

Pure rules (no database): callers pass the monthly counts and which months were imported. A month
that was not imported is unknown, not zero: a rolling total that needs it is None.
"""

import datetime
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assessment.analysis import add_months, change

MAX_MONTHS = 60  # five years


def rolling_12(
    months: Sequence[datetime.date], counts: Mapping[datetime.date, int], imported: set[datetime.date]
) -> list[int | None]:
    """For each month, the sum of the 12 months ending with it (earlier months read from `counts`),
    or None when any of those 12 months was not imported."""
    result: list[int | None] = []
    for month in months:
        window = [add_months(month, -i) for i in range(12)]
        if all(m in imported for m in window):
            result.append(sum(counts.get(m, 0) for m in window))
        else:
            result.append(None)
    return result


def series_rows(
    months: Sequence[datetime.date], counts: Mapping[datetime.date, int], imported: set[datetime.date]
) -> list[dict[str, Any]]:
    """The `crime_series` contract: {"month": "YYYY-MM", "count", "rolling_12"} per month."""
    rolling = rolling_12(months, counts, imported)
    return [
        {"month": f"{m:%Y-%m}", "count": counts.get(m, 0), "rolling_12": total}
        for m, total in zip(months, rolling, strict=True)
    ]


def year_on_year(
    months: Sequence[datetime.date], counts: Mapping[datetime.date, int], imported: set[datetime.date]
) -> list[dict[str, Any]]:
    """Each month against the same month a year before (None when that month was not imported)."""
    rows = []
    for month in months:
        before_month = add_months(month, -12)
        now = counts.get(month, 0) if month in imported else None
        before = counts.get(before_month, 0) if before_month in imported else None
        rows.append(
            {
                "month": month,
                "count": now,
                "year_before": before,
                "change": change(now, before) if now is not None and before is not None else None,
            }
        )
    return rows


def seasonal_profile(
    months: Sequence[datetime.date], counts: Mapping[datetime.date, int], imported: set[datetime.date]
) -> dict[str, Any]:
    """Average share of the year's count that falls in each calendar month.

    Years are the whole 12-month blocks counted back from the last month (so a plan year ending in
    March is one block); a block counts only when all 12 of its months were imported and its total
    is not zero. Returns {"years": n, "rows": [{"calendar_month": 4, "name": "April", "share": …}]}
    in the blocks' month order, with shares None when no block is complete.
    """
    blocks: list[list[datetime.date]] = []
    ordered = sorted(months)
    end = len(ordered)
    while end - 12 >= 0:
        block = ordered[end - 12 : end]
        complete = all(m in imported for m in block)
        if complete and sum(counts.get(m, 0) for m in block) > 0:
            blocks.append(block)
        end -= 12
    order = [add_months(ordered[-1], i + 1).month for i in range(12)] if ordered else list(range(1, 13))
    shares: dict[int, list[Decimal]] = {m: [] for m in range(1, 13)}
    for block in blocks:
        total = sum(counts.get(m, 0) for m in block)
        for m in block:
            shares[m.month].append(Decimal(counts.get(m, 0)) * 100 / Decimal(total))
    rows = []
    for calendar_month in order:
        values = shares[calendar_month]
        average = (
            (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if values
            else None
        )
        rows.append(
            {
                "calendar_month": calendar_month,
                "name": datetime.date(2000, calendar_month, 1).strftime("%B"),
                "share": average,
            }
        )
    return {"years": len(blocks), "rows": rows}


def series_months(
    end: datetime.date, first_available: datetime.date | None, *, limit: int = MAX_MONTHS
) -> list[datetime.date]:
    """The months of a long series ending with `end`: up to `limit` months, from the first month
    with data when that is later (never fewer than one month)."""
    start = add_months(end, -(limit - 1))
    if first_available is not None and start < first_available <= end:
        start = first_available
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    return [add_months(start, i) for i in range(count)]
