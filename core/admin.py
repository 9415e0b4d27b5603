"""Admin for reference data, and the rule that only site administrators (superusers) use the admin.

Signing in always goes through the service's own sign-in page, so lockout and two-factor sign-in
apply to the admin too.
"""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.models import District, PoliceForce


def _superusers_only(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and user.is_superuser)


def _sign_in(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    if request.user.is_authenticated:  # signed in, but not a site administrator
        context = {"page_title": "Site administrators only"}
        return render(request, "accounts/admin_forbidden.html", context, status=403)
    return redirect_to_login(request.GET.get("next") or "/admin/")


admin.site.has_permission = _superusers_only  # type: ignore[method-assign]
admin.site.login = _sign_in  # type: ignore[method-assign,assignment]


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0
    fields = ["code", "name"]


@admin.register(PoliceForce)
class PoliceForceAdmin(admin.ModelAdmin):
    # District and PoliceForce keep no history (reference data); plain ModelAdmin (see report).
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    inlines = [DistrictInline]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "police_force"]
    list_filter = ["police_force"]
    search_fields = ["name", "code"]
