"""Forms for projects and the money. Choices come from the views (read through visibility)."""

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from core.dates import GovukDateField
from core.forms import TextLimitMixin
from core.images import ImageRejected, image_clean, limits_text
from projects.models import FundAgain, FunderKind, ProjectStatus
from projects.rules import LABELS, next_statuses

MONEY_HELP = "In pounds and pence, for example 1234.56"
PERCENT_LIMIT = Decimal("100")


class MoneyField(forms.DecimalField):
    """Pounds and pence; "£1,234.50" is read as 1234.50."""

    def __init__(self, *, label: str, required: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", MONEY_HELP)
        super().__init__(
            label=label,
            required=required,
            max_digits=12,
            decimal_places=2,
            error_messages={
                "required": f"Enter the {label.lower()}",
                "invalid": f"Enter the {label.lower()} in pounds and pence, like 1234.56",
                "max_decimal_places": "Enter whole pence: at most 2 digits after the point",
                "max_digits": "Enter an amount below £10,000,000,000",
                "max_whole_digits": "Enter an amount below £10,000,000,000",
            },
            **kwargs,
        )

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace(",", "").replace("£", "").replace(" ", "")
        return super().to_python(value)


class NumberField(forms.DecimalField):
    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace(",", "").replace(" ", "")
        return super().to_python(value)


def _checkboxes(label: str) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label, queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )


class PotForm(TextLimitMixin, forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the pot's name"},
        help_text="For example, PCC grant 2020/21",
    )
    funder_kind = forms.ChoiceField(label="Funder", choices=FunderKind.choices, widget=forms.RadioSelect)
    funder_name = forms.CharField(
        label="Funder's name",
        max_length=200,
        required=False,
        help_text="Needed for another funder; optional otherwise.",
    )
    amount = MoneyField(label="Amount")
    conditions = forms.CharField(label="Conditions", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    themes = _checkboxes("The funder's priorities it must reflect (themes)")
    return_deadlines = forms.CharField(
        label="Return deadlines",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One date per line, for example 31/10/2020",
    )

    def __init__(self, *args: Any, themes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes  # type: ignore[attr-defined]

    def clean_return_deadlines(self) -> list[datetime.date]:
        found = []
        for number, line in enumerate(self.cleaned_data["return_deadlines"].splitlines(), start=1):
            text = line.strip()
            if not text:
                continue
            match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
            try:
                if match is None:
                    raise ValueError
                found.append(datetime.date(int(match[3]), int(match[2]), int(match[1])))
            except ValueError:
                raise forms.ValidationError(
                    f"Line {number} (“{text[:40]}”) is not a date: write it like 31/10/2020"
                ) from None
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("funder_kind") == FunderKind.OTHER and not (data.get("funder_name") or "").strip():
            self.add_error("funder_name", "Enter the funder's name")
        return data


class ProjectForm(TextLimitMixin, forms.Form):
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": "Enter the project's title"}
    )
    summary = forms.CharField(
        label="Summary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Markdown: blank lines between paragraphs.",
    )
    priorities = _checkboxes("Priorities it serves")
    actions = _checkboxes("Actions it serves")
    lead_organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Lead organisation", queryset=None, required=False, empty_label="None"
    )
    delivery_organisations = _checkboxes("Delivery organisations")
    places = _checkboxes("Places")
    start_date = GovukDateField(label="Start date", required=False)
    end_date = GovukDateField(label="End date", required=False)
    next_monitoring_date = GovukDateField(label="Next monitoring date", required=False)
    in_plan_review = forms.BooleanField(
        label="Show it in the next plan's review of projects and initiatives, under its priorities",
        required=False,
    )
    review_order = forms.IntegerField(
        label="Position in the review (optional)",
        required=False,
        min_value=0,
        max_value=10000,
        help_text="Lower numbers come first under the priority.",
        error_messages={
            "invalid": "Enter a whole number",
            "min_value": "Enter 0 or more",
            "max_value": "Enter 10000 or less",
        },
    )

    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        self.fields["actions"].label_from_instance = lambda action: action.text[:120]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be on or after the start date")
        if data.get("review_order") is None:
            data["review_order"] = 0
        return data


class TransitionForm(TextLimitMixin, forms.Form):
    to = forms.ChoiceField(label="New status", widget=forms.RadioSelect)
    note = forms.CharField(label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s, LABELS[s].capitalize()) for s in next_statuses(current)]  # type: ignore[attr-defined]
        self.fields["to"].error_messages["required"] = "Choose the project's new status"
        self.fields["to"].error_messages["invalid_choice"] = "Choose a status from the list"


class AllocationForm(TextLimitMixin, forms.Form):
    pot: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Funding pot", queryset=None, error_messages={"required": "Choose the pot"}
    )
    amount = MoneyField(label="Amount")
    date = GovukDateField(label="Date of the decision")
    decision_ref = forms.CharField(
        label="Decision reference",
        max_length=100,
        required=False,
        help_text="For example, CSP board minute 12/2020",
    )
    override_reason = forms.CharField(
        label="Reason to override (only if the pot would go below zero)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, pots: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pot"].queryset = pots  # type: ignore[attr-defined]


