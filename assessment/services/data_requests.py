"""Partner data requests: the coordinator asks organisations for figures by a due date.

Making a request e-mails its notice to the asked organisation's lead officers once the request is
saved (reminders and the chaser follow through `send_reminders`); withdrawing deletes it.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from assessment.models import Assessment, DataRequest, RequestedFigure
from assessment.partner_file import FilePeriod, UploadRow
from assessment.partner_sources import partner_source
from assessment.services._common import _require_manage
from assessment.services.partner_data import CheckedUpload, known_names, with_current
from core.actors import Actor
from core.errors import ServiceError
from core.history import delete_as, save_as
from partnership.models import Organisation
from partnership.services.messages import messages_deliver_after_commit


@transaction.atomic
def data_requests_create(
    *,
    assessment: Assessment,
    actor: Actor,
    organisations: list[Organisation],
    figures: list[tuple[str, FilePeriod]],
    due_date: datetime.date,
    is_example: bool = False,
) -> list[DataRequest]:
    """One request per organisation for the same figures (indicator names reused, any case)."""
    partnership = assessment.partnership
    _require_manage(actor, partnership)
    today = timezone.localdate()
    if not organisations:
        raise ServiceError("Choose at least one organisation to ask.")
    if not figures:
        raise ServiceError("Name at least one figure.")
    if due_date < today and not is_example:
        raise ServiceError("The due date has passed: choose today or a later day.")
    if any(o.partnership_id != partnership.pk for o in organisations):
        raise ServiceError("Ask only the partnership's own organisations.")
    names = known_names(partnership)
    made = []
    for organisation in organisations:
        request = save_as(
            DataRequest(
                assessment=assessment,
                organisation=organisation,
                due_date=due_date,
                requested_on=today,
                requested_by_id=getattr(actor, "pk", None),
                is_example=is_example,
            ),
            actor,
        )
        for order, (name, period) in enumerate(figures, start=1):
            save_as(
                RequestedFigure(
                    request=request,
                    indicator=names.get(name.casefold(), name),
                    period_text=period.text,
                    period_label=period.label,
                    period_start=period.start,
                    period_end=period.end,
                    order=order,
                ),
                actor,
            )
        made.append(request)
    if not is_example:
        from assessment.request_messages import request_notices

        messages_deliver_after_commit(actor=actor, outgoing=[m for r in made for m in request_notices(r)])
    return made


@transaction.atomic
def data_request_delete(*, request: DataRequest, actor: Actor) -> None:
    """Withdraw a request (its figures go with it; values already uploaded stay)."""
    _require_manage(actor, request.assessment.partnership)
    delete_as(request, actor)


def partner_source_check(
    *, assessment: Assessment, actor: Actor, source_key: str, year: FilePeriod, organisation: Organisation
) -> CheckedUpload:
    """A registered source's totals for a financial year as partner indicator rows of `organisation`
    (checked like a file's rows, nothing saved): the confirm page shows what each would replace."""
    partnership = assessment.partnership
    _require_manage(actor, partnership)
    source = partner_source(source_key)
    if source is None:
        raise ServiceError("Choose one of the listed sources.")
    if year.kind != "year":
        raise ServiceError("Choose a financial year, such as 2020/21.")
    if organisation.partnership_id != partnership.pk:
        raise ServiceError(f"{organisation.name} belongs to another partnership.")
    names = known_names(partnership)
    rows = [
        UploadRow(
            number,
            names.get(name.casefold(), name),
            year,
            Decimal(value).quantize(Decimal("0.01")),
            organisation.pk,
            organisation.name,
        )
        for number, (name, value) in enumerate(source.compute(partnership, year.start, year.end), start=1)
    ]
    return with_current(partnership, rows, [])
