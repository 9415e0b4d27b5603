"""Partnerships in the admin: site administrators create them and invite the first coordinator.

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


class PartnershipAddForm(forms.ModelForm):
    coordinator_email = forms.EmailField(
        label="First coordinator's e-mail address",
        help_text="They get an e-mail invitation to join as the partnership's coordinator.",
    )
    coordinator_organisation = forms.CharField(
        label="First coordinator's organisation",
        max_length=200,
        help_text="Created in the partnership if it has no organisation of that name yet.",
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


@admin.register(Partnership)
class PartnershipAdmin(AuditedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug", "police_force", "current_plan_year"]
    search_fields = ["name", "slug", "short_name"]
    list_filter = ["police_force"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["districts"]
    raw_id_fields = ["current_plan_year"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = PartnershipAddForm
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
        if change:
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
