"""Computed key figures from case work (registered in planning's figure sources): yearly counts
for the whole partnership, shown exactly (no breakdown below partnership-year level)."""

import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from assessment import partner_sources
from planning import figure_sources
from planning.figure_sources import Computed, FigureSource

if TYPE_CHECKING:
    from partnership.models import Partnership

FIGURES = {
    "casework.cases_opened": "Case work: cases opened",
    "casework.cpw": "Case work: Community Protection Warnings issued",
    "casework.cpn": "Case work: Community Protection Notices issued",
    "casework.fpn": "Case work: fixed penalty notices issued",
    "casework.dispersal_directions": "Case work: dispersal directions given",
}


def _compute(key: str) -> Callable[..., Computed | None]:
    def compute(
        partnership: "Partnership", params: Mapping[str, str], start: datetime.date, end: datetime.date
    ) -> Computed | None:
        from casework.selectors import totals_between

        totals = totals_between(partnership, start, end)
        field = key.removeprefix("casework.")
        value = sum(totals.cases_opened.values()) if field == "cases_opened" else getattr(totals, field)
        period = f"{start:%b %Y} – {end:%b %Y}"
        return Computed(Decimal(value), f"{FIGURES[key]}, {partnership.name}, {period}")

    return compute


def partner_totals(
    partnership: "Partnership", start: datetime.date, end: datetime.date
) -> list[tuple[str, Decimal]]:
    """The partnership's case-work totals for a period as partner indicator values (name, value):
    the whole partnership only, never a breakdown."""
    from casework.selectors import totals_between

    totals = totals_between(partnership, start, end)
    values = {
        "casework.cases_opened": sum(totals.cases_opened.values()),
        "casework.cpw": totals.cpw,
        "casework.cpn": totals.cpn,
        "casework.fpn": totals.fpn,
        "casework.dispersal_directions": totals.dispersal_directions,
    }
    return [(FIGURES[key], Decimal(value)) for key, value in values.items()]


def register_all() -> None:
    for key, label in FIGURES.items():
        figure_sources.register(FigureSource(key=key, label=label, compute=_compute(key)))
    # The same totals as partner data for the Strategic Assessment (assessment.partner_sources).
    partner_sources.register(
        partner_sources.PartnerSource(
            "casework.totals", "Case work: the partnership's yearly totals", partner_totals
        )
    )
