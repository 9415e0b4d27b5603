"""Is a change between two periods' counts more than normal variation? (Pure: no database.)

Two counts of crimes recorded over periods of equal length are treated as Poisson counts. Given
their total n = a + b, the count of the later period is Binomial(n, ½) when nothing changed (the
conditional test for two Poisson rates with equal exposure). The two-sided p-value is
min(1, 2 · P(X ≤ min(a, b))) for X ~ Binomial(n, ½) (the distribution is symmetric), computed
exactly: the terms are summed in log space from min(a, b) downwards, so even a force's millions of
crimes need only the few thousand terms that are not negligible. No normal approximation is used.

A change is "within normal variation" when p ≥ α (0.05), "a significant increase/decrease" below.
"""

import math
from dataclasses import dataclass

ALPHA = 0.05
EXPLANATION = (
    "A change is called significant when it is unlikely to be chance: if the true level had not "
    "changed, counts as far apart as these (or further) would happen less than 5 times in 100. "
    "Each pair of counts is tested with a two-sided conditional binomial test for two Poisson counts "
    "over periods of equal length (exact, at the 5% level). A change within normal variation may "
    "still matter; it is just not evidence on its own that the level has moved."
)


def _log_binomial_half(n: int, k: int) -> float:
    """log P(X = k) for X ~ Binomial(n, ½)."""
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2)


def p_value(before: int, after: int) -> float:
    """Two-sided exact p-value that two Poisson counts over equal periods have the same rate."""
    if before < 0 or after < 0:
        raise ValueError("Counts cannot be negative.")
    n = before + after
    if n == 0 or before == after:
        return 1.0
    low = min(before, after)
    # Terms P(X = k) grow with k up to n/2, so sum from k = low downwards until they vanish.
    top = _log_binomial_half(n, low)
    total = 0.0
    for k in range(low, -1, -1):
        term = math.exp(_log_binomial_half(n, k) - top)
        total += term
        if term < 1e-17 * total:
            break
    tail = math.exp(top) * total
    return min(1.0, 2 * tail)


@dataclass(frozen=True)
class Significance:
    before: int
    after: int
    p: float
    significant: bool
    words: str

    @property
    def p_text(self) -> str:
        return "p < 0.001" if self.p < 0.001 else f"p = {self.p:.3f}"


def change_significance(before: int | None, after: int, *, alpha: float = ALPHA) -> Significance | None:
    """The flag for a change from `before` to `after` (None without a previous count)."""
    if before is None:
        return None
    p = p_value(before, after)
    significant = p < alpha
    if not significant:
        words = "Within normal variation"
    else:
        words = "Significant increase" if after > before else "Significant decrease"
    return Significance(before, after, p, significant, words)
