from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    # "service_name", not "site_name": Django's auth views put the host name in "site_name".
    # The partnership menu comes from `partnership.context_processors.navigation`.
    return {"service_name": settings.SITE_NAME}
