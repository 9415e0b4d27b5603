"""Appendices printed at the end of the plan and strategy documents: a registry higher apps fill.

publishing may not import governance (the layers), so governance registers providers in its
AppConfig.ready(): given a plan year (or a strategy), they return the appendices the coordinator
chose to print, such as an equality impact assessment. The document is built from them at publish
time, so a published version keeps the appendix in its stored bytes. Text is plain (never HTML or
Markdown): the renderers escape it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planning.models import PlanYear, Strategy


@dataclass(frozen=True)
class AppendixPart:
    heading: str
    paragraphs: list[str] = field(default_factory=list)  # plain text, one entry a paragraph
    items: list[str] = field(default_factory=list)  # a bulleted list


@dataclass(frozen=True)
class Appendix:
    title: str  # "Equality impact assessment"
    parts: list[AppendixPart] = field(default_factory=list)
    is_example: bool = False


PlanProvider = Callable[["PlanYear"], list[Appendix]]
StrategyProvider = Callable[["Strategy"], list[Appendix]]
PLAN_REGISTRY: dict[str, PlanProvider] = {}
STRATEGY_REGISTRY: dict[str, StrategyProvider] = {}


def register(key: str, *, plan: PlanProvider | None = None, strategy: StrategyProvider | None = None) -> None:
    """Add (or replace, on a second ready()) one app's providers."""
    if plan is not None:
        PLAN_REGISTRY[key] = plan
    if strategy is not None:
        STRATEGY_REGISTRY[key] = strategy


def for_plan_year(plan_year: "PlanYear") -> list[Appendix]:
    return [a for key in sorted(PLAN_REGISTRY) for a in PLAN_REGISTRY[key](plan_year)]


def for_strategy(strategy: "Strategy") -> list[Appendix]:
    return [a for key in sorted(STRATEGY_REGISTRY) for a in STRATEGY_REGISTRY[key](strategy)]


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines (single line breaks kept inside one)."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
