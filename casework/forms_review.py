"""The form of the case-review meeting: this meeting's minutes for a case, an action, or both."""

from typing import Any

from django import forms

from casework.models import Confidentiality
from core.dates import GovukDateField


class CaseReviewForm(forms.Form):
    minutes = forms.CharField(
        label="Minutes for this case",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Saved as a note of the case, seen only by those who can see it.",
    )
    confidentiality = forms.ChoiceField(
        label="Who may read the minutes",
        choices=Confidentiality.choices,
        widget=forms.RadioSelect,
        initial=Confidentiality.CASE_MEMBERS,
    )
    action = forms.CharField(label="Action (optional)", max_length=200, required=False)
    owner_organisation: Any = forms.ModelChoiceField(
        label="Organisation that owns the action",
        queryset=None,
        required=False,
        empty_label="Choose an organisation",
    )
    due_on = GovukDateField(label="Action due date", required=False)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["owner_organisation"].queryset = organisations
