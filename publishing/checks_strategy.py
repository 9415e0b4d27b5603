"""What a coordinator must see before a strategy goes public (like `publishing.checks` for plans)."""

from dataclasses import dataclass

from planning.models import Strategy
from publishing.checks import Check, Checklist
from publishing.render.strategy import StrategyDocument, build_strategy


@dataclass
class StrategyChecklist:
    strategy: Strategy
    checks: list[Check]

    refusal = ""  # a strategy can always be published once its checklist has been seen

    def lines(self) -> list[str]:
        """The checklist as plain text lines (for the command), as a plan's are printed."""
        return Checklist.lines(self)  # type: ignore[arg-type]  # it reads only `checks`


def strategy_checklist(strategy: Strategy, doc: StrategyDocument | None = None) -> StrategyChecklist:
    """Empty vision or narrative, and a strategy without plan years (or with years missing)."""
    doc = doc or build_strategy(strategy)
    checks = []
    empty = [
        label for label, text in (("Vision", doc.vision), ("Narrative", doc.narrative)) if not text.strip()
    ]
    if empty:
        checks.append(
            Check(f"{'This section is' if len(empty) == 1 else 'These sections are'} empty:", empty)
        )
    if not doc.years:
        checks.append(Check("No plan year belongs to the strategy: it will list no delivery plans."))
    else:
        joined = {year.label for year in doc.years}
        missing = [label for label in doc.span_years if label not in joined]
        if missing:
            checks.append(Check("Plan years of the strategy's span that do not belong to it:", missing))
    return StrategyChecklist(strategy=strategy, checks=checks)
