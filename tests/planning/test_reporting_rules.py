"""Who still owes a report: the pure rules of `planning.reporting` (no database)."""

from planning.reporting import Owners, owners_missing, writes_contribution, writes_update

A, B, C = 1, 2, 3


def test_owners_from_rows():
    assert Owners.of([(B, False), (A, True)]) == Owners(A, (B, A))
    assert Owners.of([]) == Owners(None, ())


def test_a_lone_lead_is_cleared_by_the_update():
    assert owners_missing(Owners(A, (A,)), has_update=False, contributed=set()) == [A]
    assert owners_missing(Owners(A, (A,)), has_update=True, contributed=set()) == []


def test_joint_action_lead_owes_the_update_and_each_supporting_owner_its_contribution():
    owners = Owners(A, (A, B, C))
    assert owners_missing(owners, has_update=False, contributed=set()) == [A, B, C]
    assert owners_missing(owners, has_update=True, contributed=set()) == [B, C]
    assert owners_missing(owners, has_update=False, contributed={B}) == [A, C]
    assert owners_missing(owners, has_update=True, contributed={B, C}) == []


def test_a_lead_contribution_does_not_stand_for_the_update():
    assert owners_missing(Owners(A, (A, B)), has_update=False, contributed={A, B}) == [A]


def test_without_a_lead_every_owner_contributes_and_the_update_clears_nobody():
    owners = Owners(None, (B, C))
    assert owners_missing(owners, has_update=True, contributed={B}) == [C]
    assert writes_contribution(B, owners) and not writes_update(B, owners)


def test_who_writes_what():
    owners = Owners(A, (A, B))
    assert writes_update(A, owners) and not writes_update(B, owners) and not writes_update(None, owners)
    assert writes_contribution(B, owners)
    assert not writes_contribution(A, owners) and not writes_contribution(C, owners)
    assert not writes_contribution(A, Owners(A, (A,)))
