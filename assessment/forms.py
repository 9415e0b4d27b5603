"""Forms of the assessment pages. Validation of rules stays in services; forms check shapes."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from assessment.analysis import Period, parse_month
from assessment.models import NARRATIVE_SECTIONS, Confidence, IssueKind
from core.forms import TextLimitMixin
from crimedata.models import CRIME_TYPES, PopulationTable, WeightSet
from partnership.models import Partnership
from planning.models import PlanYear


class MonthField(forms.CharField):
    """A month typed as YYYY-MM."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 7)
        kwargs.setdefault("help_text", "For example, 2019-04")
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not value:
            return None
        try:
            return parse_month(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def prepare_value(self, value: Any) -> Any:
        return f"{value:%Y-%m}" if isinstance(value, datetime.date) else value


class ReferenceChoiceField(forms.ModelChoiceField):
    """A population table or weight set, its name followed by "(example data)" when it is one."""

    def label_from_instance(self, obj: Any) -> str:
        name = str(obj)
        if getattr(obj, "is_example", False) and "example data" not in name.lower():
            return f"{name} (example data)"
        return name


class AnalysisForm(forms.Form):
    """The choices on the analysis page (all optional; GET)."""

    district = forms.ChoiceField(label="District", required=False)
    start = MonthField(label="From month", required=False)
    end = MonthField(label="To month", required=False)
    population_table = ReferenceChoiceField(
        label="Population table",
        queryset=PopulationTable.objects.order_by("name"),
        required=False,
        empty_label="None (no rates)",
    )
    weight_set = ReferenceChoiceField(
        label="Harm weights",
        queryset=WeightSet.objects.order_by("name", "version"),
        required=False,
        empty_label="Unweighted (every crime counts 1)",
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "All the partnership's districts")]
        choices += [(d.code, d.name) for d in partnership.districts.order_by("name")]
        self.fields["district"].choices = choices  # type: ignore[attr-defined]

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
        return data


class AssessmentCreateForm(forms.Form):
    slug = forms.RegexField(
        label="Plan year the assessment informs",
        regex=r"^\d{4}-\d{2}$",
        max_length=7,
        help_text="For example, 2021-22",
        error_messages={"invalid": "Use the form 2021-22."},
    )
    data_from = MonthField(
        label="First month of data", required=False, help_text="Leave blank for April two years before"
    )
    data_to = MonthField(
        label="Last month of data", required=False, help_text="Leave blank for the March after that"
    )


