"""The seed's 2019/20 projects and initiatives as 14 projects, with their outputs as the seed prints
them, and example funding pots, allocations and spend (the seed gives no amounts: ADR 0011).

Outputs that are already key figures of 2019/20 (Kenward Trust's 1,854 young people, "over 190" on
Y2 Crew, ...) are linked, not copied; CDAP's and the One Stop Shop's figures become project outputs.
Idempotent: a project already there (by title, in 2019/20) is left alone.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from io import TextIOBase

from django.db import transaction

from accounts.models import User
from demo.partnership import DemoResult
from partnership.access import organisations_visible_to
from partnership.models import Organisation, Partnership
from planning.access import measures_visible_to, plan_years_visible_to, priorities_visible_to
from planning.models import MeasureKind, PlanYear
from projects import access, services
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
class SeedProject:
    title: str
    priority: str  # a keyword of the 2019/20 priority's title
    summary: str
    lead: str = ""
    delivery: tuple[str, ...] = ()
    status: str = ProjectStatus.COMPLETED
    key_figures: tuple[str, ...] = ()  # existing 2019/20 key figures that count its outputs
    outputs: tuple[NewOutput, ...] = ()
    quotes: tuple[str, ...] = ()
    # Example data: (pot, allocated, [spend]) — the seed gives no amounts.
    money: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=())


GRANT, TACTICAL = "PCC grant 2019/20", "PCC tactical pot 2019/20"
TMBC = "Tonbridge & Malling Borough Council"

PROJECTS: tuple[SeedProject, ...] = (
    SeedProject(
        "Kenward Trust",
        "vulnerable",
        "The CSP continues to commission The Kenward Trust to engage with young people in the borough "
        "around alcohol and substance misuse (and the associated anti-social behaviour linked to these "
        "substances). During the year they were able to visit four different locations and engaged with "
        "over 1,800 individuals.",
        lead="Kenward Trust",
        status=ProjectStatus.RUNNING,
        key_figures=("Young people engaged by Kenward Trust",),
        money=((GRANT, "6000.00", ("1500.00", "1500.00", "1500.00")),),
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
        "Reform Restore Respect",
        "violent",
        "During the year a charity, Restore, Reform, Respect went into Hayesbrook School in Tonbridge to "
        "deliver an anti-crime workshop to 382 students.",
        lead="Reform Restore Respect",
        key_figures=("Pupils who saw the Reform Restore Respect anti-crime assembly",),
    ),
    SeedProject(
        "Gangs training",
        "violent",
        "The CSP also arranged some training around gang awareness which was held in June 2019. "
        "40 professionals from Tonbridge & Malling attended the training, which was jointly held with "
        "Sevenoaks Community Safety Partnership.",
        lead=TMBC,
        key_figures=("Professionals attending gangs training",),
        money=((GRANT, "800.00", ("750.00",)),),
    ),
    SeedProject(
        "Y2 Crew summer holiday scheme",
        "vulnerable",
        "This included the Y2 Crew summer holiday scheme which was organised by Tonbridge & Malling "
        "Borough Council and Kent County Council.",
        lead=TMBC,
        delivery=("Kent County Council",),
        key_figures=("Young people attending the Y2 Crew summer holiday scheme",),
    ),
    SeedProject(
        "Swerve it",
        "vulnerable",
        "During the year Kent Police, Kent Fire and Rescue Service, Project Salus and Tonbridge & Malling "
        "Borough Council ran the 'Swerve it' bicycle programme in Snodland.",
        lead="Kent Police",
        delivery=("Kent Fire & Rescue Service", "Project Salus", TMBC),
    ),
    SeedProject(
        "Community Alcohol Partnerships (Tonbridge and Snodland)",
        "vulnerable",
        "Both the Tonbridge Community Alcohol Partnership and Snodland Community Alcohol Partnership "
        "continued to run during this year.",
    ),
    SeedProject(
        "DAVSS",
        "domestic",
        "The Community Safety Partnership continued to provide funding for DAVSS to work with medium risk "
        "victims of domestic abuse.",
        lead="DAVSS (Domestic Abuse Volunteer Support Services)",
        key_figures=("DAVSS referrals",),
        money=((GRANT, "5000.00", ("2500.00", "2500.00")),),
    ),
    SeedProject(
        "Lookahead",
        "domestic",
        "We also continue to support Lookahead (who work with high risk victims of domestic abuse).",
        lead="Lookahead",
    ),
    SeedProject(
        "Freedom Programme",
        "domestic",
        "The Freedom Programme ran in Tonbridge and East Malling with 20 women in total attending this "
        "programme looking at how to recognise signs of abuse and how to break the cycle of abuse.",
        key_figures=("Freedom Programme attendees",),
    ),
    SeedProject(
        "CDAP",
        "domestic",
        "The Community Domestic Abuse Perpetrators Programme (CDAP) also continued to run in Tonbridge.",
        lead="Community Domestic Abuse Programme",
        outputs=(
            NewOutput("Men on the programme at the end of the year", D(13), "men"),
            NewOutput("Women supported through the programme", D(13), "women"),
            NewOutput("Children supported through the programme", D(41), "children"),
        ),
    ),
    SeedProject(
        "One Stop Shop",
        "domestic",
        "The One Stop Drop In service in Tonbridge continued to run throughout the year. This is supported "
        "by Clarion Housing, DAVSS and Lookahead.",
        delivery=("Clarion Housing", "DAVSS (Domestic Abuse Volunteer Support Services)", "Lookahead"),
        outputs=(NewOutput("People using the service for advice and support", D(35), "people", "over"),),
    ),
    SeedProject(
        "Doorstep crime analyst",
        "vulnerable",
        "Through funding from the PCC the CSP was able to provide funding towards a Kent wide doorstep "
        "crime project. This project will continue during 2020/21.",
        lead="KCC Trading Standards",
        delivery=("Kent County Council",),
        status=ProjectStatus.RUNNING,
        money=((GRANT, "3000.00", ("1000.00",)),),
    ),
    SeedProject(
        "Crime prevention events",
        "anti-social",
        "Representatives from the CSU attended a number of events during the year to provide free crime "
        "prevention items and advice to members of the public. Funding for the crime prevention items such "
        "as purse chains, personal alarms and shed alarms came from the Police and Crime Commissioners "
        "funding.",
        lead=TMBC,
        key_figures=("Crime prevention events attended by the CSU",),
        money=((TACTICAL, "1200.00", ("450.00", "325.50")),),
    ),
)

QUOTES = {
    "Reform Restore Respect": (
        "I've learnt that everything you will get caught and there are punishments for it and it's just "
        "not worth it",
        "The assembly has helped me to understand that if you break the law then there will be consequences",
        "I learnt in more detail about county lines and the risk of how it can affect us as well as being "
        "more careful with the groups of people you get involved in as it can affect your future",
    ),
}
POTS = (
    (GRANT, FunderKind.PCC_GRANT, "Kent Police and Crime Commissioner", "20000.00"),
    (TACTICAL, FunderKind.PCC_TACTICAL, "Kent Police and Crime Commissioner", "3000.00"),
)
DAY = datetime.date(2019, 7, 1)


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
    made = 0
    for seed in PROJECTS:
        if seed.title in existing:
            continue
        priority = next((p for p in priorities if seed.priority in p.title.lower()), None)
        project = services.project_create(
            actor=actor,
            plan_year=plan_year,
            title=seed.title,
            summary=seed.summary,
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
                services.output_link(actor=actor, project=project, measure=figures[name])
        for output in seed.outputs:
            services.output_add(
                actor=actor,
                project=project,
                name=output.name,
                unit=output.unit,
                value=output.value,
                value_qualifier=output.qualifier,
            )
        for text in QUOTES.get(seed.title, ()):
            quote = services.quote_add(actor=actor, project=project, text=text)
            services.quote_approve(actor=actor, quote=quote)
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
