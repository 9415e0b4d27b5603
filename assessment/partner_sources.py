"""Where partner indicator values may come from without being typed: a registry higher apps fill.

assessment may not import casework (the layers), so case work registers its yearly totals here in
its AppConfig.ready(): `register(PartnerSource(...))`. A source answers, for a partnership and a
period, (indicator name, value) pairs for the whole partnership only (no breakdowns); a coordinator
adds them as one organisation's partner indicator values after seeing what they would replace.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnership.models import Partnership

Compute = Callable[["Partnership", datetime.date, datetime.date], list[tuple[str, Decimal]]]


@dataclass(frozen=True)
class PartnerSource:
    key: str
    label: str  # "Case work: yearly totals"
    compute: Compute


SOURCES: dict[str, PartnerSource] = {}


def register(source: PartnerSource) -> None:
    """Add (or replace, on a second ready()) one source."""
    SOURCES[source.key] = source


def partner_source(key: str) -> PartnerSource | None:
    return SOURCES.get(key)


def choices() -> list[tuple[str, str]]:
    return [(s.key, s.label) for s in SOURCES.values()]
