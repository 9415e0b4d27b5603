"""Reads of partner data requests: what each organisation was asked for and whether it came in.

A requested figure is received when a partner indicator value exists for its indicator (any case),
period and the asked organisation; nothing about receipt is stored.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from assessment.access import data_requests_visible_to
from assessment.models import Assessment, DataRequest, RequestedFigure
from core.access import Purpose
from core.actors import Actor
from partnership.models import Partnership
from planning.models import Measure, MeasureKind


@dataclass
class FigureStatus:
    figure: RequestedFigure
    value: Decimal | None

    @property
    def received(self) -> bool:
        return self.value is not None


@dataclass
class RequestStatus:
    request: DataRequest
    figures: list[FigureStatus] = field(default_factory=list)

    @property
    def received(self) -> int:
        return sum(1 for f in self.figures if f.received)

    @property
    def missing(self) -> list[FigureStatus]:
        return [f for f in self.figures if not f.received]

    @property
    def complete(self) -> bool:
        return not self.missing

    def overdue(self, today: datetime.date) -> bool:
        return bool(self.missing) and today > self.request.due_date

    @property
    def words(self) -> str:
        """ "2 of 3 received" — the status in words."""
        return f"{self.received} of {len(self.figures)} received"


def statuses(requests: list[DataRequest] | QuerySet[DataRequest]) -> list[RequestStatus]:
    """Each request with each of its figures' received value (None: missing)."""
    found = list(requests)
    if not found:
        return []
    organisation_ids = {r.organisation_id for r in found}
    partnership_ids = {r.assessment.partnership_id for r in found}
    values: dict[tuple[str, datetime.date, datetime.date, int], Decimal | None] = {}
    for measure in Measure.objects.filter(
        partnership_id__in=partnership_ids,
        kind=MeasureKind.INDICATOR,
        source_organisation_id__in=organisation_ids,
        period_start__isnull=False,
        period_end__isnull=False,
    ).only("name", "period_start", "period_end", "source_organisation_id", "value"):
        key = (
            measure.name.strip().casefold(),
            measure.period_start,
            measure.period_end,
            measure.source_organisation_id,
        )
        values[key] = measure.value  # type: ignore[index]
    result = []
    for request in found:
        status = RequestStatus(request)
        for figure in request.requested_figures.all():
            key = (
                figure.indicator.casefold(),
                figure.period_start,
                figure.period_end,
                request.organisation_id,
            )
            status.figures.append(FigureStatus(figure, values.get(key)))
        result.append(status)
    return result


def _requests(queryset: QuerySet[DataRequest]) -> QuerySet[DataRequest]:
    return queryset.select_related(
        "assessment__partnership", "organisation", "requested_by"
    ).prefetch_related("requested_figures")


def assessment_requests(actor: Actor, assessment: Assessment) -> list[RequestStatus]:
    """The assessment's requests the actor may see (coordinators: all), by due date."""
    return statuses(_requests(data_requests_visible_to(actor).filter(assessment=assessment)))


def own_requests(actor: Actor, partnership: Partnership) -> list[RequestStatus]:
    """Requests made to the actor's own organisation (a lead officer's), newest due date first."""
    from partnership.access import lead_organisation_id

    organisation_id = lead_organisation_id(actor, partnership)
    if organisation_id is None:
        return []
    visible = data_requests_visible_to(actor, for_=Purpose.REPORT).filter(
        assessment__partnership=partnership, organisation_id=organisation_id
    )
    return statuses(_requests(visible).order_by("-due_date", "pk"))


def requests_for_messages(today: datetime.date, days_after: int) -> QuerySet[DataRequest]:
    """Every partnership's requests that may still want a message (system actor's work): made by
    `today` and due no more than `days_after` days ago."""
    return _requests(
        DataRequest.objects.filter(
            requested_on__lte=today, due_date__gte=today - datetime.timedelta(days=days_after)
        )
    )


def data_request(actor: Actor, assessment: Assessment, request_id: object, *, for_: Purpose) -> DataRequest:
    """One of the assessment's requests, through its door (NotFound for missing and forbidden)."""
    from assessment.access import access_data_request_by_id

    found = access_data_request_by_id(actor, request_id, for_=for_, assessment=assessment)
    found.assessment = assessment
    return found
