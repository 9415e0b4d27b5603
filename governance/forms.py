"""Forms of the meeting pages (the services check the rules that need the database)."""

import datetime
import re
from typing import Any

from django import forms
from django.utils import timezone

from core.dates import GovukDateField
from core.forms import TextLimitMixin
from governance.models import AttendanceStatus, Confidentiality, MeetingSeries

TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class SeriesForm(TextLimitMixin, forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the series name, like “Strategy Group”"},
    )
    purpose = forms.CharField(label="Purpose", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    cadence = forms.CharField(
        label="How often it meets",
        max_length=120,
        required=False,
        help_text="For example, three times a year",
    )
    chair = forms.TypedChoiceField(label="Chair", required=False, coerce=int, empty_value=None)
    chair_name = forms.CharField(
        label="Chair's name or post, if they have no account", max_length=120, required=False
    )
    confidentiality = forms.ChoiceField(
        label="Who may see its meetings, papers, minutes and actions",
        choices=Confidentiality.choices,
        widget=forms.RadioSelect,
        initial=Confidentiality.PARTNERSHIP,
    )
    member_organisations = forms.TypedMultipleChoiceField(
        label="Member organisations", required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    members = forms.TypedMultipleChoiceField(
        label="Members",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="For a confidential series, only these people see it (you are added when you make it).",
    )
    prefill_agenda = forms.BooleanField(
        label="Pre-fill new agendas with the plan's actions at risk or off track, missing updates and "
        "overdue meeting actions (Strategy Group)",
        required=False,
    )
    case_review = forms.BooleanField(label="This series reviews individual cases", required=False)

    def __init__(self, *args: Any, organisations: list[Any], people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member_organisations"].choices = [(o.pk, o.name) for o in organisations]  # type: ignore[attr-defined]
        person_choices = [
            (
                m.user_id,
                f"{m.user.get_full_name() or m.user.get_username()} ({m.organisation or 'no organisation'})",
            )
            for m in people
        ]
        self.fields["members"].choices = person_choices  # type: ignore[attr-defined]
        self.fields["chair"].choices = [("", "No chair with an account")] + person_choices  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(
        series: MeetingSeries, organisation_ids: list[int], member_ids: list[int]
    ) -> dict[str, Any]:
        return {
            "name": series.name,
            "purpose": series.purpose,
            "cadence": series.cadence,
            "chair": series.chair_id,
            "chair_name": series.chair_name,
            "confidentiality": series.confidentiality,
            "member_organisations": organisation_ids,
            "members": member_ids,
            "prefill_agenda": series.prefill_agenda,
            "case_review": series.case_review,
        }


class MeetingForm(forms.Form):
    date = GovukDateField(label="Date")
    time = forms.CharField(
        label="Start time",
        max_length=5,
        help_text="24-hour clock, for example 14:30",
        error_messages={"required": "Enter the start time, for example 14:30"},
    )
    duration_minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=5,
        max_value=1440,
        initial=120,
        error_messages={"required": "Enter how long the meeting lasts in minutes"},
    )
    place = forms.CharField(label="Place", max_length=200, required=False)
    online_link = forms.URLField(
        label="Online meeting link",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Starting with https://",
    )
    prefill = forms.BooleanField(label="Pre-fill the agenda from the plan", required=False, initial=True)

    def clean_time(self) -> datetime.time:
        match = TIME.match(self.cleaned_data["time"])
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise forms.ValidationError("Enter the start time as hours and minutes, for example 14:30")
        return datetime.time(int(match[1]), int(match[2]))

    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        )


class AgendaItemForm(TextLimitMixin, forms.Form):
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": "Enter the agenda item's title"}
    )
    link = forms.CharField(
        label="Link to a CSP Hub page",
        max_length=500,
        required=False,
        help_text="A page of this site starting with /, such as the progress report",
    )
    paper = forms.FileField(
        label="Paper", required=False, help_text="A PDF, Word (.docx) or Excel (.xlsx) file up to 20 MB"
    )
    remove_paper = forms.BooleanField(label="Remove the current paper", required=False)
    minutes = forms.CharField(label="Minutes", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    decisions = forms.CharField(label="Decisions", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class MeetingActionForm(forms.Form):
    text = forms.CharField(label="Action", max_length=500, error_messages={"required": "Enter the action"})
    owner_organisation = forms.TypedChoiceField(
        label="Owner organisation", coerce=int, error_messages={"required": "Choose the owner organisation"}
    )
    owner_person = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)
    due_date = GovukDateField(label="Due date")

    def __init__(self, *args: Any, organisations: list[Any], people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].choices = [("", "Choose an organisation")] + [  # type: ignore[attr-defined]
            (o.pk, o.name) for o in organisations
        ]
        self.fields["owner_person"].choices = [("", "The organisation (no named person)")] + [  # type: ignore[attr-defined]
            (
                m.user_id,
                f"{m.user.get_full_name() or m.user.get_username()} ({m.organisation or 'no organisation'})",
            )
            for m in people
        ]


class ApproveMinutesForm(forms.Form):
    approved_at = forms.TypedChoiceField(
        label="Approved at",
        coerce=int,
        error_messages={"required": "Choose the meeting that approved the minutes"},
    )

    def __init__(self, *args: Any, meetings: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_at"].choices = [("", "Choose a later meeting")] + [  # type: ignore[attr-defined]
            (m.pk, f"{timezone.localtime(m.starts_at):%-d %B %Y %H:%M}") for m in meetings
        ]


ATTENDANCE_CHOICES = [("", "Not recorded"), *AttendanceStatus.choices]
