"""The scoring matrix rules, no database."""

from decimal import Decimal

import pytest

from assessment.scoring import Criterion, ScoreValue, rank_issues, validate_value

HARM = Criterion(1, "Harm", Decimal(2), 1, 5)
VOLUME = Criterion(2, "Volume", Decimal(1), 1, 5)
CONCERN = Criterion(3, "Public concern", Decimal(1), 0, 3)


def test_weighted_ranking_and_points():
    issues = [(10, "Burglary"), (20, "Domestic abuse"), (30, "Shoplifting")]
    scores = [
        ScoreValue(10, 1, "a", 3),
        ScoreValue(10, 2, "a", 4),
        ScoreValue(20, 1, "a", 5),
        ScoreValue(20, 1, "b", 4, "high"),
        ScoreValue(20, 2, "a", 2),
        ScoreValue(30, 1, "a", 1),
        ScoreValue(30, 2, "a", 5),
    ]
    ranked = rank_issues(issues, [HARM, VOLUME], scores)
    assert [r.title for r in ranked] == ["Domestic abuse", "Burglary", "Shoplifting"]
    top = ranked[0]
    # Harm mean 4.5 → 0.875 × 66.67 = 58.3; volume 2 → 0.25 × 33.33 = 8.3
    assert top.score == 66.7
    assert [round(p.points, 1) for p in top.parts] == [58.3, 8.3]
    assert top.scorers == ["a", "b"]
    assert top.confidence == 83  # mean of 75, 100, 75 (medium, high, medium)
    assert "Harm (58.3 of 66.7)" in top.explanation
    assert "weakest on Volume" in top.explanation


def test_weight_changes_the_order():
    issues = [(1, "A"), (2, "B")]
    scores = [
        ScoreValue(1, 1, "s", 5),
        ScoreValue(1, 2, "s", 1),
        ScoreValue(2, 1, "s", 1),
        ScoreValue(2, 2, "s", 5),
    ]
    assert rank_issues(issues, [HARM, VOLUME], scores)[0].title == "A"
    light_harm = Criterion(1, "Harm", Decimal("0.5"), 1, 5)
    assert rank_issues(issues, [light_harm, VOLUME], scores)[0].title == "B"


def test_ties_share_rank_and_missing_scores_count_zero():
    issues = [(1, "Beta"), (2, "Alpha"), (3, "Gamma")]
    scores = [ScoreValue(1, 3, "s", 3), ScoreValue(2, 3, "s", 3), ScoreValue(3, 3, "s", 0)]
    ranked = rank_issues(issues, [CONCERN, VOLUME], scores)
    assert [(r.title, r.rank) for r in ranked] == [("Alpha", 1), ("Beta", 1), ("Gamma", 3)]
    assert ranked[0].missing == ["Volume"]
    assert "Not scored on Volume" in ranked[0].explanation


def test_unscored_issue_explains_itself():
    ranked = rank_issues([(1, "New")], [HARM], [])
    assert ranked[0].score == 0 and ranked[0].explanation == "Not scored yet."


def test_value_outside_scale_is_refused():
    with pytest.raises(ValueError, match="outside its scale"):
        validate_value(HARM, 6)
