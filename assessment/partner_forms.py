"""Forms of the partner data pages: the upload, a data request and figures from a source."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from assessment import partner_sources
from assessment.partner_file import HEADINGS, FileError, FilePeriod, parse_figure_lines, parse_period
from core.dates import GovukDateField
from core.forms import TextLimitMixin

MAX_BYTES = 2 * 1024 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Partner indicator file",
        help_text="A CSV file (UTF-8 or Windows-1252) or an Excel workbook (.xlsx) whose first row has "
        f"exactly the headings {', '.join(HEADINGS)}.",
        widget=forms.FileInput(attrs={"accept": f".csv,.xlsx,text/csv,{XLSX_TYPE}"}),
        error_messages={
            "required": "Choose a CSV or Excel file to upload",
            "empty": "The chosen file is empty",
        },
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                "The file is larger than 2 MB; a partner indicator file is much smaller."
            )
        return upload


class DataRequestForm(TextLimitMixin, forms.Form):
    organisations: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Organisations to ask",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one organisation to ask"},
    )
    figures = forms.CharField(
        label="Figures asked for",
        help_text="One a line: the indicator, a comma and the period (YYYY-MM, YYYY-Qn or YYYY/YY), "
        'e.g. "Domestic abuse referrals, 2020/21".',
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": "Name at least one figure"},
    )
    due_date = GovukDateField(label="Due date")

    def __init__(self, *args: Any, organisations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations  # type: ignore[attr-defined]

    def clean_figures(self) -> list[tuple[str, FilePeriod]]:
        figures, problems = parse_figure_lines(self.cleaned_data["figures"])
        if problems:
            raise forms.ValidationError(problems)
        return figures


class SourceForm(forms.Form):
    source = forms.ChoiceField(label="Source", choices=[])
    year = forms.CharField(
        label="Financial year", help_text="For example, 2020/21 (April to March)", max_length=7
    )
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Organisation the figures are from",
        queryset=None,
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation the figures are from"},
    )

    def __init__(self, *args: Any, organisations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = partner_sources.choices()  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean_year(self) -> FilePeriod:
        text = self.cleaned_data["year"]
        try:
            period = parse_period(text)
        except FileError as error:
            raise forms.ValidationError(f"The financial year {error}") from None
        if period.kind != "year":
            raise forms.ValidationError("Enter a financial year as YYYY/YY, for example 2020/21")
        return period
