"""Sign-ins in the audit log: `signed_in` and `sign_in_failed`, installation events (no partnership).

A failed sign-in keeps the username as typed, never the password. The time a session was signed in
is kept in it, for the stricter session rules of sensitive roles (`partnership.sessions`).
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from core.audit import audit_record
from core.models import AuditEventType

SIGNED_IN_AT = "csphub_signed_in_at"
LAST_SEEN_AT = "csphub_last_seen_at"


@receiver(user_logged_in, dispatch_uid="csphub_audit_signed_in")
def record_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, event=AuditEventType.SIGNED_IN, object_type="accounts.user", object_id=user.pk)
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN_AT] = now


@receiver(user_login_failed, dispatch_uid="csphub_audit_sign_in_failed")
def record_failed_sign_in(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))[:150]
    audit_record(
        actor=None, event=AuditEventType.SIGN_IN_FAILED, username=username, object_type="accounts.user"
    )
