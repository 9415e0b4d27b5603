"""Permission matrix rows for partner data: the indicator upload, data requests and computed figures
(imported at the bottom of tests/permission_matrix_data.py). Records are made on first use."""

import datetime
from typing import Any

from assessment.models import DataRequest
from assessment.partner_file import parse_period
from assessment.services.data_requests import data_requests_create
from planning.models import Measure, MeasureKind
from tests.permission_matrix_data import AS, ASSESS, COORDINATOR, LEADS, Case
from tests.permission_matrix_records import Objects

DUE = datetime.date.today() + datetime.timedelta(days=30)
REQUEST = AS + "partner-data/<int:request_id>/withdraw/"


def _p(o: Objects) -> dict[str, Any]:
    return o.p


def _a(o: Objects) -> dict[str, Any]:
    return o.assessment_kwargs()


def _request(o: Objects) -> DataRequest:
    if "pdata_request" not in o.__dict__:
        (o.__dict__["pdata_request"],) = data_requests_create(
            assessment=o.assessment,
            actor=o.world.coordinator,
            organisations=[o.world.organisation],
            figures=[("Referrals", parse_period("2020/21"))],
            due_date=DUE,
        )
    return o.__dict__["pdata_request"]


def _withdraw(o: Objects) -> dict[str, Any]:
    return o.assessment_kwargs(request_id=_request(o).pk)


def _requests(o: Objects) -> list[dict[str, Any]]:
    return list(DataRequest.objects.filter(assessment__partnership=o.world.partnership).values())


def _the_request(o: Objects) -> list[dict[str, Any]]:
    return list(DataRequest.objects.filter(pk=_request(o).pk).values())


def _indicators(o: Objects) -> list[dict[str, Any]]:
    return list(Measure.objects.filter(partnership=o.world.partnership, kind=MeasureKind.INDICATOR).values())


def _ask(o: Objects) -> dict[str, str]:
    return {
        "organisations": str(o.world.organisation.pk),
        "figures": "Referrals, 2020/21",
        "due_date_day": str(DUE.day),
        "due_date_month": str(DUE.month),
        "due_date_year": str(DUE.year),
    }


def _source(o: Objects) -> dict[str, str]:
    return {"source": "casework.totals", "year": "2020/21", "organisation": str(o.world.organisation.pk)}


UPLOAD = ASSESS + "indicators/upload/"
CASES_PDATA: list[Case] = [
    Case("assessment:partner_upload", UPLOAD, _p, LEADS),
    # an empty upload shows its error; nothing is saved by anyone
    Case("assessment:partner_upload", UPLOAD, _p, LEADS, "POST", guard=_indicators),
    # nothing waits to be saved: allowed people are sent back to the upload page
    Case("assessment:partner_upload_confirm", UPLOAD + "confirm/", _p, LEADS, "POST", guard=_indicators),
    Case("assessment:data_requests", AS + "partner-data/", _a, COORDINATOR),
    Case("assessment:data_request_add", AS + "partner-data/ask/", _a, COORDINATOR),
    Case(
        "assessment:data_request_add",
        AS + "partner-data/ask/",
        _a,
        COORDINATOR,
        "POST",
        data_from=_ask,
        guard=_requests,
        changes=True,
    ),
    Case("assessment:data_request_withdraw", REQUEST, _withdraw, COORDINATOR),
    Case(
        "assessment:data_request_withdraw",
        REQUEST,
        _withdraw,
        COORDINATOR,
        "POST",
        guard=_the_request,
        changes=True,
        renew="pdata_request",
    ),
    Case("assessment:partner_source", AS + "partner-data/computed/", _a, COORDINATOR),
    # shows the figures; only a confirmed POST adds them
    Case(
        "assessment:partner_source",
        AS + "partner-data/computed/",
        _a,
        COORDINATOR,
        "POST",
        data_from=_source,
        guard=_indicators,
    ),
]
