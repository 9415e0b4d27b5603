"""The conditional binomial test for two Poisson counts (pure: no database)."""

import math

import pytest

from assessment.significance import change_significance, p_value


def exact_by_brute_force(a: int, b: int) -> float:
    """Two-sided p-value by summing every binomial probability no larger than the observed one."""
    n = a + b
    probs = [math.comb(n, k) / 2**n for k in range(n + 1)]
    observed = probs[a]
    return min(1.0, sum(p for p in probs if p <= observed * (1 + 1e-12)))


def test_demo_change_is_within_normal_variation():
    result = change_significance(8360, 8394)
    assert result is not None
    assert result.words == "Within normal variation" and not result.significant
    assert 0.7 < result.p < 0.85  # z ≈ 34 / (√16,754 / 2) ≈ 0.26


def test_large_changes_are_significant_both_ways():
    up = change_significance(8360, 9000)
    down = change_significance(1693, 1452)
    assert up is not None and up.words == "Significant increase" and up.p < 0.001 and up.p_text == "p < 0.001"
    assert down is not None and down.words == "Significant decrease" and down.significant


@pytest.mark.parametrize(("a", "b"), [(0, 5), (3, 9), (10, 10), (7, 2), (40, 62), (120, 95), (1, 0)])
def test_matches_a_brute_force_sum(a, b):
    assert p_value(a, b) == pytest.approx(exact_by_brute_force(a, b), rel=1e-9)


def test_edges():
    assert p_value(0, 0) == 1.0
    assert p_value(5, 5) == 1.0
    assert p_value(0, 5) == pytest.approx(2 / 32)  # 2 × P(X = 0) for n = 5
    assert p_value(0, 6) < 0.05 < p_value(0, 5)
    assert change_significance(None, 5) is None
    with pytest.raises(ValueError, match="negative"):
        p_value(-1, 3)


def test_very_large_counts_are_exact_and_quick():
    # A whole force over a year: still summed exactly (the terms vanish after a few thousand).
    assert p_value(1_000_000, 1_000_000 + 1000) == pytest.approx(
        math.erfc(1000 / math.sqrt(2_001_000) / math.sqrt(2) * 1), rel=0.05
    )
    assert p_value(1_000_000, 1_010_000) < 1e-10
