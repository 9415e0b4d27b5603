"""Updates: an action's report for a reporting period, never silently overwritten."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractUser
from django.db import IntegrityError, transaction

from core.actors import Actor
from core.errors import AccessDenied, ConflictError, ServiceError
from core.history import delete_as, save_as
from planning import access
from planning.models import (
    Action,
    Measure,
    MeasureKind,
    ReportingPeriod,
    Status,
    Update,
)


@dataclass(frozen=True)
class UpdateFigure:
    """A named figure reported in an update ("Young people engaged", over 190, "young people")."""

    name: str
    value: Decimal
    unit: str = ""
    value_qualifier: str = ""


def _person_id(actor: Actor) -> int | None:
    """The author recorded on an update (a person or the system actor; never an anonymous visitor)."""
    return actor.pk if isinstance(actor, AbstractUser) else None


def only_open_period(action: Action) -> ReportingPeriod:
    """The period an update goes into when none is named: the one open period, else an error."""
    plan_year = action.plan_year
    periods = access.open_periods(plan_year)
    if not periods:
        raise ServiceError(f"No reporting period is open for updates in {plan_year.label}.")
    if len(periods) > 1:
        names = " and ".join(p.get_code_display() for p in periods)
        raise ServiceError(f"Choose the reporting period: {names} are open.")
    return periods[0]


@transaction.atomic
def action_update_record(
    *,
    action: Action,
    actor: Actor,
    narrative: str,
    status: Status | None,
    period: ReportingPeriod | None = None,
    expected_version: int | None = None,
    is_example: bool = False,
    figures: Sequence[UpdateFigure] | None = None,
) -> Update:
    """Create or edit the action's update for a period (the one open period by default).

    expected_version is the version of the update the author started from (None when they
    started a new one): a mismatch means someone else saved first, and nothing is overwritten.
    figures, when given, become the update's figures in that order (None leaves them as they are).
    Coordinators (and the system actor of imports) may record an update for any period of the
    year; lead officers only for the open period of their organisation's actions.
    """
    plan_year = action.plan_year
    period = period or only_open_period(action)
    if period.plan_year_id != plan_year.pk:
        raise ServiceError("That reporting period belongs to another plan year.")
    if not access.can_manage_plan(actor, plan_year):
        if not access.can_report_on(actor, action):
            raise AccessDenied("You can only update actions your organisation leads.")
        if not access.can_write_update(actor, action):
            raise AccessDenied(
                "This is a joint action: its lead organisation writes the update. "
                "Add your organisation's contribution instead."
            )
        if not access.is_period_open(plan_year, period):
            raise AccessDenied(f"{period.get_code_display()} is not open for updates.")
    if status is not None and status.partnership_id != plan_year.partnership_id:
        raise ServiceError("That status belongs to another partnership.")
    existing = Update.objects.select_for_update().filter(action=action, period=period).first()
    if existing is None:
        if expected_version not in (None, 0):
            raise ConflictError("The update you were editing has been deleted.", None)
        update = Update(
            action=action,
            period=period,
            narrative=narrative,
            status=status,
            author_id=_person_id(actor),
            is_example=is_example,
        )
        try:
            with transaction.atomic():  # a savepoint: two first updates at once hit the unique key
                save_as(update, actor)
        except IntegrityError:
            current = Update.objects.filter(action=action, period=period).first()
            raise ConflictError(
                "Someone else saved an update for this period while you were writing yours.", current
            ) from None
        _set_figures(update, figures, actor)
        return update
    if expected_version is not None and existing.version != expected_version:
        raise ConflictError(
            "Someone else saved an update for this period while you were writing yours.", existing
        )
    if expected_version is None:
        raise ConflictError(
            "An update for this period already exists; review it before changing it.", existing
        )
    existing.narrative = narrative
    existing.status = status
    existing.author_id = _person_id(actor)
    existing.is_example = is_example
    existing.version += 1  # row locked above; an F() would break the history copy
    save_as(existing, actor)
    existing.refresh_from_db()
    _set_figures(existing, figures, actor)
    return existing


def _set_figures(update: Update, figures: Sequence[UpdateFigure] | None, actor: Actor) -> None:
    """Make the update's figures these, row by row, so unchanged rows keep their history."""
    if figures is None:
        return
    plan_year = update.action.plan_year
    existing = list(update.measures.filter(kind=MeasureKind.UPDATE_FIGURE).order_by("order", "pk"))
    for index, figure in enumerate(figures, start=1):
        if not figure.name.strip():
            raise ServiceError(f"Figure {index} needs a name.")
        measure = (
            existing[index - 1]
            if index <= len(existing)
            else Measure(
                partnership_id=plan_year.partnership_id,
                kind=MeasureKind.UPDATE_FIGURE,
                plan_year=plan_year,
                update=update,
            )
        )
        values = {
            "name": figure.name.strip(),
            "value": figure.value,
            "unit": figure.unit.strip(),
            "value_qualifier": figure.value_qualifier.strip(),
            "period_label": f"{update.period.get_code_display()} {plan_year.label}",
            "order": index,
        }
        if measure.pk is None or any(getattr(measure, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(measure, name, value)
            save_as(measure, actor)
    for measure in existing[len(figures) :]:
        delete_as(measure, actor)
