"""Load the seed plan as the demo partnership. Idempotent: only what is missing is created.

Bulk inserts (with their history rows) keep a full load well under a second. They write the seed's
organisations, glossary, priorities, actions, owners, year-end updates and key figures directly:
the per-record services would cost seconds, and the closed 2019/20 year accepts no updates through
`action_update_record` (ADR 0010).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import models, transaction
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from core.history import save_as
from core.models import District, PoliceForce
from demo import seed_data as seed
from demo.users import LoadedUser, demo_password, demo_users_load
from partnership.access import glossary_terms_visible_to, organisations_visible_to, partnerships_visible_to
from partnership.models import GlossaryTerm, Organisation, OrganisationName, Partnership
from partnership.selectors import organisation_by_name
from planning import services
from planning.access import (
    actions_visible_to,
    measures_visible_to,
    plan_years_visible_to,
    reporting_periods_visible_to,
)
from planning.models import (
    Action,
    ActionOwner,
    Measure,
    MeasureKind,
    OwnerRole,
    PeriodCode,
    PlanYear,
    PlanYearState,
    Priority,
    ReportingPeriod,
    SubTheme,
    Update,
)

M = TypeVar("M", bound=models.Model)


@dataclass
class DemoResult:
    partnership: Partnership
    created: Counter[str] = field(default_factory=Counter)
    users: list[LoadedUser] = field(default_factory=list)
    with_users: bool = False  # whether this run creates demo users (later steps follow it)
    two_factor: list[tuple[str, str, str]] = field(default_factory=list)  # username, secret, otpauth URI


def _bulk(model: type[M], objs: Sequence[M], actor: User, result: DemoResult) -> list[M]:
    if not objs:
        return []
    result.created[model._meta.verbose_name_plural] += len(objs)  # type: ignore[index]
    return bulk_create_with_history(list(objs), model, default_user=actor)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(". ")


@transaction.atomic
def demo_load(*, actor: User, with_users: bool = True, password: str | None = None) -> DemoResult:
    """Create whatever part of the demo partnership is missing; change nothing that exists."""
    partnership, created = _partnership(actor)
    result = DemoResult(partnership, with_users=with_users)
    if created:
        result.created["partnerships"] += 1
    services.statuses_seed(partnership=partnership, actor=actor)
    names = _organisations(partnership, actor, result)
    _glossary(partnership, actor, result)
    year_19 = _plan_year(partnership, "2019-20", PlanYearState.CLOSED, actor, result)
    year_20 = _plan_year(partnership, "2020-21", PlanYearState.LIVE, actor, result)
    _plan(year_19, seed.PLAN_2019_20, names, actor, result, update_period=PeriodCode.YEAR_END)
    _plan(year_20, seed.PLAN_2020_21, names, actor, result, carried_from=year_19)
    _measures(year_19, names, actor, result)
    if with_users:
        result.users, grants = demo_users_load(
            actor=actor, partnership=partnership, organisations=names, password=password or demo_password()
        )
        if made := sum(1 for person in result.users if person.created):
            result.created["users"] += made
        if grants:
            result.created["role grants"] += grants
    return result


def _partnership(actor: User) -> tuple[Partnership, bool]:
    force = PoliceForce.objects.filter(slug=seed.POLICE_FORCE[0]).first()
    if force is None:
        force = PoliceForce.objects.create(slug=seed.POLICE_FORCE[0], name=seed.POLICE_FORCE[1])
    known = set(District.objects.values_list("code", flat=True))
    District.objects.bulk_create(
        [District(code=c, name=n, police_force=force) for c, n in seed.KENT_DISTRICTS if c not in known],
        ignore_conflicts=True,
    )
    # Rows another app created without a force (e.g. a renamed district) get Kent Police.
    District.objects.filter(code__in=[c for c, _ in seed.KENT_DISTRICTS], police_force=None).update(
        police_force=force
    )
    partnership = partnerships_visible_to(actor).filter(slug=seed.SLUG).first()
    if partnership is not None:
        return partnership, False
    partnership = Partnership(
        slug=seed.SLUG, name=seed.NAME, short_name=seed.SHORT_NAME, police_force=force, **seed.CONTACT
    )
    save_as(partnership, actor)
    partnership.districts.add(District.objects.get(code=seed.DISTRICT_CODE))
    return partnership, True


def _organisations(partnership: Partnership, actor: User, result: DemoResult) -> dict[str, Organisation]:
    """Create missing organisations; return every known name (lower-cased) → organisation."""
    existing = {o.name.lower(): o for o in organisations_visible_to(actor).filter(partnership=partnership)}
    new: list[Organisation] = []
    other_names: list[tuple[Organisation, str]] = []
    listed = [(org, True, index) for index, org in enumerate(seed.MEMBERS, start=1)]
    for org, in_list, order in listed + [(org, False, 0) for org in seed.OTHER_ORGANISATIONS]:
        if org.name.lower() in existing:
            continue
        obj = Organisation(
            partnership=partnership,
            name=org.name,
            short_name=org.short_name,
            org_type=org.org_type,
            phone=org.phone,
            website=org.website,
            in_membership_list=in_list,
            membership_order=order,
        )
        new.append(obj)
        other_names.extend((obj, name) for name in org.other_names)
    for obj in _bulk(Organisation, new, actor, result):
        existing[obj.name.lower()] = obj
    _bulk(
        OrganisationName,
        [OrganisationName(organisation=existing[o.name.lower()], name=n) for o, n in other_names],
        actor,
        result,
    )
    return organisation_by_name(partnership)


def _glossary(partnership: Partnership, actor: User, result: DemoResult) -> None:
    terms_held = (
        glossary_terms_visible_to(actor).filter(partnership=partnership).values_list("term", flat=True)
    )
    existing = {t.lower() for t in terms_held}
    terms = [
        GlossaryTerm(partnership=partnership, term=term, meaning=meaning)
        for term, meaning in seed.GLOSSARY
        if term.lower() not in existing
    ]
    _bulk(GlossaryTerm, terms, actor, result)


def _plan_year(partnership: Partnership, slug: str, state: str, actor: User, result: DemoResult) -> PlanYear:
    plan_year = plan_years_visible_to(actor).filter(partnership=partnership, slug=slug).first()
    if plan_year is not None:
        return plan_year
    plan_year = services.plan_year_create(partnership=partnership, slug=slug, actor=actor, state=state)
    result.created["plan years"] += 1
    if state == PlanYearState.LIVE:
        services.plan_year_open_period(
            plan_year=plan_year, period=_period(plan_year, PeriodCode.Q1, actor), actor=actor
        )
        services.plan_year_set_current(plan_year=plan_year, actor=actor)
    return plan_year


def _period(plan_year: PlanYear, code: str, actor: User) -> ReportingPeriod:
    return reporting_periods_visible_to(actor).get(plan_year=plan_year, code=code)


def _plan(
    plan_year: PlanYear,
    priorities: Iterable[seed.SeedPriority],
    names: dict[str, Organisation],
    actor: User,
    result: DemoResult,
    *,
    update_period: str | None = None,
    carried_from: PlanYear | None = None,
) -> None:
    """Priorities, sub-themes, actions, owners and (optionally) year-end updates of one plan year."""
    actions = actions_visible_to(actor)
    earlier = {_key(a.text): a for a in actions.filter(plan_year=carried_from)} if carried_from else {}
    new_actions: list[tuple[Action, seed.SeedAction]] = []
    for p_index, seed_priority in enumerate(priorities, start=1):
        priority = services.priority_match(plan_year, seed_priority.title)
        if priority is None:
            priority = Priority(
                plan_year=plan_year,
                title=seed_priority.title,
                order=p_index,
                carried_from=services.priority_match(carried_from, seed_priority.title)
                if carried_from
                else None,
            )
            save_as(priority, actor)
            result.created["priorities"] += 1
            _bulk(
                SubTheme,
                [
                    SubTheme(priority=priority, name=name, order=i)
                    for i, name in enumerate(seed_priority.sub_themes, start=1)
                ],
                actor,
                result,
            )
        existing = {
            _key(t)
            for t in actions.filter(plan_year=plan_year, priority=priority).values_list("text", flat=True)
        }
        for a_index, seed_action in enumerate(seed_priority.actions, start=1):
            if _key(seed_action.text) in existing:
                continue
            action = Action(
                plan_year=plan_year,
                priority=priority,
                text=seed_action.text,
                order=a_index,
                carried_from=earlier.get(_key(seed_action.text)),
            )
            new_actions.append((action, seed_action))
    _bulk(Action, [a for a, _ in new_actions], actor, result)
    owners: list[ActionOwner] = []
    for action, seed_action in new_actions:
        for o_index, written in enumerate(seed_action.owners, start=1):
            organisation = names[written.lower()]
            owners.append(
                ActionOwner(
                    action=action,
                    organisation=organisation,
                    order=o_index,
                    name_as_written="" if written == organisation.name else written,
                    role=OwnerRole.LEAD if o_index == 1 else OwnerRole.SUPPORTING,
                )
            )
    _bulk(ActionOwner, owners, actor, result)
    if update_period:
        period = _period(plan_year, update_period, actor)
        updates = [
            Update(action=action, period=period, narrative=seed_action.update, status=None, author=actor)
            for action, seed_action in new_actions
            if seed_action.update
        ]
        _bulk(Update, updates, actor, result)


def _measures(plan_year: PlanYear, names: dict[str, Organisation], actor: User, result: DemoResult) -> None:
    partnership = plan_year.partnership
    existing = {
        n.lower()
        for n in measures_visible_to(actor)
        .filter(partnership=partnership, plan_year=plan_year, kind=MeasureKind.KEY_FIGURE)
        .values_list("name", flat=True)
    }
    measures = []
    for order, m in enumerate(seed.MEASURES_2019_20, start=1):
        if m.name.lower() in existing:
            continue
        whole_year = m.period_label == plan_year.label
        measures.append(
            Measure(
                partnership=partnership,
                kind=MeasureKind.KEY_FIGURE,
                plan_year=plan_year,
                name=m.name,
                unit=m.unit,
                period_label=m.period_label,
                period_start=plan_year.start_date if whole_year else None,
                period_end=plan_year.end_date if whole_year else None,
                value=m.value,
                value_qualifier=m.value_qualifier,
                comparison_value=m.comparison_value,
                comparison_period_label=m.comparison_period_label,
                stated_change=m.stated_change,
                source_organisation=names[m.source.lower()],
                note=m.note,
                order=order,
            )
        )
    _bulk(Measure, measures, actor, result)
