"""Permission matrix rows for the crime analysis downloads (tables as CSV/XLSX, charts as SVG/PNG):
members of the partnership get them; everyone else gets 404 or is sent to sign in."""

from typing import Any

from tests.permission_matrix_data import ASSESS, MEMBERS, Case
from tests.permission_matrix_records import Objects


def crime_data(o: Objects) -> dict[str, Any]:
    """The world partnership's district with a year of counts (created once per world)."""

    def create() -> bool:
        from assessment.analysis import Period
        from tests.assessment.helpers import district, fill_period

        o.world.partnership.districts.add(district())
        fill_period(Period.plan_year(2019), {"Burglary": 10, "Anti-social behaviour": 4})
        return True

    if "analysis_crime_data" not in o.__dict__:
        o.__dict__["analysis_crime_data"] = create()
    return o.p


CASES_ANALYSIS: list[Case] = [
    Case(
        "assessment:analysis_table",
        ASSESS + "analysis/tables/<slug:key>.<str:fmt>",
        lambda o: {**crime_data(o), "key": "totals", "fmt": "csv"},
        MEMBERS,
    ),
    Case(
        "assessment:analysis_chart",
        ASSESS + "analysis/charts/<slug:key>.<str:fmt>",
        lambda o: {**crime_data(o), "key": "trend", "fmt": "png"},
        MEMBERS,
    ),
]
