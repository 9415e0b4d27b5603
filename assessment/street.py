"""Pure rules over street-level aggregates: hotspots by crime type (by LSOA and by repeat location)
and last outcomes by crime type. No database: `StreetAggregates` is what one DuckDB pass returns."""

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assessment.analysis import rate_per_thousand
from crimedata.models import ASB, CRIME_TYPES

# (code, name, crime type, count in the period, count in the period before)
LsoaRow = tuple[str, str, str, int, int]
# (location, longitude, latitude, an LSOA code, crime type, count, count before)
LocationRow = tuple[str, float, float, str | None, str, int, int]
# (crime type, last outcome category or None, count in the period)
OutcomeRow = tuple[str, str | None, int]


@dataclass(frozen=True)
class StreetAggregates:
    has_files: bool
    lsoa: tuple[LsoaRow, ...]
    location: tuple[LocationRow, ...]
    outcomes: tuple[OutcomeRow, ...]


def lsoa_hotspots(
    aggregates: StreetAggregates,
    types: Collection[str],
    *,
    top: int = 10,
    population: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The `top` LSOAs by count of these crime types: code, name, count, previous, rate_per_1000
    (None without a population figure). Ties: by code. LSOAs with none in the period are left out."""
    now: dict[str, int] = defaultdict(int)
    before: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for code, name, crime_type, current, previous in aggregates.lsoa:
        if crime_type in types:
            now[code] += current
            before[code] += previous
            names[code] = name
    ordered = sorted((code for code in now if now[code]), key=lambda c: (-now[c], c))[:top]
    return [
        {
            "code": code,
            "name": names[code],
            "count": now[code],
            "previous": before[code],
            "rate_per_1000": rate_per_thousand(now[code], (population or {}).get(code)),
        }
        for code in ordered
    ]


def location_hotspots(
    aggregates: StreetAggregates, types: Collection[str], *, top: int = 10
) -> list[dict[str, Any]]:
    """The `top` repeat locations (location text, longitude and latitude together) by count of these
    crime types: location, longitude, latitude, lsoa_code, count, previous."""
    now: dict[tuple[str, float, float], int] = defaultdict(int)
    before: dict[tuple[str, float, float], int] = defaultdict(int)
    lsoas: dict[tuple[str, float, float], str | None] = {}
    for location, longitude, latitude, code, crime_type, current, previous in aggregates.location:
        if crime_type in types:
            key = (location, longitude, latitude)
            now[key] += current
            before[key] += previous
            if code and (not lsoas.get(key) or code < str(lsoas[key])):
                lsoas[key] = code  # the lowest code, whatever order the groups came in
    ordered = sorted((k for k in now if now[k]), key=lambda k: (-now[k], k))[:top]
    return [
        {
            "location": key[0],
            "longitude": key[1],
            "latitude": key[2],
            "lsoa_code": lsoas.get(key),
            "count": now[key],
            "previous": before[key],
        }
        for key in ordered
    ]


# police.uk last outcome categories in groups an analyst reports (anything else: "Other").
OUTCOME_GROUPS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "charged",
        "Charged or summonsed",
        (
            "Awaiting court outcome",
            "Court result unavailable",
            "Suspect charged as part of another case",
            "Offender sent to prison",
            "Offender given suspended prison sentence",
            "Offender fined",
            "Offender given community sentence",
            "Offender given conditional discharge",
            "Offender given absolute discharge",
            "Offender deprived of property",
            "Offender ordered to pay compensation",
            "Offender otherwise dealt with",
            "Defendant found not guilty",
            "Defendant sent to Crown Court",
            "Court case unable to proceed",
        ),
    ),
    (
        "out_of_court",
        "Out of court (caution, penalty, local resolution)",
        (
            "Offender given a caution",
            "Offender given a drugs possession warning",
            "Offender given penalty notice",
            "Local resolution",
        ),
    ),
    ("no_suspect", "No suspect identified", ("Investigation complete; no suspect identified",)),
    ("unable", "Unable to prosecute suspect", ("Unable to prosecute suspect",)),
    (
        "not_public_interest",
        "Not in the public interest or for another organisation",
        (
            "Further investigation is not in the public interest",
            "Further action is not in the public interest",
            "Formal action is not in the public interest",
            "Action to be taken by another organisation",
        ),
    ),
    ("under_investigation", "Under investigation", ("Under investigation",)),
    ("other", "Status update unavailable or other", ("Status update unavailable",)),
]
NO_OUTCOME = ("none", "No outcome recorded")
GROUP_OF = {category: key for key, _, categories in OUTCOME_GROUPS for category in categories}
OUTCOME_COLUMNS: list[tuple[str, str]] = [(key, label) for key, label, _ in OUTCOME_GROUPS] + [NO_OUTCOME]


def outcome_group(category: str | None) -> str:
    if not category:
        return NO_OUTCOME[0]
    return GROUP_OF.get(category, "other")


def share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def outcome_rows(aggregates: StreetAggregates) -> list[dict[str, Any]]:
    """One row per crime type with any crime in the period (anti-social behaviour has no outcomes
    and is left out), then "All crime": the count and the count and share in each outcome group."""
    by_type: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(dict(OUTCOME_COLUMNS), 0))
    for crime_type, category, count in aggregates.outcomes:
        if crime_type == ASB:
            continue
        by_type[crime_type][outcome_group(category)] += count
        by_type["All crime"][outcome_group(category)] += count
    order = [t for t in CRIME_TYPES if t in by_type] + sorted(
        t for t in by_type if t not in CRIME_TYPES and t != "All crime"
    )
    rows = []
    for crime_type in [*order, "All crime"] if by_type else []:
        groups = by_type[crime_type]
        total = sum(groups.values())
        rows.append(
            {
                "crime_type": crime_type,
                "count": total,
                "groups": [
                    {"key": key, "label": label, "count": groups[key], "share": share(groups[key], total)}
                    for key, label in OUTCOME_COLUMNS
                ],
            }
        )
    return rows


def outcome_categories(aggregates: StreetAggregates) -> list[dict[str, Any]]:
    """Every last outcome category of crimes (not ASB) in the period, most frequent first."""
    counts: dict[str, int] = defaultdict(int)
    for crime_type, category, count in aggregates.outcomes:
        if crime_type != ASB:
            counts[category or "No outcome recorded"] += count
    total = sum(counts.values())
    return [
        {
            "category": c,
            "group": dict(OUTCOME_COLUMNS)[outcome_group(None if c == "No outcome recorded" else c)],
            "count": n,
            "share": share(n, total),
        }
        for c, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
