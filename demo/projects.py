"""The seed's 2019/20 projects and initiatives as 14 projects, with their outputs as the seed prints
them, and example funding pots, allocations and spend (the seed gives no amounts: ADR 0011).

Outputs that are already key figures of 2019/20 (Kenward Trust's 1,854 young people, "over 190" on
Y2 Crew, ...) are linked, not copied; CDAP's and the One Stop Shop's figures become project outputs.
Idempotent: a project already there (by title, in 2019/20) is left alone.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from io import TextIOBase

from django.db import transaction

from accounts.models import User
from demo import texts
from demo.partnership import DemoResult
from partnership.access import organisations_visible_to
from partnership.models import Organisation, Partnership
from planning.access import measures_visible_to, plan_years_visible_to, priorities_visible_to
from planning.models import MeasureKind, PlanYear
from projects import access, services, services_reporting
from projects.models import FunderKind, FundingPot, ProjectStatus

YEAR = "2019-20"
D = Decimal


@dataclass(frozen=True)
class NewOutput:
    name: str
    value: Decimal
    unit: str
    qualifier: str = ""


@dataclass(frozen=True)
class SeedText:
    """Part of a paragraph of the seed's review section (`texts.PROJECTS`): paragraph `paragraph`
    (from 0) of the priority's narrative, from the sentence starting `start` to the end of the
    sentence that starts `end` (the whole paragraph without them)."""

    paragraph: int
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class SeedProject:
    title: str
    priority: str  # a keyword of the 2019/20 priority's title
    summary: str | tuple[SeedText, ...]  # its own words, or its paragraphs of the seed's review
    lead: str = ""
    delivery: tuple[str, ...] = ()
    status: str = ProjectStatus.COMPLETED
    key_figures: tuple[str, ...] = ()  # existing 2019/20 key figures that count its outputs
    outputs: tuple[NewOutput, ...] = ()
    quotes: bool = False  # the seed's quotes of its priority's section belong to this project
    # Example data: (pot, allocated, [spend]) — the seed gives no amounts.
    money: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=())


GRANT, TACTICAL = "PCC grant 2019/20", "PCC tactical pot 2019/20"
TMBC = "Tonbridge & Malling Borough Council"

PROJECTS: tuple[SeedProject, ...] = (
    SeedProject(
        "Doorstep crime analyst",
        "vulnerable",
        (SeedText(0),),
        lead="KCC Trading Standards",
        delivery=("Kent County Council",),
        status=ProjectStatus.RUNNING,
        money=((GRANT, "3000.00", ("1000.00",)),),
    ),
    SeedProject(
        "Kenward Trust",
        "vulnerable",
        (SeedText(1),),  # the narrative keeps "over 1,800"; the output is the update's 1,854
        lead="Kenward Trust",
        status=ProjectStatus.RUNNING,
        key_figures=("Young people engaged by Kenward Trust",),
        money=((GRANT, "6000.00", ("1500.00", "1500.00", "1500.00")),),
    ),
    SeedProject(
        "Community Alcohol Partnerships (Tonbridge and Snodland)",
        "vulnerable",
        (SeedText(2), SeedText(3), SeedText(4)),
    ),
    SeedProject(
        "Y2 Crew summer holiday scheme",
        "vulnerable",
        (SeedText(5, start="A number of diversionary", end="Over 190 young people"),),
        lead=TMBC,
        delivery=("Kent County Council",),
        key_figures=("Young people attending the Y2 Crew summer holiday scheme",),
    ),
    SeedProject(
        "Swerve it",
        "vulnerable",
        (SeedText(5, start="During the year Kent Police", end="It is hoped"),),
        lead="Kent Police",
        delivery=("Kent Fire & Rescue Service", "Project Salus", TMBC),
    ),
    SeedProject(
        "Theatre ADAD “Wasted”",
        "vulnerable",
        "Theatre ADAD were able to go into 15 schools in the borough and give their 'Wasted' performance "
        "to 865 Year 6 pupils.",
        lead="Theatre ADAD",
        key_figures=("Pupils who saw Theatre ADAD's 'Wasted' performance", "Schools visited by Theatre ADAD"),
    ),
    SeedProject(
        "Gangs training",
        "violent",
        (SeedText(1),),
        lead=TMBC,
        key_figures=("Professionals attending gangs training",),
        money=((GRANT, "800.00", ("750.00",)),),
    ),
    SeedProject(
        "Reform Restore Respect",
        "violent",
        (SeedText(2),),
        lead="Reform Restore Respect",
        key_figures=("Pupils who saw the Reform Restore Respect anti-crime assembly",),
        quotes=True,
    ),
    SeedProject(
        "DAVSS",
        "domestic",
        (SeedText(0, start="The Community Safety Partnership continued", end="Of these 283"),),
        lead="DAVSS (Domestic Abuse Volunteer Support Services)",
        key_figures=("DAVSS referrals",),
        money=((GRANT, "5000.00", ("2500.00", "2500.00")),),
    ),
    SeedProject(
        "Lookahead",
        "domestic",
        (
            SeedText(
                0, start="We also continue to support Lookahead", end="We also continue to support Lookahead"
            ),
        ),
        lead="Lookahead",
    ),
    SeedProject(
        "Freedom Programme",
        "domestic",
        (SeedText(0, start="The Freedom Programme", end="The Freedom Programme"),),
        key_figures=("Freedom Programme attendees",),
    ),
    SeedProject(
        "One Stop Shop",
        "domestic",
        (SeedText(1),),
        delivery=("Clarion Housing", "DAVSS (Domestic Abuse Volunteer Support Services)", "Lookahead"),
        outputs=(NewOutput("People using the service for advice and support", D(35), "people", "over"),),
    ),
    SeedProject(
        "CDAP",
        "domestic",
        (SeedText(2),),
        lead="Community Domestic Abuse Programme",
        outputs=(
            NewOutput("Men on the programme at the end of the year", D(13), "men"),
            NewOutput("Women supported through the programme", D(13), "women"),
            NewOutput("Children supported through the programme", D(41), "children"),
        ),
    ),
    SeedProject(
        "Crime prevention events",
        "anti-social",
        (SeedText(3),),
        lead=TMBC,
        key_figures=("Crime prevention events attended by the CSU",),
        money=((TACTICAL, "1200.00", ("450.00", "325.50")),),
    ),
)
# Not in the seed's review section (its figure is from an action's year-end update): not printed there.
NOT_IN_REVIEW = frozenset({"Theatre ADAD “Wasted”"})

POTS = (
    (GRANT, FunderKind.PCC_GRANT, "Kent Police and Crime Commissioner", "20000.00"),
    (TACTICAL, FunderKind.PCC_TACTICAL, "Kent Police and Crime Commissioner", "3000.00"),
)
DAY = datetime.date(2019, 7, 1)
SENTENCE_END = re.compile(r"(?<=[.!?:)])\s+(?=[A-Z(])")


def _section(keyword: str) -> tuple[str, list[str]]:
    """The narrative's paragraphs and the quotes of the seed's review section for one priority."""
    for found, _, narrative, _quotes in texts.PROJECTS:
        if found == keyword:
            return narrative, [p.strip() for p in narrative.strip().split("\n\n")]
    raise KeyError(keyword)


def _quotes(keyword: str) -> list[str]:
    return next(quotes for found, _, _, quotes in texts.PROJECTS if found == keyword)


def _cut(paragraph: str, part: SeedText) -> str:
    if not part.start:
        return paragraph
    first = paragraph.index(part.start)
    last_start = paragraph.index(part.end, first)
    ends = [m.start() for m in SENTENCE_END.finditer(paragraph) if m.start() > last_start]
    return paragraph[first : ends[0] if ends else len(paragraph)].strip()


def summary_of(seed: SeedProject) -> str:
    """The project's summary: its own words, or its sentences of the seed's review section."""
    if isinstance(seed.summary, str):
        return seed.summary
    _, paragraphs = _section(seed.priority)
    return "\n\n".join(_cut(paragraphs[part.paragraph], part) for part in seed.summary)


def review_introduction(keyword: str) -> str:
    """The priority's introduction text in the plan's review of projects: the seed's paragraphs of
    its section that are not about a project (the Serious and Organised Crime Group, dispersal
    orders, Channel panels, the social media campaign …); the projects print after it."""
    _, paragraphs = _section(keyword)
    used = {
        part.paragraph
        for seed in PROJECTS
        if seed.priority == keyword and seed.title not in NOT_IN_REVIEW and not isinstance(seed.summary, str)
        for part in seed.summary
    }
    return "\n\n".join(p for index, p in enumerate(paragraphs) if index not in used) + "\n"


def section_quotes_move_to_projects(keyword: str) -> bool:
    """Whether a project of this priority holds the section's quotes (then the review does not)."""
    return any(seed.quotes and seed.priority == keyword for seed in PROJECTS)


