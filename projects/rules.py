"""The money rules and the project workflow, as pure functions (no database).

Amounts are Decimal with two places (pence), never floats. Per pot: allocated = Σ allocations,
spent = Σ spend on them, committed = allocated − spent, remaining = amount − allocated. An
allocation that takes a pot's remaining below zero, or spend above its allocation, is refused
unless an override with a reason is given.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("9999999999.99")  # 12 digits, 2 after the point (the column's size)


class RuleBroken(ValueError):
    """A money or workflow rule was broken; the message says which, in words for the user."""


def pence(value: Decimal | int | str) -> Decimal:
    """An amount rounded to pence; refuses floats (they cannot hold pence exactly)."""
    if isinstance(value, float):
        raise TypeError("Amounts are Decimal, never float.")
    try:
        return Decimal(value).quantize(PENNY, rounding=ROUND_HALF_UP)
    except InvalidOperation as error:
        raise RuleBroken(f"{value!r} is not an amount of money.") from error


def check_amount(value: Decimal, *, what: str = "The amount") -> Decimal:
    """A positive amount in whole pence within the column's size."""
    if isinstance(value, float):
        raise TypeError("Amounts are Decimal, never float.")
    if not isinstance(value, Decimal) or not value.is_finite():
        raise RuleBroken(f"{what} must be an amount in pounds and pence, like 1234.56.")
    if value != value.quantize(PENNY):
        raise RuleBroken(f"{what} must be in whole pence (at most 2 decimal places).")
    if value <= 0:
        raise RuleBroken(f"{what} must be more than £0.00.")
    if value > MAX_AMOUNT:
        raise RuleBroken(f"{what} must be at most £{MAX_AMOUNT:,}.")
    return value


def money(value: Decimal) -> str:
    """£1,234.56 (negative amounts as −£12.00)."""
    sign = "−" if value < 0 else ""
    return f"{sign}£{abs(value):,.2f}"


def plain(value: Decimal) -> str:
    """1234.56: the CSV and command form (no separators, always two places)."""
    return f"{pence(value):.2f}"


@dataclass(frozen=True)
class AllocationMoney:
    amount: Decimal
    spent: Decimal

    @property
    def unspent(self) -> Decimal:
        return self.amount - self.spent

    @property
    def overspent(self) -> bool:
        return self.spent > self.amount


@dataclass(frozen=True)
class PotMoney:
    amount: Decimal
    allocated: Decimal
    spent: Decimal

    @property
    def committed(self) -> Decimal:
        return self.allocated - self.spent

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.allocated

    def nearly_spent(self, percent: Decimal) -> bool:
        """Remaining below `percent` of the amount (a pot of nothing is never nearly spent)."""
        return self.amount > 0 and self.remaining * 100 < self.amount * percent


def pot_money(amount: Decimal, allocations: Iterable[tuple[Decimal, Iterable[Decimal]]]) -> PotMoney:
    """The sums of a pot from its amount and (allocation amount, [spend amounts]) pairs."""
    allocated, spent = ZERO, ZERO
    for allocation_amount, spend in allocations:
        allocated += pence(allocation_amount)
        spent += sum((pence(s) for s in spend), ZERO)
    return PotMoney(pence(amount), allocated, spent)


def check_allocation(pot: PotMoney, amount: Decimal, override_reason: str = "") -> bool:
    """Whether a new allocation of `amount` needs (and has) an override; RuleBroken if refused.

    Returns True when the override is used (the allocation takes the pot below zero)."""
    check_amount(amount, what="The allocation")
    after = pot.remaining - amount
    if after >= 0:
        return False
    if not override_reason.strip():
        raise RuleBroken(
            f"This allocation of {money(amount)} is more than the pot has left ({money(pot.remaining)}): "
            f"it would leave {money(after)}. Allocate less, or give a reason to override."
        )
    return True


def check_spend(allocation: AllocationMoney, amount: Decimal, override_reason: str = "") -> bool:
    """Whether new spend of `amount` needs (and has) an override; RuleBroken if refused.

    Returns True when the override is used (spend above the allocation)."""
    check_amount(amount, what="The spend")
    after = allocation.unspent - amount
    if after >= 0:
        return False
    if not override_reason.strip():
        raise RuleBroken(
            f"This spend of {money(amount)} is more than is left of its allocation "
            f"({money(allocation.unspent)} of {money(allocation.amount)}). Record less, or give a "
            "reason to override."
        )
    return True


# --- The project workflow. ---

PROPOSED, APPROVED, RUNNING, COMPLETED, EVALUATED, DECLINED, WITHDRAWN = (
    "proposed",
    "approved",
    "running",
    "completed",
    "evaluated",
    "declined",
    "withdrawn",
)

TRANSITIONS: dict[str, tuple[str, ...]] = {
    PROPOSED: (APPROVED, DECLINED),
    APPROVED: (RUNNING, WITHDRAWN),
    RUNNING: (COMPLETED, WITHDRAWN),
    COMPLETED: (EVALUATED,),
    EVALUATED: (),
    DECLINED: (),
    WITHDRAWN: (),
}
LABELS = {
    PROPOSED: "proposed",
    APPROVED: "approved",
    RUNNING: "running",
    COMPLETED: "completed",
    EVALUATED: "evaluated",
    DECLINED: "declined",
    WITHDRAWN: "withdrawn",
}
# Statuses in which money may be allocated and spent.
FUNDABLE = frozenset({APPROVED, RUNNING, COMPLETED})
NEEDS_DECISION = frozenset({PROPOSED, COMPLETED})


def next_statuses(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(current: str, to: str, *, has_approved_evaluation: bool) -> None:
    """RuleBroken unless the workflow allows `current` → `to`."""
    if to not in TRANSITIONS:
        raise RuleBroken("Choose a status from the list.")
    if to not in next_statuses(current):
        if not next_statuses(current):
            raise RuleBroken(f"A {LABELS[current]} project cannot change status.")
        allowed = " or ".join(LABELS[s] for s in next_statuses(current))
        raise RuleBroken(f"A {LABELS[current]} project can only become {allowed}, not {LABELS[to]}.")
    if to == EVALUATED and not has_approved_evaluation:
        raise RuleBroken("A completed project becomes evaluated only once its evaluation is approved.")
