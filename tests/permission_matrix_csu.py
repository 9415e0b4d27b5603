"""Permission-matrix rows for the CSU weekly meeting's case-review pages and the year's case-work
totals (ADR 0031).

The case-review pages are case-work pages: every plan role gets "not found" and the coordinator
holding the CSU coordinator role (with a verified session) gets them. The totals are counts only,
read by coordinators and lead officers (plan roles, no two-factor sign-in); members get "not found".
"""

from typing import Any

from casework.models import CaseReviewEntry
from governance import services
from governance.models import Meeting
from tests.permission_matrix_casework import CW, case_record, coordinator_is_csu
from tests.permission_matrix_data import COORDINATOR, LEADS, NOBODY, Case, Objects
from tests.permission_matrix_meetings import _at


def review_meeting(o: Objects) -> Meeting:
    """A meeting of an open case-review series (open so the matrix's coordinator sees it)."""
    if "csu_review_meeting" not in o.__dict__:
        series = services.meeting_series_create(
            actor=o.world.coordinator,
            partnership=o.world.partnership,
            fields=services.SeriesFields(name="CSU weekly", case_review=True),
        )
        o.__dict__["csu_review_meeting"] = services.meeting_create(
            actor=o.world.coordinator,
            series=series,
            fields=services.MeetingFields(starts_at=_at(5), place="Kings Hill"),
        )
    return o.__dict__["csu_review_meeting"]  # type: ignore[no-any-return]


def kw_agenda(o: Objects) -> dict[str, Any]:
    return {**o.p, "meeting": review_meeting(o).pk}


def kw_record(o: Objects) -> dict[str, Any]:
    return {**kw_agenda(o), "pk": case_record(o).pk}


REVIEW_PAGES: list[tuple[str, str, Any]] = [
    ("casework:review_agenda", CW + "reviews/<int:meeting>/", kw_agenda),
    ("casework:review_record", CW + "reviews/<int:meeting>/cases/<int:pk>/", kw_record),
]
TOTALS = CW + "totals/<slug:year>/"

CASES_CSU: list[Case] = [
    *(Case(name, route, kwargs, NOBODY) for name, route, kwargs in REVIEW_PAGES),
    *(
        Case(
            name,
            route,
            kwargs,
            COORDINATOR,
            variant="coordinator is CSU coordinator",
            prepare=coordinator_is_csu,
        )
        for name, route, kwargs in REVIEW_PAGES
    ),
    Case(
        "casework:review_record",
        CW + "reviews/<int:meeting>/cases/<int:pk>/",
        kw_record,
        NOBODY,
        "POST",
        data={"minutes": "Discussed.", "confidentiality": "members"},
        guard=lambda o: CaseReviewEntry.objects.count(),
    ),
    Case(
        "casework:review_record",
        CW + "reviews/<int:meeting>/cases/<int:pk>/",
        kw_record,
        COORDINATOR,
        "POST",
        variant="coordinator is CSU coordinator",
        data={"minutes": "Discussed.", "confidentiality": "members"},
        prepare=coordinator_is_csu,
        guard=lambda o: CaseReviewEntry.objects.count(),
        changes=True,
    ),
    Case("casework:totals", TOTALS, lambda o: o.y, LEADS),
    Case("casework:totals_download", TOTALS + "download.<str:fmt>", lambda o: {**o.y, "fmt": "csv"}, LEADS),
    Case(
        "casework:totals_download",
        TOTALS + "download.<str:fmt>",
        lambda o: {**o.y, "fmt": "xlsx"},
        LEADS,
        variant="xlsx",
    ),
]
