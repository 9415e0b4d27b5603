"""The demo's Strategic Assessment 2021-22, built on the 2019/20 police.uk data the crimedata demo
imported, with example population figures, harm weights, scores, community views and partner
indicators — every one of them marked as example data. Running it again changes nothing."""

import datetime
from decimal import Decimal
from io import TextIOBase
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import User
from assessment import report, services
from assessment.access import (
    assessments_visible_to,
    candidate_issues_visible_to,
    community_views_visible_to,
    scoring_criteria_visible_to,
)
from assessment.analysis import Period, format_change
from assessment.models import Assessment, IssueKind
from core.models import District, PoliceForce
from crimedata.models import CrimeWeight, PopulationFigure, PopulationTable, WeightSet
from partnership.access import memberships_visible_to
from partnership.models import Partnership, Role
from partnership.selectors import organisation_by_name
from planning.access import plan_years_visible_to
from planning.models import PlanYearState

SLUG = "2021-22"
DATA_PERIOD = Period.plan_year(2019)
POPULATION_NAME = "Example population of Kent districts"
# Its name before the pages added the example data mark themselves (renamed when the demo runs again).
OLD_POPULATION_NAME = "Example population of Kent districts (Example data — not official figures)"
POPULATION_SOURCE = "Made up for the CSP Hub demo. Example data — not official figures; do not quote."
# Made-up but plausible round figures (2019). Not ONS estimates.
KENT_POPULATION: list[tuple[str, str, int]] = [
    ("E07000105", "Ashford", 130_000),
    ("E07000106", "Canterbury", 165_000),
    ("E07000107", "Dartford", 112_000),
    ("E07000108", "Dover", 118_000),
    ("E07000109", "Gravesham", 106_000),
    ("E07000110", "Maidstone", 171_000),
    ("E07000111", "Sevenoaks", 120_000),
    ("E07000112", "Folkestone and Hythe", 112_000),
    ("E07000113", "Swale", 150_000),
    ("E07000114", "Thanet", 141_000),
    ("E07000115", "Tonbridge and Malling", 130_000),
    ("E07000116", "Tunbridge Wells", 118_000),
    ("E06000035", "Medway", 278_000),
]
WEIGHT_NAME = "Example harm weights"
WEIGHT_VERSION = "demo"
# Illustrative only, loosely in the spirit of severity indices: not the ONS Crime Severity Score.
EXAMPLE_WEIGHTS: dict[str, str] = {
    "Violence and sexual offences": "10",
    "Robbery": "9",
    "Possession of weapons": "6",
    "Burglary": "5",
    "Other crime": "3",
    "Drugs": "3",
    "Criminal damage and arson": "2",
    "Vehicle crime": "2",
    "Theft from the person": "2",
    "Public order": "1.2",
    "Other theft": "1",
    "Shoplifting": "0.8",
    "Bicycle theft": "0.8",
    "Anti-social behaviour": "0",
}
# (title, kind, crime type, description, base scores for the six default criteria, chosen)
ISSUES: list[tuple[str, str, str, str, list[int], bool]] = [
    (
        "Safeguarding vulnerable people",
        IssueKind.THEME,
        "",
        "Mental health, child sexual exploitation, modern slavery, substance misuse, homelessness, fraud and scams, youth diversion.",
        [3, 4, 5, 5, 4, 4],
        True,
    ),
    (
        "Violent crime",
        IssueKind.CRIME_TYPE,
        "Violence and sexual offences",
        "Serious and organised crime, county lines, knife crime.",
        [5, 3, 5, 4, 4, 3],
        True,
    ),
    (
        "Domestic abuse including stalking",
        IssueKind.THEME,
        "",
        "DAVSS referrals rose from 276 to 326.",
        [4, 4, 5, 5, 3, 4],
        True,
    ),
    (
        "Anti-social behaviour including environmental crime",
        IssueKind.CRIME_TYPE,
        "Anti-social behaviour",
        "Reports to the police rose from 1,452 to 1,693.",
        [5, 5, 3, 3, 5, 4],
        True,
    ),
    (
        "Preventing extremism and hate",
        IssueKind.THEME,
        "",
        "Prevent duty, Channel panels, hate crime reporting.",
        [1, 3, 5, 4, 3, 4],
        True,
    ),
    ("Burglary", IssueKind.CRIME_TYPE, "Burglary", "", [3, 2, 3, 3, 4, 2], False),
    ("Vehicle crime", IssueKind.CRIME_TYPE, "Vehicle crime", "", [3, 3, 2, 2, 3, 2], False),
    ("Shoplifting", IssueKind.CRIME_TYPE, "Shoplifting", "", [2, 3, 1, 1, 2, 2], False),
]
COMMUNITY: list[tuple[str, int, str, str]] = [
    (
        "Anti-social behaviour",
        640,
        "38.0",
        "Groups gathering in town centres and parks; noise from neighbours.",
    ),
    ("Drugs", 640, "24.0", "Dealing near schools and in car parks."),
    ("Burglary", 640, "21.0", "Worry about sheds and garages being broken into."),
    ("Violent crime", 640, "15.0", "Concern about knife crime among young people."),
    ("Domestic abuse", 640, "12.0", "Wanting to know where to get help."),
]
# (indicator, organisation name, unit, 2018/19 quarters, 2019/20 quarters). Yearly totals are the
# seed plan's; the split into quarters is made up.
INDICATORS: list[tuple[str, str, str, list[int], list[int]]] = [
    ("DAVSS referrals", "DAVSS", "referrals", [66, 70, 68, 72], [78, 84, 80, 84]),
    ("Repeat victim rate", "DAVSS", "%", [10, 9, 9, 9], [9, 9, 8, 8]),
    ("ASB cases handled by the council", "TMBC", "cases", [22, 26, 24, 25], [25, 28, 27, 27]),
    ("Community Protection Warnings issued", "TMBC", "warnings", [3, 4, 3, 4], [4, 5, 4, 4]),
]


