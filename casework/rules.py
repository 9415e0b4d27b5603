"""Rules of the Anti-social Behaviour, Crime and Policing Act 2014, as dated configuration.

Each `ActRules` entry holds the values in force from its commencement date; `rules_on(day)` picks
the one in force on a day, so a later amendment is a new entry, not an edited constant. The fixed
penalty cap (s.52(7)) is kept in the database (`FixedPenaltyCap`), where an administrator adds a
later cap with its commencement date; `cap_on` reads such a list. Everything here is pure: no
database, so the rules are tested on their own.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ActRules:
    commences_on: datetime.date
    cpn_minimum_age: int  # s.43(1): a CPN only to an individual aged 16 or over, or a body
    cpn_appeal_days: int  # s.46(2): appeal within 21 days beginning with the day of issue
    fpn_no_proceedings_days: int  # s.52(5): no proceedings for 14 days after a fixed penalty notice
    source: str = "Anti-social Behaviour, Crime and Policing Act 2014, Part 4 (in force 20 October 2014)"


RULES: tuple[ActRules, ...] = (
    ActRules(
        commences_on=datetime.date(2014, 10, 20),
        cpn_minimum_age=16,
        cpn_appeal_days=21,
        fpn_no_proceedings_days=14,
    ),
)

FIRST_CAP = (datetime.date(2014, 10, 20), Decimal("100.00"))  # s.52(7): shipped by migration 0002


class NotInForce(ValueError):
    """No rule was in force on the day asked about."""


def rules_on(day: datetime.date, rules: Sequence[ActRules] = RULES) -> ActRules:
    """The rules in force on `day`: the entry with the latest commencement on or before it."""
    in_force = [entry for entry in rules if entry.commences_on <= day]
    if not in_force:
        raise NotInForce(f"Part 4 of the 2014 Act was not in force on {day:%d %B %Y}.")
    return max(in_force, key=lambda entry: entry.commences_on)


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Whole years of age on `day` (a 29 February birthday counts from 1 March in other years)."""
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


@dataclass(frozen=True)
class GivenWarning:
    """A written warning (CPW) already given: to whom, about what, and when its time to comply ends."""

    person_id: int
    conduct: str
    issued_on: datetime.date
    comply_by: datetime.date | None


