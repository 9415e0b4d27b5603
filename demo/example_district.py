"""The second demo partnership, `example-district`: a made-up district's two-year strategy and its
2026/27 delivery plan with approaches, outcomes, measures, lead and supporting partners, targets and
due dates (issue 9, ADR 0011).

Nothing here is real: no ONS code, police force or LSOA is claimed, and it has no crime data, so its
Strategic Assessment shows the empty state. Every record is example data: updates, contributions
and measures carry `is_example`; records without the flag say "Example" in their name or text
(organisations, strategy, priorities, approaches, outcomes, actions, themes, places).

Unlike the Tonbridge seed, every record is written through the apps' services as the acting
(system) actor. Idempotent: what exists is left exactly as it is; only what is missing is created.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from accounts.models import User
from core.history import save_as
from demo.partnership import DemoResult
from demo.users import DemoUser, demo_password, demo_users_load
from partnership import services as partnership_services
from partnership.access import organisations_visible_to, partnerships_visible_to
from partnership.models import Organisation, Partnership, Role
from partnership.models import OrganisationType as T
from partnership.selectors import organisation_by_name
from planning import services
from planning.access import (
    actions_visible_to,
    approaches_visible_to,
    contributions_visible_to,
    measures_visible_to,
    outcomes_visible_to,
    places_visible_to,
    plan_years_visible_to,
    reporting_periods_visible_to,
    statuses_visible_to,
    strategies_visible_to,
    themes_visible_to,
    updates_visible_to,
)
from planning.models import (
    Action,
    Approach,
    MeasureDirection,
    OwnerLayout,
    PeriodCode,
    Place,
    PlanYear,
    PlanYearState,
    Priority,
    Theme,
)
from planning.services.strategies import strategy_create

SLUG = "example-district"
NAME = "Example District Community Safety Partnership"
SHORT_NAME = "Example District CSP"
CONTACT = {"email": "csp@example.org", "website": "www.example.org"}
EXAMPLE_NOTE = "Example data made up for the CSP Hub demo: not a real partnership, place or plan."

STRATEGY_TITLE = "Example District Community Safety Strategy"
STRATEGY_START, STRATEGY_END = 2026, 2028  # plan years 2026/27 and 2027/28
STRATEGY_VISION = (
    "Example District is a place where everyone is safe and feels safe, at home, in public and online.\n\n"
    + EXAMPLE_NOTE
)
STRATEGY_NARRATIVE = f"""*{EXAMPLE_NOTE}*

This example strategy sets the partnership's direction for two years. Each year a delivery plan
lists the actions the partners will take under three priorities:

- keeping young people safe;
- domestic abuse and violence against women and girls;
- anti-social behaviour and neighbourhood crime.

