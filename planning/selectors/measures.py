"""Reads of measures: the latest value, where it came from, and the RAG judgement, for pages and documents.

The latest value of a measure is its last periodic value (MeasureValue, in order); without periodic
values it is the headline value: computed from its figure source when it has one, else as typed
(ADR 0017). Nothing here writes: a computed value is set on the loaded instance only.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from core.access import NotFound, Purpose
from core.actors import Actor
from partnership.models import Partnership
from planning import figure_sources, rag
from planning.access import (
    access_measure_by_id,
    access_measure_value_by_id,
    actions_visible_to,
    approaches_visible_to,
    can_record_measure_values,
    outcomes_visible_to,
    priorities_visible_to,
)
from planning.models import Measure, MeasureKind, MeasureValue, PlanYear
from planning.selectors.years import key_figures


@dataclass
class MeasureView:
    """A measure with what every page and document shows beside it."""

    measure: Measure
    values: list[MeasureValue] = field(default_factory=list)
    source_text: str = ""  # "Strategic Assessment: …" when computed; "" when typed
    source_missing: bool = False  # a source is set but gave no value (no data for the period)

    @property
    def latest(self) -> Decimal | None:
        return self.values[-1].value if self.values else self.measure.value

    @property
    def latest_period(self) -> str:
        return self.values[-1].period_label if self.values else self.measure.period_label

    @property
    def latest_text(self) -> str:
        if not self.values:
            return self.measure.display_value if self.measure.value is not None else ""
        return self.measure.display_number(self.latest)

    @property
    def baseline_text(self) -> str:
        return _with_period(
            self.measure.display_number(self.measure.baseline_value), self.measure.baseline_period_label
        )

    @property
    def target_text(self) -> str:
        return _with_period(
            self.measure.display_number(self.measure.target_value), self.measure.target_period_label
        )

    @property
    def rag(self) -> rag.Rag:
        m = self.measure
        return rag.judge(self.latest, m.target_value, m.baseline_value, m.direction)

    @property
    def has_target(self) -> bool:
        return self.measure.target_value is not None or self.measure.baseline_value is not None


def _with_period(text: str, period: str) -> str:
    return f"{text} ({period})" if text and period else text


def source_period(measure: Measure) -> tuple[datetime.date, datetime.date] | None:
    """The days a computed figure covers: the measure's own period, else its plan year's."""
    if measure.period_start and measure.period_end:
        return measure.period_start, measure.period_end
    if measure.plan_year is not None:
        return measure.plan_year.start_date, measure.plan_year.end_date
    return None


def measure_view(measure: Measure, values: list[MeasureValue] | None = None) -> MeasureView:
    """The measure with its values (prefetched `values` used) and its computed value, if it has a source."""
    view = MeasureView(measure, list(measure.values.all()) if values is None else values)
    if measure.source_key:
        period = source_period(measure)
        computed = (
            figure_sources.compute(measure.source_key, measure.partnership, measure.source_params, *period)
            if period
            else None
        )
        if computed is None:
            measure.value = None
            view.source_missing = True
            source = figure_sources.get(measure.source_key)
            view.source_text = f"{source.label if source else 'Unknown source'}: no data for this period"
        else:
            measure.value = computed.value
            view.source_text = computed.source
    return view


def measure_groups(partnership: Partnership) -> list[tuple[PlanYear | None, list[MeasureView]]]:
    """The measures page: the partnership's key figures by plan year, each with latest value and RAG."""
    groups = key_figures(partnership)
    ids = [m.pk for _, ms in groups for m in ms]
    by_measure: dict[int, list[MeasureValue]] = {pk: [] for pk in ids}
    for value in MeasureValue.objects.filter(measure_id__in=ids).order_by("measure", "order", "pk"):
        by_measure[value.measure_id].append(value)
    for _, measures in groups:
        for m in measures:
            m.partnership = partnership
    return [(year, [measure_view(m, by_measure[m.pk]) for m in ms]) for year, ms in groups]


