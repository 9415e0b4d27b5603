"""The choices behind the crime analysis page and its downloads (district, months, population,
weights, crime type), read the same way by both so a download holds exactly what the page shows."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from assessment import report
from assessment.analysis import Period
from assessment.analysis_forms import FocusForm
from assessment.forms import AnalysisForm
from assessment.selectors.crime import DistrictRef, default_analysis_period
from assessment.selectors.series import label_of
from crimedata.models import PopulationTable, WeightSet
from partnership.models import Partnership


def default_period(partnership: Partnership) -> Period:
    """The current plan year's April–March if it has data, else the last April–March that has."""
    plan_year = partnership.current_plan_year
    force_ids = sorted(
        {d.police_force_id for d in report.partnership_districts(partnership) if d.police_force_id}
    )
    return default_analysis_period(
        plan_year.start_date.year if plan_year else None, force_ids, timezone.localdate()
    )


@dataclass
class Choices:
    form: AnalysisForm
    focus: FocusForm
    districts: list[DistrictRef]
    period: Period
    population_table: PopulationTable | None
    weight_set: WeightSet | None
    crime_type: str
    valid: bool

    def bundle(self) -> dict[str, Any]:
        return report.analysis_bundle(
            self.districts,
            self.period,
            population_table=self.population_table,
            weight_set=self.weight_set,
            crime_type=self.crime_type,
        )

    def query(self, **changes: str) -> str:
        """The page's query string for these choices (with `changes`), for links and downloads."""
        district = self.form.cleaned_data.get("district", "") if self.form.is_bound and self.valid else ""
        values = {
            "district": district or "",
            "start": self.period.from_text,
            "end": self.period.to_text,
            "population_table": str(self.population_table.pk) if self.population_table else "",
            "weight_set": str(self.weight_set.pk) if self.weight_set else "",
            "crime_type": self.crime_type,
            **changes,
        }
        return urlencode({k: v for k, v in values.items() if v})

    def filters(self, partnership: Partnership, a: dict[str, Any]) -> list[tuple[str, str]]:
        """The filters written at the top of every download."""
        rows = [
            ("Partnership", partnership.name),
            ("Districts", a["district_names"]),
            ("Period", f"{a['period'].label} ({a['period'].from_text} to {a['period'].to_text})"),
            ("Compared with", a["previous_period"].label),
            ("Crime type (series and hotspots by type)", label_of(self.crime_type)),
            ("Population table", self.population_table.name if self.population_table else "None (no rates)"),
            (
                "Harm weights",
                str(self.weight_set) if self.weight_set else "Unweighted (every crime counts 1)",
            ),
            ("Source", "police.uk street-level records imported into CSP Hub"),
            ("Downloaded", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        ]
        if a["example_sources"]:
            rows.append(("Example data — not official figures", "; ".join(a["example_sources"])))
        return rows


def read_choices(request: HttpRequest, partnership: Partnership) -> Choices:
    form = AnalysisForm(request.GET or None, partnership=partnership)
    focus = FocusForm(request.GET or None)
    districts = report.partnership_districts(partnership)
    period = default_period(partnership)
    population_table = weight_set = None
    valid = True
    if form.is_bound and form.is_valid():
        period = form.cleaned_data.get("period") or period
        code = form.cleaned_data.get("district")
        if code:
            districts = [d for d in districts if d.code == code]
        population_table = form.cleaned_data.get("population_table")
        weight_set = form.cleaned_data.get("weight_set")
    elif form.is_bound:
        valid = False
    else:
        form = AnalysisForm(initial={"start": period.start, "end": period.end}, partnership=partnership)
    if focus.is_bound and not focus.is_valid():
        form.add_error(None, "Choose a crime type for the series and hotspots from the list.")
        valid = False
    return Choices(form, focus, districts, period, population_table, weight_set, focus.chosen_type(), valid)


def assessment_query(assessment: Any, **changes: str) -> str:
    """The crime analysis page's query string for an assessment's data choices (downloads, links)."""
    values = {
        "start": f"{assessment.data_from:%Y-%m}",
        "end": f"{assessment.data_to:%Y-%m}",
        "population_table": str(assessment.population_table_id or ""),
        "weight_set": str(assessment.weight_set_id or ""),
        "crime_type": "all",
        **changes,
    }
    return urlencode({k: v for k, v in values.items() if v})


def assessment_type_links(assessment: Any, document: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """Links to the crime analysis page with the assessment's choices and each key crime type."""
    x = document.get("x")
    if not x:
        return []
    url = reverse("assessment:analysis", args=[assessment.partnership.slug])
    return [
        (
            label,
            f"{url}?{assessment_query(assessment, crime_type=key)}#hotspots-by-type",
            key == x["crime_type"],
        )
        for key, label in x["key_types"]
    ]
