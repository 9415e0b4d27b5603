"""The RAG judgement of a measure: a pure function of four values (no database; ADR 0017).

`judge(latest, target, baseline, direction)`, the rule, in order:

1. No latest value → **No data**.
2. No target → **No target**.
3. Direction "higher is better": latest ≥ target → **Green, On target**.
   Direction "lower is better": latest ≤ target → **Green, On target**.
   No direction: latest = target → **Green, On target**.
4. Otherwise the distance to the target (|latest − target|) is at most 10% of |target| →
   **Amber, Within 10% of target** (with a target of 0 nothing is within 10% but the target itself).
5. Otherwise, with a direction and a baseline, latest better than the baseline (higher than it when
   higher is better, lower when lower is better) → **Amber, Improving but not on target**.
6. Otherwise → **Red, Off target**.

Always shown as words (a GOV.UK tag whose text is the label); the colour only repeats them.
"""

from dataclasses import dataclass
from decimal import Decimal

HIGHER, LOWER, NONE = "higher", "lower", "none"
WITHIN = Decimal("0.10")


@dataclass(frozen=True)
class Rag:
    code: str  # green | amber | red | no_target | no_data
    label: str  # the words shown, always
    tag: str  # the GOV.UK tag modifier

    @property
    def words(self) -> str:
        """ "Green: On target"; "No target" and "No data" stand alone."""
        if self.code in ("green", "amber", "red"):
            return f"{self.code.capitalize()}: {self.label}"
        return self.label


ON_TARGET = Rag("green", "On target", "govuk-tag--green")
WITHIN_10 = Rag("amber", "Within 10% of target", "govuk-tag--orange")
IMPROVING = Rag("amber", "Improving but not on target", "govuk-tag--orange")
OFF_TARGET = Rag("red", "Off target", "govuk-tag--red")
NO_TARGET = Rag("no_target", "No target", "govuk-tag--grey")
NO_DATA = Rag("no_data", "No data", "govuk-tag--grey")


def judge(latest: Decimal | None, target: Decimal | None, baseline: Decimal | None, direction: str) -> Rag:
    """The RAG judgement of the latest value against the target (rule in the module docstring)."""
    if latest is None:
        return NO_DATA
    if target is None:
        return NO_TARGET
    if direction == HIGHER:
        met = latest >= target
    elif direction == LOWER:
        met = latest <= target
    else:
        met = latest == target
    if met:
        return ON_TARGET
    if abs(latest - target) <= abs(target) * WITHIN:
        return WITHIN_10
    if baseline is not None and (
        (direction == HIGHER and latest > baseline) or (direction == LOWER and latest < baseline)
    ):
        return IMPROVING
    return OFF_TARGET
