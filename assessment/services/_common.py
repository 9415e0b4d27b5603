"""What every assessment write shares: the coordinator check."""

from assessment import access
from core.actors import Actor
from core.errors import AccessDenied
from partnership.models import Partnership


def _require_manage(actor: Actor, partnership: Partnership) -> None:
    if not access.can_manage(actor, partnership):
        raise AccessDenied("Only the partnership coordinator can change the strategic assessment.")