def _population_table() -> PopulationTable:
    if not PopulationTable.objects.filter(name=POPULATION_NAME).exists():
        PopulationTable.objects.filter(name=OLD_POPULATION_NAME).update(name=POPULATION_NAME)
    table, _ = PopulationTable.objects.get_or_create(
        name=POPULATION_NAME, defaults={"source": POPULATION_SOURCE, "is_example": True}
    )
    kent = PoliceForce.objects.filter(slug="kent").first()
    for code, name, population in KENT_POPULATION:
        if kent is not None:
            District.objects.get_or_create(code=code, defaults={"name": name, "police_force": kent})
        PopulationFigure.objects.get_or_create(
            table=table, area_code=code, year=2019, defaults={"area_name": name, "population": population}
        )
    return table


def _weight_set() -> WeightSet:
    weight_set, _ = WeightSet.objects.get_or_create(
        name=WEIGHT_NAME,
        version=WEIGHT_VERSION,
        defaults={
            "source": "Made up for the CSP Hub demo. Example data — not official figures.",
            "is_example": True,
        },
    )
    for crime_type, weight in EXAMPLE_WEIGHTS.items():
        CrimeWeight.objects.get_or_create(
            weight_set=weight_set, crime_type=crime_type, defaults={"weight": Decimal(weight)}
        )
    return weight_set


def _scorers(partnership: Partnership, actor: User) -> list[Any]:
    """Up to three coordinators and lead officers of the partnership; three example users if fewer
    than two (never the acting system actor, which is no person)."""
    members = [
        m.user
        for m in memberships_visible_to(actor)
        .filter(partnership=partnership, is_active=True, role__in=[Role.COORDINATOR, Role.LEAD_OFFICER])
        .select_related("user")
        .order_by("role", "user__username")[:3]
    ]
    if len(members) >= 2:
        return members
    users: list[Any] = []
    for number in (1, 2, 3):
        scorer, created = get_user_model().objects.get_or_create(
            username=f"example-scorer-{number}",
            defaults={"first_name": "Example", "last_name": f"Scorer {number}", "is_active": False},
        )
        if created:
            scorer.set_unusable_password()
            scorer.save(update_fields=["password"])
        users.append(scorer)
    return users


def _narrative(assessment: Assessment) -> dict[str, Any]:
    """Narrative written from the figures themselves, so it always agrees with the tables."""
    analysis = report.build_analysis(
        report.partnership_districts(assessment.partnership),
        DATA_PERIOD,
        population_table=assessment.population_table,
        weight_set=assessment.weight_set,
    )
    totals = {t["key"]: t for t in analysis["totals"]}
    victim, asb = totals["victim_based"], totals["asb"]
    place = analysis["district_names"]
    summary = (
        f"From April 2019 to March 2020 there were "
        f"{victim['count']:,} victim-based crimes recorded in {place} ({victim['change_text']} compared with "
        f"2018/19). Anti-social behaviour reported to the police went from "
        f"{asb['previous'] or 0:,} to {asb['count']:,}."
    )
    if analysis["rate_sentences"]:
        summary += " " + " ".join(s for s in analysis["rate_sentences"] if "victim-based" in s)
    rising = sorted((r for r in analysis["by_type"] if r["change"]), key=lambda r: -r["change"]["count"])[:3]
    changes = (
        "The largest rises were in "
        + "; ".join(f"{r['crime_type'].lower()} ({format_change(r['change'])})" for r in rising)
        + ". The Coronavirus epidemic affected services in March 2020, which may show in the last month's figures."
    )
    spots = analysis["hotspots"][:3]
    hotspots_text = (
        "The neighbourhoods with most recorded crime were "
        + ", ".join(f"{h['lsoa_name']} ({h['count']:,})" for h in spots)
        + "."
        if spots
        else "Street-level records were not available for hotspot analysis."
    )
    return {
        "summary": summary,
        "levels_narrative": "Crime levels are low and the borough remains one of the safest in the county.",
        "changes_narrative": changes,
        "hotspots_narrative": hotspots_text,
        "partner_narrative": "DAVSS received 326 referrals in 2019/20, up from 276 the year before.",
        "community_narrative": "Residents most often named anti-social behaviour as the issue to tackle (example survey).",
        "delivery_narrative": "The tables below show how far each action of the last plan got.",
        "recommendations": "The scoring workshop recommends five priorities, carried into the draft 2021/22 plan.",
    }


