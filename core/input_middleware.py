"""Refuse URLs holding control characters before any view sees them.

A NUL or other control character in the path answers 404 (no page has such an address); in the
query string (names or values, after percent-decoding; tab and new lines allowed) it answers 400. Both are short plain pages,
so no view, form or query ever receives such text (PostgreSQL refuses NUL and would give a 500).
"""

from collections.abc import Callable
from urllib.parse import parse_qsl

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound

from core.input import ANY_CONTROL_RE, FORBIDDEN_RE

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
    "<body><h1>{title}</h1><p>{message}</p></body></html>"
)


def _page(title: str, message: str) -> str:
    return PAGE.format(title=title, message=message)


class InputCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if ANY_CONTROL_RE.search(request.path_info) or ANY_CONTROL_RE.search(request.path):
            return HttpResponseNotFound(
                _page("Page not found", "The address contains a control character, so no page has it.")
            )
        if self._bad_query(request.META.get("QUERY_STRING", "")):
            return HttpResponseBadRequest(
                _page(
                    "Bad request",
                    "The address's query (after the ?) contains a NUL or other control character; "
                    "remove it and try again.",
                )
            )
        return self.get_response(request)

    @staticmethod
    def _bad_query(query: str) -> bool:
        if not query:
            return False
        try:
            pairs = parse_qsl(query, keep_blank_values=True, encoding="utf-8", errors="replace")
        except ValueError:
            return True
        return any(FORBIDDEN_RE.search(key) or FORBIDDEN_RE.search(value) for key, value in pairs)