class SpendForm(TextLimitMixin, forms.Form):
    allocation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Charged to the allocation", queryset=None, error_messages={"required": "Choose the allocation"}
    )
    amount = MoneyField(label="Amount")
    date = GovukDateField(label="Date")
    description = forms.CharField(
        label="What it was spent on",
        max_length=300,
        error_messages={"required": "Describe what the money was spent on"},
    )
    evidence = forms.FileField(
        label="Evidence (optional)",
        required=False,
        help_text="An invoice or receipt: a PDF, JPEG or PNG file of up to 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    override_reason = forms.CharField(
        label="Reason to override (only if the spend is more than is left of the allocation)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, allocations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["allocation"].queryset = allocations  # type: ignore[attr-defined]
        self.fields["allocation"].label_from_instance = (  # type: ignore[attr-defined]
            lambda a: f"{a.pot.name}: £{a.amount:,.2f} on {a.date:%d/%m/%Y}"
        )


class OutputForm(forms.Form):
    name = forms.CharField(
        label="What the output counts",
        max_length=200,
        help_text="For example, young people engaged",
        error_messages={"required": "Enter what the output counts"},
    )
    unit = forms.CharField(label="Unit (optional)", max_length=60, required=False)
    target_value = NumberField(label="Target (optional)", required=False, max_digits=14, decimal_places=2)
    value_qualifier = forms.CharField(
        label="Qualifier (optional)",
        max_length=30,
        required=False,
        help_text='For example "over" in "over 190"',
    )
    value = NumberField(label="Figure so far (optional)", required=False, max_digits=14, decimal_places=2)


class OutputValueForm(TextLimitMixin, forms.Form):
    period_label = forms.CharField(
        label="Period",
        max_length=60,
        help_text="For example, Q4 2020/21",
        error_messages={"required": "Enter the period"},
    )
    value = NumberField(
        label="Value", max_digits=14, decimal_places=2, error_messages={"required": "Enter the value"}
    )
    note = forms.CharField(label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MonitoringNoteForm(TextLimitMixin, forms.Form):
    date = GovukDateField(label="Date")
    text = forms.CharField(
        label="What the monitoring found",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the monitoring found"},
    )
    next_monitoring_date = GovukDateField(label="Next monitoring date", required=False)


class EvaluationForm(TextLimitMixin, forms.Form):
    delivered = forms.CharField(
        label="What was delivered",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what was delivered"},
    )
    outcomes = forms.CharField(
        label="Outcomes",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the outcomes"},
    )
    learned = forms.CharField(
        label="What we learned",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what was learned"},
    )
    fund_again = forms.ChoiceField(
        label="Would we fund it again?",
        choices=FundAgain.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the partnership would fund it again"},
    )


class QuoteForm(TextLimitMixin, forms.Form):
    text = forms.CharField(
        label="Quoted feedback",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the quoted feedback"},
    )
    attribution = forms.CharField(
        label="Who said it (optional)", max_length=200, required=False, help_text="For example, Year 9 pupil"
    )


class PhotoForm(forms.Form):
    image = forms.FileField(
        label="Photograph",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        error_messages={"required": "Choose a photograph"},
    )
    alt_text = forms.CharField(
        label="Alternative text",
        max_length=300,
        help_text="What the photograph shows, for people who cannot see it.",
        error_messages={"required": "Describe the photograph for people who cannot see it"},
    )
    caption = forms.CharField(label="Caption (optional)", max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["image"].help_text = f"A JPEG, PNG, WebP or GIF file of up to {limits_text()}."

    def clean_image(self) -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = self.cleaned_data["image"]
        try:
            image = image_clean(upload)
        except ImageRejected as error:
            raise forms.ValidationError(f"{error}.") from error
        return SimpleUploadedFile(f"photo.{image.extension}", image.data, image.content_type)


class SettingsForm(forms.Form):
    nearly_spent_percent = forms.DecimalField(
        label="A pot is nearly spent when less than this percentage of it is left",
        min_value=Decimal("0"),
        max_value=PERCENT_LIMIT,
        max_digits=5,
        decimal_places=2,
        error_messages={
            "required": "Enter a percentage",
            "invalid": "Enter a percentage, like 10",
            "min_value": "Enter a percentage from 0 to 100",
            "max_value": "Enter a percentage from 0 to 100",
        },
    )


class ProjectFilterForm(forms.Form):
    year = forms.ChoiceField(label="Plan year", required=False)
    priority = forms.ChoiceField(label="Priority", required=False)
    organisation = forms.ChoiceField(label="Organisation", required=False)
    status = forms.ChoiceField(label="Status", required=False)

    def __init__(self, *args: Any, years: Any, priorities: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y.slug, y.label) for y in years]  # type: ignore[attr-defined]
        priority_choices = [("", "All priorities")] + [(str(p.pk), p.title) for p in priorities]
        self.fields["priority"].choices = priority_choices  # type: ignore[attr-defined]
        self.fields["organisation"].choices = [("", "All organisations")] + [  # type: ignore[attr-defined]
            (str(o.pk), o.name) for o in organisations
        ]
        self.fields["status"].choices = [("", "All statuses")] + list(ProjectStatus.choices)  # type: ignore[attr-defined]


def as_int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def as_decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(value)
    except (TypeError, InvalidOperation):
        return None
