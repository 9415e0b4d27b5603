"""Scoring with the data beside it: what each scoring page shows about an issue's data, the
suggestion for each criterion, disagreements (between scorers, and with the data) and the
sensitivity of the ranking to the weights. Built for the views from the pure rules in
`assessment.suggestion` and `assessment.sensitivity` (ADR 0029)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assessment.analysis import Period, ordinal
from assessment.models import Assessment, CandidateIssue, ScoringCriterion
from assessment.report import ranking
from assessment.scoring import Criterion, ScoreValue
from assessment.selectors import records
from assessment.selectors.issue_data import issue_data
from assessment.sensitivity import Variant, sensitivity, summary
from assessment.suggestion import (
    GAP,
    HARM,
    RATE_FORCE,
    RATE_GROUP,
    TREND,
    VOLUME,
    IssueData,
    Rule,
    Suggestion,
    data_gaps,
    measure_value,
    parse_thresholds,
    rule_words,
    scorer_spreads,
    suggest,
)
from crimedata.models import ASB

LABELS = {VOLUME: "Volume", TREND: "Trend", HARM: "Harm", RATE_FORCE: "Rate and comparators"}
NO_DATA = "No crime data for this issue: it is a theme, not a police.uk crime type, so scorers judge it from the evidence."


def rule_of(criterion: ScoringCriterion) -> Rule | None:
    """The criterion's rule, or None without a measure or usable thresholds."""
    if not criterion.data_measure:
        return None
    try:
        thresholds = parse_thresholds(
            criterion.data_thresholds or {}, criterion.scale_min, criterion.scale_max
        )
    except ValueError:
        return None  # a scale changed under the rule: no suggestion until the rule is saved again
    if not thresholds:
        return None
    return Rule(
        criterion.data_measure,
        thresholds,
        criterion.scale_min,
        criterion.scale_max,
        criterion.data_significant_only,
    )


def criterion_rule_words(criterion: ScoringCriterion) -> list[str]:
    return rule_words(rule_of(criterion))


def _weight(value: Any) -> str:
    return "none" if value is None else f"{value.normalize():f}"


def _rate(value: float | None) -> str:
    return "not available" if value is None else f"{value:.2f} per 1,000 residents"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{'+' if value > 0 else ('−' if value < 0 else '')}{abs(value):.1f}%"


def data_lines(data: IssueData | None, period: Period, assessment: Assessment) -> list[tuple[str, str]]:
    """(measure, in words) for the data panel of one issue."""
    if data is None:
        return []
    lines = [(VOLUME, f"{data.count:,} crimes recorded in {period.label}")]
    if data.previous is None:
        lines.append((TREND, f"No data for {period.previous().label} to compare with."))
    elif data.change_percent is None:
        lines.append((TREND, f"{data.count:,} in {period.label}; none in {period.previous().label}."))
    else:
        lines.append(
            (
                TREND,
                f"{_percent(data.change_percent)} on {period.previous().label} ({data.previous:,} → "
                f"{data.count:,}): {data.significance_words[:1].lower()}{data.significance_words[1:]}",
            )
        )
    if data.crime_type == ASB:
        lines.append((HARM, "Anti-social behaviour is not weighted: harm indices weight crimes only."))
    elif assessment.weight_set is None:
        lines.append((HARM, "No harm weights are chosen for this assessment."))
    elif data.harm_share is None:
        lines.append(
            (HARM, f"Weight {_weight(data.weight)} in {assessment.weight_set}; no weighted harm recorded.")
        )
    else:
        lines.append(
            (
                HARM,
                f"Weight {_weight(data.weight)} in {assessment.weight_set}: {data.harm_share:.1f}% of all weighted harm, "
                f"{ordinal(data.harm_rank or 0)} of the crime types.",
            )
        )
    if assessment.population_table is None:
        lines.append((RATE_FORCE, "No population table is chosen, so there is no rate."))
        return lines
    rate = f"Rate {_rate(data.rate)}"
    comparisons = []
    for measure, label, value in (
        (RATE_FORCE, "force average", data.force_rate),
        (RATE_GROUP, _group(data), data.group_rate),
    ):
        if value is not None and label:
            ratio = measure_value(measure, data)
            share = f" (this rate is {ratio:,f}% of it)" if ratio is not None else ""
            comparisons.append(f"{label} {_rate(value)}{share}")
    if not data.group_name:
        comparisons.append("no most similar group is installed for this area")
    lines.append((RATE_FORCE, rate + ("; " + "; ".join(comparisons) if comparisons else "") + "."))
    return lines


def _group(data: IssueData) -> str:
    return f"{data.group_name} average" if data.group_name else ""


@dataclass
class Question:
    """One scoring question: an issue on a criterion, with the rule and the suggestion."""

    criterion: ScoringCriterion
    rule: list[str]
    suggestion: Suggestion | None
    reason: str  # why there is no suggestion, in words ("" when there is one)