def measure_for_page(actor: Actor, partnership: Partnership, measure_id: object) -> Measure:
    """One key figure of the partnership for its page (members read), with its links."""
    measure = access_measure_by_id(actor, measure_id, for_=Purpose.VIEW, partnership=partnership)
    if measure.kind != MeasureKind.KEY_FIGURE:
        raise NotFound("No such figure.")
    return measure


def measure_links(measure: Measure) -> list[tuple[str, list[str]]]:
    """What the measure is linked to, as (kind, names) for its page."""
    return [
        (
            "Priorities",
            [p.title for p in measure.priorities.order_by("plan_year__start_date", "order", "pk")],
        ),
        ("Approaches", [a.title for a in measure.approaches.order_by("priority__order", "order", "pk")]),
        ("Outcomes", [o.text for o in measure.outcomes.order_by("priority__order", "order", "pk")]),
        ("Actions", [a.text for a in measure.actions.order_by("priority__order", "order", "pk")]),
    ]


def measure_value_for_recorder(actor: Actor, measure: Measure, value_id: object) -> MeasureValue:
    """A periodic value of the measure for someone who may record its values (404 otherwise)."""
    value = access_measure_value_by_id(actor, value_id, for_=Purpose.VIEW, measure=measure)
    if not can_record_measure_values(actor, measure):
        raise NotFound("No such value.")
    return value


def document_measures(measures: list[Measure]) -> list[MeasureView]:
    """The plan document's key figures with their values, computed sources and RAG."""
    by_measure: dict[int, list[MeasureValue]] = {m.pk: [] for m in measures}
    for value in MeasureValue.objects.filter(measure_id__in=list(by_measure)).order_by(
        "measure", "order", "pk"
    ):
        by_measure[value.measure_id].append(value)
    return [measure_view(m, by_measure[m.pk]) for m in measures]


def measure_link_choices(actor: Actor, partnership: Partnership) -> dict[str, QuerySet[Any]]:
    """What a measure may be linked to: the partnership's priorities, approaches, outcomes and actions."""
    return {
        "priorities": priorities_visible_to(actor)
        .filter(plan_year__partnership=partnership)
        .select_related("plan_year")
        .order_by("-plan_year__start_date", "order", "pk"),
        "approaches": approaches_visible_to(actor)
        .filter(priority__plan_year__partnership=partnership)
        .select_related("priority__plan_year")
        .order_by("-priority__plan_year__start_date", "priority__order", "order", "pk"),
        "outcomes": outcomes_visible_to(actor)
        .filter(priority__plan_year__partnership=partnership)
        .select_related("priority__plan_year")
        .order_by("-priority__plan_year__start_date", "priority__order", "order", "pk"),
        "actions": actions_visible_to(actor)
        .filter(plan_year__partnership=partnership)
        .select_related("plan_year", "priority")
        .order_by("-plan_year__start_date", "priority__order", "order", "pk"),
    }


def link_label(item: Any) -> str:
    """ "2020/21: Reduce violence" — links name their plan year (priorities repeat every year)."""
    year = item.plan_year if hasattr(item, "plan_year") else item.priority.plan_year
    text = getattr(item, "title", "") or getattr(item, "text", "")
    return f"{year.label}: {text[:100]}"


def year_measures(plan_year: PlanYear) -> list[Measure]:
    """The plan year's key figures: quoted for the year, or linked to its priorities, approaches,
    outcomes or actions; in the coordinator's order."""
    linked = (
        Q(plan_year=plan_year)
        | Q(priorities__plan_year=plan_year)
        | Q(approaches__priority__plan_year=plan_year)
        | Q(outcomes__priority__plan_year=plan_year)
        | Q(actions__plan_year=plan_year)
    )
    ids = Measure.objects.filter(linked, partnership_id=plan_year.partnership_id, kind=MeasureKind.KEY_FIGURE)
    return list(
        Measure.objects.filter(pk__in=ids.values("pk"))
        .select_related("source_organisation", "partnership", "plan_year")
        .order_by("order", "pk")
    )
