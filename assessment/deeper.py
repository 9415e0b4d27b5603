"""The analyst's sections beyond the summary: significance of changes, the long monthly series,
hotspots by crime type (LSOA and repeat location), outcomes, comparators, wards, and every table
and chart as data for downloads. Built once (cached until the crime data change) for the analysis
page, the Strategic Assessment page and the downloads."""

import datetime
from collections.abc import Sequence
from typing import Any

from assessment import charts
from assessment.analysis import Period, change, format_change
from assessment.cache import cached
from assessment.selectors import comparators
from assessment.selectors.crime import DistrictRef
from assessment.selectors.series import ALL, label_of, long_series, types_of
from assessment.selectors.street import lsoa_population, street_aggregates
from assessment.significance import EXPLANATION, change_significance
from assessment.street import (
    OUTCOME_COLUMNS,
    location_hotspots,
    lsoa_hotspots,
    outcome_categories,
    outcome_rows,
)
from assessment.tables import Column, Table
from crimedata.models import ASB, PopulationTable

# The types an analyst looks at first, offered as quick links beside "any type".
KEY_TYPES = [ALL, ASB, "Violence and sexual offences", "Burglary", "Vehicle crime"]
TOP = 10


def _month_label(month: datetime.date) -> str:
    return f"{month:%b %Y}"


def significance_rows(analysis: dict[str, Any]) -> list[dict[str, Any]]:
    """Each total and crime type with its change and the test's verdict (empty without a previous period)."""
    if not analysis["has_previous"]:
        return []
    rows = []
    items = [(t["label"], t["previous"], t["count"]) for t in analysis["totals"]]
    items += [(r["crime_type"], r["previous"], r["count"]) for r in analysis["by_type"]]
    for label, before, now in items:
        flag = change_significance(before, now)
        if flag is None:
            continue
        rows.append(
            {
                "label": label,
                "previous": before,
                "count": now,
                "change_text": format_change(change(now, before)),
                "words": flag.words,
                "significant": flag.significant,
                "p": round(flag.p, 4),
                "p_text": flag.p_text,
            }
        )
    return rows


def _series(districts: Sequence[DistrictRef], period: Period, crime_type: str, names: str) -> dict[str, Any]:
    data = long_series(districts, period.end, crime_type)
    rows = data["rows"]
    months = data["months"]
    label = label_of(crime_type)
    labels = [_month_label(m) for m in months]
    monthly = charts.line_chart(
        f"{label} by month, {names}, {labels[0]} to {labels[-1]}",
        labels,
        [r["count"] for r in rows],
        current_label=label,
        from_zero=True,
    )
    known = [
        (lab, r["rolling_12"]) for lab, r in zip(labels, rows, strict=True) if r["rolling_12"] is not None
    ]
    rolling = (
        charts.line_chart(
            f"{label}, rolling 12-month total, {names}",
            [k for k, _ in known],
            [v for _, v in known],
            current_label="Total of the 12 months ending in the month",
            from_zero=True,
        )
        if known
        else None
    )
    seasonal = data["seasonal"]
    season_chart = (
        charts.bar_chart(
            f"Average share of the year's {label.lower()} by month, {names}",
            [r["name"] for r in seasonal["rows"]],
            [float(r["share"]) for r in seasonal["rows"]],
            unit="%",
        )
        if seasonal["years"]
        else None
    )
    return {
        "label": label,
        "first": labels[0],
        "last": labels[-1],
        "rows": [{**r, "label": lab} for r, lab in zip(rows, labels, strict=True)],
        "has_rolling": bool(known),
        "year_on_year": [
            {
                **r,
                "label": _month_label(r["month"]),
                "change_text": format_change(r["change"]) if r["change"] else "–",
            }
            for r in data["year_on_year"]
        ],
        "has_year_on_year": any(r["year_before"] is not None for r in data["year_on_year"]),
        "seasonal": seasonal,
        "monthly_chart": monthly,
        "rolling_chart": rolling,
        "seasonal_chart": season_chart,
    }


def _hotspots(
    aggregates: Any, crime_type: str, period: Period, population_table: PopulationTable | None
) -> dict[str, Any]:
    types = types_of(crime_type)
    first = lsoa_hotspots(aggregates, types, top=TOP)
    # Rates only from the chosen table (the downloads name it); none chosen: no rates.
    population = (
        lsoa_population([r["code"] for r in first], period.start.year, population_table)
        if population_table
        else {}
    )
    by_lsoa = lsoa_hotspots(aggregates, types, top=TOP, population=population)
    by_location = location_hotspots(aggregates, types, top=TOP)
    for row in [*by_lsoa, *by_location]:
        row["change_text"] = format_change(change(row["count"], row["previous"]))
    return {
        "label": label_of(crime_type),
        "by_lsoa": by_lsoa,
        "by_location": by_location,
        "has_rates": any(r["rate_per_1000"] is not None for r in by_lsoa),
    }


