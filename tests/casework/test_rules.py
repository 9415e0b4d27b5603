"""The 2014 Act's rules as dated configuration, without a database."""

import datetime
from decimal import Decimal

import pytest

from casework import rules
from casework.rules import ActRules, GivenWarning

D = datetime.date
CONDUCT = "Loud music late at night"
CPW = GivenWarning(person_id=1, conduct=CONDUCT, issued_on=D(2019, 5, 1), comply_by=D(2019, 5, 29))


def refusal(**changes: object) -> str | None:
    kwargs: dict[str, object] = {
        "person_id": 1,
        "conduct": CONDUCT,
        "issue_on": D(2019, 6, 10),
        "date_of_birth": D(1990, 1, 1),
        "to_a_body": False,
        "warnings": [CPW],
    }
    kwargs.update(changes)
    return rules.cpn_refusal(**kwargs)  # type: ignore[arg-type]


def test_cpn_after_a_warning_whose_time_has_passed_is_allowed():
    assert refusal() is None
    assert refusal(conduct="  loud MUSIC late at   night ") is None  # the same words, spacing aside


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"warnings": []}, "needs an earlier written warning"),
        ({"warnings": [GivenWarning(2, CONDUCT, D(2019, 5, 1), D(2019, 5, 29))]}, "same person"),
        ({"conduct": "Bonfires"}, "same conduct"),
        ({"issue_on": D(2019, 5, 29)}, "time to comply has passed"),
        ({"warnings": [GivenWarning(1, CONDUCT, D(2019, 5, 1), None)]}, "record when it ends"),
        ({"warnings": [GivenWarning(1, CONDUCT, D(2019, 7, 1), D(2019, 7, 2))]}, "needs an earlier"),
        ({"date_of_birth": D(2003, 6, 11)}, "aged 16 or over"),
        ({"date_of_birth": None}, "record their date of birth"),
        ({"issue_on": D(2014, 10, 19)}, "not in force"),
    ],
)
def test_cpn_refusals_say_why(changes, words):
    found = refusal(**changes)
    assert found is not None and words in found


def test_sixteenth_birthday_and_a_body():
    assert refusal(date_of_birth=D(2003, 6, 10)) is None  # 16 on the day of issue
    assert refusal(date_of_birth=None, to_a_body=True) is None
    assert rules.age_on(D(2004, 2, 29), D(2020, 2, 28)) == 15
    assert rules.age_on(D(2004, 2, 29), D(2020, 3, 1)) == 16


def test_appeal_and_proceedings_dates():
    assert rules.cpn_appeal_last_day(D(2019, 6, 10)) == D(2019, 6, 30)  # 21 days beginning with the 10th
    assert rules.fpn_proceedings_from(D(2019, 6, 10)) == D(2019, 6, 25)  # none within 14 days after


def test_a_later_rule_applies_from_its_commencement_only():
    later = (
        *rules.RULES,
        ActRules(D(2030, 1, 1), cpn_minimum_age=18, cpn_appeal_days=28, fpn_no_proceedings_days=21),
    )
    assert rules.rules_on(D(2029, 12, 31), later).cpn_minimum_age == 16
    assert rules.rules_on(D(2030, 1, 1), later).cpn_minimum_age == 18
    assert rules.cpn_appeal_last_day(D(2030, 1, 1), later) == D(2030, 1, 28)
    assert refusal(issue_on=D(2030, 1, 1), date_of_birth=D(2013, 1, 1), rules=later) is not None


def test_fixed_penalty_cap_by_commencement():
    caps = [rules.FIRST_CAP]
    assert rules.cap_on(D(2019, 1, 1), caps) == Decimal("100.00")
    assert rules.cap_on(D(2014, 1, 1), caps) is None
    assert rules.fpn_refusal(Decimal("100"), D(2019, 1, 1), caps) is None
    assert "not be more than £100.00" in (rules.fpn_refusal(Decimal("100.01"), D(2019, 1, 1), caps) or "")
    later = [*caps, (D(2026, 4, 1), Decimal("150.00"))]
    assert rules.fpn_refusal(Decimal("150"), D(2026, 3, 31), later) is not None
    assert rules.fpn_refusal(Decimal("150"), D(2026, 4, 1), later) is None
    assert "Enter the amount" in (rules.fpn_refusal(None, D(2019, 1, 1), caps) or "")


def test_risk_score_bands():
    questions = [{"key": "a", "text": "A", "weight": 2}, {"key": "b", "text": "B", "weight": 4}]
    assert rules.risk_score(questions, {}, 3, 6) == (0, "low")
    assert rules.risk_score(questions, {"b": True}, 3, 6) == (4, "medium")
    assert rules.risk_score(questions, {"a": True, "b": True}, 3, 6) == (6, "high")
    assert rules.risk_score(questions, {"zzz": True}, 3, 6) == (0, "low")


def test_small_counts_outside_case_work():
    assert rules.small_count(4, in_case_work=False) == "fewer than 5"
    assert rules.small_count(0, in_case_work=False) == "fewer than 5"
    assert rules.small_count(5, in_case_work=False) == "5"
    assert rules.small_count(2, in_case_work=True) == "2"


def test_retention_review_day():
    assert rules.retention_review_on(D(2019, 6, 30), 6) == D(2025, 6, 30)
    assert rules.retention_review_on(D(2020, 2, 29), 1) == D(2021, 2, 28)


def test_likely_same_person():
    same = rules.likely_same_person
    assert same(("Jon Smith", D(1990, 1, 2), ""), ("John Smith", D(1990, 1, 2), ""))
    assert not same(("Jon Smith", D(1990, 1, 2), ""), ("Jon Smith", D(1991, 1, 2), ""))
    assert not same(("Ann Lee", D(1990, 1, 2), ""), ("Bob Stone", D(1990, 1, 2), ""))
    assert same(("Jo Bloggs", None, "12 High St\nTown"), ("Jo Bloggs", D(1980, 1, 1), "12, High St."))
    assert not same(("Jo Bloggs", None, ""), ("Jo Bloggs", None, ""))
