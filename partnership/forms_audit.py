"""The audit page's filters."""

from typing import Any

from django import forms

from core.models import AuditEventType

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]


class AuditFilterForm(forms.Form):
    person = forms.CharField(label="Username", required=False, max_length=150)
    object_type = forms.ChoiceField(label="Record type", required=False)
    object_id = forms.CharField(
        label="Record number", required=False, max_length=64, help_text="The record's id, for example 42."
    )
    event_type = forms.ChoiceField(
        label="Event", required=False, choices=[("", "Any event"), *AuditEventType.choices]
    )
    date_from = forms.DateField(
        label="From", required=False, input_formats=DATE_FORMATS, help_text="For example 2026-11-30"
    )
    date_to = forms.DateField(
        label="To", required=False, input_formats=DATE_FORMATS, help_text="For example 2026-11-30"
    )

    def __init__(self, *args: Any, record_types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        object_type = self.fields["object_type"]
        assert isinstance(object_type, forms.ChoiceField)
        object_type.choices = [("", "Any record"), *((t, t) for t in record_types)]
        for name in ("date_from", "date_to"):
            self.fields[name].error_messages["invalid"] = (
                "Enter the date as year-month-day, for example 2026-11-30"
            )
        self.fields["event_type"].error_messages["invalid_choice"] = "Choose an event from the list"
        self.fields["object_type"].error_messages["invalid_choice"] = "Choose a record type from the list"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The ‘To’ date must be the same as or after the ‘From’ date")
        return data
