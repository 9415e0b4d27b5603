"""The mapping from data to a criterion's scale, and disagreements, as pure rules (no database)."""

from decimal import Decimal

import pytest

from assessment.suggestion import (
    HARM,
    RATE_FORCE,
    RATE_GROUP,
    TREND,
    VOLUME,
    IssueData,
    Rule,
    data_gaps,
    measure_value,
    parse_thresholds,
    rule_words,
    scorer_spreads,
    suggest,
)

RATE_RULE = Rule(RATE_FORCE, ((5, Decimal(150)), (4, Decimal(120)), (3, Decimal(90))), 1, 5)


def data(**kw) -> IssueData:
    return IssueData(**{"crime_type": "Burglary", "count": 100, **kw})


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        (15.0, 5),  # exactly 150% of the force average: the edge counts
        (14.99, 4),  # 149.9%
        (12.0, 4),
        (11.99, 3),  # 119.9%
        (9.0, 3),
        (8.99, 1),  # below every threshold: the bottom of the scale (2 has no threshold)
        (0.0, 1),
    ],
)
def test_rate_bands_and_edges(rate, expected):
    found = suggest(RATE_RULE, data(rate=rate, force_rate=10.0))
    assert found is not None and found.value == expected


def test_percentages_are_compared_as_shown_to_one_decimal():
    # 149.96% shows as 150.0% and so earns the 5 it appears to.
    found = suggest(RATE_RULE, data(rate=14.996, force_rate=10.0))
    assert found.value == 5 and found.measured == Decimal("150.0")
    assert found.text == "the rate per 1,000 residents is 150% of the force average"


@pytest.mark.parametrize(
    "missing",
    [
        data(rate=None, force_rate=10.0),
        data(rate=12.0, force_rate=None),
        data(rate=12.0, force_rate=0.0),
        None,  # a theme: no crime data at all
    ],
)
def test_missing_data_gives_no_suggestion(missing):
    assert suggest(RATE_RULE, missing) is None


def test_no_rule_or_no_thresholds_gives_no_suggestion():
    assert suggest(None, data()) is None
    assert suggest(Rule(VOLUME, (), 1, 5), data()) is None
    assert rule_words(Rule(VOLUME, (), 1, 5)) == []


def test_volume_group_and_harm_measures():
    volume = Rule(VOLUME, ((5, Decimal(1000)), (3, Decimal(100))), 1, 5)
    assert suggest(volume, data(count=100)).value == 3
    assert suggest(volume, data(count=99)).value == 1
    assert suggest(volume, data(count=2000)).text == "the number of crimes in the period is 2,000"
    group = Rule(RATE_GROUP, ((5, Decimal(110)),), 1, 5)
    assert suggest(group, data(rate=11.0, group_rate=10.0)).value == 5
    assert suggest(group, data(rate=11.0, force_rate=10.0)) is None  # no group installed
    harm = Rule(HARM, ((4, Decimal(10)),), 0, 4)
    assert suggest(harm, data(harm_share=10.0)).value == 4
    assert suggest(harm, data(harm_share=9.9)).value == 0
    assert suggest(harm, data(harm_share=None)) is None


def test_trend_negative_thresholds_and_normal_variation():
    rule = Rule(TREND, ((5, Decimal(20)), (4, Decimal(5)), (3, Decimal(-5)), (2, Decimal(-20))), 1, 5)
    assert suggest(rule, data(change_percent=-5.0, significant=True)).value == 3
    assert suggest(rule, data(change_percent=-5.1, significant=True)).value == 2
    assert suggest(rule, data(change_percent=-30.0, significant=True)).value == 1
    assert suggest(rule, data(change_percent=None)) is None  # no previous period
    strict = Rule(rule.measure, rule.thresholds, 1, 5, significant_only=True)
    # A +25% that is within normal variation counts as no change (0%: a 3).
    found = suggest(strict, data(change_percent=25.0, significant=False))
    assert found.value == 3 and "within normal variation" in found.text
    assert suggest(strict, data(change_percent=25.0, significant=True)).value == 5
    assert measure_value(TREND, data(change_percent=25.0, significant=False), significant_only=True) == 0
    assert measure_value(TREND, data(change_percent=25.0, significant=False)) == Decimal("25.0")


def test_rule_in_words():
    assert rule_words(RATE_RULE) == [
        "5 if the rate per 1,000 residents is at least 150% of the force average",
        "4 if the rate per 1,000 residents is at least 120% of the force average",
        "3 if the rate per 1,000 residents is at least 90% of the force average",
        "1 otherwise",
    ]
    trend = Rule(TREND, ((5, Decimal("10.5")), (2, Decimal(-10))), 1, 5, significant_only=True)
    assert rule_words(trend) == [
        "5 if the change on the previous period is at least +10.5%",
        "2 if the change on the previous period is at least −10%",
        "1 otherwise",
        "A change within normal variation counts as no change (0%).",
    ]


def test_parse_thresholds_sorts_skips_blanks_and_refuses_bad_rules():
    assert parse_thresholds({"3": "90", "5": "150", "4": "", "2": None}, 1, 5) == (
        (5, Decimal(150)),
        (3, Decimal(90)),
    )
    assert parse_thresholds({"5": "1,000"}, 1, 5) == ((5, Decimal(1000)),)
    with pytest.raises(ValueError, match="must be above the threshold for 4"):
        parse_thresholds({"5": "120", "4": "120"}, 1, 5)
    with pytest.raises(ValueError, match="2 to 5 only"):
        parse_thresholds({"1": "10"}, 1, 5)
    with pytest.raises(ValueError, match="2 to 5 only"):
        parse_thresholds({"6": "10"}, 1, 5)
    with pytest.raises(ValueError, match="must be a number"):
        parse_thresholds({"5": "lots"}, 1, 5)
    with pytest.raises(ValueError, match="below a billion"):
        parse_thresholds({"5": "NaN"}, 1, 5)


def test_scorer_spreads_at_and_above_the_gap():
    scores = [
        (1, 10, "Ann", 2),
        (1, 10, "Bob", 4),  # 2 apart: shown
        (1, 11, "Ann", 3),
        (1, 11, "Bob", 4),  # 1 apart: not shown
        (2, 10, "Ann", 1),
        (2, 10, "Bob", 5),
        (2, 10, "Cy", 3),  # 4 apart: first
        (3, 10, "Ann", 5),  # one scorer: no spread
    ]
    found = scorer_spreads(scores)
    assert [(s.issue_id, s.criterion_id, s.points) for s in found] == [(2, 10, 4), (1, 10, 2)]
    assert found[0].values == (("Ann", 1), ("Cy", 3), ("Bob", 5))


def test_data_gaps_only_where_a_suggestion_exists():
    scores = [(1, 10, "Ann", 5), (1, 10, "Bob", 4), (1, 11, "Ann", 1), (2, 10, "Ann", 1)]
    gaps = data_gaps(scores, {(1, 10): 3, (2, 10): 4})
    assert [(g.issue_id, g.scorer, g.value, g.suggested, g.difference) for g in gaps] == [
        (2, "Ann", 1, 4, -3),
        (1, "Ann", 5, 3, 2),
    ]
