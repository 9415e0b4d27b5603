"""The threshold engine (pure, no database): rules as data, a decision that explains itself.

- s.104(4): when at least three qualifying complaints (or the lower number the review procedures
  set) have been made about the behaviour, the threshold *must* be met. The procedures may not set a
  number above three (Explanatory Notes para 231): `validate_local_count` refuses one.
- s.104(5): in any other situation the procedures decide; they may look at the persistence of the
  behaviour, the harm or potential harm, and the adequacy of the response. Each partnership's
  discretionary routes are data (`RouteRule`): "one hate incident", "K different complainants
  about the same issue".
- Whether reports of one incident to several organisations count once is a local setting
  (default: once).
- An officer may record a different decision only where the statutory rule did not decide it.
"""

import datetime
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from casereviews.periods import complaint_qualifies, why_not_qualifying

STATUTORY_MAXIMUM = 3  # s.104(4): "at least three (or, if a different number is specified ...)"


class LocalCountRefused(ValueError):
    """A local number of qualifying complaints the Act does not allow."""


def validate_local_count(number: int) -> int:
    """The local number of qualifying complaints: 1, 2 or 3. Above three is refused (s.104(4),
    Explanatory Notes para 231); below one means nothing."""
    if number > STATUTORY_MAXIMUM:
        raise LocalCountRefused(
            f"The local number cannot be {number}: the review procedures may set a number lower than "
            "three qualifying complaints, never a higher one (s.104(4); Explanatory Notes para 231)."
        )
    if number < 1:
        raise LocalCountRefused("The local number must be at least 1 qualifying complaint.")
    return number


class RouteKind(enum.StrEnum):
    HATE_INCIDENT = "hate_incident"  # s.104(5)(b): harm or potential harm
    COMPLAINANTS = "complainants"  # s.104(5)(a): persistence, reported by several people


ROUTE_SECTIONS = {RouteKind.HATE_INCIDENT: "s.104(5)(b)", RouteKind.COMPLAINANTS: "s.104(5)(a)"}


@dataclass(frozen=True)
class RouteRule:
    """One local discretionary route: `number` hate incidents, or `number` different complainants
    about the same issue, among the qualifying complaints."""

    kind: RouteKind
    number: int
    name: str = ""

    def label(self) -> str:
        if self.name:
            return self.name
        if self.kind == RouteKind.HATE_INCIDENT:
            return "one hate incident" if self.number == 1 else f"{self.number} hate incidents"
        return f"{self.number} different complainants about the same issue"


@dataclass(frozen=True)
class Rules:
    count: int = STATUTORY_MAXIMUM
    incident_counts_once: bool = True
    routes: tuple[RouteRule, ...] = ()

    def __post_init__(self) -> None:
        validate_local_count(self.count)
        for route in self.routes:
            if route.number < 1:
                raise ValueError("A discretionary route needs a number of at least 1.")


@dataclass(frozen=True)
class Complaint:
    """What the engine needs to know of one complaint."""

    ident: int
    behaviour_date: datetime.date
    complaint_date: datetime.date
    organisation: str = ""
    reference: str = ""
    complainant: str = ""  # who complained (distinct complainants for a route)
    incident: str = ""  # the same key on reports of one incident to several organisations
    issue: str = ""  # what the complaint is about (complainants about the same issue)
    hate_incident: bool = False

    def describe(self) -> str:
        parts = [f"{self.complaint_date:%-d %B %Y}"]
        if self.organisation:
            parts.append(self.organisation)
        if self.reference:
            parts.append(f"reference {self.reference}")
        return ", ".join(parts)


class Basis(enum.StrEnum):
    STATUTORY = "statutory"  # s.104(4): must be met
    DISCRETIONARY = "discretionary"  # s.104(5): a local route met
    NOT_MET = "not_met"


