"""Projects shown in the plan's "Review of projects and initiatives": a registry higher apps fill.

publishing may not import projects (the layers), so the projects app registers a provider in its
AppConfig.ready(): given a review's priority, it returns the projects serving that priority that
the coordinator chose for the plan, in the coordinator's order, with their summary, outputs (as
printed, qualifiers kept), approved quotes and approved photographs, and their funding only from
pots whose amounts the coordinator has published.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planning.models import Priority


@dataclass(frozen=True)
class ReviewProjectContent:
    title: str
    summary: str  # Markdown
    outputs: list[str] = field(default_factory=list)  # "Events held: 8 events"
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (text, attribution)
    photos: list[Any] = field(default_factory=list)  # records with .image, .alt_text and .caption
    funding: str = ""  # "Funded with £1,200.00 from the PCC tactical pot", only once amounts are public


Provider = Callable[["Priority"], list[ReviewProjectContent]]
REGISTRY: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Add (or replace, on a second ready()) one provider."""
    REGISTRY[key] = provider


def projects_for(priority: "Priority") -> list[ReviewProjectContent]:
    return [item for provider in REGISTRY.values() for item in provider(priority)]