def projects_load(*, partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    plan_year = plan_years_visible_to(actor).filter(partnership=partnership, slug=YEAR).first()
    if plan_year is None:
        return
    with transaction.atomic():
        made = _load(plan_year, actor)
    if made:
        stdout.write(f"Projects: created {made} projects of {plan_year.label} (amounts are example data).\n")
    else:
        stdout.write("Projects are already loaded; nothing changed.\n")


def _organisation(names: dict[str, Organisation], name: str) -> Organisation | None:
    return names.get(name.casefold()) if name else None


def _load(plan_year: PlanYear, actor: User) -> int:
    partnership = plan_year.partnership
    existing = set(
        access.projects_visible_to(actor).filter(plan_year=plan_year).values_list("title", flat=True)
    )
    if len(existing) >= len(PROJECTS):
        return 0
    names = {o.name.casefold(): o for o in organisations_visible_to(actor).filter(partnership=partnership)}
    priorities = list(priorities_visible_to(actor).filter(plan_year=plan_year).order_by("order", "pk"))
    figures = {
        m.name: m
        for m in measures_visible_to(actor).filter(
            partnership=partnership, plan_year=plan_year, kind=MeasureKind.KEY_FIGURE
        )
    }
    pots = _pots(plan_year, actor)
    review_order = {seed.title: order for order, seed in enumerate(PROJECTS, start=1)}
    made = 0
    for seed in PROJECTS:
        if seed.title in existing:
            continue
        priority = next((p for p in priorities if seed.priority in p.title.lower()), None)
        project = services.project_create(
            actor=actor,
            plan_year=plan_year,
            title=seed.title,
            summary=summary_of(seed),
            in_plan_review=seed.title not in NOT_IN_REVIEW,
            review_order=review_order[seed.title],
            priorities=[priority] if priority else [],
            lead_organisation=_organisation(names, seed.lead),
            delivery_organisations=[o for n in seed.delivery if (o := _organisation(names, n))],
            start_date=plan_year.start_date,
            end_date=plan_year.end_date if seed.status != ProjectStatus.RUNNING else None,
        )
        services.project_transition(actor=actor, project=project, to=ProjectStatus.APPROVED)
        services.project_transition(actor=actor, project=project, to=ProjectStatus.RUNNING)
        for pot_name, amount, spend in seed.money:
            allocation = services.allocation_record(
                actor=actor,
                project=project,
                pot=pots[pot_name],
                amount=D(amount),
                date=DAY,
                decision_ref="Example decision",
                is_example=True,
            )
            for number, value in enumerate(spend, start=1):
                services.spend_record(
                    actor=actor,
                    allocation=allocation,
                    amount=D(value),
                    date=DAY + datetime.timedelta(days=30 * number),
                    description=f"Example payment {number}",
                    is_example=True,
                )
        for name in seed.key_figures:
            if name in figures:
                services_reporting.output_link(actor=actor, project=project, measure=figures[name])
        for output in seed.outputs:
            services_reporting.output_add(
                actor=actor,
                project=project,
                name=output.name,
                unit=output.unit,
                value=output.value,
                value_qualifier=output.qualifier,
            )
        for text in _quotes(seed.priority) if seed.quotes else ():
            quote = services_reporting.quote_add(actor=actor, project=project, text=text)
            services_reporting.quote_approve(actor=actor, quote=quote)
        if seed.status == ProjectStatus.COMPLETED:
            services.project_transition(actor=actor, project=project, to=ProjectStatus.COMPLETED)
        made += 1
    return made


def _pots(plan_year: PlanYear, actor: User) -> dict[str, FundingPot]:
    found = {p.name: p for p in access.funding_pots_visible_to(actor).filter(plan_year=plan_year)}
    for name, kind, funder, amount in POTS:
        if name not in found:
            found[name] = services.pot_create(
                actor=actor,
                plan_year=plan_year,
                name=name,
                funder_kind=kind,
                funder_name=funder,
                amount=D(amount),
                conditions="Example data: the seed confirms the PCC funding and the tactical pot but gives no amounts.",
                is_example=True,
            )
    return found


def projects_step(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    """The demo loader's step (demo.loader.STEPS)."""
    projects_load(partnership=result.partnership, actor=actor, stdout=stdout)
