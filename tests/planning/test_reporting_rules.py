"""Who still owes a report: the pure rules of `planning.reporting` (no database)."""

from planning import reporting

A, B, C = 1, 2, 3


def test_single_owner_is_cleared_by_the_update():
    assert reporting.owners_missing([A], has_update=False, contributed=set()) == [A]
    assert reporting.owners_missing([A], has_update=True, contributed=set()) == []


def test_joint_action_lead_owes_the_update_and_each_other_owner_its_contribution():
    owners = [A, B, C]
    assert reporting.owners_missing(owners, has_update=False, contributed=set()) == [A, B, C]
    assert reporting.owners_missing(owners, has_update=True, contributed=set()) == [B, C]
    assert reporting.owners_missing(owners, has_update=False, contributed={B}) == [A, C]
    assert reporting.owners_missing(owners, has_update=True, contributed={B, C}) == []


def test_a_lead_contribution_does_not_stand_for_the_update():
    assert reporting.owners_missing([A, B], has_update=False, contributed={A, B}) == [A]


def test_who_writes_what():
    assert reporting.lead_owner([]) is None and reporting.lead_owner([B, A]) == B
    assert reporting.writes_update(A, [A]) and reporting.writes_update(A, [A, B])
    assert not reporting.writes_update(B, [A, B]) and not reporting.writes_update(None, [A])
    assert reporting.writes_contribution(B, [A, B])
    assert not reporting.writes_contribution(A, [A, B]) and not reporting.writes_contribution(A, [A])
    assert not reporting.writes_contribution(C, [A, B])
