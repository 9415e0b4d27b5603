"""Forms for ASB Case Reviews: the public application form, officer entry, and the review's steps."""

import datetime
from typing import Any

from django import forms
from django.core import signing

from casereviews.models import ApplicantKind, ApplicationRoute, Involvement, Procedure
from casereviews.services import ComplaintInput
from casereviews.threshold import STATUTORY_MAXIMUM, RouteKind
from core.dates import GovukDateField
from core.forms import TextLimitMixin
from partnership.models import Organisation

COMPLAINT_ROWS = 3
YES_NO = [("no", "No"), ("yes", "Yes")]
FORM_TOKEN_SALT = "casereviews.public-form"  # noqa: S105 - a salt, not a secret
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 24 * 3600


def _kinds(procedure: Procedure) -> list[tuple[str, str]]:
    allowed = {
        ApplicantKind.INDIVIDUAL: procedure.individuals_may_apply,
        ApplicantKind.BUSINESS: procedure.businesses_may_apply,
        ApplicantKind.GROUP: procedure.groups_may_apply,
    }
    return [(kind.value, kind.label) for kind, ok in allowed.items() if ok]


class ApplicantForm(TextLimitMixin, forms.Form):
    applicant_kind = forms.ChoiceField(label="Who is applying?", widget=forms.RadioSelect)
    applicant_name = forms.CharField(label="Full name (or the business or group's name)", max_length=200)
    applicant_email = forms.EmailField(label="Email address", required=False, max_length=254)
    applicant_phone = forms.CharField(label="Phone number", required=False, max_length=40)
    applicant_address = forms.CharField(
        label="Postal address", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    on_behalf = forms.ChoiceField(
        label="Are you applying on behalf of someone else?",
        choices=YES_NO,
        initial="no",
        widget=forms.RadioSelect,
    )
    victim_name = forms.CharField(
        label="Name of the person you are applying for", required=False, max_length=200
    )
    victim_consent = forms.BooleanField(label="They agree to me applying for them", required=False)
    description = forms.CharField(label="What has been happening?", widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, procedure: Procedure, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds = _kinds(procedure)
        self.fields["applicant_kind"].choices = kinds  # type: ignore[attr-defined]
        if kinds:
            self.fields["applicant_kind"].initial = kinds[0][0]
        self.complaint_rows: list[list[forms.BoundField]] = []
        for n in range(1, COMPLAINT_ROWS + 1):
            self.fields[f"c{n}_behaviour_date"] = GovukDateField(
                label=f"Complaint {n}: date of the behaviour", required=False
            )
            self.fields[f"c{n}_complaint_date"] = GovukDateField(
                label=f"Complaint {n}: date you reported it", required=False
            )
            self.fields[f"c{n}_organisation_name"] = forms.CharField(
                label=f"Complaint {n}: who you reported it to", required=False, max_length=200
            )
            self.fields[f"c{n}_reference"] = forms.CharField(
                label=f"Complaint {n}: their reference, if you have one", required=False, max_length=60
            )

    def rows(self) -> list[list[forms.BoundField]]:
        names = ("behaviour_date", "complaint_date", "organisation_name", "reference")
        return [[self[f"c{n}_{name}"] for name in names] for n in range(1, COMPLAINT_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("on_behalf") == "yes":
            if not data.get("victim_name"):
                self.add_error("victim_name", "Enter the name of the person you are applying for")
            if not data.get("victim_consent"):
                self.add_error("victim_consent", "Confirm that the person agrees to you applying for them")
        for n in range(1, COMPLAINT_ROWS + 1):
            behaviour, made = data.get(f"c{n}_behaviour_date"), data.get(f"c{n}_complaint_date")
            other = data.get(f"c{n}_organisation_name") or data.get(f"c{n}_reference")
            if (behaviour or made or other) and not (behaviour and made):
                field = f"c{n}_behaviour_date" if not behaviour else f"c{n}_complaint_date"
                self.add_error(field, f"Enter both dates of complaint {n}, or leave complaint {n} empty")
            elif behaviour and made and made < behaviour:
                self.add_error(
                    f"c{n}_complaint_date", f"Complaint {n} cannot be reported before the behaviour"
                )
            elif made and made > datetime.date.today():
                self.add_error(f"c{n}_complaint_date", f"Complaint {n} cannot be reported in the future")
        return data

    def complaints(self) -> list[ComplaintInput]:
        data = self.cleaned_data
        return [
            ComplaintInput(
                behaviour_date=data[f"c{n}_behaviour_date"],
                complaint_date=data[f"c{n}_complaint_date"],
                organisation_name=data.get(f"c{n}_organisation_name", ""),
                reference=data.get(f"c{n}_reference", ""),
            )
            for n in range(1, COMPLAINT_ROWS + 1)
            if data.get(f"c{n}_behaviour_date") and data.get(f"c{n}_complaint_date")
        ]

    def applicant_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        on_behalf = data["on_behalf"] == "yes"
        return {
            "applicant_kind": data["applicant_kind"],
            "applicant_name": data["applicant_name"],
            "applicant_email": data.get("applicant_email", ""),
            "applicant_phone": data.get("applicant_phone", ""),
            "applicant_address": data.get("applicant_address", ""),
            "on_behalf": on_behalf,
            "victim_name": data.get("victim_name", "") if on_behalf else "",
            "victim_consent": bool(data.get("victim_consent")) if on_behalf else False,
            "description": data["description"],
        }


def form_token(now: float) -> str:
    return signing.dumps({"t": now}, salt=FORM_TOKEN_SALT)


def token_age(token: str, now: float) -> float | None:
    """Seconds since the form was shown, or None for a missing or forged token."""
    try:
        shown = signing.loads(token, salt=FORM_TOKEN_SALT, max_age=MAX_FILL_SECONDS)
    except signing.BadSignature:
        return None
    value = shown.get("t") if isinstance(shown, dict) else None
    return now - value if isinstance(value, int | float) else None


class PublicApplicationForm(ApplicantForm):
    """The public form, with a field people never see (bots fill it) and the signed time it was
    shown."""

    website = forms.CharField(label="Leave this field empty", required=False, max_length=200)
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)


class OfficerApplicationForm(ApplicantForm):
    route = forms.ChoiceField(
        label="How was the application made?",
        choices=[(r.value, r.label) for r in ApplicationRoute if r != ApplicationRoute.PUBLIC_FORM],
        widget=forms.RadioSelect,
    )
    application_date = GovukDateField(label="Date of the application")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applicant_name"].label = "Applicant's full name (or the business or group's name)"
        self.fields["on_behalf"].label = "Is the application made on behalf of the victim?"
        self.fields["victim_name"].label = "Name of the victim"
        self.fields["victim_consent"].label = "The victim consents to the application"
        self.fields["description"].label = "What has been happening"
        for n in range(1, COMPLAINT_ROWS + 1):
            self.fields[f"c{n}_complaint_date"].label = f"Complaint {n}: date of the complaint"
            self.fields[f"c{n}_organisation_name"].label = f"Complaint {n}: organisation complained to"
            self.fields[f"c{n}_reference"].label = f"Complaint {n}: the organisation's reference"


class DateForm(forms.Form):
    on = GovukDateField(label="Date")

    def __init__(self, *args: Any, label: str = "Date", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = label
        self.fields["on"].name_in_messages = label[0].lower() + label[1:]  # type: ignore[attr-defined]


class ContactForm(forms.Form):
    contact_officer = forms.CharField(
        label="Single point of contact for the applicant", max_length=200, required=False
    )
    involvement = forms.ChoiceField(
        label="How does the applicant want to be involved?",
        choices=Involvement.choices,
        required=False,
        widget=forms.RadioSelect,
    )


class ComplaintForm(forms.Form):
    behaviour_date = GovukDateField(label="Date of the behaviour")
    complaint_date = GovukDateField(label="Date of the complaint")
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="Organisation complained to",
        queryset=None,
        required=False,
        empty_label="Not a partner organisation",
    )
    organisation_name = forms.CharField(
        label="Organisation complained to, if not a partner", required=False, max_length=200
    )
    reference = forms.CharField(label="The organisation's reference", required=False, max_length=60)
    complainant = forms.CharField(label="Who complained", required=False, max_length=200)
    issue = forms.CharField(label="What the complaint was about", required=False, max_length=120)
    incident = forms.CharField(
        label="Incident key",
        required=False,
        max_length=60,
        help_text="Give reports of one incident to several organisations the same key, for example the date and place.",
    )
    hate_incident = forms.BooleanField(label="Reported as a hate incident", required=False)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("behaviour_date")
            and data.get("complaint_date")
            and data["complaint_date"] < data["behaviour_date"]
        ):
            self.add_error(
                "complaint_date", "The date of the complaint cannot be before the date of the behaviour"
            )
        return data

    def complaint(self) -> ComplaintInput:
        return ComplaintInput(**self.cleaned_data)


class DecisionForm(TextLimitMixin, forms.Form):
    decided_on = GovukDateField(label="Date of the decision")
    outcome = forms.ChoiceField(
        label="Decision",
        choices=[
            ("rules", "Record the decision the rules give"),
            ("met", "Threshold met"),
            ("not_met", "Threshold not met"),
        ],
        initial="rules",
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(
        label="Reasons for a decision different from the rules",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def officer_met(self) -> bool | None:
        return {"rules": None, "met": True, "not_met": False}[self.cleaned_data["outcome"]]


class ReviewForm(TextLimitMixin, forms.Form):
    meeting_date = GovukDateField(label="Date of the review meeting", required=False)
    chair_name = forms.CharField(label="Chair", required=False, max_length=200)
    chair_organisation = forms.CharField(label="Chair's organisation", required=False, max_length=200)
    chair_independent = forms.BooleanField(
        label="The chair is independent of the organisations involved", required=False
    )
    case_history = forms.CharField(
        label="Case history", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    applicant_views = forms.CharField(
        label="The applicant's views", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    outcome = forms.CharField(
        label="Outcome of the review",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="In plain English: this text goes into the outcome letter.",
    )
    outcome_letter_date = GovukDateField(label="Date the outcome letter was sent", required=False)


class AttendeeForm(forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="Organisation", queryset=None
    )
    name = forms.CharField(label="Name", max_length=200)
    role = forms.CharField(label="Role", required=False, max_length=200)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class RecommendationForm(TextLimitMixin, forms.Form):
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 4}))
    owner: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="Organisation that owns it", queryset=None
    )
    made_on = GovukDateField(label="Date of the recommendation")
    due_date = GovukDateField(label="Due date")

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisations  # type: ignore[attr-defined]


class DissatisfactionForm(TextLimitMixin, forms.Form):
    received_on = GovukDateField(label="Date the request was received")
    grounds = forms.CharField(label="Grounds of the request", widget=forms.Textarea(attrs={"rows": 5}))


class DissatisfactionDecisionForm(TextLimitMixin, forms.Form):
    heard_by = forms.CharField(label="Heard by", max_length=200, required=False)
    decision = forms.CharField(label="Decision", widget=forms.Textarea(attrs={"rows": 5}))
    decided_on = GovukDateField(label="Date of the decision")


class ProcedureForm(forms.ModelForm):
    class Meta:
        model = Procedure
        fields = [
            "individuals_may_apply",
            "businesses_may_apply",
            "groups_may_apply",
            "incident_counts_once",
            "acknowledgement_days",
            "decision_days",
            "meeting_days",
            "letter_days",
            "chair_independent",
            "dissatisfaction_body",
        ]
        labels = {
            "individuals_may_apply": "Individuals may apply",
            "businesses_may_apply": "Businesses may apply",
            "acknowledgement_days": "Working days to acknowledge an application",
            "decision_days": "Working days from the acknowledgement to the threshold decision",
            "meeting_days": "Working days from the decision to the review meeting",
            "letter_days": "Working days from the meeting to the outcome letter",
        }


class ThresholdSettingForm(forms.Form):
    effective_from = GovukDateField(label="In force from")
    count = forms.IntegerField(
        label="Number of qualifying complaints that must meet the threshold",
        min_value=1,
        help_text=f"{STATUTORY_MAXIMUM} or fewer: the procedures cannot set a higher number (s.104(4)).",
    )
    note = forms.CharField(label="Note", required=False, max_length=300)


class RouteForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of route",
        choices=[
            (RouteKind.HATE_INCIDENT.value, "Hate incidents (harm or potential harm, s.104(5)(b))"),
            (
                RouteKind.COMPLAINANTS.value,
                "Different complainants about the same issue (persistence, s.104(5)(a))",
            ),
        ],
        widget=forms.RadioSelect,
    )
    number = forms.IntegerField(label="How many", min_value=1, max_value=20)
    name = forms.CharField(label="Name in the procedure", required=False, max_length=120)
