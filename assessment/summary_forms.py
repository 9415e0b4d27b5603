"""The coordinator's choice of sections for the public summary."""

from django import forms

from assessment.models import SUMMARY_SECTIONS

DEFAULT_SECTIONS = ["summary", "levels", "changes", "hotspots", "community", "recommendations"]


class SummaryForm(forms.Form):
    sections = forms.MultipleChoiceField(
        label="Sections to publish",
        choices=SUMMARY_SECTIONS,
        widget=forms.CheckboxSelectMultiple,
        help_text="Partner data, the scores and case work are never published.",
        error_messages={"required": "Choose at least one section to publish"},
    )
