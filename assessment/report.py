"""What the analysis page and the Strategic Assessment document show, built once for web, PDF and Word."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from assessment import charts
from assessment.analysis import TOTALS, Period, format_change, harm_rows, ordinal, type_rows
from assessment.cache import cached
from assessment.deeper import analysis_charts, analysis_tables, build_deeper, cached_bundle
from assessment.mapping import build_map
from assessment.models import NARRATIVE_SECTIONS, Assessment
from assessment.scoring import Criterion, RankedIssue, ScoreValue, rank_issues
from assessment.selectors import crime, records
from assessment.selectors.crime import DistrictRef
from assessment.selectors.hotspots import hotspots as lsoa_hotspots
from assessment.selectors.hotspots import places as place_crime
from core.documents.markdown_docx import shift_headings
from core.text import render_markdown
from crimedata.models import PopulationTable, WeightSet
from partnership.models import Partnership
from planning import selectors as planning_selectors
from planning.models import PlanYear, StatusMeaning

EXAMPLE_NOTE = "Example data — not official figures"
DELIVERED = frozenset({StatusMeaning.COMPLETED, StatusMeaning.ONGOING})


def partnership_districts(partnership: Partnership) -> list[DistrictRef]:
    return [DistrictRef.of(d) for d in partnership.districts.order_by("name")]


def build_analysis(
    districts: Sequence[DistrictRef],
    period: Period,
    *,
    population_table: PopulationTable | None = None,
    weight_set: WeightSet | None = None,
    with_hotspots: bool = True,
) -> dict[str, Any]:
    """Totals with change, crime types, the monthly trend, rates and ranks, harm and hotspots."""
    result = crime.period_summary(districts, period)
    current, previous, changes = result["current"], result["previous"], result["change"]
    totals = [
        {
            "key": key,
            "label": label,
            "count": current[key],
            "previous": previous[key] if previous else None,
            "change": changes[key] if changes else None,
            "change_text": format_change(changes[key] if changes else None),
        }
        for key, label in TOTALS
    ]
    months = list(current["by_month"].items())
    previous_months = list(previous["by_month"].values()) if previous else None
    month_labels = [datetime.date.fromisoformat(m + "-01").strftime("%b %Y") for m, _ in months]
    rows = type_rows(current["by_crime_type"], previous["by_crime_type"] if previous else None)
    for row in rows:
        row["change_text"] = format_change(row["change"]) if previous else "No previous data"
    weights = crime.weights_of(weight_set)
    harm = harm_rows(current["by_crime_type"], weights)
    for row in harm:
        moved = row["moved"]
        row["moved_text"] = f"Up {moved}" if moved > 0 else (f"Down {-moved}" if moved < 0 else "No change")
    spots = lsoa_hotspots(districts, period) if with_hotspots and districts else []
    for spot in spots:
        spot["change_text"] = format_change(spot["change"])
    rates = crime.rates_for_force(districts, period, population_table) if population_table else None
    names = ", ".join(d.name for d in districts) or "No districts"
    example = crime.example_sources(population_table, weight_set)
    if crime.example_force_months(districts, period):
        example.append("Generated example police.uk records (demo)")
    return {
        "districts": districts,
        "district_names": names,
        "period": period,
        "previous_period": period.previous(),
        "has_previous": previous is not None,
        "imported_months": result["imported"],
        "missing_months": period.length - len(result["imported"]),
        "totals": totals,
        "by_type": rows,
        "months": [
            {"label": label, "count": count, "previous": previous_months[i] if previous_months else None}
            for i, (label, (_, count)) in enumerate(zip(month_labels, months, strict=True))
        ],
        "trend_chart": charts.line_chart(
            f"Recorded crime and anti-social behaviour by month, {names}, {period.label}",
            month_labels,
            [c for _, c in months],
            previous=previous_months,
            current_label=period.label,
            previous_label=period.previous().label,
        ),
        "type_chart": charts.bar_chart(
            f"Recorded crime by type, {names}, {period.label}",
            [r["crime_type"] for r in rows],
            [r["count"] for r in rows],
        ),
        "harm": harm,
        "weight_set": weight_set,
        "harm_reordered": any(r["moved"] for r in harm),
        "rates": rates,
        "rate_sentences": _rate_sentences(rates, districts),
        "population_table": population_table,
        "hotspots": spots,
        "example_sources": example,
    }


def data_state(districts: Sequence[DistrictRef], analysis: dict[str, Any]) -> str:
    """ "none": no crime data for the districts at all; "period": none for the chosen period; "ok"."""
    if not districts or not crime.has_crime_data(districts):
        return "none"
    return "ok" if analysis["imported_months"] else "period"


def analysis_bundle(
    districts: Sequence[DistrictRef],
    period: Period,
    *,
    population_table: PopulationTable | None = None,
    weight_set: WeightSet | None = None,
    crime_type: str = "all",
    with_hotspots: bool = True,
    extra_key: tuple[Any, ...] = (),
) -> dict[str, Any]:
    """The analysis (`a`), the deeper sections (`x`), their tables and charts and the data state,
    built once per crime-data version and choice of filters (and `extra_key`: an assessment's last
    change) and then read from the cache."""

    def build() -> dict[str, Any]:
        analysis = build_analysis(
            districts,
            period,
            population_table=population_table,
            weight_set=weight_set,
            with_hotspots=with_hotspots,
        )
        state = data_state(districts, analysis)
        bundle: dict[str, Any] = {"a": analysis, "state": state, "x": None, "tables": {}, "charts": {}}
        bundle["available"] = crime.available_months(districts)
        if state == "ok":
            deeper = build_deeper(
                districts, period, analysis, crime_type=crime_type, population_table=population_table
            )
            bundle.update(
                x=deeper, tables=analysis_tables(analysis, deeper), charts=analysis_charts(analysis, deeper)
            )
        return bundle

    key = (
        tuple((d.code, d.names) for d in districts),
        period.from_text,
        period.to_text,
        population_table.pk if population_table else None,
        weight_set.pk if weight_set else None,
        crime_type,
        with_hotspots,
        *extra_key,
    )
    return cached_bundle(key, build)


def _rate_sentences(rates: dict[str, Any] | None, districts: Sequence[DistrictRef]) -> list[str]:
    """ "Tonbridge and Malling has the 3rd lowest victim-based crime rate of 13 districts …"."""
    if not rates:
        return []
    sentences = []
    labels = dict(TOTALS)
    for key, rows in rates["totals"].items():
        for row in rows:
            if row["is_mine"] and row["rank"]:
                sentences.append(
                    f"{row['area']} has the {ordinal(row['rank'])} lowest {labels[key].lower()} rate "
                    f"of {row['of']} districts in the force: {row['rate']:.2f} per 1,000 residents."
                )
    return sentences


def ranking(assessment: Assessment) -> tuple[list[RankedIssue], list[Any], dict[int, Any]]:
    """The scoring matrix ranked, with the criteria and the issues by id."""
    criteria_objs = records.criteria(assessment)
    criteria = [Criterion(c.pk, c.name, c.weight, c.scale_min, c.scale_max) for c in criteria_objs]
    issues = records.issues_with_scores(assessment)
    scores = [
        ScoreValue(
            s.issue_id, s.criterion_id, s.scorer.get_full_name() or s.scorer.username, s.value, s.confidence
        )
        for issue in issues
        for s in records.issue_scores(issue)
    ]
    ranked = rank_issues([(i.pk, i.title) for i in issues], criteria, scores)
    return ranked, criteria_objs, {i.pk: i for i in issues}


def delivery(plan_year: PlanYear | None) -> dict[str, Any] | None:
    """How far a plan was delivered: actions by status per priority and each action's last word."""
    if plan_year is None:
        return None
    columns, rows, totals = planning_selectors.status_counts(plan_year)
    actions = []
    for action in planning_selectors.actions_for_year(plan_year):
        update = planning_selectors.latest_update(action)
        actions.append(
            {
                "priority": action.priority.title,
                "text": action.text,
                "owners": ", ".join(planning_selectors.action_owner_names(action)),
                "status": planning_selectors.current_status(action),
                "update": update.narrative if update else "",
                "period": update.period.get_code_display() if update else "",
                "is_example": bool(update and update.is_example),
            }
        )
    total = sum(totals.values())
    return {
        "summary": delivery_summary([a["status"] for a in actions]),
        "plan_year": plan_year,
        "columns": columns,
        "rows": rows,
        "totals": totals,
        "total": total,
        "actions": actions,
        "has_example": any(a["is_example"] for a in actions),
    }