def same_conduct(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def cpn_refusal(
    *,
    person_id: int,
    conduct: str,
    issue_on: datetime.date,
    date_of_birth: datetime.date | None,
    to_a_body: bool,
    warnings: Iterable[GivenWarning],
    rules: Sequence[ActRules] = RULES,
) -> str | None:
    """Why a Community Protection Notice may not be issued, or None when it may (s.43)."""
    try:
        rule = rules_on(issue_on, rules)
    except NotInForce as error:
        return str(error)
    if not to_a_body:
        if date_of_birth is None:
            return (
                "A Community Protection Notice can only be issued to a person aged "
                f"{rule.cpn_minimum_age} or over (s.43(1)): record their date of birth first."
            )
        if age_on(date_of_birth, issue_on) < rule.cpn_minimum_age:
            return (
                "A Community Protection Notice can only be issued to a person aged "
                f"{rule.cpn_minimum_age} or over, or to a body (s.43(1)); this person is "
                f"{age_on(date_of_birth, issue_on)} on {issue_on:%d %B %Y}."
            )
    earlier = [
        w
        for w in warnings
        if w.person_id == person_id and same_conduct(w.conduct, conduct) and w.issued_on <= issue_on
    ]
    if not earlier:
        return (
            "A Community Protection Notice needs an earlier written warning (a Community Protection "
            "Warning) to the same person about the same conduct (s.43(5)); none is recorded."
        )
    if not any(w.comply_by is not None and w.comply_by < issue_on for w in earlier):
        last = max((w.comply_by for w in earlier if w.comply_by is not None), default=None)
        when = f" (it ends on {last:%d %B %Y})" if last else " (record when it ends on the warning)"
        return (
            "A Community Protection Notice can only be issued once the warning's time to comply "
            f"has passed (s.43(5)){when}."
        )
    return None


def cpn_appeal_last_day(issued_on: datetime.date, rules: Sequence[ActRules] = RULES) -> datetime.date:
    """The last day to appeal a CPN: 21 days beginning with the day of issue, so issue + 20 (s.46(2))."""
    return issued_on + datetime.timedelta(days=rules_on(issued_on, rules).cpn_appeal_days - 1)


def fpn_proceedings_from(issued_on: datetime.date, rules: Sequence[ActRules] = RULES) -> datetime.date:
    """The first day proceedings may start: none within 14 days after the notice is given (s.52(5))."""
    return issued_on + datetime.timedelta(days=rules_on(issued_on, rules).fpn_no_proceedings_days + 1)


def cap_on(day: datetime.date, caps: Iterable[tuple[datetime.date, Decimal]]) -> Decimal | None:
    """The fixed penalty cap in force on `day` (the latest commenced on or before it), or None."""
    in_force = [(start, amount) for start, amount in caps if start <= day]
    return max(in_force)[1] if in_force else None


def fpn_refusal(
    amount: Decimal | None, issued_on: datetime.date, caps: Iterable[tuple[datetime.date, Decimal]]
) -> str | None:
    """Why a fixed penalty notice's amount is not allowed, or None (s.52(7))."""
    if amount is None:
        return "Enter the amount of the fixed penalty notice."
    cap = cap_on(issued_on, caps)
    if cap is None:
        return f"No fixed penalty cap was in force on {issued_on:%d %B %Y}."
    if amount > cap:
        return (
            f"A fixed penalty notice may not be more than £{cap:,.2f} (s.52(7)); this one is £{amount:,.2f}."
        )
    if amount <= 0:
        return "A fixed penalty notice must be for more than £0."
    return None


def risk_score(
    questions: Sequence[dict[str, object]], answers: dict[str, bool], medium_from: int, high_from: int
) -> tuple[int, str]:
    """The questionnaire's score (weights of the questions answered yes) and its level."""
    score = 0
    for question in questions:
        weight = question.get("weight", 1)
        if answers.get(str(question.get("key"))) and isinstance(weight, int):
            score += weight
    level = "high" if score >= high_from else "medium" if score >= medium_from else "low"
    return score, level


def small_count(count: int, *, in_case_work: bool) -> str:
    """A breakdown below partnership-year level: counts below 5 are "fewer than 5" outside case work."""
    return str(count) if in_case_work or count >= 5 else "fewer than 5"


def retention_review_on(closed_on: datetime.date, years: int) -> datetime.date:
    """The day a closed case is due for review: the anniversary `years` after closure (a 29 February
    closure falls due on 28 February in a common year)."""
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:
        return closed_on.replace(year=closed_on.year + years, day=28)


def _normal(text: str) -> str:
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())


def likely_same_person(
    first: tuple[str, datetime.date | None, str], second: tuple[str, datetime.date | None, str]
) -> bool:
    """Whether two people (full name, date of birth, addresses) may be one: the same date of birth
    and similar names, or the same name and a similar first address. Only a suggestion; a person
    decides whether to merge."""
    from difflib import SequenceMatcher

    name_a, born_a, address_a = first
    name_b, born_b, address_b = second
    names = SequenceMatcher(None, _normal(name_a), _normal(name_b)).ratio()
    if born_a is not None and born_a == born_b:
        return names >= 0.75
    if born_a is not None and born_b is not None:
        return False
    line_a = _normal(address_a.splitlines()[0]) if address_a.strip() else ""
    line_b = _normal(address_b.splitlines()[0]) if address_b.strip() else ""
    return names >= 0.9 and bool(line_a) and SequenceMatcher(None, line_a, line_b).ratio() >= 0.8