@dataclass(frozen=True)
class Decision:
    met: bool
    basis: Basis
    rule: str  # which rule decided, in words with its section
    complaint_ids: tuple[int, ...]  # the complaints the rule rests on
    explanation: tuple[str, ...] = field(default_factory=tuple)  # one sentence a line

    @property
    def officer_may_differ(self) -> bool:
        """s.104(4) leaves no choice; every other outcome is decided under the local procedures
        (s.104(5)), where an officer may record a different decision with reasons."""
        return self.basis != Basis.STATUTORY


def qualifying(complaints: Iterable[Complaint], application_date: datetime.date) -> list[Complaint]:
    return [
        c for c in complaints if complaint_qualifies(c.behaviour_date, c.complaint_date, application_date)
    ]


def counted(complaints: Sequence[Complaint], *, once: bool) -> list[Complaint]:
    """The complaints that count: with `once`, reports of one incident (same non-blank incident
    key) to several organisations count as the first of them."""
    if not once:
        return list(complaints)
    seen: set[str] = set()
    kept = []
    for complaint in sorted(complaints, key=lambda c: (c.complaint_date, c.ident)):
        key = complaint.incident.strip().casefold()
        if key and key in seen:
            continue
        if key:
            seen.add(key)
        kept.append(complaint)
    return kept


def _route_met(route: RouteRule, complaints: Sequence[Complaint]) -> tuple[int, ...] | None:
    if route.kind == RouteKind.HATE_INCIDENT:
        hate = [c.ident for c in complaints if c.hate_incident]
        return tuple(hate) if len(hate) >= route.number else None
    by_issue: dict[str, dict[str, int]] = {}
    for complaint in complaints:
        issue, who = complaint.issue.strip().casefold(), complaint.complainant.strip().casefold()
        if issue and who:
            by_issue.setdefault(issue, {}).setdefault(who, complaint.ident)
    for people in by_issue.values():
        if len(people) >= route.number:
            return tuple(sorted(people.values()))
    return None


def _plural(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def decide(application_date: datetime.date, complaints: Sequence[Complaint], rules: Rules) -> Decision:
    """Whether the threshold is met for an application made on `application_date`, and why."""
    lines = []
    for complaint in complaints:
        reason = why_not_qualifying(complaint.behaviour_date, complaint.complaint_date, application_date)
        if reason:
            lines.append(f"The complaint of {complaint.describe()} does not qualify: {reason}.")
    good = qualifying(complaints, application_date)
    counting = counted(good, once=rules.incident_counts_once)
    if len(counting) < len(good):
        lines.append(
            f"{_plural(len(good) - len(counting), 'report')} of an incident already reported to another "
            "organisation counted once (local procedure)."
        )
    ids = tuple(c.ident for c in counting)
    local = "" if rules.count == STATUTORY_MAXIMUM else " (the local number, lower than three)"
    if len(counting) >= rules.count:
        rule = f"s.104(4): at least {_plural(rules.count, 'qualifying complaint')}{local}"
        lines.insert(0, f"Threshold met under {rule}: {_plural(len(counting), 'qualifying complaint')}.")
        return Decision(True, Basis.STATUTORY, rule, ids, tuple(lines))
    for route in rules.routes:
        found = _route_met(route, counting)
        if found is not None:
            rule = f"{ROUTE_SECTIONS[route.kind]}, local route: {route.label()}"
            lines.insert(0, f"Threshold met under {rule}.")
            return Decision(True, Basis.DISCRETIONARY, rule, found, tuple(lines))
    rule = f"s.104(4): fewer than {_plural(rules.count, 'qualifying complaint')}{local}"
    routes = "; no local route applies" if rules.routes else "; the procedures set no other route"
    lines.insert(
        0,
        f"Threshold not met: {_plural(len(counting), 'qualifying complaint')}, fewer than the "
        f"{rules.count} s.104(4) asks for{local}{routes}.",
    )
    return Decision(False, Basis.NOT_MET, rule, ids, tuple(lines))
