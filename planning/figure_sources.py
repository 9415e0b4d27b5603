"""Where a key figure's value may come from instead of being typed: a registry that higher apps fill.

planning may not import assessment (the layers), so the Strategic Assessment registers its computed
figures here in its AppConfig.ready(): `register(FigureSource(...))`. A measure stores the source's
key (`Measure.source_key`) and its parameters (`Measure.source_params`); the value is computed when
the measure is shown or printed (`compute`), for the measure's period, and the page says where it
came from (`Computed.source`).
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnership.models import Partnership


@dataclass(frozen=True)
class Computed:
    value: Decimal
    source: str  # "Strategic Assessment: victim-based crime, Tonbridge and Malling, Apr 2019 – Mar 2020"


@dataclass(frozen=True)
class Parameter:
    """One parameter a source needs (a crime type, a population table), chosen from a list."""

    name: str
    label: str
    choices: Callable[[], list[tuple[str, str]]]


Compute = Callable[["Partnership", Mapping[str, str], datetime.date, datetime.date], Computed | None]


@dataclass(frozen=True)
class FigureSource:
    key: str
    label: str  # "Strategic Assessment: victim-based crime"
    compute: Compute  # (partnership, params, first day, last day) -> Computed, or None without data
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)


REGISTRY: dict[str, FigureSource] = {}


def register(source: FigureSource) -> None:
    """Add (or replace, on a second ready()) one source."""
    REGISTRY[source.key] = source


def sources() -> list[FigureSource]:
    return list(REGISTRY.values())


def get(key: str) -> FigureSource | None:
    return REGISTRY.get(key)


def parameters() -> dict[str, Parameter]:
    """Every parameter any source needs, by name (the measure form offers one field for each)."""
    found: dict[str, Parameter] = {}
    for source in REGISTRY.values():
        for parameter in source.parameters:
            found.setdefault(parameter.name, parameter)
    return found


def plan_year_dates(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The April–March plan year around a day."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return datetime.date(start_year, 4, 1), datetime.date(start_year + 1, 3, 31)


def compute(
    key: str, partnership: "Partnership", params: Mapping[str, str], start: datetime.date, end: datetime.date
) -> Computed | None:
    """The value of a registered source for the partnership and period; None when unknown or no data."""
    source = REGISTRY.get(key)
    if source is None:
        return None
    return source.compute(partnership, params, start, end)
