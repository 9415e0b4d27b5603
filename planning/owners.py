"""How an action's owners are written: one Owner/lead agency column, or Lead and Supporting."""

from collections.abc import Iterable, Sequence
from typing import Protocol

TO_BE_CONFIRMED = "To be confirmed"


class OwnerLike(Protocol):
    @property
    def display_name(self) -> str: ...

    @property
    def is_lead(self) -> bool: ...


def lead_name(owners: Iterable[OwnerLike]) -> str:
    """The lead organisation as the action writes it, or "To be confirmed"."""
    return next((o.display_name for o in owners if o.is_lead), TO_BE_CONFIRMED)


def supporting_names(owners: Iterable[OwnerLike]) -> list[str]:
    return [o.display_name for o in owners if not o.is_lead]


def single_column(owners: Sequence[OwnerLike]) -> list[str]:
    """The seed's single column: the owners in order; "To be confirmed" first when none leads."""
    names = [o.display_name for o in owners]
    if not any(o.is_lead for o in owners):
        return [TO_BE_CONFIRMED, *names]
    return names


def means_none(cell: str) -> bool:
    """A blank owner cell or "To be confirmed" (any case) means no organisation yet."""
    return cell.strip().casefold() in {"", TO_BE_CONFIRMED.casefold()}
