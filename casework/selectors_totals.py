"""The year's case-work totals page (ADR 0031): exact partnership-year counts and a breakdown of the
cases opened by place and type with small numbers suppressed (`casework.suppression`). Counts only:
no case, person or place detail beyond a place's name. Read for the partnership coordinator, lead
officers (who sit on the Strategy Group) and case-work roles; each view or download is audited."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from casework import access
from casework.models import Case
from casework.selectors import Totals, totals_between
from casework.suppression import Breakdown, suppress
from core.access import Purpose, audit_search
from core.actors import Actor
from partnership import access as partnership_access
from partnership.models import Partnership
from planning.models import PlanYear

NO_PLACE = "No place recorded"


def may_see_totals(actor: Actor, partnership: Partnership) -> bool:
    """Coordinators and lead officers (plan roles), and anyone holding a case-work role."""
    found = partnership_access.standing(actor, partnership)  # the request's cached standings
    if found is None or found.system:
        return False
    return partnership_access.may(actor, partnership, Purpose.REPORT) or bool(
        found.grants & set(access.CASE_WORK_GRANTS)
    )


def place_type_breakdown(
    partnership: Partnership, start: datetime.date, end: datetime.date, totals: Totals
) -> Breakdown:
    """Cases opened in the period by place (rows; a case with two places counts in both, one with
    none under "No place recorded") and type (columns), suppressed for showing outside case work."""
    opened = Case.objects.filter(partnership=partnership, opened_on__range=(start, end))
    types = list(totals.cases_opened)
    cells: dict[str, Counter[str]] = defaultdict(Counter)
    cases_in: dict[str, set[int]] = defaultdict(set)
    for pk, type_name, place in opened.values_list("pk", "case_type__name", "places__name"):
        row = place or NO_PLACE
        if pk not in cases_in[row]:
            cases_in[row].add(pk)
            cells[row][type_name] += 1
    rows = sorted(r for r in cells if r != NO_PLACE) + ([NO_PLACE] if NO_PLACE in cells else [])
    return suppress(
        rows,
        types,
        [[cells[r][t] for t in types] for r in rows],
        [len(cases_in[r]) for r in rows],
        [totals.cases_opened[t] for t in types],
        sum(totals.cases_opened.values()),
    )


@dataclass
class TotalsPage:
    plan_year: PlanYear
    totals: Totals
    breakdown: Breakdown


def totals_page(actor: Actor, plan_year: PlanYear, *, audit: bool = True) -> TotalsPage:
    """The year's totals and breakdown; one `searched` audit event naming the year (a download
    writes its own `exported` event instead)."""
    partnership = plan_year.partnership
    if audit:
        audit_search(actor, Case, partnership=partnership, filters={"totals": plan_year.slug})
    totals = totals_between(partnership, plan_year.start_date, plan_year.end_date, year=plan_year.slug)
    breakdown = place_type_breakdown(partnership, plan_year.start_date, plan_year.end_date, totals)
    return TotalsPage(plan_year, totals, breakdown)
