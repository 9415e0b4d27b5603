"""Actions a person owes outside the plan (meeting actions, say), shown in their My actions.

planning may not import the apps above it (the layers), so each registers a source here in its
AppConfig.ready(): `register(key, heading, source)`. A source answers, for the signed-in person and
a partnership, the actions they own as `OtherAction` rows with a link to their page.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.actors import Actor

if TYPE_CHECKING:
    from partnership.models import Partnership


@dataclass(frozen=True)
class OtherAction:
    text: str
    url: str
    origin: str  # where it was agreed: "Strategy Group, 12 May 2020"
    owner: str  # "Kent Police (Jo Bloggs)"
    due_date: datetime.date
    done: bool
    overdue: bool
    is_example: bool = False


Source = Callable[[Actor, "Partnership", datetime.date], list[OtherAction]]

REGISTRY: dict[str, tuple[str, Source]] = {}


def register(key: str, heading: str, source: Source) -> None:
    """Add (or replace, on a second ready()) one source."""
    REGISTRY[key] = (heading, source)


def collect(
    actor: Actor, partnership: "Partnership", today: datetime.date
) -> list[tuple[str, list[OtherAction]]]:
    """Each registered source's heading and the person's actions from it (sources with none left out)."""
    found = []
    for heading, source in REGISTRY.values():
        rows = source(actor, partnership, today)
        if rows:
            found.append((heading, rows))
    return found
