"""Helpers shared by the projects views."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.access import Purpose
from core.middleware import private_response
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from projects import access
from projects.models import FundingPot, Project

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def project_url(project: Project) -> str:
    return reverse("projects:project", args=[project.plan_year.partnership.slug, project.pk])


def pot_url(pot: FundingPot) -> str:
    return reverse("projects:pot", args=[pot.plan_year.partnership.slug, pot.pk])


def list_crumbs(partnership: Partnership, *items: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": "Projects", "url": reverse("projects:list", args=[partnership.slug])}] + [
        {"label": label, "url": url} for label, url in items
    ]


def pot_crumbs(partnership: Partnership, *items: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": "Funding", "url": reverse("projects:pots", args=[partnership.slug])}] + [
        {"label": label, "url": url} for label, url in items
    ]


def download(data: bytes, kind: str, filename: str) -> HttpResponse:
    """A download of the partnership's money: never public, never cached, never sniffed."""
    response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
    disposition = "inline" if kind == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


def open_project(request: HttpRequest, partnership: str, pk: int, for_: Purpose = Purpose.VIEW) -> Project:
    team = access_partnership_by_slug(request.user, partnership)
    project = access.access_project_by_id(request.user, pk, for_=for_, partnership=team)
    project.plan_year.partnership = team
    return project


def form_page(request: HttpRequest, form: forms.BaseForm, **context: Any) -> HttpResponse:
    return render(request, "projects/form.html", {"form": form, **context})
