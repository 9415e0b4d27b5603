"""The admin: installation-wide data only, for site administrators (superusers) only.

Signing in always goes through the service's own sign-in page, so lockout and two-factor sign-in
apply to the admin too. Every change made here writes an audit event (`AuditedAdmin`); the audit
log's installation events (no partnership: admin changes, sign-ins, failed sign-ins) are read here,
never changed. A partnership's own events are read by its data protection lead (ADR 0003).
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import REGISTRY, partnership_of
from core.audit import audit_record
from core.models import AuditEvent, AuditEventType, CspArea, District, PoliceForce


def _superusers_only(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and user.is_superuser)


def _sign_in(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    if request.user.is_authenticated:  # signed in, but not a site administrator
        context = {"page_title": "Site administrators only"}
        return render(request, "accounts/admin_forbidden.html", context, status=403)
    return redirect_to_login(request.GET.get("next") or "/admin/")


admin.site.has_permission = _superusers_only  # type: ignore[method-assign]
admin.site.login = _sign_in  # type: ignore[method-assign]

ADMIN_EVENTS = {
    ADDITION: AuditEventType.CREATED,
    CHANGE: AuditEventType.CHANGED,
    DELETION: AuditEventType.DELETED,
}


def audit_admin_change(request: HttpRequest, obj: models.Model, flag: int, message: Any = "") -> None:
    """One audit event for an admin change; its partnership is set only for a partnership."""
    model = type(obj)
    is_partnership = model in REGISTRY and not REGISTRY[model].partnership_path
    audit_record(
        actor=request.user,
        event=ADMIN_EVENTS[flag],
        partnership=partnership_of(model, obj.pk) if is_partnership else None,
        obj=obj,
        purpose="admin",
        detail=message if isinstance(message, str) else {"changes": message},
    )


class AuditedAdmin(admin.ModelAdmin):
    """Every add, change and delete made in the admin writes an audit event."""

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        audit_admin_change(request, obj, ADDITION, message)
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        audit_admin_change(request, obj, CHANGE, message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
        for obj in queryset:
            audit_admin_change(request, obj, DELETION)
        return super().log_deletions(request, queryset)


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0
    fields = ["code", "name"]


@admin.register(PoliceForce)
class PoliceForceAdmin(AuditedAdmin):
    # District and PoliceForce keep no history (reference data); plain ModelAdmin.
    list_display = ["name", "slug", "pfa_code"]
    search_fields = ["name", "slug", "pfa_code"]
    inlines = [DistrictInline]


@admin.register(District)
class DistrictAdmin(AuditedAdmin):
    list_display = ["name", "code", "police_force"]
    list_filter = ["police_force"]
    search_fields = ["name", "code"]
    filter_horizontal = ["csp_areas"]


@admin.register(CspArea)
class CspAreaAdmin(AuditedAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Installation events only (no partnership), read-only: nobody adds, changes or deletes one."""

    list_display = ["occurred_at", "event_type", "actor_username", "object_type", "object_id", "ip_address"]
    list_filter = ["event_type"]
    search_fields = ["actor_username", "object_type", "object_id"]
    date_hierarchy = "occurred_at"

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        return super().get_queryset(request).filter(partnership_id__isnull=True)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _superusers_only(request)
