"""Views shared by every app, and `run_service`, the views' way of calling a service."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from core.errors import AccessDenied, ConflictError, ServiceError
from partnership.selectors import partnerships_for_user

T = TypeVar("T")


def run_service(
    form: forms.BaseForm | None, service: Callable[..., T], **kwargs: Any
) -> tuple[T | None, bool]:
    """Call a service; AccessDenied becomes 404, other ServiceErrors become form errors.

    ConflictError passes through: the caller shows the newer version.
    """
    try:
        return service(**kwargs), True
    except ConflictError:
        raise
    except AccessDenied as error:
        raise Http404("No such page.") from error
    except ServiceError as error:
        if form is None:
            raise
        form.add_error(None, str(error))
        return None, False


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
