"""Views shared by every app: `run_service`, the health check and the error pages."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

from core.errors import AccessDenied, ConflictError, ServiceError

T = TypeVar("T")

ERROR_TITLES = {
    400: "Sorry, there is a problem with your request",
    403: "You do not have permission to do this",
    404: "Page not found",
    410: "This page is no longer available",
    500: "Sorry, there is a problem with the service",
}


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


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def _error(request: HttpRequest, status: int, **extra: Any) -> HttpResponse:
    context = {"error_title": ERROR_TITLES[status], "page_title": ERROR_TITLES[status], **extra}
    return render(request, f"{status}.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The same page for a missing and a forbidden record: the exception's text is never shown."""
    return _error(request, 404)


def gone(request: HttpRequest, problem: str = "") -> HttpResponse:
    """410: something that existed can no longer be used (an expired link, say)."""
    return _error(request, 410, problem=problem)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request's context processors: the database may be what failed."""
    body = loader.get_template("500.html").render({"error_title": ERROR_TITLES[500]})
    return HttpResponse(body, status=500)
