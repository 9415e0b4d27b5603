"""Notices that higher apps show on a plan year's pages (the dashboard, the plan documents page).

planning may not import the apps above it (the layers), so each registers a source here in its
AppConfig.ready(): `register(key, where, source)`. A source answers, for an actor and a plan year
that came through its door, a list of `Notice`s; `where` is DASHBOARD or PLAN_DOCUMENTS.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.actors import Actor

if TYPE_CHECKING:
    from planning.models import PlanYear

DASHBOARD = "dashboard"
PLAN_DOCUMENTS = "plan_documents"


@dataclass(frozen=True)
class Notice:
    text: str
    state: str  # a word shown as a tag: "Overdue", "Due", "Upcoming", "Done"
    url: str = ""
    link_text: str = ""
    colour: str = "grey"  # GOV.UK tag colour beside the word


Source = Callable[[Actor, "PlanYear", datetime.date], list[Notice]]

REGISTRY: dict[str, tuple[str, str, Source]] = {}


def register(key: str, where: str, heading: str, source: Source) -> None:
    """Add (or replace, on a second ready()) one source."""
    REGISTRY[key] = (where, heading, source)


def collect(
    where: str, actor: Actor, plan_year: "PlanYear", today: datetime.date
) -> list[tuple[str, list[Notice]]]:
    """Each source's heading and notices for this page (sources with none left out)."""
    found = []
    for place, heading, source in REGISTRY.values():
        if place != where:
            continue
        notices = source(actor, plan_year, today)
        if notices:
            found.append((heading, notices))
    return found
