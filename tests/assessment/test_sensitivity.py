"""The ranking with each criterion's weight 20% up and down (pure: no database)."""

from decimal import Decimal

from assessment.scoring import Criterion, ScoreValue
from assessment.sensitivity import sensitivity, summary

HARM = Criterion(1, "Harm", Decimal(2), 1, 5)
VOLUME = Criterion(2, "Volume", Decimal(1), 1, 5)
ISSUES = [(10, "Burglary"), (11, "Shoplifting"), (12, "Violence")]


def scores(*values: tuple[int, int, int]) -> list[ScoreValue]:
    return [ScoreValue(issue, criterion, "Ann", value) for issue, criterion, value in values]


def test_each_criterion_up_then_down_with_the_new_weights():
    given = scores((10, 1, 5), (10, 2, 2), (11, 1, 4), (11, 2, 5), (12, 1, 1), (12, 2, 1))
    base, variants = sensitivity(ISSUES, [HARM, VOLUME], given)
    assert [r.title for r in base] == ["Shoplifting", "Burglary", "Violence"]
    assert [(v.criterion.name, v.direction, v.weight) for v in variants] == [
        ("Harm", "up", Decimal("2.400")),
        ("Harm", "down", Decimal("1.600")),
        ("Volume", "up", Decimal("1.200")),
        ("Volume", "down", Decimal("0.800")),
    ]
    by = {(v.criterion.name, v.direction): v for v in variants}
    # Burglary: harm 1.0 of 2 parts, volume 0.25 of 1: 75.0 at base; Shoplifting: 0.75, 1.0: 83.3.
    assert by[("Harm", "up")].moves == ()
    assert by[("Harm", "up")].status == "No change in the order."
    assert [r[1] for r in by[("Volume", "down")].order] == ["Shoplifting", "Burglary", "Violence"]
    assert by[("Harm", "up")].change_words == "Harm: weight 2 → 2.4 (+20%)"
    assert by[("Volume", "down")].change_words == "Volume: weight 1 → 0.8 (−20%)"


def test_a_clear_lead_is_stable():
    harm, volume = Criterion(1, "Harm", Decimal(1), 1, 5), Criterion(2, "Volume", Decimal(1), 1, 5)
    given = scores((10, 1, 5), (10, 2, 2), (11, 1, 3), (11, 2, 5))
    base, variants = sensitivity(ISSUES[:2], [harm, volume], given)
    assert [(r.title, r.score) for r in base] == [("Shoplifting", 75.0), ("Burglary", 62.5)]
    by = {(v.criterion.name, v.direction): v for v in variants}
    assert by[("Volume", "up")].moves == ()
    up = by[
        ("Harm", "up")
    ]  # harm 1.2: Burglary 1.2/2.2 + 0.25/2.2 = 65.9; Shoplifting 0.6/2.2 + 1/2.2 = 72.7
    assert up.moves == ()
    down = by[
        ("Volume", "down")
    ]  # volume 0.8: Burglary (1 + 0.2)/1.8 = 66.7; Shoplifting (0.5 + 0.8)/1.8 = 72.2
    assert down.moves == ()
    assert summary(variants) == (
        "The ranking is stable: no ±20% change in any one criterion's weight changes any issue's rank."
    )


def test_swap_and_summary_when_order_changes():
    harm, volume = Criterion(1, "Harm", Decimal(1), 1, 5), Criterion(2, "Volume", Decimal(1), 1, 5)
    # Burglary: harm 5, volume 3 (1 + 0.5); Shoplifting: harm 3, volume 5 (0.5 + 1): a tie that any
    # change of either weight breaks; Violence is far behind.
    given = scores((10, 1, 5), (10, 2, 3), (11, 1, 3), (11, 2, 5), (12, 1, 1), (12, 2, 1))
    base, variants = sensitivity(ISSUES, [harm, volume], given)
    assert [(r.title, r.rank) for r in base] == [("Burglary", 1), ("Shoplifting", 1), ("Violence", 3)]
    by = {(v.criterion.name, v.direction): v for v in variants}
    up = by[("Harm", "up")]
    assert [(m.title, m.before, m.after) for m in up.moves] == [("Shoplifting", 1, 2)]
    assert up.status == "1 issue changes rank: Shoplifting moves down from 1st to 2nd."
    assert [r[:2] for r in up.order] == [(1, "Burglary"), (2, "Shoplifting"), (3, "Violence")]
    down = by[("Harm", "down")]
    assert [m.words for m in down.moves] == ["Burglary moves down from 1st to 2nd"]
    text = summary(variants)
    assert text.startswith("4 of 4 changes move at least one issue.")
    assert "The top 3 changes when: Harm: weight 1 → 1.2 (+20%)" in text


def test_zero_weight_and_no_criteria():
    zero = Criterion(1, "Capacity", Decimal(0), 1, 5)
    _, variants = sensitivity(ISSUES[:1], [zero, VOLUME], scores((10, 1, 3), (10, 2, 3)))
    assert variants[0].weight == 0 and variants[0].status.startswith("No change: the weight is 0")
    assert summary([]) == "There are no criteria to vary."
