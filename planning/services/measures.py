"""The partnership's measures: key figures with baseline, target, direction, links and periodic values."""

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from partnership.models import Partnership
from planning import access, figure_sources
from planning.models import (
    Action,
    Approach,
    Measure,
    MeasureDirection,
    MeasureKind,
    MeasureValue,
    Outcome,
    Priority,
)
from planning.services._common import _require_coordinator

MEASURE_FIELDS = {
    "plan_year",
    "name",
    "unit",
    "period_label",
    "period_start",
    "period_end",
    "value",
    "value_qualifier",
    "comparison_value",
    "comparison_period_label",
    "stated_change",
    "source_organisation",
    "note",
    "order",
    "is_example",
    "direction",
    "baseline_value",
    "baseline_period_label",
    "target_value",
    "target_period_label",
    "source_key",
    "source_params",
}


def _partnership_of(linked: Priority | Approach | Outcome | Action) -> int:
    if isinstance(linked, Priority | Action):
        return linked.plan_year.partnership_id
    return linked.priority.plan_year.partnership_id


def _check_fields(partnership: Partnership, fields: dict[str, Any], measure: Measure | None) -> None:
    unknown = set(fields) - MEASURE_FIELDS
    if unknown:
        raise ServiceError(f"Unknown figure fields: {', '.join(sorted(unknown))}.")
    year, source = fields.get("plan_year"), fields.get("source_organisation")
    if (year and year.partnership_id != partnership.pk) or (
        source and source.partnership_id != partnership.pk
    ):
        raise ServiceError("The plan year and source must belong to this partnership.")
    if fields.get("direction", MeasureDirection.NONE) not in MeasureDirection.values:
        raise ServiceError("Choose whether higher or lower is better, or no direction.")
    key = fields.get("source_key", measure.source_key if measure else "")
    if key and figure_sources.get(key) is None:
        raise ServiceError("Choose where the value comes from from the list.")


@transaction.atomic
def measure_save(
    *,
    partnership: Partnership,
    actor: Actor,
    measure: Measure | None = None,
    priorities: Sequence[Priority] | None = None,
    approaches: Sequence[Approach] | None = None,
    outcomes: Sequence[Outcome] | None = None,
    actions: Sequence[Action] | None = None,
    **fields: Any,
) -> Measure:
    """Add or edit one of the partnership's key figures (measures); links are replaced when given."""
    _require_coordinator(actor, partnership)
    _check_fields(partnership, fields, measure)
    links = {"priorities": priorities, "approaches": approaches, "outcomes": outcomes, "actions": actions}
    for chosen in links.values():
        if chosen is not None and any(_partnership_of(item) != partnership.pk for item in chosen):
            raise ServiceError(
                "Link the measure only to this partnership's priorities, outcomes and actions."
            )
    if measure is None:
        measure = Measure(partnership=partnership, kind=MeasureKind.KEY_FIGURE)
    elif measure.partnership_id != partnership.pk:
        raise AccessDenied("That figure belongs to another partnership.")
    for name, value in fields.items():
        setattr(measure, name, value)
    save_as(measure, actor)
    for name, chosen in links.items():
        if chosen is not None:
            getattr(measure, name).set(chosen)
    return measure


@transaction.atomic
def measure_delete(*, measure: Measure, actor: Actor) -> None:
    _require_coordinator(actor, measure.partnership)
    delete_as(measure, actor)


def _require_recorder(actor: Actor, measure: Measure) -> None:
    if not access.can_record_measure_values(actor, measure):
        raise AccessDenied("Only the coordinator, or a lead officer of a linked action, can record values.")


@transaction.atomic
def measure_value_save(
    *,
    measure: Measure,
    actor: Actor,
    period_label: str,
    value: Decimal,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    note: str = "",
    measure_value: MeasureValue | None = None,
) -> MeasureValue:
    """Add a periodic value at the end of the measure's series, or change one."""
    _require_recorder(actor, measure)
    if not period_label.strip():
        raise ServiceError("Enter the period, for example Q1 2021/22")
    if period_start and period_end and period_end < period_start:
        raise ServiceError("The period must end on or after its first day")
    if measure_value is None:
        last = measure.values.aggregate(m=Max("order"))["m"] or 0
        measure_value = MeasureValue(measure=measure, order=last + 1)
    elif measure_value.measure_id != measure.pk:
        raise AccessDenied("That value belongs to another measure.")
    measure_value.period_label = period_label.strip()
    measure_value.period_start, measure_value.period_end = period_start, period_end
    measure_value.value, measure_value.note = value, note
    save_as(measure_value, actor)
    return measure_value


@transaction.atomic
def measure_value_delete(*, measure_value: MeasureValue, actor: Actor) -> None:
    _require_recorder(actor, measure_value.measure)
    delete_as(measure_value, actor)
