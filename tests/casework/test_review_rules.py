"""The case-review agenda rules, without the database."""

import datetime

from casework import review_rules as r

D = datetime.date


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert r.months_before(D(2020, 3, 17), 6) == D(2019, 9, 17)
    assert r.months_before(D(2020, 8, 31), 6) == D(2020, 2, 29)
    assert r.months_before(D(2021, 8, 31), 6) == D(2021, 2, 28)
    assert r.months_before(D(2020, 1, 15), 1) == D(2019, 12, 15)


def test_since_the_last_meeting_or_the_week_before_the_first():
    assert r.since_day(D(2020, 3, 17), D(2020, 3, 10)) == D(2020, 3, 11)
    assert r.since_day(D(2020, 3, 17), None) == D(2020, 3, 10)


def test_overdue_as_of_the_meeting_day():
    day = D(2020, 3, 17)
    assert r.is_overdue_on(D(2020, 3, 16), None, day)
    assert r.is_overdue_on(D(2020, 3, 1), D(2020, 3, 20), day)  # done only after the meeting
    assert not r.is_overdue_on(D(2020, 3, 1), D(2020, 3, 16), day)
    assert not r.is_overdue_on(D(2020, 3, 17), None, day)  # due that day is not yet overdue


def test_second_report_within_six_months_since_the_last_meeting():
    since, day = D(2020, 3, 11), D(2020, 3, 17)
    assert r.second_report([D(2019, 10, 1), D(2020, 3, 12)], since, day)
    assert r.second_report([D(2019, 9, 12), D(2020, 3, 12)], since, day)  # exactly six months
    assert not r.second_report([D(2019, 9, 11), D(2020, 3, 12)], since, day)  # a day more
    assert not r.second_report([D(2020, 3, 12)], since, day)  # a first report
    assert not r.second_report([D(2020, 1, 1), D(2020, 2, 1)], since, day)  # discussed before


def test_risk_raised_only_by_a_higher_rescore_in_the_window():
    since, day = D(2020, 3, 11), D(2020, 3, 17)
    assert r.risk_raised([(D(2020, 1, 1), "low"), (D(2020, 3, 12), "medium")], since, day)
    assert not r.risk_raised([(D(2020, 1, 1), "high"), (D(2020, 3, 12), "medium")], since, day)
    assert not r.risk_raised([(D(2020, 3, 12), "high")], since, day)  # a first score is no rise
    assert not r.risk_raised([(D(2020, 1, 1), "low"), (D(2020, 2, 1), "high")], since, day)


def test_reasons_in_order_and_judged_as_of_the_day():
    since, day = D(2020, 3, 11), D(2020, 3, 17)
    facts = r.CaseFacts(
        opened_on=D(2020, 3, 12),
        risk=[(D(2020, 3, 12), "medium"), (D(2020, 3, 16), "high"), (D(2020, 3, 20), "low")],
        overdue_tasks=2,
        victim_reports=[[D(2020, 3, 12)], [D(2020, 1, 5), D(2020, 3, 13), D(2020, 4, 1)]],
    )
    assert r.reasons(facts, since, day) == list(r.REASONS)
    quiet = r.CaseFacts(opened_on=D(2019, 5, 1), risk=[(D(2019, 5, 1), "low")])
    assert r.reasons(quiet, since, day) == []
