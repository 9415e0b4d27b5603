"""The form of a criterion's rule for a suggested score from the data (one threshold per scale point)."""

from typing import Any

from django import forms

from assessment.models import ScoringCriterion
from assessment.suggestion import MEASURE_CHOICES


class CriterionRuleForm(forms.Form):
    measure = forms.ChoiceField(
        label="Measure the suggestion uses",
        choices=MEASURE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    significant_only = forms.BooleanField(
        label="Trend only: count a change within normal variation as no change (0%)",
        required=False,
    )

    def __init__(self, *args: Any, criterion: ScoringCriterion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        labels = criterion.labels()
        saved = criterion.data_thresholds or {}
        self.fields["measure"].initial = criterion.data_measure
        self.fields["significant_only"].initial = criterion.data_significant_only
        for point in range(criterion.scale_max, criterion.scale_min, -1):
            meaning = f" ({labels[point]})" if point in labels else ""
            self.fields[f"at_least_{point}"] = forms.CharField(
                label=f"Suggest {point}{meaning} when the measure is at least",
                required=False,
                max_length=20,
                initial=saved.get(str(point), ""),
                help_text="A number, for example 150 (leave blank to skip this point).",
                widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
            )

    def point_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("at_least_")]

    def thresholds(self) -> dict[str, str]:
        return {
            name.removeprefix("at_least_"): self.cleaned_data[name]
            for name in self.fields
            if name.startswith("at_least_")
        }
