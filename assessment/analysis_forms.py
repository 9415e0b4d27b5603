"""The crime type the long series and the hotspots by type are about (GET, beside AnalysisForm)."""

from typing import Any

from django import forms

from assessment.selectors.series import ALL, CRIME_TYPE_CHOICES


class FocusForm(forms.Form):
    crime_type = forms.ChoiceField(
        label="Crime type for the monthly series and hotspots by type",
        choices=CRIME_TYPE_CHOICES,
        required=False,
        error_messages={"invalid_choice": "Choose a crime type from the list."},
    )

    def chosen_type(self) -> str:
        """The chosen type, or all crime when none (or an invalid one) is chosen."""
        data: dict[str, Any] = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return data.get("crime_type") or ALL
