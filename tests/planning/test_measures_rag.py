"""The RAG judgement on its own: a pure function, no database."""

from decimal import Decimal

import pytest

from planning import rag

D = Decimal


@pytest.mark.parametrize(
    ("latest", "target", "baseline", "direction", "expected"),
    [
        (None, D(10), D(5), "higher", rag.NO_DATA),
        (None, None, None, "none", rag.NO_DATA),
        (D(7), None, D(5), "higher", rag.NO_TARGET),
        # higher is better
        (D(100), D(100), D(80), "higher", rag.ON_TARGET),
        (D(120), D(100), D(80), "higher", rag.ON_TARGET),
        (D(90), D(100), D(95), "higher", rag.WITHIN_10),  # exactly 10% short: within
        (D("89.99"), D(100), D(80), "higher", rag.IMPROVING),
        (D(85), D(100), None, "higher", rag.OFF_TARGET),
        (D(70), D(100), D(80), "higher", rag.OFF_TARGET),  # worse than the baseline
        (D(80), D(100), D(80), "higher", rag.OFF_TARGET),  # no better than the baseline
        # lower is better
        (D(500), D(500), D(600), "lower", rag.ON_TARGET),
        (D(450), D(500), D(600), "lower", rag.ON_TARGET),
        (D(550), D(500), D(400), "lower", rag.WITHIN_10),
        (D(580), D(500), D(600), "lower", rag.IMPROVING),
        (D(580), D(500), D(560), "lower", rag.OFF_TARGET),
        # no direction: only the target itself is on target
        (D(10), D(10), None, "none", rag.ON_TARGET),
        (D(11), D(10), None, "none", rag.WITHIN_10),
        (D(9), D(10), None, "none", rag.WITHIN_10),
        (D(5), D(10), D(1), "none", rag.OFF_TARGET),  # a baseline cannot show improvement
        # a target of zero: nothing is within 10% of it
        (D(1), D(0), D(5), "lower", rag.IMPROVING),
        (D(6), D(0), D(5), "lower", rag.OFF_TARGET),
        (D(0), D(0), D(5), "lower", rag.ON_TARGET),
        # negative targets (a change, in percent) keep the same rule
        (D(-4), D(-5), D(0), "lower", rag.IMPROVING),
        (D("-4.5"), D(-5), D(0), "lower", rag.WITHIN_10),
    ],
)
def test_judge(latest, target, baseline, direction, expected):  # type: ignore[no-untyped-def]
    assert rag.judge(latest, target, baseline, direction) == expected


def test_always_words():
    assert rag.ON_TARGET.words == "Green: On target"
    assert rag.WITHIN_10.words == "Amber: Within 10% of target"
    assert rag.IMPROVING.words == "Amber: Improving but not on target"
    assert rag.OFF_TARGET.words == "Red: Off target"
    assert rag.NO_TARGET.words == "No target"
    assert rag.NO_DATA.words == "No data"