The partnership reviews progress every quarter against the outcomes and measures in each delivery
plan, and reports to the Example District Council scrutiny committee once a year.
"""
LIVE_YEAR = "2026-27"

COUNCIL = "Example District Council"
POLICE = "Example Police"
FIRE = "Example Fire and Rescue Service"
PROBATION = "Example Probation Service"
HEALTH = "Example Integrated Care Board"
HOUSING = "Example Homes Housing Association"
CHARITY = "Example Community Support Charity"

# (name, short name, type): the partnership's members, in the order of its membership list.
ORGANISATIONS: list[tuple[str, str, str]] = [
    (COUNCIL, "EDC", T.RESPONSIBLE_AUTHORITY),
    (POLICE, "EP", T.RESPONSIBLE_AUTHORITY),
    (FIRE, "EFRS", T.RESPONSIBLE_AUTHORITY),
    (PROBATION, "EPS", T.RESPONSIBLE_AUTHORITY),
    (HEALTH, "EICB", T.RESPONSIBLE_AUTHORITY),
    (HOUSING, "Example Homes", T.HOUSING_PROVIDER),
    (CHARITY, "ECSC", T.VOLUNTARY_SECTOR),
]

THEME_VAWG = "Tackling violence against women and girls"
THEME_REOFFENDING = "Reducing reoffending"
THEMES: list[tuple[str, str]] = [
    (THEME_VAWG, f"An objective of the example Police and Crime Commissioner's plan. {EXAMPLE_NOTE}"),
    (THEME_REOFFENDING, f"An objective of the example Police and Crime Commissioner's plan. {EXAMPLE_NOTE}"),
]
TOWN_CENTRE = "Example Town Centre"
PARK_ESTATE = "Example Park Estate"
PLACES: list[tuple[str, str]] = [(TOWN_CENTRE, "Town centre"), (PARK_ESTATE, "Estate")]

D = datetime.date


@dataclass(frozen=True)
class ExampleAction:
    text: str
    lead: str | None  # None: the lead is "To be confirmed"
    supporting: tuple[str, ...]
    target: str
    due_date: datetime.date
    themes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    # The Q1 update (status name, narrative), if one was written.
    update: tuple[str, str] | None = None


@dataclass(frozen=True)
class ExampleMeasure:
    name: str
    unit: str
    direction: str
    baseline: tuple[Decimal, str]  # value, period
    target: tuple[Decimal, str]
    values: tuple[tuple[str, Decimal], ...]  # (period, value), oldest first
    source: str


@dataclass(frozen=True)
class ExampleOutcome:
    text: str
    measure: ExampleMeasure


@dataclass(frozen=True)
class ExampleApproach:
    title: str
    actions: tuple[ExampleAction, ...]
    outcome: ExampleOutcome | None = None


@dataclass(frozen=True)
class ExamplePriority:
    title: str
    approaches: tuple[ExampleApproach, ...]
    themes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


A = ExampleAction
OVERDUE_ACTION = "Open a weekly domestic abuse drop-in at the Example District community hub"
TBC_ACTION = "Agree a partnership protocol for serial perpetrators of domestic abuse in Example District"
CONTRIBUTION = (
    OVERDUE_ACTION,
    HOUSING,
    "Example Homes has offered a meeting room at its Example Park Estate office until the hub's "
    "room is ready.",
)

PRIORITIES: list[ExamplePriority] = [
    ExamplePriority(
        "Keeping young people safe",
        (
            ExampleApproach(
                "Early intervention and prevention",
                (
                    A(
                        "Deliver healthy relationships sessions in every Example District secondary school",
                        COUNCIL,
                        (CHARITY, HEALTH),
                        "Sessions in all 6 secondary schools; 900 pupils reached",
                        D(2027, 3, 31),
                        themes=(THEME_VAWG,),
                    ),
                    A(
                        "Set up a multi-agency panel for children at risk of exploitation in Example District",
                        POLICE,
                        (COUNCIL, HEALTH, PROBATION),
                        "Panel meeting monthly from September 2026",
                        D(2027, 1, 31),
                        update=(
                            "On track",
                            "Terms of reference agreed by all four agencies in June; the first panel "
                            "is booked for September.",
                        ),
                    ),
                ),
            ),
            ExampleApproach(
                "Diversion from crime",
                (
                    A(
                        "Run a summer diversion programme for young people in Example Town Centre",
                        COUNCIL,
                        (POLICE, FIRE),
                        "150 young people attend at least one session",
                        D(2027, 1, 31),
                        places=(TOWN_CENTRE,),
                    ),
                    A(
                        "Offer fire-setter intervention sessions to young people referred in Example District",
                        FIRE,
                        (POLICE,),
                        "Every referral seen within 4 weeks",
                        D(2027, 3, 31),
                        themes=(THEME_REOFFENDING,),
                    ),
                ),
                ExampleOutcome(
                    "We want fewer young people in Example District to enter the criminal justice system",
                    ExampleMeasure(
                        "First-time entrants to the youth justice system in Example District",
                        "young people",
                        MeasureDirection.LOWER,
                        (Decimal(48), "2025/26"),
                        (Decimal(40), "2027/28"),
                        (
                            ("12 months to June 2026", Decimal(46)),
                            ("12 months to September 2026", Decimal(43)),
                        ),
                        COUNCIL,
                    ),
                ),
            ),
        ),
    ),
    ExamplePriority(
        "Domestic abuse and violence against women and girls",
        (
            ExampleApproach(
                "Supporting victims and survivors",
                (
                    A(
                        OVERDUE_ACTION,
                        CHARITY,
                        (COUNCIL, HOUSING, POLICE),
                        "Drop-in open 48 weeks of the year",
                        D(2026, 6, 30),
                        themes=(THEME_VAWG,),
                        update=(
                            "At risk",
                            "The hub's room is not yet available; the drop-in will start once a venue "
                            "is agreed.",
                        ),
                    ),
                    A(
                        "Train Example Homes housing officers to recognise and respond to domestic abuse",
                        HOUSING,
                        (CHARITY,),
                        "40 housing officers trained",
                        D(2026, 12, 31),
                        themes=(THEME_VAWG,),
                    ),
                ),
            ),
            ExampleApproach(
                "Managing perpetrators",
                (
                    A(
                        "Refer eligible domestic abuse perpetrators in Example District to a behaviour "
                        "change programme",
                        PROBATION,
                        (POLICE, CHARITY),
                        "30 referrals in the year",
                        D(2027, 3, 31),
                        themes=(THEME_VAWG, THEME_REOFFENDING),
                    ),
                    A(
                        TBC_ACTION,
                        None,
                        (POLICE, PROBATION),
                        "Protocol agreed by the partnership board",
                        D(2027, 1, 31),
                        themes=(THEME_VAWG, THEME_REOFFENDING),
                    ),
                ),
            ),
        ),
        themes=(THEME_VAWG,),
    ),
    ExamplePriority(
        "Anti-social behaviour and neighbourhood crime",
        (
            ExampleApproach(
                "Problem-solving in hotspots",
                (
                    A(
                        "Hold monthly problem-solving meetings for Example Town Centre",
                        POLICE,
                        (COUNCIL, HOUSING),
                        "12 meetings in the year, each with an action log",
                        D(2027, 3, 31),
                        places=(TOWN_CENTRE,),
                        update=(
                            "Ongoing",
                            "Three meetings held (April, May, June); shop theft and street drinking "
                            "are the main issues.",
                        ),
                    ),
                    A(
                        "Improve the lighting on the Example Park Estate footpaths",
                        HOUSING,
                        (COUNCIL,),
                        "All 8 footpaths lit",
                        D(2027, 2, 28),
                        places=(PARK_ESTATE,),
                    ),
                ),
                ExampleOutcome(
                    "We want residents of Example Town Centre to see less anti-social behaviour",
                    ExampleMeasure(
                        "Anti-social behaviour incidents reported in Example Town Centre",
                        "incidents",
                        MeasureDirection.LOWER,
                        (Decimal(620), "2025/26"),
                        (Decimal(550), "2026/27"),
                        (
                            ("12 months to June 2026", Decimal(600)),
                            ("12 months to September 2026", Decimal(540)),
                        ),
                        POLICE,
                    ),
                ),
            ),
            ExampleApproach(
                "Reassuring communities",
                (
                    A(
                        "Hold quarterly community safety walkabouts with residents of the Example Park Estate",
                        COUNCIL,
                        (POLICE, HOUSING, FIRE),
                        "4 walkabouts in the year",
                        D(2027, 3, 31),
                        places=(PARK_ESTATE,),
                    ),
                    A(
                        "Publish a quarterly community safety newsletter for Example District residents",
                        COUNCIL,
                        (POLICE,),
                        "4 issues in the year",
                        D(2027, 3, 31),
                        update=("On track", "The first issue went to every household in June."),
                    ),
                ),
            ),
        ),
        places=(TOWN_CENTRE, PARK_ESTATE),
    ),
]


@dataclass(frozen=True)
class Tags:
    themes: dict[str, Theme]
    places: dict[str, Place]


EXAMPLE_USERS: list[DemoUser] = [
    DemoUser("coordinator.example", "Cam", "Example", Role.COORDINATOR, COUNCIL,
             "Partnership coordinator of the example-district demo partnership (Example District Council)"),
    DemoUser("lead.example", "Lane", "Example", Role.LEAD_OFFICER, POLICE,
             "Lead officer for Example Police in the example-district demo partnership"),
]  # fmt: skip


@transaction.atomic
def example_district_load(*, actor: User, with_users: bool = True, password: str | None = None) -> DemoResult:
    """Create whatever part of the example district is missing; change nothing that exists."""
    partnership, created = _partnership(actor)
    result = DemoResult(partnership)
    if created:
        result.created["partnerships"] += 1
    services.statuses_seed(partnership=partnership, actor=actor)
    organisations = _organisations(partnership, actor, result)
    tags = _named(partnership, actor, result)
    plan_year = _strategy(partnership, actor, result)
    _plan(plan_year, organisations, tags, actor, result)
    if with_users:
        result.users, _ = demo_users_load(
            actor=actor,
            partnership=partnership,
            organisations=organisation_by_name(partnership),
            password=password or demo_password(),
            users=EXAMPLE_USERS,
            with_admin=False,
        )
        if made := sum(1 for person in result.users if person.created):
            result.created["users"] += made
    return result


def _partnership(actor: User) -> tuple[Partnership, bool]:
    """No service creates partnerships (the admin area does): written directly, as ADR 0010 allows.
    No district and no police force: the district is made up."""
    partnership = partnerships_visible_to(actor).filter(slug=SLUG).first()
    if partnership is not None:
        return partnership, False
    return save_as(Partnership(slug=SLUG, name=NAME, short_name=SHORT_NAME, **CONTACT), actor), True


def _organisations(partnership: Partnership, actor: User, result: DemoResult) -> dict[str, Organisation]:
    existing = {o.name for o in organisations_visible_to(actor).filter(partnership=partnership)}
    for order, (name, short_name, org_type) in enumerate(ORGANISATIONS, start=1):
        if name in existing:
            continue
        partnership_services.organisation_save(
            partnership=partnership,
            actor=actor,
            name=name,
            short_name=short_name,
            org_type=org_type,
            website="www.example.org",
            in_membership_list=True,
            membership_order=order,
        )
        result.created["organisations"] += 1
    return {o.name: o for o in organisations_visible_to(actor).filter(partnership=partnership)}


def _named(partnership: Partnership, actor: User, result: DemoResult) -> Tags:
    """The cross-cutting themes and places, by name."""
    themes = {t.name: t for t in themes_visible_to(actor).filter(partnership=partnership)}
    for name, description in THEMES:
        if name not in themes:
            themes[name] = services.theme_save(
                partnership=partnership, actor=actor, name=name, description=description
            )
            result.created["themes"] += 1
    places = {p.name: p for p in places_visible_to(actor).filter(partnership=partnership)}
    for name, kind in PLACES:
        if name not in places:
            places[name] = services.place_save(
                partnership=partnership, actor=actor, name=name, kind=kind, description=EXAMPLE_NOTE
            )
            result.created["places"] += 1
    return Tags(themes, places)


def _strategy(partnership: Partnership, actor: User, result: DemoResult) -> PlanYear:
    """The strategy and its two plan years; 2026/27 made live and current, Q1 open, lead + supporting."""
    strategy = strategies_visible_to(actor).filter(partnership=partnership, start_year=STRATEGY_START).first()
    if strategy is None:
        strategy = strategy_create(
            partnership=partnership,
            title=STRATEGY_TITLE,
            start_year=STRATEGY_START,
            end_year=STRATEGY_END,
            vision=STRATEGY_VISION,
            narrative=STRATEGY_NARRATIVE,
            actor=actor,
            plan_years=True,
        )
        result.created["strategies"] += 1
        result.created["plan years"] += len(strategy.plan_year_slugs)
        plan_year = plan_years_visible_to(actor).get(partnership=partnership, slug=LIVE_YEAR)
        plan_year.partnership = partnership  # the caller's copy becomes current too
        _set_up_live_year(plan_year, actor)
        return plan_year
    return plan_years_visible_to(actor).get(partnership=partnership, slug=LIVE_YEAR)


def _set_up_live_year(plan_year: PlanYear, actor: User) -> None:
    services.plan_year_set_state(plan_year=plan_year, state=PlanYearState.LIVE, actor=actor)
    q1 = reporting_periods_visible_to(actor).get(plan_year=plan_year, code=PeriodCode.Q1)
    services.plan_year_open_period(plan_year=plan_year, period=q1, actor=actor)
    services.plan_year_set_current(plan_year=plan_year, actor=actor)
    services.plan_year_set_owner_layout(plan_year=plan_year, layout=OwnerLayout.LEAD_SUPPORTING, actor=actor)


def _plan(
    plan_year: PlanYear,
    organisations: dict[str, Organisation],
    tags: Tags,
    actor: User,
    result: DemoResult,
) -> None:
    existing_actions = {a.text: a for a in actions_visible_to(actor).filter(plan_year=plan_year)}
    for example in PRIORITIES:
        priority = services.priority_match(plan_year, example.title)
        if priority is None:
            priority = services.priority_create(
                plan_year=plan_year,
                title=example.title,
                description=EXAMPLE_NOTE,
                themes=[tags.themes[name] for name in example.themes],
                places=[tags.places[name] for name in example.places],
                actor=actor,
            )
            result.created["priorities"] += 1
        for example_approach in example.approaches:
            approach = (
                approaches_visible_to(actor).filter(priority=priority, title=example_approach.title).first()
            )
            if approach is None:
                approach = services.approach_save(
                    priority=priority, actor=actor, title=example_approach.title, description=EXAMPLE_NOTE
                )
                result.created["approaches"] += 1
            for item in example_approach.actions:
                if item.text in existing_actions:
                    continue
                owners = [(organisations[name], name) for name in ((item.lead,) if item.lead else ())]
                owners += [(organisations[name], name) for name in item.supporting]
                existing_actions[item.text] = services.action_create(
                    plan_year=plan_year,
                    priority=priority,
                    approach=approach,
                    text=item.text,
                    owners=owners,
                    has_lead=item.lead is not None,
                    target=item.target,
                    due_date=item.due_date,
                    themes=[tags.themes[name] for name in item.themes],
                    places=[tags.places[name] for name in item.places],
                    actor=actor,
                )
                result.created["actions"] += 1
            if example_approach.outcome is not None:
                _outcome(priority, approach, example_approach.outcome, organisations, actor, result)
    _reports(plan_year, existing_actions, organisations, actor, result)


def _outcome(
    priority: Priority,
    approach: Approach,
    example: ExampleOutcome,
    organisations: dict[str, Organisation],
    actor: User,
    result: DemoResult,
) -> None:
    outcome = outcomes_visible_to(actor).filter(priority=priority, text=example.text).first()
    if outcome is None:
        outcome = services.outcome_save(
            priority=priority,
            approach=approach,
            text=example.text,
            actor=actor,
        )
        result.created["outcomes"] += 1
    partnership = priority.plan_year.partnership
    m = example.measure
    if measures_visible_to(actor).filter(partnership=partnership, name=m.name).exists():
        return
    measure = services.measure_save(
        partnership=partnership,
        actor=actor,
        outcomes=[outcome],
        plan_year=priority.plan_year,
        name=m.name,
        unit=m.unit,
        direction=m.direction,
        baseline_value=m.baseline[0],
        baseline_period_label=m.baseline[1],
        target_value=m.target[0],
        target_period_label=m.target[1],
        source_organisation=organisations[m.source],
        note="Example figures made up for the CSP Hub demo.",
        is_example=True,
    )
    result.created["measures"] += 1
    for period_label, value in m.values:
        services.measure_value_save(measure=measure, actor=actor, period_label=period_label, value=value)
        result.created["measure values"] += 1


def _reports(
    plan_year: PlanYear,
    actions: dict[str, Action],
    organisations: dict[str, Organisation],
    actor: User,
    result: DemoResult,
) -> None:
    """The Q1 updates and one supporting organisation's contribution, all marked example data."""
    q1 = reporting_periods_visible_to(actor).get(plan_year=plan_year, code=PeriodCode.Q1)
    statuses = {s.name: s for s in statuses_visible_to(actor).filter(partnership=plan_year.partnership)}
    reported = set(updates_visible_to(actor).filter(period=q1).values_list("action_id", flat=True))
    for item in (item for p in PRIORITIES for a in p.approaches for item in a.actions if item.update):
        action = actions[item.text]
        if action.pk in reported or item.update is None:
            continue
        status, narrative = item.update
        services.action_update_record(
            action=action,
            actor=actor,
            narrative=narrative,
            status=statuses[status],
            period=q1,
            is_example=True,
        )
        result.created["updates"] += 1
    text, organisation, narrative = CONTRIBUTION
    action = actions[text]
    found = contributions_visible_to(actor).filter(
        action=action, period=q1, organisation=organisations[organisation]
    )
    if not found.exists():
        services.action_contribution_record(
            action=action,
            actor=actor,
            narrative=narrative,
            period=q1,
            organisation=organisations[organisation],
            is_example=True,
        )
        result.created["contributions"] += 1