def delivery_summary(statuses: Sequence[Any]) -> str:
    """ "N of M actions completed or ongoing (K with no status recorded)", by status meaning."""
    done = sum(1 for s in statuses if s is not None and s.meaning in DELIVERED)
    unrecorded = sum(1 for s in statuses if s is None)
    noun = "action" if len(statuses) == 1 else "actions"
    return f"{done} of {len(statuses)} {noun} completed or ongoing ({unrecorded} with no status recorded)"


def indicator_chart(series: dict[str, Any]) -> charts.Chart:
    """A partner indicator's quarterly values as a line chart."""
    values = series["values"]
    return charts.line_chart(
        f"{series['name']} by quarter",
        [m.period_label for m in values],
        [float(m.value or 0) for m in values],
        current_label=series["name"],
        points="quarters",
    )


def _narrative_html(text: str) -> SafeString:
    """User Markdown as HTML (raw HTML escaped) with its headings moved below the section's."""
    return mark_safe(shift_headings(render_markdown(text), 2))  # noqa: S308 - escaped by render_markdown


def build_document(assessment: Assessment, *, with_hotspots: bool = True) -> dict[str, Any]:
    """Everything in the Strategic Assessment, in document order."""
    partnership = assessment.partnership
    period = Period(assessment.data_from, assessment.data_to)
    bundle = analysis_bundle(
        partnership_districts(partnership),
        period,
        population_table=assessment.population_table,
        weight_set=assessment.weight_set,
        with_hotspots=with_hotspots,
        extra_key=(
            "assessment",
            assessment.pk,
            assessment.modified.isoformat() if assessment.modified else "",
        ),
    )
    analysis = bundle["a"]
    districts = partnership_districts(partnership) if with_hotspots else []
    places = place_crime(partnership, districts, period)
    crime_map = (
        cached(
            ("document_map", tuple((d.code, d.names) for d in districts), period.from_text, period.to_text),
            lambda: build_map(districts, period),
        )
        if districts
        else None
    )
    if crime_map is not None and not crime_map["map"].areas:
        crime_map = None  # no street-level records: the hotspots section already says so
    ranked, criteria, issues = ranking(assessment)
    indicator_series = records.indicator_series(partnership)
    for series in indicator_series:
        series["chart"] = indicator_chart(series)
    community = records.community_views(assessment)
    example = list(analysis["example_sources"]) + (crime_map["example_sources"] if crime_map else [])
    if assessment.is_example:
        example.append("Example narrative for the demo")
    if any(s.is_example for i in issues.values() for s in records.issue_scores(i)):
        example.append("Example scores")
    if any(v.is_example for v in community):
        example.append("Example community views")
    if any(s["is_example"] for s in indicator_series):
        example.append("Example partner indicators")
    delivered = delivery(assessment.reviewed_plan_year)
    if delivered and delivered["has_example"]:
        example.append("Example action updates")
    return {
        "assessment": assessment,
        "partnership": partnership,
        "title": f"{partnership.name}: {assessment.title}",
        "analysis": analysis,
        "bundle": bundle,
        "x": bundle["x"],
        "state": bundle["state"],
        "places": places,
        "map": crime_map,
        "narrative": {name: getattr(assessment, name) for name, _ in NARRATIVE_SECTIONS},
        "narrative_html": {
            name: _narrative_html(getattr(assessment, name)) for name, _ in NARRATIVE_SECTIONS
        },
        "ranked": ranked,
        "criteria": criteria,
        "issues": issues,
        "chosen": [i for i in issues.values() if i.chosen],
        "indicators": indicator_series,
        "community": community,
        "delivery": delivered,
        "example_sources": sorted(set(example)),
        "example_note": EXAMPLE_NOTE,
    }
