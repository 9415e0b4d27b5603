"""Partnerships in the admin: site administrators create them and invite the first coordinator.

A new partnership needs only its name (the slug follows) and its districts, chosen from the installed
reference data (ADR 0015); its police force is filled from them. The invitation is optional.

Everything inside a partnership (organisations, memberships, plans, assessments ...) is managed by
its coordinators on its own pages, never here (ADR 0003).
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from core.admin import AuditedAdmin
from core.errors import ServiceError
from partnership import services
from partnership.models import Partnership


class PartnershipForm(forms.ModelForm):
    """The police force follows the districts: left empty it is filled from them, and a force other
    than theirs (or districts of several forces) is refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "police_force" in self.fields:
            self.fields["police_force"].help_text = "Leave it empty to take the districts' police force."
        if "districts" in self.fields:
            self.fields["districts"].help_text = "Type a district's name or ONS code to find it."

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        districts = list(cleaned.get("districts") or [])
        chosen = cleaned.get("police_force")
        theirs = {d.police_force for d in districts if d.police_force is not None}
        if len(theirs) > 1:
            names = "; ".join(f"{d.name}: {d.police_force}" for d in districts if d.police_force)
            self.add_error("districts", f"Choose districts of one police force area ({names}).")
        elif theirs and chosen is not None and chosen not in theirs:
            (force,) = theirs
            where = ", ".join(d.name for d in districts)
            self.add_error(
                "police_force",
                f"{where} {'is' if len(districts) == 1 else 'are'} in the area of {force}, not {chosen}. "
                f"Choose {force}, or leave the police force empty to fill it from the districts.",
            )
        elif theirs and chosen is None:
            (cleaned["police_force"],) = theirs
        return cleaned


class PartnershipAddForm(PartnershipForm):
    coordinator_email = forms.EmailField(
        label="First coordinator's e-mail address",
        required=False,
        help_text="Optional: they get an e-mail invitation to join as the partnership's coordinator.",
    )
    coordinator_organisation = forms.CharField(
        label="First coordinator's organisation",
        max_length=200,
        required=False,
        help_text="Needed with an e-mail address. Created in the partnership if it has no organisation "
        "of that name yet.",
    )

    class Meta:
        model = Partnership
        fields = [
            "name",
            "slug",
            "short_name",
            "districts",
            "police_force",
            "current_plan_year",
            "phone",
            "email",
            "website",
            "address",
            "social_links",
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("coordinator_email") and not cleaned.get("coordinator_organisation"):
            self.add_error("coordinator_organisation", "Give the first coordinator's organisation too.")
        return cleaned


@admin.register(Partnership)
class PartnershipAdmin(AuditedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug", "police_force", "current_plan_year"]
    search_fields = ["name", "slug", "short_name"]
    list_filter = ["police_force"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["districts"]
    raw_id_fields = ["current_plan_year"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs["form"] = PartnershipAddForm if obj is None else PartnershipForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            return fieldsets
        first = ("First coordinator", {"fields": ["coordinator_email", "coordinator_organisation"]})
        fields = [f for f in fieldsets[0][1]["fields"] if not str(f).startswith("coordinator_")]
        return [(None, {"fields": fields}), first]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if change or not form.cleaned_data.get("coordinator_email"):
            return
        try:
            invitation, _ = services.invitation_first_coordinator(
                actor=request.user,
                partnership=form.instance,
                email=form.cleaned_data["coordinator_email"],
                organisation_name=form.cleaned_data["coordinator_organisation"],
                accept_url=lambda token: request.build_absolute_uri(
                    reverse("accounts:accept_invitation", args=[token])
                ),
            )
        except ServiceError as error:
            self.message_user(request, f"The partnership was saved, but: {error}", messages.ERROR)
        else:
            self.message_user(request, f"Invitation sent to {invitation.email}.", messages.SUCCESS)
