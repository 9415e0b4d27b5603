"""The completion tracker of an update round (coordinators)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from core.access import NotFound, Purpose, audit_search
from planning import selectors
from planning.access import access_update_round_by_id
from planning.models import UpdateRound
from planning.selectors import rounds as round_selectors
from planning.views.common import year_context


@login_required
def round_tracker(request: HttpRequest, partnership: str, year: str, code: str) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    period = selectors.access_period_by_code(request.user, plan_year, code, for_=Purpose.MANAGE)
    found = round_selectors.round_of(period)
    if found is None:
        raise NotFound("No such update round.")
    update_round = access_update_round_by_id(request.user, found.pk, for_=Purpose.MANAGE, plan_year=plan_year)
    update_round.period = period
    today = timezone.localdate()
    audit_search(
        request.user,
        UpdateRound,
        partnership=plan_year.partnership,
        filters={"page": "completion tracker", "round": update_round.label},
    )
    settings_url = reverse("planning:year_settings", kwargs={"partnership": partnership, "year": year})
    return render(
        request,
        "planning/round_tracker.html",
        year_context(
            request,
            plan_year,
            f"{update_round.label}: completion tracker",
            update_round=update_round,
            tracker=round_selectors.round_tracker(update_round, today),
            is_past_due=today > update_round.due_date,
            log_url=reverse("partnership:message_log", kwargs={"partnership": partnership})
            + f"?round={update_round.message_key}",
            breadcrumbs=[
                {"label": "Plan year settings", "url": settings_url},
                {"label": update_round.label, "url": ""},
            ],
        ),
    )
