"""Who still owes a report for an action and period: pure rules, no database.

An action's owners are in order; the first is the lead organisation. A single-owner action is
reported by its update. On a joint action (two or more owners) the lead organisation (or the
coordinator) writes the update, the combined text the plan prints, and every other owner adds its
own contribution: one partner's contribution never clears another's missing report.
"""

from collections.abc import Collection, Sequence


def lead_owner(owner_ids: Sequence[int]) -> int | None:
    """The lead organisation: the first owner, or None while the action has no owner."""
    return owner_ids[0] if owner_ids else None


def is_joint(owner_ids: Sequence[int]) -> bool:
    return len(owner_ids) > 1


def writes_update(organisation_id: int | None, owner_ids: Sequence[int]) -> bool:
    """Whether a lead officer of this organisation writes the action's (combined) update."""
    return organisation_id is not None and organisation_id == lead_owner(owner_ids)


def writes_contribution(organisation_id: int | None, owner_ids: Sequence[int]) -> bool:
    """Whether a lead officer of this organisation adds a contribution instead of the update."""
    return is_joint(owner_ids) and organisation_id in owner_ids[1:]


def owners_missing(owner_ids: Sequence[int], *, has_update: bool, contributed: Collection[int]) -> list[int]:
    """The owner organisations that have not yet reported for the period, in owner order."""
    missing = []
    for organisation_id in owner_ids:
        if writes_update(organisation_id, owner_ids) or not is_joint(owner_ids):
            done = has_update
        else:
            done = organisation_id in contributed
        if not done:
            missing.append(organisation_id)
    return missing
