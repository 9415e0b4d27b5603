"""Who still owes a report for an action and period: pure rules, no database.

An action has at most one lead organisation and any number of supporting ones. The lead's officers
(or the coordinator) write the action's update, the text the plan prints; every other owner adds
its own contribution. The lead is cleared by the update, every other owner only by its own
contribution, so one partner's report never clears another's. Without a lead ("To be confirmed")
the coordinator writes the update and each owner contributes.
"""

import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from planning.models import StatusMeaning


@dataclass(frozen=True)
class Owners:
    """An action's owner organisations (ids, in order) and which of them leads, if any."""

    lead: int | None
    all: tuple[int, ...]

    @classmethod
    def of(cls, rows: Sequence[tuple[int, bool]]) -> "Owners":
        """From (organisation id, is lead) pairs in owner order."""
        lead = next((organisation for organisation, is_lead in rows if is_lead), None)
        return cls(lead, tuple(organisation for organisation, _ in rows))


def writes_update(organisation_id: int | None, owners: Owners) -> bool:
    """Whether a lead officer of this organisation writes the action's update."""
    return organisation_id is not None and organisation_id == owners.lead


def writes_contribution(organisation_id: int | None, owners: Owners) -> bool:
    """Whether a lead officer of this organisation adds a contribution instead of the update."""
    return organisation_id in owners.all and organisation_id != owners.lead


def owners_missing(owners: Owners, *, has_update: bool, contributed: Collection[int]) -> list[int]:
    """The owner organisations that have not yet reported for the period, in owner order."""
    return [
        organisation
        for organisation in owners.all
        if not (has_update if organisation == owners.lead else organisation in contributed)
    ]


class HasMeaning(Protocol):
    @property
    def meaning(self) -> str: ...


def is_overdue(due_date: datetime.date | None, status: HasMeaning | None, today: datetime.date) -> bool:
    """Past its due date and not completed (no status recorded counts as not completed)."""
    return (
        due_date is not None
        and due_date < today
        and (status is None or status.meaning != StatusMeaning.COMPLETED)
    )
