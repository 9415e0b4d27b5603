"""Evidence beside the crime data: community views and partner indicators (quarterly Measures)."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from assessment import access
from assessment.models import Assessment, CommunityView
from assessment.services._common import _require_manage
from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from partnership.models import Organisation, Partnership
from planning.models import Measure, MeasureKind

COMMUNITY_FIELDS = {"theme", "source", "respondents", "percent", "finding"}


def _check_community(theme: str, source: str, percent: Any) -> None:
    if not theme.strip():
        raise ServiceError("Give the theme people were asked about.")
    if not source.strip():
        raise ServiceError("Name the consultation or survey.")
    if percent is not None and not Decimal(0) <= Decimal(percent) <= Decimal(100):
        raise ServiceError("The share of respondents must be between 0 and 100 per cent.")


@transaction.atomic
def community_view_create(
    *, assessment: Assessment, actor: Actor, theme: str, source: str, **fields: Any
) -> CommunityView:
    _require_manage(actor, assessment.partnership)
    _check_community(theme, source, fields.get("percent"))
    order = (assessment.community_views.aggregate(m=Max("order"))["m"] or 0) + 1
    view = CommunityView(
        assessment=assessment, theme=theme.strip(), source=source.strip(), order=order, **fields
    )
    save_as(view, actor)
    return view


@transaction.atomic
def community_view_edit(*, view: CommunityView, actor: Actor, **fields: Any) -> CommunityView:
    """Change a community view's theme, source, respondents, share or finding."""
    _require_manage(actor, view.assessment.partnership)
    unknown = set(fields) - COMMUNITY_FIELDS
    if unknown:
        raise ServiceError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    for name, value in fields.items():
        setattr(view, name, value.strip() if name in ("theme", "source") else value)
    _check_community(view.theme, view.source, view.percent)
    save_as(view, actor)
    return view


@transaction.atomic
def community_view_delete(*, view: CommunityView, actor: Actor) -> None:
    _require_manage(actor, view.assessment.partnership)
    delete_as(view, actor)


def _check_organisation(actor: Actor, partnership: Partnership, organisation: Organisation) -> None:
    if organisation.partnership_id != partnership.pk:
        raise ServiceError(f"{organisation.name} belongs to another partnership.")
    allowed = access.indicator_organisation_ids(actor, partnership)
    if allowed is not None and organisation.pk not in allowed:
        raise AccessDenied("You can only enter figures for your own organisation.")


def _set_quarter(measure: Measure, partnership: Partnership, quarter_start: datetime.date) -> None:
    """Period start, end, label ("Q1 2019/20": April–June is Q1) and the plan year it falls in."""
    if quarter_start.day != 1 or quarter_start.month not in (1, 4, 7, 10):
        raise ServiceError("A quarter starts on 1 January, 1 April, 1 July or 1 October.")
    quarter_end = datetime.date(quarter_start.year, quarter_start.month + 2, 1) + datetime.timedelta(days=31)
    first_year = quarter_start.year if quarter_start.month >= 4 else quarter_start.year - 1
    number = (quarter_start.month - 4) % 12 // 3 + 1
    measure.period_start = quarter_start
    measure.period_end = quarter_end.replace(day=1) - datetime.timedelta(days=1)
    measure.period_label = f"Q{number} {first_year}/{(first_year + 1) % 100:02d}"
    measure.plan_year = partnership.plan_years.filter(
        start_date__lte=quarter_start, end_date__gte=quarter_start
    ).first()


def _same_figure(
    partnership: Partnership, name: str, organisation: Organisation, quarter: datetime.date
) -> Any:
    return Measure.objects.filter(
        partnership=partnership,
        kind=MeasureKind.INDICATOR,
        name__iexact=name.strip(),
        source_organisation=organisation,
        period_start=quarter,
    )


@transaction.atomic
def indicator_record(
    *,
    partnership: Partnership,
    actor: Actor,
    name: str,
    organisation: Organisation,
    quarter_start: datetime.date,
    value: Decimal,
    unit: str = "",
    note: str = "",
    is_example: bool = False,
) -> Measure:
    """Enter (or correct) a partner indicator's value for one quarter (April–June is Q1)."""
    if organisation.partnership_id != partnership.pk:
        raise ServiceError(f"{organisation.name} belongs to another partnership.")
    _check_organisation(actor, partnership, organisation)
    measure = _same_figure(partnership, name, organisation, quarter_start).first() or Measure(
        partnership=partnership,
        kind=MeasureKind.INDICATOR,
        name=name.strip(),
        source_organisation=organisation,
    )
    _set_quarter(measure, partnership, quarter_start)
    measure.value, measure.unit, measure.note, measure.is_example = value, unit, note, is_example
    save_as(measure, actor)
    return measure


def _require_indicator(actor: Actor, measure: Measure) -> None:
    if measure.kind != MeasureKind.INDICATOR:
        raise ServiceError("That figure is not a partner indicator.")
    if measure.source_organisation is None:
        if access.indicator_organisation_ids(actor, measure.partnership) is not None:
            raise AccessDenied("Only the coordinator can change a figure with no organisation.")
        return
    _check_organisation(actor, measure.partnership, measure.source_organisation)


@transaction.atomic
def indicator_edit(
    *,
    measure: Measure,
    actor: Actor,
    name: str,
    organisation: Organisation,
    quarter_start: datetime.date,
    value: Decimal,
    unit: str = "",
    note: str = "",
) -> Measure:
    """Correct one quarterly figure: its name, organisation, quarter, value, unit or note.

    It is no longer example data once a person has changed it.
    """
    _require_indicator(actor, measure)
    partnership = measure.partnership
    _check_organisation(actor, partnership, organisation)
    clash = _same_figure(partnership, name, organisation, quarter_start).exclude(pk=measure.pk).first()
    if clash is not None:
        raise ServiceError(
            f"{organisation.name} already has a figure for {clash.name} in {clash.period_label}: "
            "change that one instead."
        )
    measure.name, measure.source_organisation = name.strip(), organisation
    _set_quarter(measure, partnership, quarter_start)
    measure.value, measure.unit, measure.note, measure.is_example = value, unit, note, False
    save_as(measure, actor)
    return measure


@transaction.atomic
def indicator_delete(*, measure: Measure, actor: Actor) -> None:
    _require_indicator(actor, measure)
    delete_as(measure, actor)
