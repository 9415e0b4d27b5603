"""Pure rules of the crime analysis: periods, group totals, change, rates, ranks and harm weights.

No database here: callers pass counts in, so every rule is tested on plain data.
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from crimedata.models import ASB, CRIME_TYPES, OTHER_AGAINST_SOCIETY, VICTIM_BASED

TOTALS: list[tuple[str, str]] = [
    ("all_crime", "All crime (excluding anti-social behaviour)"),
    ("victim_based", "Victim-based crime"),
    ("other_against_society", "Other crimes against society"),
    ("asb", "Anti-social behaviour"),
]
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> datetime.date:
    """ "2019-04" → 1 April 2019; anything else is a ValueError saying what was expected."""
    match = MONTH_RE.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"{text!r} is not a month: use the form YYYY-MM, e.g. 2019-04.")
    return datetime.date(int(match.group(1)), int(match.group(2)), 1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole months from `start` to `end` inclusive (both first days of a month)."""

    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.start.day != 1 or self.end.day != 1:
            raise ValueError("A period runs over whole months (first day of each month).")
        if self.end < self.start:
            raise ValueError(f"The period ends ({self.end:%Y-%m}) before it starts ({self.start:%Y-%m}).")

    @classmethod
    def parse(cls, start: str, end: str) -> "Period":
        return cls(parse_month(start), parse_month(end))

    @classmethod
    def plan_year(cls, start_year: int) -> "Period":
        """April of start_year to March of the next year."""
        return cls(datetime.date(start_year, 4, 1), datetime.date(start_year + 1, 3, 1))

    @property
    def length(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def months(self) -> list[datetime.date]:
        return [add_months(self.start, i) for i in range(self.length)]

    def previous(self) -> "Period":
        """The period of the same length just before this one."""
        return Period(add_months(self.start, -self.length), add_months(self.start, -1))

    @property
    def label(self) -> str:
        if self.start.month == 4 and self.length == 12:
            return f"{self.start.year}/{(self.start.year + 1) % 100:02d}"
        if self.length == 1:
            return f"{self.start:%B %Y}"
        return f"{self.start:%B %Y} to {self.end:%B %Y}"

    @property
    def from_text(self) -> str:
        return f"{self.start:%Y-%m}"

    @property
    def to_text(self) -> str:
        return f"{self.end:%Y-%m}"


def percent_change(current: float, previous: float) -> float | None:
    """Change as a percentage of `previous`, rounded half up to one decimal; None when previous is 0."""
    if not previous:
        return None
    value = (Decimal(str(current)) - Decimal(str(previous))) * 100 / Decimal(str(previous))
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def change(current: float, previous: float) -> dict[str, Any]:
    return {"count": current - previous, "percent": percent_change(current, previous)}


def group_totals(by_type: Mapping[str, int]) -> dict[str, int]:
    """The four totals: all crime is every type except ASB; the ONS groups; ASB."""
    return {
        "all_crime": sum(n for t, n in by_type.items() if t != ASB),
        "victim_based": sum(by_type.get(t, 0) for t in VICTIM_BASED),
        "other_against_society": sum(by_type.get(t, 0) for t in OTHER_AGAINST_SOCIETY),
        "asb": by_type.get(ASB, 0),
    }


def summarise(rows: Iterable[tuple[datetime.date, str, int]], period: Period) -> dict[str, Any]:
    """Totals, every crime type (zeros too) and every month of the period from (month, type, count)."""
    by_type = dict.fromkeys(CRIME_TYPES, 0)
    by_month = {f"{m:%Y-%m}": 0 for m in period.months()}
    for month, crime_type, count in rows:
        key = f"{month:%Y-%m}"
        if key not in by_month:
            continue
        by_type[crime_type] = by_type.get(crime_type, 0) + count
        by_month[key] += count
    return {
        "from": period.from_text,
        "to": period.to_text,
        **group_totals(by_type),
        "by_crime_type": by_type,
        "by_month": by_month,
    }


def compare(current: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any] | None:
    """{"all_crime": {"count", "percent"}, …} for the four totals; None without a previous period."""
    if previous is None:
        return None
    return {key: change(current[key], previous[key]) for key, _ in TOTALS}


def type_rows(current: Mapping[str, int], previous: Mapping[str, int] | None) -> list[dict[str, Any]]:
    """One row per crime type, in the usual order, with change when a previous period exists."""
    rows = []
    for crime_type in CRIME_TYPES:
        now = current.get(crime_type, 0)
        row: dict[str, Any] = {"crime_type": crime_type, "count": now, "previous": None, "change": None}
        if previous is not None:
            before = previous.get(crime_type, 0)
            row.update(previous=before, change=change(now, before))
        rows.append(row)
    return rows


def rank_positions(values: Mapping[str, float], *, descending: bool) -> dict[str, int]:
    """Competition ranking (1, 2, 2, 4): equal values share a rank."""
    ordered = sorted(values.values(), reverse=descending)
    return {key: ordered.index(value) + 1 for key, value in values.items()}


def rate_per_thousand(count: int, population: int | None) -> float | None:
    if not population:
        return None
    value = Decimal(count) * 1000 / Decimal(population)
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def rates_and_ranks(counts: Mapping[str, int], populations: Mapping[str, int | None]) -> list[dict[str, Any]]:
    """Rate per 1,000 residents for each area and its rank (1 = lowest rate) among areas with a rate."""
    rates = {area: rate_per_thousand(counts.get(area, 0), populations.get(area)) for area in populations}
    known = {area: rate for area, rate in rates.items() if rate is not None}
    ranks = rank_positions(known, descending=False)
    rows = [
        {
            "area": area,
            "count": counts.get(area, 0),
            "population": populations[area],
            "rate": rates[area],
            "rank": ranks.get(area),
            "of": len(known),
        }
        for area in populations
    ]
    return sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["area"]))


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def harm_rows(by_type: Mapping[str, int], weights: Mapping[str, Decimal] | None) -> list[dict[str, Any]]:
    """Crime types ranked by count and by harm (count × weight); unweighted when weights is None.

    ASB is left out: harm indices weight crimes, and ASB is not a notifiable crime.
    """
    types = [t for t in CRIME_TYPES if t != ASB]
    counts = {t: by_type.get(t, 0) for t in types}
    weighted = {
        t: float(Decimal(counts[t]) * (weights.get(t, Decimal(0)) if weights is not None else Decimal(1)))
        for t in types
    }
    count_rank = rank_positions(counts, descending=True)
    harm_rank = rank_positions(weighted, descending=True)
    total = sum(weighted.values())
    rows = [
        {
            "crime_type": t,
            "count": counts[t],
            "count_rank": count_rank[t],
            "weight": weights.get(t, Decimal(0)) if weights is not None else Decimal(1),
            "weighted": round(weighted[t], 1),
            "share": round(weighted[t] * 100 / total, 1) if total else 0.0,
            "harm_rank": harm_rank[t],
            "moved": count_rank[t] - harm_rank[t],
        }
        for t in types
    ]
    return sorted(rows, key=lambda r: (r["harm_rank"], r["crime_type"]))


