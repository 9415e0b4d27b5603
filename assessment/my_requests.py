"""A lead officer's partner data requests in their My actions (planning.other_actions)."""

import datetime

from django.urls import reverse
from django.utils.formats import date_format

from assessment.selectors import data_requests as selectors
from core.actors import Actor
from partnership.models import Partnership
from planning.other_actions import OtherAction


def data_request_actions(actor: Actor, partnership: Partnership, today: datetime.date) -> list[OtherAction]:
    """Each request made to the person's organisation: what is missing, linked to the upload page."""
    link = reverse("assessment:partner_upload", kwargs={"partnership": partnership.slug})
    rows = []
    for status in selectors.own_requests(actor, partnership):
        request = status.request
        missing = ", ".join(f"{f.figure.indicator} ({f.figure.period_label})" for f in status.missing)
        text = f"Send figures for the {request.assessment.title}: {status.words}"
        rows.append(
            OtherAction(
                text=f"{text}; missing: {missing}" if missing else text,
                url=link,
                origin=f"Data request of {date_format(request.requested_on, 'j F Y')}",
                owner=request.organisation.name,
                due_date=request.due_date,
                done=status.complete,
                overdue=status.overdue(today),
                is_example=request.is_example,
            )
        )
    return rows
