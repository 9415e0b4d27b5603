"""What every assessment write shares: the coordinator check."""

from typing import Any

from assessment import access
from core.errors import AccessDenied
from partnership.models import Partnership


def _require_manage(user: Any, partnership: Partnership) -> None:
    if not access.can_manage(user, partnership):
        raise AccessDenied("Only the partnership coordinator can change the strategic assessment.")
