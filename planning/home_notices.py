"""Notices on a person's home pages (the dashboard and My actions) from apps above planning.

planning may not import the apps above it (the layers), so they register a function here in their
AppConfig.ready(): `register(key, notice)`, where `notice(actor, partnership)` returns a `Notice`
or None. A notice carries words and a link only: the home pages do not need two-factor sign-in, so
nothing sensitive may be in it (case work says how many tasks are due, never which).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.actors import Actor

if TYPE_CHECKING:
    from partnership.models import Partnership


@dataclass(frozen=True)
class Notice:
    text: str
    link_text: str
    url: str
    important: bool = False  # shown as a warning (something is overdue)


NoticeSource = Callable[[Any, "Partnership"], Notice | None]
REGISTRY: dict[str, NoticeSource] = {}


def register(key: str, source: NoticeSource) -> None:
    REGISTRY[key] = source


def notices_for(actor: Actor, partnership: "Partnership") -> list[Notice]:
    found = (source(actor, partnership) for source in REGISTRY.values())
    return [notice for notice in found if notice is not None]