def hotspot_rows(
    current: Mapping[tuple[str, str], int], previous: Mapping[tuple[str, str], int], limit: int = 10
) -> list[dict[str, Any]]:
    """Top LSOAs by count in the current period, with the previous count and change."""
    ordered = sorted(current.items(), key=lambda item: (-item[1], item[0][0]))[:limit]
    return [
        {
            "lsoa_code": code,
            "lsoa_name": name,
            "count": count,
            "previous": previous.get((code, name), 0),
            "change": change(count, previous.get((code, name), 0)),
        }
        for (code, name), count in ordered
    ]


# Per LSOA code: victim-based crime now, before; ASB now, before.
LsoaCounts = dict[str, tuple[int, int, int, int]]


class PlaceLike(Protocol):
    name: str
    kind: str
    lsoa_codes: Any


def _counted(now: int, before: int) -> dict[str, Any]:
    return {"count": now, "previous": before, "change_text": format_change(change(now, before))}


def place_rows(places: Iterable[PlaceLike], counts: LsoaCounts | None) -> list[dict[str, Any]]:
    """Each place with its LSOAs' victim-based crime and ASB summed ("has_lsoas" False when the
    place names none; "has_data" False when no street-level records cover the periods)."""
    rows = []
    for place in places:
        codes = sorted(set(place.lsoa_codes or []))
        row: dict[str, Any] = {
            "name": place.name,
            "kind": place.kind,
            "lsoa_codes": codes,
            "has_lsoas": bool(codes),
            "has_data": counts is not None and bool(codes),
        }
        if counts is not None and codes:
            sums = [sum(counts.get(code, (0, 0, 0, 0))[i] for code in codes) for i in range(4)]
            row["victim_based"] = _counted(sums[0], sums[1])
            row["asb"] = _counted(sums[2], sums[3])
        rows.append(row)
    return rows


def format_change(value: dict[str, Any] | None) -> str:
    """ "+34 (+0.4%)", "−12 (−3.0%)", "+5 (no previous count)"."""
    if value is None:
        return "No previous data"
    count = value["count"]
    sign = "+" if count > 0 else ("−" if count < 0 else "")
    text = f"{sign}{abs(count):,}"
    percent = value["percent"]
    if percent is None:
        return f"{text} (no previous count)"
    psign = "+" if percent > 0 else ("−" if percent < 0 else "")
    return f"{text} ({psign}{abs(percent):.1f}%)"
