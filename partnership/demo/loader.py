"""Load the seed plan as the demo partnership. Idempotent: only what is missing is created.

Bulk inserts (with their history rows) keep a full load well under a second.
"""

import importlib
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models, transaction
from simple_history.utils import bulk_create_with_history

from core.history import save_as
from core.models import District, PoliceForce
from partnership.demo import seed_data as seed
from partnership.models import (
    GlossaryTerm,
    Membership,
    Organisation,
    OrganisationName,
    Partnership,
    Role,
)
from planning import services
from planning.models import (
    Action,
    ActionOwner,
    Measure,
    MeasureKind,
    PeriodCode,
    PlanYear,
    PlanYearState,
    Priority,
    SubTheme,
    Update,
)

DEFAULT_PASSWORD = "tonbridge-demo-2020"  # noqa: S105 - published demo password; refused in production

# (username, first name, last name, role, organisation name, description)
DEMO_USERS: list[tuple[str, str, str, str, str, str]] = [
    ("coordinator", "Casey", "Coordinator", Role.COORDINATOR, "Tonbridge & Malling Borough Council",
     "Partnership coordinator (Tonbridge & Malling Borough Council)"),
    ("lead.police", "Lee", "Police", Role.LEAD_OFFICER, "Kent Police", "Lead officer for Kent Police"),
    ("lead.council", "Lou", "Council", Role.LEAD_OFFICER, "Tonbridge & Malling Borough Council",
     "Lead officer for Tonbridge & Malling Borough Council"),
    ("member", "Morgan", "Member", Role.MEMBER, "Kent Fire & Rescue Service",
     "Member (Kent Fire & Rescue Service): reads the partnership's records"),
]  # fmt: skip
ADMIN_USERNAME = "admin"

# Extension hooks other apps provide: (module, whether it takes the partnership).
EXTENSIONS: list[tuple[str, bool]] = [
    ("publishing.demo", True),
    ("crimedata.demo", False),
    ("assessment.demo", True),
]


@dataclass
class DemoResult:
    partnership: Partnership
    created: Counter[str] = field(default_factory=Counter)
    users: list[tuple[str, str, bool]] = field(default_factory=list)  # username, role, created now


def demo_password() -> str:
    return os.environ.get("CSPHUB_DEMO_PASSWORD") or DEFAULT_PASSWORD


def _bulk(model: type[models.Model], objs: Sequence[models.Model], user: Any, result: DemoResult) -> list:
    if not objs:
        return []
    result.created[model._meta.verbose_name_plural] += len(objs)  # type: ignore[index]
    return bulk_create_with_history(list(objs), model, default_user=user)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(". ")


@transaction.atomic
def demo_load(*, user: Any, with_users: bool = True, password: str | None = None) -> DemoResult:
    """Create whatever part of the demo partnership is missing; change nothing that exists."""
    partnership, created = _partnership(user)
    result = DemoResult(partnership)
    if created:
        result.created["partnerships"] += 1
    services.statuses_seed(partnership=partnership, user=user)
    names = _organisations(partnership, user, result)
    _glossary(partnership, user, result)
    year_19 = _plan_year(partnership, "2019-20", PlanYearState.CLOSED, user, result)
    year_20 = _plan_year(partnership, "2020-21", PlanYearState.LIVE, user, result)
    _plan(year_19, seed.PLAN_2019_20, names, user, result, update_period=PeriodCode.YEAR_END)
    _plan(year_20, seed.PLAN_2020_21, names, user, result, carried_from=year_19)
    _measures(year_19, names, user, result)
    if with_users:
        _users(partnership, names, password or demo_password(), result)
    return result


def _partnership(user: Any) -> tuple[Partnership, bool]:
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
    partnership = Partnership.objects.filter(slug=seed.SLUG).first()
    if partnership is not None:
        return partnership, False
    partnership = Partnership(
        slug=seed.SLUG, name=seed.NAME, short_name=seed.SHORT_NAME, police_force=force, **seed.CONTACT
    )
    save_as(partnership, user)
    partnership.districts.add(District.objects.get(code=seed.DISTRICT_CODE))
    return partnership, True


def _organisations(partnership: Partnership, user: Any, result: DemoResult) -> dict[str, Organisation]:
    """Create missing organisations; return every known name (lower-cased) → organisation."""
    existing = {o.name.lower(): o for o in partnership.organisations.all()}
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
    for obj in _bulk(Organisation, new, user, result):
        existing[obj.name.lower()] = obj
    _bulk(
        OrganisationName,
        [OrganisationName(organisation=existing[o.name.lower()], name=n) for o, n in other_names],
        user,
        result,
    )
    index: dict[str, Organisation] = {}
    for organisation in partnership.organisations.prefetch_related("other_names"):
        for name in organisation.known_names():
            index.setdefault(name.strip().lower(), organisation)
    return index


