"""Case-work forms: choices come from the visibility querysets the view hands in."""

from decimal import Decimal
from typing import Any

from django import forms

from casework.models import (
    CaseStatus,
    Confidentiality,
    Consent,
    Contact,
    EnforcementKind,
    IncidentKind,
    PersonRole,
    Vulnerability,
)
from core.dates import GovukDateField


def _choice(label: str, *, required: bool = True, empty_label: str | None = "Choose one") -> Any:
    """A record chosen from the queryset the view hands in (set in __init__)."""
    return forms.ModelChoiceField(label=label, queryset=None, required=required, empty_label=empty_label)


def _choices(label: str) -> Any:
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _date(label: str, required: bool = True) -> GovukDateField:
    return GovukDateField(label=label, required=required)


class CaseSearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=100,
        help_text="A name, words from the description or a case reference such as C000123.",
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *CaseStatus.choices]
    )
    case_type = forms.ChoiceField(label="Case type", required=False)

    def __init__(self, *args: Any, types: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["case_type"]
        field.choices = [("", "Any type"), *((str(t.pk), t.name) for t in types)]


class CaseForm(forms.Form):
    summary = forms.CharField(
        label="Short description", max_length=200, help_text="Shown in lists. Do not put names in it."
    )
    case_type = _choice("Case type", empty_label="Choose a type")
    lead_organisation = _choice("Lead organisation", empty_label="Choose an organisation")
    involved = _choices("Other organisations involved")
    places = _choices("Places")
    opened_on = _date("Date opened")

    def __init__(self, *args: Any, types: Any, organisations: Any, places: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["case_type"].queryset = types
        fields["lead_organisation"].queryset = organisations
        fields["involved"].queryset = organisations
        fields["places"].queryset = places


class CaseEditForm(CaseForm):
    status = forms.ChoiceField(label="Status", choices=CaseStatus.choices, widget=forms.RadioSelect)
    closed_reason = forms.CharField(
        label="Why it is closed",
        max_length=300,
        required=False,
        help_text="Needed when the status is closed.",
    )
    closed_on = _date("Date closed", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["opened_on"]


class PersonForm(forms.Form):
    first_names = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    aliases = forms.CharField(max_length=300, required=False, help_text="Other names, separated by commas.")
    date_of_birth = _date("Date of birth", required=False)
    addresses = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One address per line, the current one first.",
    )
    phone = forms.CharField(max_length=40, required=False)
    email = forms.EmailField(label="E-mail", required=False)
    preferred_contact = forms.ChoiceField(
        label="Preferred way of contact", choices=[("", "Not known"), *Contact.choices], required=False
    )
    vulnerabilities = forms.MultipleChoiceField(
        label="Vulnerabilities",
        choices=Vulnerability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    health = forms.CharField(label="Health (special category)", max_length=300, required=False)
    health_reason = forms.CharField(label="Why health is recorded", max_length=300, required=False)
    ethnicity = forms.CharField(label="Ethnicity (special category)", max_length=100, required=False)
    ethnicity_reason = forms.CharField(label="Why ethnicity is recorded", max_length=300, required=False)
    religion = forms.CharField(label="Religion (special category)", max_length=100, required=False)
    religion_reason = forms.CharField(label="Why religion is recorded", max_length=300, required=False)
    sexuality = forms.CharField(label="Sexuality (special category)", max_length=100, required=False)
    sexuality_reason = forms.CharField(label="Why sexuality is recorded", max_length=300, required=False)
    consent = forms.ChoiceField(
        label="Consent to share", choices=Consent.choices, widget=forms.RadioSelect, initial=Consent.NOT_ASKED
    )
    consent_date = _date("Date consent was asked", required=False)
    consent_recorded_by = forms.CharField(label="Who recorded the answer", max_length=150, required=False)
    lawful_basis = _choice(
        "Lawful basis for sharing without consent", required=False, empty_label="None chosen"
    )

    def __init__(self, *args: Any, bases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lawful_basis"].queryset = bases  # type: ignore[attr-defined]


class NewPersonForm(PersonForm):
    role = forms.ChoiceField(label="Role in the case", choices=PersonRole.choices, widget=forms.RadioSelect)

    field_order = ["role"]


class LinkPersonForm(forms.Form):
    person = _choice("Person", empty_label="Choose a person")
    role = forms.ChoiceField(label="Role in the case", choices=PersonRole.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class RiskForm(forms.Form):
    assessed_on = _date("Date assessed")

    def __init__(self, *args: Any, questions: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"q_{question['key']}"] = forms.BooleanField(
                label=str(question["text"]), required=False
            )

    def answers(self) -> dict[str, bool]:
        return {
            name.removeprefix("q_"): bool(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("q_")
        }


class IncidentForm(forms.Form):
    kind = forms.ChoiceField(
        label="Incident or complaint", choices=IncidentKind.choices, widget=forms.RadioSelect
    )
    behaviour_on = _date("Date of the behaviour")
    reported_on = _date("Date reported")
    reporting_organisation = _choice("Reporting organisation", required=False, empty_label="None")
    reference = forms.CharField(label="Their reference", max_length=60, required=False)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    location = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reporting_organisation"].queryset = organisations  # type: ignore[attr-defined]


class TaskForm(forms.Form):
    title = forms.CharField(label="What needs doing", max_length=200)
    owner_organisation = _choice("Organisation", empty_label="Choose an organisation")
    owner = _choice("Person", required=False, empty_label="Anyone in the organisation")
    due_on = _date("Due date")

    def __init__(self, *args: Any, organisations: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["owner_organisation"].queryset = organisations
        fields["owner"].queryset = people


class NoteForm(forms.Form):
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 6}))
    confidentiality = forms.ChoiceField(
        label="Who may read it",
        choices=Confidentiality.choices,
        widget=forms.RadioSelect,
        initial=Confidentiality.CASE_MEMBERS,
    )


class DocumentForm(forms.Form):
    title = forms.CharField(max_length=200, required=False)
    upload = forms.FileField(label="File", help_text="PDF, Word, Excel, text, JPEG or PNG, up to 10 MB.")


class GrantForm(forms.Form):
    user = _choice("A named person", required=False, empty_label="None")
    organisation = _choice("Or an organisation", required=False, empty_label="None")
    reason = forms.CharField(max_length=300)
    expires_on = _date("Access ends on")

    def __init__(self, *args: Any, people: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["user"].queryset = people
        fields["organisation"].queryset = organisations


class EnforcementForm(forms.Form):
    person = _choice("Person", empty_label="Choose a person")
    kind = forms.ChoiceField(label="Kind", choices=EnforcementKind.choices)
    conduct = forms.CharField(
        max_length=200, help_text="Use the same words for a warning and the notice that follows it."
    )
    issued_on = _date("Date issued")
    comply_by = _date("Time to comply ends", required=False)
    issuing_organisation = _choice("Issuing organisation", empty_label="Choose an organisation")
    recipient_is_body = forms.BooleanField(label="Issued to a body, not an individual", required=False)
    amount = forms.DecimalField(
        label="Amount in pounds (fixed penalty notice only)",
        required=False,
        min_value=Decimal("0"),
        max_digits=7,
        decimal_places=2,
    )
    outcome = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, people: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["person"].queryset = people
        fields["issuing_organisation"].queryset = organisations


class CaseTypeForm(forms.Form):
    name = forms.CharField(max_length=100)
    retention_years = forms.IntegerField(
        label="Retention review after closure (years)",
        min_value=1,
        max_value=100,
        initial=6,
        help_text="Local default, not law: 6 years unless the partnership decides otherwise.",
    )
    questions = forms.CharField(
        label="Risk questions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One a line: a weight from 1 to 10, a bar, the yes-or-no question. For example “3 | Is a victim vulnerable?”",
    )
    medium_from = forms.IntegerField(
        label="Medium risk from a score of", min_value=1, max_value=1000, initial=3
    )
    high_from = forms.IntegerField(label="High risk from a score of", min_value=2, max_value=1000, initial=6)


class LawfulBasisForm(forms.Form):
    name = forms.CharField(label="Lawful basis", max_length=200)
