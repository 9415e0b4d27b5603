"""Pages that higher apps add to the case-work area (casework may not import them, ADR 0025).

A higher app registers a page in its AppConfig.ready(): its URL is served under case work (in the
`casework:` namespace, so the Case work menu entry shows as current) and a link to it shows on the
case-work home page. The view must use `casework.views.common.case_work_view` (sign-in, a
case-work role here, a two-factor-verified session), like every case-work page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, path


@dataclass(frozen=True)
class AreaPage:
    route: str  # relative to the case-work prefix, e.g. "case-review-recommendations/"
    view: Callable[..., Any]
    name: str  # the URL name in the `casework:` namespace
    label: str  # the link text on the case-work home page


_PAGES: dict[str, AreaPage] = {}


def register(page: AreaPage) -> None:
    _PAGES[page.name] = page


def pages() -> list[AreaPage]:
    return list(_PAGES.values())


def url_patterns() -> list[URLPattern]:
    return [path(page.route, page.view, name=page.name) for page in _PAGES.values()]
