"""The update rounds' calendar rules and the message texts' placeholders (no database)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnership.messaging import UNKNOWN_AFTER, fill, result_label, unknown_placeholders
from planning import rounds

D = datetime.date


def test_due_date_is_the_periods_while_it_has_not_passed() -> None:
    assert rounds.opening_due_date(D(2020, 7, 15), None, D(2020, 7, 1)) == D(2020, 7, 15)
    assert rounds.opening_due_date(D(2020, 7, 15), None, D(2020, 7, 15)) == D(2020, 7, 15)


def test_due_date_defaults_to_14_days_from_today_once_the_periods_has_passed() -> None:
    assert rounds.opening_due_date(D(2020, 10, 15), None, D(2026, 12, 1)) == D(2026, 12, 15)


def test_a_chosen_due_date_wins_but_may_not_be_in_the_past() -> None:
    assert rounds.opening_due_date(D(2020, 10, 15), D(2026, 12, 20), D(2026, 12, 1)) == D(2026, 12, 20)
    with pytest.raises(rounds.PastDueDate):
        rounds.opening_due_date(D(2020, 10, 15), D(2026, 11, 30), D(2026, 12, 1))


def test_reminder_window_is_n_days_before_up_to_the_due_date() -> None:
    due = D(2020, 7, 15)
    assert not rounds.sends_reminder(due, D(2020, 7, 9), 5)
    assert rounds.sends_reminder(due, D(2020, 7, 10), 5)
    assert rounds.sends_reminder(due, D(2020, 7, 15), 5)
    assert not rounds.sends_reminder(due, D(2020, 7, 16), 5)
    assert rounds.sends_reminder(due, D(2020, 7, 15), 0) and not rounds.sends_reminder(due, D(2020, 7, 14), 0)


def test_chaser_only_after_the_due_date_and_notices_only_until_it() -> None:
    due = D(2020, 7, 15)
    assert not rounds.sends_chaser(due, due) and rounds.sends_chaser(due, D(2020, 7, 16))
    assert rounds.sends_round_notice(due, due) and not rounds.sends_round_notice(due, D(2020, 7, 16))


def test_digest_only_on_mondays_when_wanted() -> None:
    assert rounds.digest_week(D(2020, 7, 20), True) == D(2020, 7, 20)  # a Monday
    assert rounds.digest_week(D(2020, 7, 21), True) is None
    assert rounds.digest_week(D(2020, 7, 20), False) is None


def test_late_means_received_after_or_missing_after_the_due_date() -> None:
    due = D(2020, 7, 15)
    assert not rounds.is_late(D(2020, 7, 15), due, D(2020, 8, 1))
    assert rounds.is_late(D(2020, 7, 16), due, D(2020, 8, 1))
    assert not rounds.is_late(None, due, D(2020, 7, 15))
    assert rounds.is_late(None, due, D(2020, 7, 16))


@given(st.dates(), st.integers(min_value=0, max_value=60))
def test_reminder_and_chaser_never_on_the_same_day(today: datetime.date, days: int) -> None:
    due = D(2020, 7, 15)
    assert not (rounds.sends_reminder(due, today, days) and rounds.sends_chaser(due, today))


def test_placeholders_are_filled_once_and_unknown_ones_named() -> None:
    assert fill("Hello {name}, due {due_date}", {"name": "{due_date}", "due_date": "15 July"}) == (
        "Hello {due_date}, due 15 July"
    )
    assert fill("{unknown} {name}", {}) == "{unknown} "
    assert unknown_placeholders("{name} {nmae} {x} {nmae}") == ["nmae", "x"]


def test_a_claim_without_result_is_unknown_after_15_minutes() -> None:
    claimed = datetime.datetime(2020, 7, 10, 9, 0, tzinfo=datetime.UTC)
    assert result_label("", claimed, claimed + UNKNOWN_AFTER) == "Sending"
    assert (
        result_label("", claimed, claimed + UNKNOWN_AFTER + datetime.timedelta(seconds=1))
        == "Unknown — check"
    )
    assert result_label("sent", claimed, claimed + datetime.timedelta(days=1)) == "Sent"
    assert result_label("failed", claimed, claimed) == "Failed"
