"""A meeting's .ics file, and the person's secret calendar feed (made, shown once, revoked)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import NotFound, audit_search
from core.middleware import private_response
from core.views import run_service
from governance import selectors, services
from governance.ical import calendar_bytes
from governance.models import Meeting

FEED_SESSION_KEY = "governance_new_feed_token"
TOKEN_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _absolute(request: HttpRequest, meeting: Meeting) -> str:
    return request.build_absolute_uri(
        reverse(
            "governance:meeting", kwargs={"partnership": meeting.series.partnership.slug, "pk": meeting.pk}
        )
    )


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


@login_required
def meeting_ics(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk)
    body = calendar_bytes(
        [(meeting, _absolute(request, meeting))], name=meeting.series.name, domain=request.get_host()
    )
    return _ics(body, f"meeting-{meeting.pk}.ics")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The person's meetings from 90 days ago on; no session needed, a wrong or revoked token is 404."""
    if not 20 <= len(token) <= 100 or not set(token) <= TOKEN_CHARACTERS:
        raise NotFound("No such calendar.")
    user = selectors.feed_user(services.feed_hash(token))
    if user is None:
        raise NotFound("No such calendar.")
    since = timezone.now() - datetime.timedelta(days=90)
    found = selectors.my_meetings(user, since=since)  # type: ignore[arg-type]
    for partnership in {m.series.partnership for m in found if m.series.is_confidential}:
        # Members-only meetings left through the feed: one `searched` event per partnership.
        audit_search(user, Meeting, partnership=partnership, filters={"calendar_feed": True})  # type: ignore[arg-type]
    meetings = [(m, _absolute(request, m)) for m in found]
    return _ics(
        calendar_bytes(meetings, name="My CSP Hub meetings", domain=request.get_host()), "meetings.ics"
    )


@login_required
def calendar_feed(request: HttpRequest) -> HttpResponse:
    token = request.session.pop(FEED_SESSION_KEY, None)
    url = (
        request.build_absolute_uri(reverse("governance_feed:feed", kwargs={"token": token})) if token else ""
    )
    return render(
        request,
        "governance/calendar_feed.html",
        {"feed_url": url, "has_feed": selectors.has_feed(request.user), "page_title": "Your calendar feed"},
    )


@login_required
@require_POST
def calendar_feed_change(request: HttpRequest) -> HttpResponse:
    if request.POST.get("action") == "revoke":
        revoked, _ = run_service(None, services.calendar_feed_revoke, actor=request.user)
        if revoked:
            messages.success(request, "Revoked your calendar feed: its address no longer works.")
    else:
        token, _ = run_service(None, services.calendar_feed_create, actor=request.user)
        request.session[FEED_SESSION_KEY] = token
        messages.success(request, "Made a new calendar feed address. Any earlier address no longer works.")
    return redirect(reverse("governance_feed:calendar_feed"))
