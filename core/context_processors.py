from typing import Any

from django.conf import settings
from django.http import HttpRequest

from core.navigation import menu_for
from partnership import access
from partnership.models import Partnership


def site(request: HttpRequest) -> dict[str, Any]:
    # "service_name", not "site_name": Django's auth views put the host name in "site_name".
    context: dict[str, Any] = {"service_name": settings.SITE_NAME}
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("partnership") if match else None
    if slug and getattr(request, "user", None) is not None and request.user.is_authenticated:
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is not None and access.can_view(request.user, partnership):
            context["nav_partnership"] = partnership
            context["nav_items"] = menu_for(request, partnership)
    return context