def _no_suggestion_reason(criterion: ScoringCriterion, rule: Rule | None, data: IssueData | None) -> str:
    if rule is None:
        return "This criterion has no rule for a suggestion from the data."
    if data is None:
        return "No suggestion: there is no crime data for this issue."
    return {
        TREND: "No suggestion: there is no previous period to compare with.",
        HARM: "No suggestion: no weighted harm is recorded for this crime type.",
        RATE_FORCE: "No suggestion: the rate or the force average is not available.",
        RATE_GROUP: "No suggestion: the rate or the most similar group's average is not available.",
    }.get(rule.measure, "No suggestion from the data.")


def questions(criteria: Sequence[ScoringCriterion], data: IssueData | None) -> list[Question]:
    result = []
    for criterion in criteria:
        rule = rule_of(criterion)
        found = suggest(rule, data)
        reason = "" if found else _no_suggestion_reason(criterion, rule, data)
        result.append(Question(criterion, rule_words(rule), found, reason))
    return result


def preselect(form: Any, asked: Sequence[Question], existing: dict[int, Any]) -> None:
    """Select the suggested score for each criterion the scorer has not scored yet."""
    for question in asked:
        if question.suggestion is not None and question.criterion.pk not in existing:
            form.fields[f"value_{question.criterion.pk}"].initial = question.suggestion.value


def issue_panel(assessment: Assessment, issue: CandidateIssue) -> dict[str, Any]:
    """The data panel of the score page: lines in words (or the theme's honest 'no data')."""
    data = issue_data(assessment, [issue]).get(issue.pk)
    period = Period(assessment.data_from, assessment.data_to)
    return {
        "data": data,
        "lines": [(LABELS[measure], text) for measure, text in data_lines(data, period, assessment)],
        "no_data": "" if data else NO_DATA,
        "period": period,
    }


def suggestions(
    assessment: Assessment, issues: Sequence[CandidateIssue], criteria: Sequence[ScoringCriterion]
) -> dict[tuple[int, int], int]:
    """The suggested score of every issue × criterion that has one."""
    data = issue_data(assessment, issues)
    rules = {c.pk: rule_of(c) for c in criteria}
    found = {}
    for issue in issues:
        for criterion in criteria:
            hit = suggest(rules[criterion.pk], data.get(issue.pk))
            if hit is not None:
                found[(issue.pk, criterion.pk)] = hit.value
    return found


def _scorer(score: Any) -> str:
    return score.scorer.get_full_name() or score.scorer.username


def disagreements(assessment: Assessment) -> dict[str, Any]:
    """Scorers who are GAP points or more apart, and scores GAP points or more from the data."""
    issues = records.issues_with_scores(assessment)
    criteria = records.criteria(assessment)
    by_issue = {i.pk: i for i in issues}
    by_criterion = {c.pk: c for c in criteria}
    cells = [
        (s.issue_id, s.criterion_id, _scorer(s), s.value) for i in issues for s in records.issue_scores(i)
    ]
    suggested = suggestions(assessment, issues, criteria)
    spreads = [
        {
            "issue": by_issue[s.issue_id],
            "criterion": by_criterion[s.criterion_id],
            "scores": ", ".join(f"{who} {value}" for who, value in s.values),
            "points": s.points,
        }
        for s in scorer_spreads(cells)
    ]
    gaps = [
        {
            "issue": by_issue[g.issue_id],
            "criterion": by_criterion[g.criterion_id],
            "scorer": g.scorer,
            "value": g.value,
            "suggested": g.suggested,
            "words": f"{abs(g.difference)} points {'above' if g.difference > 0 else 'below'} the suggestion",
        }
        for g in data_gaps(cells, suggested)
    ]
    return {
        "gap": GAP,
        "spreads": spreads,
        "gaps": gaps,
        "suggested_count": len(suggested),
        "has_scores": bool(cells),
        "example_sources": _examples(issues, criteria),
    }


def _examples(issues: Sequence[CandidateIssue], criteria: Sequence[ScoringCriterion]) -> list[str]:
    found = []
    if any(s.is_example for i in issues for s in records.issue_scores(i)):
        found.append("Example scores")
    if any(c.data_rule_is_example and c.data_measure for c in criteria):
        found.append("Example rules for suggested scores")
    return found


def sensitivity_view(assessment: Assessment) -> dict[str, Any]:
    """The ranking as it is and with each criterion's weight 20% up and down."""
    ranked, criteria_objs, issues = ranking(assessment)
    criteria = [Criterion(c.pk, c.name, c.weight, c.scale_min, c.scale_max) for c in criteria_objs]
    scores = [
        ScoreValue(s.issue_id, s.criterion_id, _scorer(s), s.value, s.confidence)
        for issue in issues.values()
        for s in records.issue_scores(issue)
    ]
    pairs = [(i.pk, i.title) for i in issues.values()]
    base, variants = sensitivity(pairs, criteria, scores)
    return {
        "ranked": base,
        "variants": variants,
        "summary": summary(variants) if scores else "",
        "has_scores": bool(scores),
        "example_sources": _examples(list(issues.values()), criteria_objs),
    }


__all__ = [
    "NO_DATA",
    "Question",
    "Variant",
    "criterion_rule_words",
    "disagreements",
    "issue_panel",
    "questions",
    "rule_of",
    "sensitivity_view",
    "suggestions",
]
