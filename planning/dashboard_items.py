"""Items higher apps add to a plan year's dashboard: a registry that they fill in AppConfig.ready().

planning may not import the apps above it (the layers), so e.g. `projects` registers a provider
that lists projects needing a decision, overdue monitoring and pots nearly spent. Each provider
reads through its own app's visibility querysets for the actor and returns ready-made sections.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.actors import Actor

if TYPE_CHECKING:
    from planning.models import PlanYear


@dataclass(frozen=True)
class DashboardItem:
    text: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class DashboardSection:
    title: str
    items: list[DashboardItem] = field(default_factory=list)
    empty: str = "None."


Provider = Callable[[Any, "PlanYear", datetime.date], list[DashboardSection]]
REGISTRY: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Add (or replace, on a second ready()) one provider."""
    REGISTRY[key] = provider


def sections(actor: Actor, plan_year: "PlanYear", today: datetime.date) -> list[DashboardSection]:
    return [section for provider in REGISTRY.values() for section in provider(actor, plan_year, today)]