def build_deeper(
    districts: Sequence[DistrictRef],
    period: Period,
    analysis: dict[str, Any],
    *,
    crime_type: str = ALL,
    population_table: PopulationTable | None = None,
) -> dict[str, Any]:
    names = analysis["district_names"]
    aggregates = street_aggregates(districts, period)
    outcomes = outcome_rows(aggregates)
    groups = comparators.similar_groups(districts, period, population_table)
    result = {
        "crime_type": crime_type,
        "key_types": [(t, label_of(t)) for t in KEY_TYPES],
        "significance": significance_rows(analysis),
        "significance_explained": EXPLANATION,
        "series": _series(districts, period, crime_type, names),
        "has_street_files": aggregates.has_files,
        "hotspots": _hotspots(aggregates, crime_type, period, population_table),
        "outcomes": outcomes,
        "outcome_columns": OUTCOME_COLUMNS,
        "outcome_categories": outcome_categories(aggregates),
        "force_average": comparators.force_average(analysis["rates"]),
        "england_and_wales": comparators.england_and_wales(period, population_table),
        "similar_groups": groups,
        "wards": comparators.ward_rows(aggregates),
    }
    if any(g["group"].is_example for g in groups):
        analysis["example_sources"] = sorted({*analysis["example_sources"], "Example most similar group"})
    return result