class AssessmentEditForm(TextLimitMixin, forms.Form):
    data_from = MonthField(label="First month of data")
    data_to = MonthField(label="Last month of data")
    population_table = ReferenceChoiceField(
        label="Population table", queryset=PopulationTable.objects.order_by("name"), required=False
    )
    weight_set = ReferenceChoiceField(
        label="Harm weights", queryset=WeightSet.objects.order_by("name", "version"), required=False
    )
    reviewed_plan_year: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Plan whose delivery is reviewed", queryset=None, required=False
    )

    def __init__(self, *args: Any, plan_years: QuerySet[PlanYear], **kwargs: Any) -> None:
        """`plan_years`: the partnership's plan years (from the view's selector), newest first."""
        super().__init__(*args, **kwargs)
        self.fields["reviewed_plan_year"].queryset = plan_years  # type: ignore[attr-defined]
        for name, heading in NARRATIVE_SECTIONS:
            self.fields[name] = forms.CharField(
                label=heading,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text="Formatting: a blank line between paragraphs, **bold**, lists with - at the start of a line.",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("data_from") and data.get("data_to") and data["data_to"] < data["data_from"]:
            self.add_error("data_to", "The last month must not be before the first month.")
        return data


class CriterionForm(TextLimitMixin, forms.Form):
    name = forms.CharField(max_length=100)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    weight = forms.DecimalField(
        min_value=Decimal(0), max_digits=6, decimal_places=2, help_text="For example, 1 or 1.5"
    )
    scale_min = forms.IntegerField(label="Lowest score", initial=1)
    scale_max = forms.IntegerField(label="Highest score", initial=5)
    scale_labels = forms.CharField(
        label="Scale labels",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text='One per line, for example "1 = Very low".',
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and high <= low:
            self.add_error("scale_max", "The highest score must be above the lowest score.")
        return data


class IssueForm(TextLimitMixin, forms.Form):
    title = forms.CharField(max_length=300)
    kind = forms.ChoiceField(label="Kind of issue", choices=IssueKind.choices, widget=forms.RadioSelect)
    crime_type = forms.ChoiceField(
        label="Crime type", required=False, choices=[("", "Not a crime type")] + [(t, t) for t in CRIME_TYPES]
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(
        label="Evidence notes", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == IssueKind.CRIME_TYPE and not data.get("crime_type"):
            self.add_error("crime_type", "Choose the crime type this issue covers.")
        return data


class ScoreForm(TextLimitMixin, forms.Form):
    """One value, confidence and rationale per criterion, named by the criterion's id."""

    def __init__(self, *args: Any, criteria: list[Any], existing: dict[int, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            labels = criterion.labels()
            choices = [
                (v, f"{v} – {labels[v]}" if v in labels else str(v))
                for v in range(criterion.scale_min, criterion.scale_max + 1)
            ]
            old = existing.get(criterion.pk)
            self.fields[f"value_{criterion.pk}"] = forms.TypedChoiceField(
                label=f"{criterion.name}: score",
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=old.value if old else None,
                help_text=criterion.description,
            )
            self.fields[f"confidence_{criterion.pk}"] = forms.ChoiceField(
                label=f"{criterion.name}: confidence",
                choices=Confidence.choices,
                initial=old.confidence if old else Confidence.MEDIUM,
            )
            self.fields[f"rationale_{criterion.pk}"] = forms.CharField(
                label=f"{criterion.name}: why this score",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=old.rationale if old else "",
            )

    def rows(self) -> list[tuple[Any, Any, Any, Any]]:
        return [
            (c, self[f"value_{c.pk}"], self[f"confidence_{c.pk}"], self[f"rationale_{c.pk}"])
            for c in self.criteria
        ]


class ChoosePrioritiesForm(forms.Form):
    issues = forms.MultipleChoiceField(
        label="Issues to adopt as priorities",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one issue to adopt as a priority."},
    )

    def __init__(self, *args: Any, issues: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issues"].choices = [(str(i.pk), i.title) for i in issues]  # type: ignore[attr-defined]


class CommunityViewForm(TextLimitMixin, forms.Form):
    theme = forms.CharField(max_length=200)
    source = forms.CharField(
        max_length=300, help_text="The consultation or survey, for example Residents' survey 2020"
    )
    respondents = forms.IntegerField(label="Number of respondents", min_value=0, required=False)
    percent = forms.DecimalField(
        label="Share who named this theme (%)",
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=1,
        required=False,
    )
    finding = forms.CharField(
        label="What people said", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class IndicatorForm(TextLimitMixin, forms.Form):
    name = forms.CharField(label="Indicator", max_length=200, help_text="For example, DAVSS referrals")
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(label="Organisation", queryset=None)
    quarter = MonthField(
        label="First month of the quarter", help_text="April, July, October or January, for example 2019-04"
    )
    value = forms.DecimalField(max_digits=14, decimal_places=2)
    unit = forms.CharField(required=False, max_length=60, help_text='For example "referrals" or "%"')
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean_quarter(self) -> datetime.date:
        month = self.cleaned_data["quarter"]
        if month.month not in (1, 4, 7, 10):
            raise forms.ValidationError("A quarter starts in April, July, October or January.")
        return month

    def indicator_fields(self) -> dict[str, Any]:
        """The cleaned fields as the indicator services take them."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "organisation": data["organisation"],
            "quarter_start": data["quarter"],
            "value": data["value"],
            "unit": data["unit"],
            "note": data["note"],
        }
