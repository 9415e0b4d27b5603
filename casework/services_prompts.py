"""Recording that the ASB Case Review was explained to a case's victim (ends the second-report
prompt, `casework.second_report`)."""

import datetime

from django.db import transaction
from django.utils import timezone

from casework.models import Case, ReviewExplanation
from casework.services import _name, _reopen
from core.access import Purpose
from core.actors import Actor, is_signed_in, person_id
from core.errors import ServiceError
from core.history import save_as


@transaction.atomic
def review_explanation_record(*, actor: Actor, case: Case, explained_on: datetime.date) -> ReviewExplanation:
    """Those who may add to the case record that they explained the ASB Case Review to the victim."""
    case = _reopen(actor, case, Purpose.REPORT)
    if explained_on > timezone.localdate():
        raise ServiceError("The date explained cannot be in the future.")
    if explained_on < case.opened_on:
        raise ServiceError("The date explained cannot be before the case was opened.")
    return save_as(
        ReviewExplanation(
            case=case,
            explained_on=explained_on,
            explained_by_id=person_id(actor) if is_signed_in(actor) else None,
            recorded_by=_name(actor),
        ),
        actor,
    )
