"""How the ranking changes when one criterion's weight moves up or down by 20% (pure: no database).

Each variant re-ranks the issues with `rank_issues` and only that one weight changed, and says in
words which issues changed rank. A criterion weighted 0 stays 0 (20% of nothing) and is reported so.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from assessment.analysis import ordinal
from assessment.scoring import Criterion, RankedIssue, ScoreValue, rank_issues

STEP = Decimal("0.2")


@dataclass(frozen=True)
class Move:
    title: str
    before: int
    after: int

    @property
    def words(self) -> str:
        way = "up" if self.after < self.before else "down"
        return f"{self.title} moves {way} from {ordinal(self.before)} to {ordinal(self.after)}"


@dataclass(frozen=True)
class Variant:
    criterion: Criterion
    direction: str  # "up" or "down"
    weight: Decimal
    order: tuple[tuple[int, str, float], ...]  # (rank, title, score) in the new order
    moves: tuple[Move, ...]

    @property
    def change_words(self) -> str:
        sign = "+" if self.direction == "up" else "−"
        return (
            f"{self.criterion.name}: weight {_weight(self.criterion.weight)} → {_weight(self.weight)} "
            f"({sign}{STEP * 100:.0f}%)"
        )

    @property
    def status(self) -> str:
        if self.criterion.weight == 0:
            return "No change: the weight is 0, so 20% of it is nothing."
        if not self.moves:
            return "No change in the order."
        count = len(self.moves)
        return (
            f"{count} {'issue changes' if count == 1 else 'issues change'} rank: "
            + "; ".join(m.words for m in self.moves)
            + "."
        )


def _weight(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def _ranks(ranked: Sequence[RankedIssue]) -> dict[int, int]:
    return {r.issue_id: r.rank for r in ranked}


def sensitivity(
    issues: Sequence[tuple[int, str]],
    criteria: Sequence[Criterion],
    scores: Iterable[ScoreValue],
    *,
    step: Decimal = STEP,
) -> tuple[list[RankedIssue], list[Variant]]:
    """The ranking as it is, and for each criterion (in order) the ranking with its weight up, then down."""
    scores = list(scores)
    base = rank_issues(issues, criteria, scores)
    before = _ranks(base)
    titles = dict(issues)
    variants = []
    for index, criterion in enumerate(criteria):
        for direction, factor in (("up", 1 + step), ("down", 1 - step)):
            weight = (criterion.weight * factor).quantize(Decimal("0.001"))
            changed = [*criteria[:index], replace(criterion, weight=weight), *criteria[index + 1 :]]
            ranked = rank_issues(issues, changed, scores)
            after = _ranks(ranked)
            moves = tuple(
                Move(titles[r.issue_id], before[r.issue_id], after[r.issue_id])
                for r in ranked
                if after[r.issue_id] != before[r.issue_id]
            )
            variants.append(
                Variant(
                    criterion, direction, weight, tuple((r.rank, r.title, r.score) for r in ranked), moves
                )
            )
    return base, variants


def summary(variants: Sequence[Variant], top: int = 3) -> str:
    """One sentence: whether any ±20% change moves an issue, and whether the top `top` ever changes."""
    moving = [v for v in variants if v.moves]
    if not variants:
        return "There are no criteria to vary."
    if not moving:
        return "The ranking is stable: no ±20% change in any one criterion's weight changes any issue's rank."
    top_changes = [v for v in moving if any(m.before <= top or m.after <= top for m in v.moves)]
    text = f"{len(moving)} of {len(variants)} changes move at least one issue."
    if top_changes:
        names = ", ".join(v.change_words for v in top_changes)
        text += f" The top {top} changes when: {names}."
    else:
        text += f" The top {top} stays the same in every one."
    return text
