"""Back-office edits of partnership records, with their history (django-simple-history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnership.models import (
    GlossaryTerm,
    Invitation,
    Membership,
    Organisation,
    OrganisationName,
    Partnership,
)


class OrganisationNameInline(admin.TabularInline):
    model = OrganisationName
    extra = 1
    verbose_name = "other name"
    verbose_name_plural = "other names"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "organisation", "role", "is_active"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "police_force", "current_plan_year"]
    search_fields = ["name", "slug", "short_name"]
    list_filter = ["police_force"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["districts"]
    raw_id_fields = ["current_plan_year"]
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "partnership", "org_type", "in_membership_list", "membership_order"]
    list_filter = ["partnership", "org_type", "in_membership_list"]
    search_fields = ["name", "short_name", "other_names__name"]
    inlines = [OrganisationNameInline]


@admin.register(OrganisationName)
class OrganisationNameAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation__partnership"]
    search_fields = ["name", "organisation__name"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partnership", "organisation", "role", "is_active"]
    list_filter = ["partnership", "role", "is_active"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations keep no history; only a hash of the token is stored, so none can be re-sent here."""

    list_display = ["email", "partnership", "role", "organisation", "created", "expires", "accepted_at"]
    list_filter = ["partnership", "role"]
    search_fields = ["email"]
    readonly_fields = ["token_hash", "invited_by", "created", "accepted_at", "accepted_by"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def,override]
        return False  # invitations are sent from the People page, which e-mails the link


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(SimpleHistoryAdmin):
    list_display = ["term", "meaning", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["term", "meaning"]
