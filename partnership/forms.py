"""Forms for the partnership pages. Rules live in services; forms check shapes and give messages."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from core.forms import TextLimitMixin
from partnership.models import GlossaryTerm, Grant, Organisation, Partnership, Role


class PartnershipSettingsForm(TextLimitMixin, forms.ModelForm):
    class Meta:
        model = Partnership
        fields = ["name", "short_name", "phone", "email", "website", "address", "social_links"]
        labels = {"email": "E-mail address", "social_links": "Social media links"}
        widgets = {
            "address": forms.Textarea(attrs={"rows": 4}),
            "social_links": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"name": {"required": "Enter the partnership's name"}}


class OrganisationForm(TextLimitMixin, forms.ModelForm):
    other_names_text = forms.CharField(
        label="Other names",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One per line: other spellings or names the organisation is known by, "
        "for example “Lookahead” for “Look Ahead”.",
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "org_type",
            "phone",
            "email",
            "website",
            "address",
            "in_membership_list",
            "membership_order",
        ]
        labels = {
            "email": "E-mail address",
            "in_membership_list": "Show in the published membership list",
            "membership_order": "Position in the membership list",
        }
        help_texts = {"membership_order": "Lower numbers come first."}
        widgets = {"address": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"name": {"required": "Enter the organisation's name"}}

    def __init__(self, *args: Any, other_names: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if other_names and not self.is_bound:
            self.initial["other_names_text"] = "\n".join(other_names)
        self.fields["membership_order"].error_messages["invalid"] = "Enter the position as a whole number"

    def other_names(self) -> list[str]:
        return self.cleaned_data.get("other_names_text", "").splitlines()

    def validate_unique(self) -> None:
        """Uniqueness is checked by the service with a clearer message."""


class GlossaryTermForm(TextLimitMixin, forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "meaning"]
        labels = {"term": "Term or acronym"}
        widgets = {"meaning": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "term": {"required": "Enter the term or acronym"},
            "meaning": {"required": "Enter what it means"},
        }

    def validate_unique(self) -> None:
        """Uniqueness is checked by the service with a clearer message."""


class _OrganisationChoiceMixin:
    def set_organisations(self, organisations: QuerySet[Organisation]) -> None:
        """The choices come from the view, read through a selector for the acting coordinator."""
        field = self.fields["organisation"]  # type: ignore[attr-defined]
        field.queryset = organisations.order_by("name")


class InvitationForm(_OrganisationChoiceMixin, forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        error_messages={
            "required": "Enter the e-mail address of the person to invite",
            "invalid": "Enter an e-mail address in the right format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=None,  # set by the view from a selector
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation they work for"},
    )
    role = forms.ChoiceField(
        choices=Role.choices,
        widget=forms.RadioSelect,
        initial=Role.MEMBER,
        error_messages={"required": "Choose a role"},
        help_text="Coordinators manage everything; lead officers update their organisation's actions; "
        "members read the partnership's records.",
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_organisations(organisations)


class MembershipForm(_OrganisationChoiceMixin, forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=None,  # set by the view from a selector
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation they work for"},
    )
    role = forms.ChoiceField(
        choices=Role.choices, widget=forms.RadioSelect, error_messages={"required": "Choose a role"}
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_organisations(organisations)


class RoleGrantForm(forms.Form):
    """A further role to give or take away (the buttons on the People page send it)."""

    grant = forms.ChoiceField(
        choices=Grant.choices,
        error_messages={
            "required": "Choose the role to give or take away",
            "invalid_choice": "“%(value)s” is not a role that can be given. Choose one from the list.",
        },
    )

    @staticmethod
    def label_of(grant: str) -> str:
        return str(Grant(grant).label)


class MessageTextForm(TextLimitMixin, forms.Form):
    subject = forms.CharField(
        label="Subject", max_length=200, error_messages={"required": "Enter the subject"}
    )
    body = forms.CharField(
        label="Message",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter the message"},
    )


class MessagingSettingsForm(forms.Form):
    reminder_days = forms.IntegerField(
        label="Days before the due date to send the reminder",
        min_value=0,
        max_value=60,
        error_messages={
            "required": "Enter the number of days before the due date",
            "invalid": "Enter the number of days as a whole number, for example 5",
            "min_value": "The number of days must be 0 or more",
            "max_value": "The number of days must be 60 or fewer",
        },
    )
    weekly_digest = forms.BooleanField(
        label="Send coordinators a digest of received and missing updates on Mondays", required=False
    )


class MessagePreferencesForm(forms.Form):
    wanted = forms.MultipleChoiceField(
        label="E-mails you want from this partnership",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        choices=[
            ("round_opened", "Round notices: a reporting period is open for updates"),
            ("reminder", "Reminders before updates are due"),
            ("chaser", "Chasers when updates are overdue"),
            ("digest", "Monday digests of received and missing updates (coordinators)"),
            ("data_request", "Requests for partner data for the Strategic Assessment"),
            ("data_reminder", "Reminders before requested partner data is due"),
            ("data_chaser", "Chasers when requested partner data is overdue"),
            ("casework_digest", "Monday digests of overdue case-work tasks (CSU coordinators)"),
        ],
    )