def analysis_tables(a: dict[str, Any], x: dict[str, Any]) -> dict[str, Table]:
    """Every table of the analysis, by key, as the downloads write them."""
    period, before = a["period"].label, a["previous_period"].label
    tables = [
        Table(
            "totals",
            "Recorded crime and anti-social behaviour, with the period of equal length before",
            [
                Column("Total"),
                Column(period, True),
                Column(before, True),
                Column("Change", True),
                Column("Change (%)", True),
            ],
            [
                [
                    t["label"],
                    t["count"],
                    t["previous"],
                    (t["change"] or {}).get("count"),
                    (t["change"] or {}).get("percent"),
                ]
                for t in a["totals"]
            ],
        ),
        Table(
            "months",
            "Recorded crime and anti-social behaviour by month",
            [Column("Month"), Column("Count", True), Column(f"Same month, {before}", True)],
            [[m["label"], m["count"], m["previous"]] for m in a["months"]],
        ),
        Table(
            "types",
            "Count by crime type, with change",
            [Column("Crime type"), Column(period, True), Column(before, True), Column("Change", True)],
            [
                [r["crime_type"], r["count"], r["previous"], (r["change"] or {}).get("count")]
                for r in a["by_type"]
            ],
        ),
        Table(
            "harm",
            "Crime types ranked by harm" if a["weight_set"] else "Crime types ranked by count",
            [
                Column("Harm rank", True),
                Column("Crime type"),
                Column("Count", True),
                Column("Rank by count", True),
                Column("Weight", True),
                Column("Weighted total", True),
                Column("Share (%)", True),
            ],
            [
                [
                    r["harm_rank"],
                    r["crime_type"],
                    r["count"],
                    r["count_rank"],
                    r["weight"],
                    r["weighted"],
                    r["share"],
                ]
                for r in a["harm"]
            ],
        ),
        Table(
            "significance",
            "Is the change meaningful? (two-sided conditional binomial test, 5% level)",
            [
                Column("Measure"),
                Column(before, True),
                Column(period, True),
                Column("Change"),
                Column("Verdict"),
                Column("p-value", True),
            ],
            [
                [r["label"], r["previous"], r["count"], r["change_text"], r["words"], r["p"]]
                for r in x["significance"]
            ],
        ),
        Table(
            "series",
            f"{x['series']['label']} by month with the rolling 12-month total",
            [Column("Month"), Column("Count", True), Column("Rolling 12-month total", True)],
            [[r["month"], r["count"], r["rolling_12"]] for r in x["series"]["rows"]],
        ),
        Table(
            "year_on_year",
            f"{x['series']['label']}: each month against the same month a year before",
            [
                Column("Month"),
                Column("Count", True),
                Column("Year before", True),
                Column("Change", True),
                Column("Change (%)", True),
            ],
            [
                [
                    f"{r['month']:%Y-%m}",
                    r["count"],
                    r["year_before"],
                    (r["change"] or {}).get("count"),
                    (r["change"] or {}).get("percent"),
                ]
                for r in x["series"]["year_on_year"]
            ],
        ),
        Table(
            "seasonal",
            f"{x['series']['label']}: average share of the year by calendar month ({x['series']['seasonal']['years']} whole years)",
            [Column("Month"), Column("Average share (%)", True)],
            [[r["name"], r["share"]] for r in x["series"]["seasonal"]["rows"]],
        ),
        Table(
            "hotspots_lsoa",
            f"Neighbourhoods (LSOAs) with the most {x['hotspots']['label'].lower()}, {period}",
            [
                Column("LSOA"),
                Column("Code"),
                Column("Count", True),
                Column("Period before", True),
                Column("Rate per 1,000 residents", True),
            ],
            [
                [r["name"], r["code"], r["count"], r["previous"], r["rate_per_1000"]]
                for r in x["hotspots"]["by_lsoa"]
            ],
        ),
        Table(
            "hotspots_location",
            f"Repeat locations with the most {x['hotspots']['label'].lower()}, {period}",
            [
                Column("Location"),
                Column("Longitude", True),
                Column("Latitude", True),
                Column("LSOA code"),
                Column("Count", True),
                Column("Period before", True),
            ],
            [
                [r["location"], r["longitude"], r["latitude"], r["lsoa_code"], r["count"], r["previous"]]
                for r in x["hotspots"]["by_location"]
            ],
        ),
        Table(
            "outcomes",
            f"Last outcome of crimes by crime type, {period} (share of the type's crimes, %)",
            [Column("Crime type"), Column("Crimes", True)]
            + [Column(label, True) for _, label in x["outcome_columns"]],
            [[r["crime_type"], r["count"], *(g["share"] for g in r["groups"])] for r in x["outcomes"]],
        ),
        Table(
            "outcome_categories",
            f"Last outcome categories of crimes, {period}",
            [
                Column("Last outcome category"),
                Column("Group"),
                Column("Crimes", True),
                Column("Share (%)", True),
            ],
            [[r["category"], r["group"], r["count"], r["share"]] for r in x["outcome_categories"]],
        ),
    ]
    if a["rates"]:
        tables.append(
            Table(
                "rates",
                "Victim-based crime rate of each district in the force, lowest first",
                [
                    Column("Rank", True),
                    Column("District"),
                    Column("Victim-based crimes", True),
                    Column("Population", True),
                    Column("Rate per 1,000", True),
                ],
                [
                    [r["rank"], r["area"], r["count"], r["population"], r["rate"]]
                    for r in a["rates"]["totals"]["victim_based"]
                ],
            )
        )
    if a["hotspots"]:
        tables.append(
            Table(
                "hotspots",
                f"Neighbourhoods (LSOAs) with the most recorded crime, {period}",
                [Column("LSOA"), Column("Code"), Column("Crimes", True), Column("Period before", True)],
                [[r["lsoa_name"], r["lsoa_code"], r["count"], r["previous"]] for r in a["hotspots"]],
            )
        )
    for index, group in enumerate(x["similar_groups"], start=1):
        group["table"] = Table(
            f"similar_group_{index}",
            f"Victim-based crime rate in {group['group'].name}, lowest first",
            [
                Column("Rank", True),
                Column("District"),
                Column("Victim-based crimes", True),
                Column("Population", True),
                Column("Rate per 1,000", True),
            ],
            [[r["rank"], r["area"], r["count"], r["population"], r["rate"]] for r in group["rows"]],
        )
        tables.append(group["table"])
    if x["wards"]:
        tables.append(
            Table(
                "wards",
                f"Victim-based crime and anti-social behaviour by electoral ward, {period}",
                [
                    Column("Ward"),
                    Column("Code"),
                    Column(f"Victim-based {period}", True),
                    Column(before, True),
                    Column(f"Anti-social behaviour {period}", True),
                    Column(before, True),
                ],
                [
                    [r["name"], r["code"], r["victim_based"], r["victim_before"], r["asb"], r["asb_before"]]
                    for r in x["wards"]["rows"]
                ],
            )
        )
    return {t.key: t for t in tables}


def analysis_charts(a: dict[str, Any], x: dict[str, Any]) -> dict[str, charts.Chart]:
    found = {
        "trend": a["trend_chart"],
        "types": a["type_chart"],
        "series": x["series"]["monthly_chart"],
        "rolling": x["series"]["rolling_chart"],
        "seasonal": x["series"]["seasonal_chart"],
    }
    return {k: v for k, v in found.items() if v is not None}


def cached_bundle(key: tuple[Any, ...], build: Any) -> Any:
    """The analysis built once per crime-data version and `key` (filters, assessment's last change)."""
    return cached(("bundle", *key), build)
