"""Permission matrix rows for the case-work links of ASB Case Reviews (branch trig): linking
case-work complaints to an application, the case history for the panel, the "Case review
recommendations" page of the case-work area and recording that the ASB Case Review was explained.

Imported at the bottom of tests/permission_matrix_data.py."""

import datetime
from typing import Any

from casereviews.models import QualifyingComplaint
from casework.models import Incident, ReviewExplanation
from tests.permission_matrix_casereview import APP, _manage, _view, children, kw_app, new_app, reviewed_app
from tests.permission_matrix_casework import CW, C, case_record, coordinator_is_csu, kw_case
from tests.permission_matrix_data import COORDINATOR, NOBODY, Case, Objects


def case_incident(o: Objects) -> Incident:
    """A complaint on the matrix's case, reported before the matrix's application."""
    if "trig_incident" not in o.__dict__:
        o.__dict__["trig_incident"] = Incident.objects.create(
            case=case_record(o),
            kind="complaint",
            behaviour_on=datetime.date(2019, 5, 20),
            reported_on=datetime.date(2019, 5, 21),
            description="Noise",
            reporting_organisation=o.world.organisation,
        )
    return o.__dict__["trig_incident"]  # type: ignore[no-any-return]


def _link_data(o: Objects) -> dict[str, Any]:
    return {"q": case_record(o).reference, "incidents": str(case_incident(o).pk)}


EXPLAINED = C + "case-review-explained/"
RECOMMENDATIONS = CW + "case-review-recommendations/"

CASES_TRIG: list[Case] = [
    *_manage(
        "casereviews:complaint_link",
        APP + "complaints/link/",
        kw_app(new_app),
        data_from=_link_data,
        guard=children(QualifyingComplaint, new_app),
    ),
    *_view("casereviews:case_history", APP + "case-history/", kw_app(reviewed_app)),
    Case("casework:review_explained", EXPLAINED, kw_case, NOBODY),
    Case(
        "casework:review_explained",
        EXPLAINED,
        kw_case,
        COORDINATOR,
        variant="coordinator is CSU coordinator",
        prepare=coordinator_is_csu,
    ),
    Case(
        "casework:review_explained",
        EXPLAINED,
        kw_case,
        NOBODY,
        "POST",
        data={"explained_on": "2020-05-02"},
        guard=lambda o: ReviewExplanation.objects.count(),
    ),
    Case(
        "casework:review_explained",
        EXPLAINED,
        kw_case,
        COORDINATOR,
        "POST",
        variant="coordinator is CSU coordinator",
        prepare=coordinator_is_csu,
        data={"explained_on": "2020-05-02"},
        guard=lambda o: ReviewExplanation.objects.count(),
        changes=True,
    ),
    Case("casework:case_review_recommendations", RECOMMENDATIONS, lambda o: o.p, NOBODY),
    Case(
        "casework:case_review_recommendations",
        RECOMMENDATIONS,
        lambda o: o.p,
        COORDINATOR,
        variant="coordinator is CSU coordinator",
        prepare=coordinator_is_csu,
    ),
]
