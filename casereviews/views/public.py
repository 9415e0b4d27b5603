"""Public pages (no sign-in): the application form, its acknowledgement, and the published figures.

The form is the one public write. It works without JavaScript, is rate-limited per hashed IP
address (in the cache), and refuses bots with a field people never see and a signed token that
says when the form was shown, with no third-party service.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from casereviews import forms, selectors, services
from casereviews.clock import LOCAL_PROCEDURE_LABEL
from core.views import run_service

RECEIVED_SALT = "casereviews.received"
RATE_WINDOW_SECONDS = 3600


def _limit() -> int:
    return int(getattr(settings, "CASE_REVIEW_APPLICATIONS_PER_HOUR", 5))


def _rate_key(request: HttpRequest) -> str:
    address = (request.META.get("REMOTE_ADDR") or "").encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), address, hashlib.sha256).hexdigest()[:32]
    return f"casereviews:apply:{digest}"


def _over_limit(request: HttpRequest) -> bool:
    return int(cache.get(_rate_key(request), 0)) >= _limit()


def _count_attempt(request: HttpRequest) -> None:
    key = _rate_key(request)
    if not cache.add(key, 1, RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, RATE_WINDOW_SECONDS)


def apply(request: HttpRequest, partnership: str) -> HttpResponse:
    team = selectors.public_partnership(partnership)
    procedure = selectors.procedure_of(team)
    context = {"public_partnership": team, "page_title": f"Apply for an ASB Case Review – {team.name}"}
    if request.method == "POST":
        if _over_limit(request):
            return render(request, "casereviews/public/too_many.html", context, status=429)
        _count_attempt(request)
        form = forms.PublicApplicationForm(request.POST, procedure=procedure)
        if form.is_valid():
            age = forms.token_age(form.cleaned_data.get("form_token", ""), time.time())
            if form.cleaned_data.get("website"):
                form.add_error(
                    None, "We could not accept this form. Leave the last field empty and send it again."
                )
            elif age is None:
                form.add_error(None, "This form has expired. Check your answers and send it again.")
            elif age < forms.MIN_FILL_SECONDS:
                form.add_error(None, "The form was sent too quickly. Check your answers and send it again.")
            else:
                made, ok = run_service(
                    form,
                    services.application_submit_public,
                    actor=request.user,
                    partnership=team,
                    complaints=form.complaints(),
                    **form.applicant_fields(),
                )
                if ok and made is not None:
                    token = signing.dumps({"p": team.slug, "r": made.reference}, salt=RECEIVED_SALT)
                    return redirect(
                        reverse(
                            "casereviews_public:received", kwargs={"partnership": team.slug, "token": token}
                        )
                    )
    else:
        form = forms.PublicApplicationForm(procedure=procedure)
    return render(
        request,
        "casereviews/public/apply.html",
        {
            **context,
            "form": form,
            "fresh_token": forms.form_token(time.time()),
            "procedure": procedure,
            "clock_label": LOCAL_PROCEDURE_LABEL,
        },
    )


@require_GET
def received(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    team = selectors.public_partnership(partnership)
    try:
        found = signing.loads(token, salt=RECEIVED_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature as error:
        raise Http404("No such application.") from error
    if not isinstance(found, dict) or found.get("p") != team.slug:
        raise Http404("No such application.")
    return render(
        request,
        "casereviews/public/received.html",
        {
            "public_partnership": team,
            "reference": str(found.get("r", "")),
            "procedure": selectors.procedure_of(team),
            "clock_label": LOCAL_PROCEDURE_LABEL,
            "page_title": f"Application received – {team.name}",
        },
    )


@require_GET
def figures(request: HttpRequest, partnership: str) -> HttpResponse:
    team, years = selectors.public_figures(partnership)
    return render(
        request,
        "casereviews/public/figures.html",
        {"public_partnership": team, "years": years, "page_title": f"ASB Case Reviews – {team.name}"},
    )
