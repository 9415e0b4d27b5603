"""The money rules and the workflow table, without a database (property tests included)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projects import rules
from projects.rules import AllocationMoney, PotMoney, RuleBroken

D = Decimal
amounts = st.decimals(
    min_value=D("0.01"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False
)


def test_pot_sums():
    pot = rules.pot_money(D("1000.00"), [(D("400.00"), [D("100.10"), D("50.05")]), (D("250.50"), [])])
    assert pot.allocated == D("650.50")
    assert pot.spent == D("150.15")
    assert pot.committed == D("500.35")
    assert pot.remaining == D("349.50")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        rules.pence(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        rules.check_amount(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (D("0"), "more than £0.00"),
        (D("-5"), "more than £0.00"),
        (D("1.234"), "whole pence"),
        (D("1e12"), "at most"),
    ],
)
def test_bad_amounts(value, message):
    with pytest.raises(RuleBroken, match=message):
        rules.check_amount(value)


def test_allocation_beyond_the_pot_needs_a_reason():
    pot = PotMoney(D("100.00"), D("90.00"), D("0"))
    assert rules.check_allocation(pot, D("10.00")) is False
    with pytest.raises(RuleBroken, match=r"more than the pot has left \(£10.00\)"):
        rules.check_allocation(pot, D("10.01"))
    with pytest.raises(RuleBroken):
        rules.check_allocation(pot, D("10.01"), "   ")
    assert rules.check_allocation(pot, D("10.01"), "Agreed by the board") is True


def test_spend_beyond_the_allocation_needs_a_reason():
    allocation = AllocationMoney(D("50.00"), D("49.99"))
    assert rules.check_spend(allocation, D("0.01")) is False
    with pytest.raises(RuleBroken, match="more than is left of its allocation"):
        rules.check_spend(allocation, D("0.02"))
    assert rules.check_spend(allocation, D("0.02"), "Invoice agreed") is True


def test_nearly_spent():
    assert PotMoney(D("100"), D("90.01"), D("0")).nearly_spent(D("10")) is True
    assert PotMoney(D("100"), D("90.00"), D("0")).nearly_spent(D("10")) is False
    assert PotMoney(D("0"), D("0"), D("0")).nearly_spent(D("10")) is False


def test_money_formats():
    assert rules.money(D("1234.5")) == "£1,234.50"
    assert rules.money(D("-12")) == "−£12.00"
    assert rules.plain(D("1234.5")) == "1234.50"


@given(
    pot_amount=amounts,
    steps=st.lists(
        st.tuples(st.booleans(), amounts, st.booleans(), st.integers(min_value=0, max_value=20)), max_size=30
    ),
)
def test_random_sequences_keep_the_sums_and_never_go_below_zero_without_an_override(pot_amount, steps):
    """Allocate and spend at random, sometimes with an override: the sums always hold, and the pot
    (or an allocation) is below zero only when an override was recorded."""
    allocations: list[list] = []  # [amount, [spend], overridden]
    overrides = 0
    for is_allocation, amount, with_override, pick in steps:
        reason = "Agreed" if with_override else ""
        pot = rules.pot_money(pot_amount, [(a, s) for a, s, _ in allocations])
        if is_allocation or not allocations:
            try:
                used = rules.check_allocation(pot, amount, reason)
            except RuleBroken:
                assert not with_override and pot.remaining - amount < 0
                continue
            allocations.append([amount, [], used])
            overrides += used
        else:
            target = allocations[pick % len(allocations)]
            money = AllocationMoney(target[0], sum(target[1], D("0")))
            try:
                used = rules.check_spend(money, amount, reason)
            except RuleBroken:
                assert not with_override and money.unspent - amount < 0
                continue
            target[1].append(amount)
            overrides += used
        pot = rules.pot_money(pot_amount, [(a, s) for a, s, _ in allocations])
        assert pot.remaining == pot_amount - sum((a for a, _, _ in allocations), D("0"))
        assert pot.committed == pot.allocated - pot.spent
        assert pot.spent == sum((sum(s, D("0")) for _, s, _ in allocations), D("0"))
        if overrides == 0:
            assert pot.remaining >= 0
            assert all(sum(s, D("0")) <= a for a, s, _ in allocations)


@pytest.mark.parametrize(
    ("current", "to", "ok"),
    [
        ("proposed", "approved", True),
        ("proposed", "declined", True),
        ("approved", "running", True),
        ("approved", "withdrawn", True),
        ("running", "withdrawn", True),
        ("running", "completed", True),
        ("completed", "evaluated", True),
        ("approved", "declined", False),
        ("running", "declined", False),
        ("proposed", "running", False),
        ("completed", "withdrawn", False),
        ("declined", "approved", False),
        ("withdrawn", "running", False),
        ("evaluated", "completed", False),
        ("proposed", "bogus", False),
    ],
)
def test_transitions(current, to, ok):
    if ok:
        rules.check_transition(current, to, has_approved_evaluation=True)
    else:
        with pytest.raises(RuleBroken):
            rules.check_transition(current, to, has_approved_evaluation=True)


def test_nothing_leaves_the_end_states():
    for end in ("declined", "withdrawn", "evaluated"):
        assert rules.next_statuses(end) == ()
        with pytest.raises(RuleBroken, match="cannot change status"):
            rules.check_transition(end, "approved", has_approved_evaluation=True)


def test_evaluated_needs_an_approved_evaluation():
    with pytest.raises(RuleBroken, match="evaluation is approved"):
        rules.check_transition("completed", "evaluated", has_approved_evaluation=False)
