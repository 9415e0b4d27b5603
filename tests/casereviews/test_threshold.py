"""The threshold engine: the issue's table of cases, then properties."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casereviews.threshold import (
    Basis,
    Complaint,
    LocalCountRefused,
    RouteKind,
    RouteRule,
    Rules,
    decide,
    validate_local_count,
)

D = datetime.date
APPLIED = D(2019, 6, 3)


def complaint(ident, day, behaviour=None, **kw):
    return Complaint(ident, behaviour or day, day, organisation="Police", reference=f"R{ident}", **kw)


THREE = [complaint(1, D(2019, 5, 1)), complaint(2, D(2019, 5, 8)), complaint(3, D(2019, 5, 15))]
TWO = THREE[:2]


@pytest.mark.parametrize(
    "name, complaints, rules, met, basis",
    [
        ("3 qualifying complaints", THREE, Rules(), True, Basis.STATUTORY),
        ("2 qualifying complaints", TWO, Rules(), False, Basis.NOT_MET),
        ("2 with a local number of 2", TWO, Rules(count=2), True, Basis.STATUTORY),
        ("1 with a local number of 1", TWO[:1], Rules(count=1), True, Basis.STATUTORY),
        (
            "3, one made outside the month",
            [*TWO, complaint(3, D(2019, 3, 3), behaviour=D(2019, 1, 31))],
            Rules(),
            False,
            Basis.NOT_MET,
        ),
        (
            "3, behaviour 31 January complained of on 28 February",
            [*TWO, complaint(3, D(2019, 2, 28), behaviour=D(2019, 1, 31))],
            Rules(),
            True,
            Basis.STATUTORY,
        ),
        (
            "3, the application seven months after one complaint",
            [*TWO, complaint(3, D(2018, 11, 3))],
            Rules(),
            False,
            Basis.NOT_MET,
        ),
        (
            "one incident reported to two organisations counts once",
            [*TWO, complaint(3, D(2019, 5, 9), incident="A"), complaint(4, D(2019, 5, 10), incident="a")],
            Rules(),
            True,
            Basis.STATUTORY,
        ),
        (
            "two reports of one incident count once by default",
            [TWO[0], complaint(3, D(2019, 5, 9), incident="A"), complaint(4, D(2019, 5, 10), incident="A")],
            Rules(),
            False,
            Basis.NOT_MET,
        ),
        (
            "two reports of one incident count twice when the procedure says so",
            [TWO[0], complaint(3, D(2019, 5, 9), incident="A"), complaint(4, D(2019, 5, 10), incident="A")],
            Rules(incident_counts_once=False),
            True,
            Basis.STATUTORY,
        ),
        (
            "one hate incident, with that local route",
            [complaint(1, D(2019, 5, 1), hate_incident=True)],
            Rules(routes=(RouteRule(RouteKind.HATE_INCIDENT, 1),)),
            True,
            Basis.DISCRETIONARY,
        ),
        (
            "one hate incident, without the route",
            [complaint(1, D(2019, 5, 1), hate_incident=True)],
            Rules(),
            False,
            Basis.NOT_MET,
        ),
        (
            "two complainants about the same issue, route K=2",
            [
                complaint(1, D(2019, 5, 1), complainant="A", issue="Noise"),
                complaint(2, D(2019, 5, 2), complainant="B", issue="noise"),
            ],
            Rules(routes=(RouteRule(RouteKind.COMPLAINANTS, 2),)),
            True,
            Basis.DISCRETIONARY,
        ),
        (
            "one complainant twice about the same issue, route K=2",
            [
                complaint(1, D(2019, 5, 1), complainant="A", issue="Noise"),
                complaint(2, D(2019, 5, 2), complainant="A", issue="Noise"),
            ],
            Rules(routes=(RouteRule(RouteKind.COMPLAINANTS, 2),)),
            False,
            Basis.NOT_MET,
        ),
    ],
)
def test_threshold_table(name, complaints, rules, met, basis):
    decision = decide(APPLIED, complaints, rules)
    assert (decision.met, decision.basis) == (met, basis), name
    assert decision.explanation and decision.rule


def test_a_local_number_of_four_is_refused():
    with pytest.raises(LocalCountRefused, match="never a higher one"):
        validate_local_count(4)
    with pytest.raises(LocalCountRefused):
        Rules(count=4)
    with pytest.raises(LocalCountRefused):
        validate_local_count(0)
    assert [validate_local_count(n) for n in (1, 2, 3)] == [1, 2, 3]


def test_the_decision_names_the_rule_and_the_complaints():
    late = complaint(9, D(2019, 3, 3), behaviour=D(2019, 1, 31))
    decision = decide(APPLIED, [*THREE, late], Rules())
    assert decision.rule.startswith("s.104(4)")
    assert decision.complaint_ids == (1, 2, 3)
    assert "does not qualify" in " ".join(decision.explanation)
    assert "reference R9" in " ".join(decision.explanation)
    assert not decision.officer_may_differ


def test_officers_may_differ_only_outside_the_statutory_rule():
    assert decide(APPLIED, TWO, Rules()).officer_may_differ
    hate = Rules(routes=(RouteRule(RouteKind.HATE_INCIDENT, 1),))
    assert decide(APPLIED, [complaint(1, D(2019, 5, 1), hate_incident=True)], hate).officer_may_differ


complaint_lists = st.lists(
    st.builds(
        Complaint,
        ident=st.integers(1, 10_000),
        behaviour_date=st.dates(D(2018, 1, 1), D(2019, 6, 3)),
        complaint_date=st.dates(D(2018, 1, 1), D(2019, 6, 3)),
        incident=st.sampled_from(["", "", "a", "b"]),
        hate_incident=st.booleans(),
        complainant=st.sampled_from(["", "x", "y", "z"]),
        issue=st.sampled_from(["", "noise"]),
    ),
    max_size=8,
)


@given(complaint_lists, st.integers(1, 3))
def test_more_complaints_never_unmeet_the_threshold(complaints, count):
    rules = Rules(count=count)
    before = decide(APPLIED, complaints, rules)
    after = decide(APPLIED, [*complaints, complaint(99_999, D(2019, 6, 1))], rules)
    assert after.met or not before.met


@given(complaint_lists)
def test_a_lower_local_number_never_unmeets_the_threshold(complaints):
    results = [decide(APPLIED, complaints, Rules(count=n)).met for n in (3, 2, 1)]
    assert results == sorted(results)


@given(complaint_lists)
def test_counting_every_report_never_unmeets_the_threshold(complaints):
    once = decide(APPLIED, complaints, Rules()).met
    every = decide(APPLIED, complaints, Rules(incident_counts_once=False)).met
    assert every or not once


@given(complaint_lists, st.integers(1, 3))
def test_the_statutory_rule_rests_on_enough_qualifying_complaints(complaints, count):
    decision = decide(APPLIED, complaints, Rules(count=count))
    assert decision.met == (decision.basis != Basis.NOT_MET)
    if decision.basis == Basis.STATUTORY:
        assert len(decision.complaint_ids) >= count
        assert set(decision.complaint_ids) <= {c.ident for c in complaints}
