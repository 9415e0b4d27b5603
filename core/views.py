from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from partnership.selectors import partnerships_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the dashboard of a user's only partnership; otherwise a choice."""
    partnerships = list(partnerships_for_user(request.user))
    if len(partnerships) == 1:
        return redirect("planning:dashboard", partnership=partnerships[0].slug)
    return render(
        request, "core/home.html", {"partnerships": partnerships, "page_title": "Your partnerships"}
    )


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
