"""The scoring matrix, as pure rules: weighted scores, ranks and the reasons for each rank.

Each criterion's mean score over the scorers is put on a 0–1 scale ((mean − min) ÷ (max − min)),
multiplied by the criterion's weight, and the sum is expressed as points out of 100 (the weighted
maximum). Confidence (MoRiLE's confidence score) is reported beside the score, not mixed into it.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

CONFIDENCE_PERCENT = {"high": 100, "medium": 75, "low": 50}


@dataclass(frozen=True)
class Criterion:
    id: int
    name: str
    weight: Decimal
    scale_min: int
    scale_max: int


@dataclass(frozen=True)
class ScoreValue:
    issue_id: int
    criterion_id: int
    scorer: str
    value: int
    confidence: str = "medium"


@dataclass
class CriterionPart:
    criterion: Criterion
    mean: float | None
    scorers: int
    points: float
    max_points: float


@dataclass
class RankedIssue:
    issue_id: int
    title: str
    score: float
    rank: int = 0
    parts: list[CriterionPart] = field(default_factory=list)
    scorers: list[str] = field(default_factory=list)
    confidence: int | None = None
    missing: list[str] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        """Why the issue ranks where it does, in words."""
        scored = [p for p in self.parts if p.mean is not None and p.max_points]
        if not scored:
            return "Not scored yet."
        ordered = sorted(scored, key=lambda p: (-p.points, p.criterion.name))
        strongest = ", ".join(
            f"{p.criterion.name} ({p.points:.1f} of {p.max_points:.1f})" for p in ordered[:2]
        )
        weakest = min(scored, key=lambda p: (p.points / p.max_points, p.criterion.name))
        text = f"Most points from {strongest}; weakest on {weakest.criterion.name} (mean {weakest.mean:.1f})."
        if self.missing:
            text += f" Not scored on {', '.join(self.missing)} (counted as 0)."
        return text


def validate_value(criterion: Criterion, value: int) -> None:
    if not criterion.scale_min <= value <= criterion.scale_max:
        raise ValueError(
            f"{criterion.name}: {value} is outside its scale ({criterion.scale_min} to {criterion.scale_max})."
        )


def rank_issues(
    issues: Sequence[tuple[int, str]], criteria: Sequence[Criterion], scores: Iterable[ScoreValue]
) -> list[RankedIssue]:
    """Issues ranked by weighted score (ties share a rank and are listed by title)."""
    total_weight = sum((c.weight for c in criteria), Decimal(0))
    by_cell: dict[tuple[int, int], list[ScoreValue]] = {}
    for score in scores:
        by_cell.setdefault((score.issue_id, score.criterion_id), []).append(score)
    ranked = []
    for issue_id, title in issues:
        parts: list[CriterionPart] = []
        missing: list[str] = []
        scorers: set[str] = set()
        confidences: list[int] = []
        total = 0.0
        for criterion in criteria:
            cell = by_cell.get((issue_id, criterion.id), [])
            max_points = float(criterion.weight * 100 / total_weight) if total_weight else 0.0
            if not cell:
                parts.append(CriterionPart(criterion, None, 0, 0.0, max_points))
                missing.append(criterion.name)
                continue
            mean = sum(s.value for s in cell) / len(cell)
            span = criterion.scale_max - criterion.scale_min
            fraction = (mean - criterion.scale_min) / span if span else 1.0
            points = fraction * max_points
            total += points
            parts.append(CriterionPart(criterion, mean, len(cell), points, max_points))
            scorers.update(s.scorer for s in cell)
            confidences.extend(CONFIDENCE_PERCENT.get(s.confidence, 75) for s in cell)
        ranked.append(
            RankedIssue(
                issue_id=issue_id,
                title=title,
                score=round(total, 1),
                parts=parts,
                scorers=sorted(scorers),
                confidence=round(sum(confidences) / len(confidences)) if confidences else None,
                missing=missing if len(missing) < len(criteria) else [],
            )
        )
    ranked.sort(key=lambda r: (-r.score, r.title.lower()))
    for item in ranked:
        item.rank = 1 + sum(1 for other in ranked if other.score > item.score)
    return ranked


def as_table(ranked: Sequence[RankedIssue]) -> list[dict[str, Any]]:
    """Plain rows for documents and exports."""
    return [
        {
            "rank": r.rank,
            "title": r.title,
            "score": r.score,
            "confidence": r.confidence,
            "parts": [(p.criterion.name, p.mean, round(p.points, 1)) for p in r.parts],
            "explanation": r.explanation,
        }
        for r in ranked
    ]
