"""Response headers that harden every page: a nonce-based Content Security Policy and friends."""

import secrets
from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from core.map_tiles import tile_origin

R = TypeVar("R", bound=HttpResponseBase)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        nonce = secrets.token_urlsafe(16)
        request.csp_nonce = nonce  # type: ignore[attr-defined]
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            # The map's tile server (MAP_TILE_URL), and nothing else from another site.
            tiles = f" {origin}" if (origin := tile_origin()) else ""
            response["Content-Security-Policy"] = (
                "default-src 'self'; "
                f"script-src 'self' 'nonce-{nonce}'; "
                f"style-src 'self'; img-src 'self' data:{tiles}; font-src 'self'; "
                "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
            )
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class AuditContextMiddleware:
    """Gives audit events written during a request its id, the client's address and browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from core.audit import context_from_request, request_context

        context = context_from_request(request)
        with request_context(context):
            response = self.get_response(request)
        response.setdefault("X-Request-ID", context.request_id)
        return response


class PrivateCacheMiddleware:
    """Nothing shown to a signed-in person may be kept by a browser or a shared cache.

    Public pages (anonymous visitors) keep whatever their view set; a view that serves a
    non-public document to anyone marks it with `private_response()`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or getattr(response, "csphub_private", False):
            response["Cache-Control"] = "no-store, private"
        return response


def private_response(response: R) -> R:
    """Mark a response (a non-public document) as never to be cached."""
    response.csphub_private = True  # type: ignore[attr-defined]
    response["Cache-Control"] = "no-store, private"
    return response


class DocumentTooSlowMiddleware:
    """A document that ran out of its time budget gets a page that says so (503), not a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.shortcuts import render

        from core.documents.time_limit import DocumentTooSlow

        if not isinstance(exception, DocumentTooSlow):
            return None
        context = {"page_title": "This document took too long to build", "message": str(exception)}
        return render(request, "core/document_too_slow.html", context, status=503)
