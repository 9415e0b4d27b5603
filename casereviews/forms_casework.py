"""Forms for the case-work links of ASB Case Reviews: finding and linking case-work complaints, and
a recommendation carried out as a case-work task."""

from typing import Any

from django import forms

from casereviews.forms import RecommendationForm
from casereviews.selectors_casework import FoundCase
from casework.models import Case


class FindCaseForm(forms.Form):
    q = forms.CharField(
        label="Find the case",
        max_length=100,
        help_text="A case reference such as C000123, a name, or words from the case's description.",
    )


def incident_label(found: FoundCase, incident: Any) -> str:
    organisation = (
        incident.reporting_organisation.name if incident.reporting_organisation else "no organisation"
    )
    reference = f", reference {incident.reference}" if incident.reference else ""
    return (
        f"Case {found.case.reference}: {incident.get_kind_display().lower()} reported "
        f"{incident.reported_on:%-d %B %Y} to {organisation}{reference} "
        f"(behaviour on {incident.behaviour_on:%-d %B %Y})"
    )


class LinkComplaintsForm(forms.Form):
    incidents = forms.TypedMultipleChoiceField(
        label="Complaints and incidents to link",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each becomes a qualifying complaint with its dates, organisation and reference.",
    )

    def __init__(self, *args: Any, found: list[FoundCase], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["incidents"].choices = [  # type: ignore[attr-defined]
            (incident.pk, incident_label(item, incident)) for item in found for incident in item.incidents
        ]


class RecommendationTaskForm(RecommendationForm):
    """With linked cases: the case whose task carries the recommendation out, and an optional owner."""

    def __init__(self, *args: Any, cases: list[Case], people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cases = {case.pk: case for case in cases}
        if not cases:
            return
        self.fields["case"] = forms.TypedChoiceField(
            label="Linked case for the task",
            coerce=int,
            choices=[(case.pk, f"Case {case.reference}: {case.summary}") for case in cases],
            initial=cases[0].pk if len(cases) == 1 else None,
            widget=forms.RadioSelect,
        )
        self.fields["owner_person"] = forms.ModelChoiceField(
            label="Person who owns the task (optional)",
            queryset=people,
            required=False,
            empty_label="The organisation as a whole",
        )

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if "case" in data:
            data["case"] = self.cases.get(data["case"])
        return data