@transaction.atomic
def assessment_load(*, partnership: Partnership, actor: User, stdout: TextIOBase) -> Assessment:
    population, weights = _population_table(), _weight_set()
    assessment = assessments_visible_to(actor).filter(partnership=partnership, slug=SLUG).first()
    if assessment is None:
        assessment = services.assessment_create(
            partnership=partnership,
            slug=SLUG,
            actor=actor,
            data_from=DATA_PERIOD.start,
            data_to=DATA_PERIOD.end,
            population_table=population,
            weight_set=weights,
            is_example=True,
        )
    if not assessment.summary:
        services.assessment_edit(assessment=assessment, actor=actor, **_narrative(assessment))
    criteria = list(scoring_criteria_visible_to(actor).filter(assessment=assessment).order_by("order"))
    issues = candidate_issues_visible_to(actor).filter(assessment=assessment)
    scorers = _scorers(partnership, actor)
    for title, kind, crime_type, description, base, _ in ISSUES:
        issue = issues.filter(title__iexact=title).first() or services.issue_create(
            assessment=assessment,
            title=title,
            kind=kind,
            crime_type=crime_type,
            description=description,
            actor=actor,
        )
        for c_index, criterion in enumerate(criteria[: len(base)]):
            for s_index, scorer in enumerate(scorers):
                nudge = (c_index + s_index + len(title)) % 3 - 1  # −1, 0 or +1: scorers differ a little
                value = max(criterion.scale_min, min(criterion.scale_max, base[c_index] + nudge))
                services.score_record(
                    issue=issue,
                    criterion=criterion,
                    actor=actor,
                    scorer=scorer,
                    value=value,
                    confidence=("high", "medium", "low")[(c_index + s_index) % 3],
                    rationale="Made up for the demo.",
                    is_example=True,
                )
    if not community_views_visible_to(actor).filter(assessment=assessment).exists():
        for theme, respondents, percent, finding in COMMUNITY:
            services.community_view_create(
                assessment=assessment,
                actor=actor,
                theme=theme,
                source="Residents' survey 2020",
                respondents=respondents,
                percent=Decimal(percent),
                finding=finding,
                is_example=True,
            )
    _indicators(partnership, actor)
    chosen = [i.pk for i in issues.all() if any(i.title == t and c for t, *_, c in ISSUES)]
    plan_year = plan_years_visible_to(actor).filter(partnership=partnership, slug=SLUG).first()
    if plan_year is not None and plan_year.state != PlanYearState.DRAFT:
        stdout.write(
            f"The {plan_year.label} plan is {plan_year.state}: the assessment's priorities were not added."
        )
    else:
        plan_year, priorities = services.priorities_choose(
            assessment=assessment, issue_ids=chosen, actor=actor
        )
        stdout.write(
            f"Strategic Assessment {assessment.label}: {len(priorities)} priorities in the draft {plan_year.label} plan."
        )
    return assessment


def _indicators(partnership: Partnership, actor: User) -> None:
    names = organisation_by_name(partnership)
    for name, organisation_name, unit, before, after in INDICATORS:
        organisation = names.get(organisation_name.lower())
        if organisation is None:
            continue
        for year, values in ((2018, before), (2019, after)):
            for quarter, value in enumerate(values):
                month = 4 + 3 * quarter
                start = datetime.date(year + (month > 12), (month - 1) % 12 + 1, 1)
                services.indicator_record(
                    partnership=partnership,
                    actor=actor,
                    name=name,
                    organisation=organisation,
                    quarter_start=start,
                    value=Decimal(value),
                    unit=unit,
                    note="Quarterly split made up for the demo.",
                    is_example=True,
                )
