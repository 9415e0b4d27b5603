"""The choices of the crime map page (GET, all optional): area, crime type, months, map kind, rates."""

from typing import Any

from django import forms

from assessment.analysis import Period
from assessment.forms import MonthField, ReferenceChoiceField
from assessment.mapping import CRIME_TYPE_CHOICES
from crimedata.models import PopulationTable
from partnership.models import Partnership

KIND_CHOICES = [
    ("auto", "LSOA areas when their boundaries are installed, otherwise hexagons"),
    ("hex", "Hexagons (points counted in cells of equal size)"),
    ("lsoa", "LSOA areas (needs LSOA boundaries)"),
]


class MapForm(forms.Form):
    area = forms.ChoiceField(label="Area", required=False)
    crime_type = forms.ChoiceField(label="Crime type", choices=CRIME_TYPE_CHOICES, required=False)
    start = MonthField(label="From month", required=False)
    end = MonthField(label="To month", required=False)
    kind = forms.ChoiceField(label="Map", choices=KIND_CHOICES, required=False, widget=forms.RadioSelect)
    population_table = ReferenceChoiceField(
        label="Rates per 1,000 residents",
        queryset=PopulationTable.objects.order_by("name"),
        required=False,
        empty_label="None (show counts)",
        help_text="A population table with LSOA figures; rates are shown on LSOA maps only.",
    )

    def __init__(self, *args: Any, partnership: Partnership, places: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "All the partnership's districts")]
        choices += [(f"d:{d.code}", d.name) for d in partnership.districts.order_by("name")]
        choices += [(f"p:{p.pk}", f"{p.name} (place)") for p in places if p.lsoa_codes]
        self.fields["area"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if (start is None) != (end is None):
            raise forms.ValidationError("Give both the first and the last month, or neither.")
        if start and end:
            try:
                data["period"] = Period(start, end)
            except ValueError as error:
                self.add_error("end", str(error))
        if data.get("population_table") and data.get("kind") == "hex":
            self.add_error(
                "population_table", "Rates need LSOA areas: choose LSOA areas, or no population table."
            )
        return data