def _glossary(partnership: Partnership, user: Any, result: DemoResult) -> None:
    existing = {t.lower() for t in partnership.glossary.values_list("term", flat=True)}
    terms = [
        GlossaryTerm(partnership=partnership, term=term, meaning=meaning)
        for term, meaning in seed.GLOSSARY
        if term.lower() not in existing
    ]
    _bulk(GlossaryTerm, terms, user, result)


def _plan_year(partnership: Partnership, slug: str, state: str, user: Any, result: DemoResult) -> PlanYear:
    plan_year = partnership.plan_years.filter(slug=slug).first()
    if plan_year is not None:
        return plan_year
    plan_year = services.plan_year_create(partnership=partnership, slug=slug, user=user, state=state)
    result.created["plan years"] += 1
    if state == PlanYearState.LIVE:
        services.plan_year_open_period(
            plan_year=plan_year, period=plan_year.periods.get(code=PeriodCode.Q1), user=user
        )
        services.plan_year_set_current(plan_year=plan_year, user=user)
    return plan_year


def _plan(
    plan_year: PlanYear,
    priorities: Iterable[seed.SeedPriority],
    names: dict[str, Organisation],
    user: Any,
    result: DemoResult,
    *,
    update_period: str | None = None,
    carried_from: PlanYear | None = None,
) -> None:
    """Priorities, sub-themes, actions, owners and (optionally) year-end updates of one plan year."""
    earlier = {_key(a.text): a for a in carried_from.actions.all()} if carried_from else {}
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
            save_as(priority, user)
            result.created["priorities"] += 1
            _bulk(
                SubTheme,
                [
                    SubTheme(priority=priority, name=name, order=i)
                    for i, name in enumerate(seed_priority.sub_themes, start=1)
                ],
                user,
                result,
            )
        existing = {
            _key(t) for t in plan_year.actions.filter(priority=priority).values_list("text", flat=True)
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
    _bulk(Action, [a for a, _ in new_actions], user, result)
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
                )
            )
    _bulk(ActionOwner, owners, user, result)
    if update_period:
        period = plan_year.periods.get(code=update_period)
        updates = [
            Update(action=action, period=period, narrative=seed_action.update, status=None, author=user)
            for action, seed_action in new_actions
            if seed_action.update
        ]
        _bulk(Update, updates, user, result)


def _measures(plan_year: PlanYear, names: dict[str, Organisation], user: Any, result: DemoResult) -> None:
    partnership = plan_year.partnership
    existing = {
        n.lower()
        for n in partnership.measures.filter(plan_year=plan_year, kind=MeasureKind.KEY_FIGURE).values_list(
            "name", flat=True
        )
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
    _bulk(Measure, measures, user, result)


def _users(
    partnership: Partnership, names: dict[str, Organisation], password: str, result: DemoResult
) -> None:
    user_model = get_user_model()
    for username, first, last, role, org_name, description in DEMO_USERS:
        person, created = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if created:
            person.set_password(password)
            person.save(update_fields=["password"])
        Membership.objects.get_or_create(
            user=person,
            partnership=partnership,
            defaults={"role": role, "organisation": names[org_name.lower()]},
        )
        result.users.append((username, description, created))
    admin, created = user_model.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={
            "first_name": "Site",
            "last_name": "Administrator",
            "email": "admin@example.org",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        admin.set_password(password)
        admin.save(update_fields=["password"])
    result.users.append((ADMIN_USERNAME, "Site administrator (Django admin at /admin/)", created))
    if made := sum(1 for _, _, new in result.users if new):
        result.created["users"] += made


def run_extensions(*, partnership: Partnership, user: Any, stdout: Any) -> list[str]:
    """Call the other apps' demo loaders that exist, in order; return the ones that ran.

    A missing module is skipped silently; any other error (inside a hook too) propagates.
    """
    ran = []
    for module_name, takes_partnership in EXTENSIONS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name in (module_name, module_name.split(".")[0]):
                continue
            raise
        kwargs: dict[str, Any] = {"user": user, "stdout": stdout}
        if takes_partnership:
            kwargs["partnership"] = partnership
        module.load_demo(**kwargs)
        ran.append(module_name)
    return ran
