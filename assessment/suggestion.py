"""A suggested score from the data, as pure rules (no database).

Each criterion may name one measure of a crime-type issue (volume, trend, share of weighted harm,
rate per 1,000 residents against the force or most similar group average) and, for points of its
scale above the bottom, the least value of the measure that earns it: "5 if at least 150", "4 if
at least 120" … The suggestion is the highest point whose threshold the measure reaches, else the
bottom of the scale. Percentages are compared as shown (rounded to one decimal), so the page and
the suggestion never disagree at an edge. No data, no rule or no thresholds: no suggestion.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

VOLUME, TREND, HARM, RATE_FORCE, RATE_GROUP = "volume", "trend", "harm", "rate_force", "rate_group"
MEASURE_CHOICES: list[tuple[str, str]] = [
    ("", "No suggestion from the data"),
    (VOLUME, "Volume: crimes recorded in the period"),
    (TREND, "Trend: change on the previous period (%)"),
    (HARM, "Harm: share of all weighted harm (%)"),
    (RATE_FORCE, "Rate per 1,000 residents as a % of the force average"),
    (RATE_GROUP, "Rate per 1,000 residents as a % of the most similar group average"),
]
MEASURES = frozenset(key for key, _ in MEASURE_CHOICES if key)
# How each measure reads in a sentence: "5 if <subject> is at least <value><unit>".
SUBJECT = {
    VOLUME: ("the number of crimes in the period", ""),
    TREND: ("the change on the previous period", "%"),
    HARM: ("its share of all weighted harm", "%"),
    RATE_FORCE: ("the rate per 1,000 residents", "% of the force average"),
    RATE_GROUP: ("the rate per 1,000 residents", "% of the most similar group average"),
}
# Scorers and the data disagree when they are this many points apart (or more).
GAP = 2


@dataclass(frozen=True)
class Rule:
    measure: str
    thresholds: tuple[tuple[int, Decimal], ...]  # (scale point, least value), highest point first
    scale_min: int
    scale_max: int
    significant_only: bool = False


@dataclass(frozen=True)
class IssueData:
    """What the data say about one crime-type issue (None where a figure is not installed)."""

    crime_type: str
    count: int
    previous: int | None = None
    change_percent: float | None = None
    significant: bool | None = None
    significance_words: str = ""
    weight: Decimal | None = None
    harm_share: float | None = None
    harm_rank: int | None = None
    rate: float | None = None
    force_rate: float | None = None
    group_rate: float | None = None
    group_name: str = ""


@dataclass(frozen=True)
class Suggestion:
    value: int
    measured: Decimal
    text: str  # the measure in words, e.g. "the rate per 1,000 residents is 162.5% of the force average"


def _one_decimal(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _ratio(rate: float | None, comparator: float | None) -> Decimal | None:
    if rate is None or not comparator:
        return None
    return _one_decimal(Decimal(str(rate)) * 100 / Decimal(str(comparator)))


def measure_value(measure: str, data: IssueData | None, *, significant_only: bool = False) -> Decimal | None:
    """The measure for the issue, as compared with the thresholds; None when the data lack it."""
    if data is None:
        return None
    if measure == VOLUME:
        return Decimal(data.count)
    if measure == TREND:
        if data.change_percent is None:
            return None
        if significant_only and data.significant is False:
            return Decimal("0.0")
        return _one_decimal(data.change_percent)
    if measure == HARM:
        return None if data.harm_share is None else _one_decimal(data.harm_share)
    if measure == RATE_FORCE:
        return _ratio(data.rate, data.force_rate)
    if measure == RATE_GROUP:
        return _ratio(data.rate, data.group_rate)
    return None


def _number(value: Decimal) -> str:
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _signed(measure: str, value: Decimal) -> str:
    sign = "+" if measure == TREND and value > 0 else ("−" if value < 0 else "")
    return f"{sign}{_number(abs(value))}"


def measured_words(measure: str, value: Decimal) -> str:
    subject, unit = SUBJECT[measure]
    return f"{subject} is {_signed(measure, value)}{unit}"


def suggest(rule: Rule | None, data: IssueData | None) -> Suggestion | None:
    """The highest scale point whose threshold the measure reaches, else the bottom of the scale."""
    if rule is None or not rule.thresholds or rule.measure not in MEASURES:
        return None
    value = measure_value(rule.measure, data, significant_only=rule.significant_only)
    if value is None:
        return None
    chosen = next((point for point, least in rule.thresholds if value >= least), rule.scale_min)
    text = measured_words(rule.measure, value)
    if rule.measure == TREND and rule.significant_only and data is not None and data.significant is False:
        text += " (the change is within normal variation, so it counts as no change)"
    return Suggestion(chosen, value, text)


def rule_words(rule: Rule | None) -> list[str]:
    """The rule as sentences: "5 if the rate per 1,000 residents is at least 150% of the force average"."""
    if rule is None or not rule.thresholds or rule.measure not in MEASURES:
        return []
    subject, unit = SUBJECT[rule.measure]
    lines = [
        f"{point} if {subject} is at least {_signed(rule.measure, least)}{unit}"
        for point, least in rule.thresholds
    ]
    lines.append(f"{rule.scale_min} otherwise")
    if rule.measure == TREND and rule.significant_only:
        lines.append("A change within normal variation counts as no change (0%).")
    return lines


def parse_thresholds(
    raw: Mapping[str, object], scale_min: int, scale_max: int
) -> tuple[tuple[int, Decimal], ...]:
    """{"5": "150", "4": "120", "3": ""} → ((5, 150), (4, 120)); blank points are skipped.

    ValueError (in words) for a point outside the scale or at its bottom, a value that is not a
    number, or thresholds that do not rise with the scale."""
    found: list[tuple[int, Decimal]] = []
    for key, text in raw.items():
        if text is None or str(text).strip() == "":
            continue
        try:
            point = int(key)
        except ValueError:
            raise ValueError(f"{key!r} is not a point of the scale.") from None
        if not scale_min < point <= scale_max:
            raise ValueError(
                f"A threshold can be set for {scale_min + 1} to {scale_max} only "
                f"({scale_min} is what is left)."
            )
        try:
            least = Decimal(str(text).strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"The threshold for {point} must be a number, like 150 or -5.5.") from None
        if not least.is_finite() or abs(least) >= Decimal("1e9"):
            raise ValueError(f"The threshold for {point} must be a number below a billion.")
        found.append((point, least))
    found.sort(reverse=True)
    for (high, high_least), (low, low_least) in zip(found, found[1:], strict=False):
        if high_least <= low_least:
            raise ValueError(
                f"The threshold for {high} ({_number(high_least)}) must be above the threshold "
                f"for {low} ({_number(low_least)}): higher scores need more."
            )
    return tuple(found)


@dataclass(frozen=True)
class Spread:
    issue_id: int
    criterion_id: int
    values: tuple[tuple[str, int], ...]  # (scorer, score), lowest first

    @property
    def points(self) -> int:
        return self.values[-1][1] - self.values[0][1]


@dataclass(frozen=True)
class DataGap:
    issue_id: int
    criterion_id: int
    scorer: str
    value: int
    suggested: int

    @property
    def difference(self) -> int:
        return self.value - self.suggested


def scorer_spreads(scores: Iterable[tuple[int, int, str, int]], *, gap: int = GAP) -> list[Spread]:
    """Issue × criterion cells whose scorers' scores are `gap` or more points apart.

    `scores` are (issue id, criterion id, scorer, value); widest spread first."""
    cells: dict[tuple[int, int], list[tuple[str, int]]] = {}
    for issue_id, criterion_id, scorer, value in scores:
        cells.setdefault((issue_id, criterion_id), []).append((scorer, value))
    found = [
        Spread(issue_id, criterion_id, tuple(sorted(values, key=lambda v: (v[1], v[0]))))
        for (issue_id, criterion_id), values in cells.items()
        if len(values) > 1
    ]
    return sorted(
        (s for s in found if s.points >= gap), key=lambda s: (-s.points, s.issue_id, s.criterion_id)
    )


def data_gaps(
    scores: Iterable[tuple[int, int, str, int]],
    suggestions: Mapping[tuple[int, int], int],
    *,
    gap: int = GAP,
) -> list[DataGap]:
    """Scores `gap` or more points from the data's suggestion for their issue and criterion."""
    found = [
        DataGap(issue_id, criterion_id, scorer, value, suggestions[(issue_id, criterion_id)])
        for issue_id, criterion_id, scorer, value in scores
        if (issue_id, criterion_id) in suggestions
        and abs(value - suggestions[(issue_id, criterion_id)]) >= gap
    ]
    return sorted(found, key=lambda g: (-abs(g.difference), g.issue_id, g.criterion_id, g.scorer))
