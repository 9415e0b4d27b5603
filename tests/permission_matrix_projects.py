"""Permission matrix rows for the projects app (funding pots, projects, the money, the return).

Members of any role read every project, pot and download; coordinators create, decide, allocate
and approve; lead officers of a project's delivery organisation (LEAD: the world's organisation
leads the matrix's project) record its spend, outputs, notes, quotes, photographs and evaluation.
"""

import io
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects import services, services_reporting
from projects.models import Allocation, FundingPot, ProjectPhoto, ProjectQuote, Spend
from tests.permission_matrix_data import (
    COORDINATOR,
    MEMBERS,
    PP,
    REPORTERS,
    Case,
    cross_partnership,
)
from tests.permission_matrix_records import Objects, rows

PR = PP + "projects/"
ONE = PR + "<int:pk>/"
FUND = PP + "funding/"


def _pot(o: Objects) -> FundingPot:
    if "projects_pot" not in o.__dict__:
        o.__dict__["projects_pot"] = services.pot_create(
            actor=o.world.coordinator,
            plan_year=o.world.plan_year,
            name="PCC grant",
            amount=Decimal("1000.00"),
        )
    return o.__dict__["projects_pot"]


def _project(o: Objects) -> Any:
    """A running project led by the world's organisation, with money, evidence and an output."""
    if "projects_project" not in o.__dict__:
        world = o.world
        project = services.project_create(
            actor=world.coordinator,
            plan_year=world.plan_year,
            title="Crime prevention events",
            lead_organisation=world.organisation,
        )
        for step in ("approved", "running"):
            services.project_transition(actor=world.coordinator, project=project, to=step)
        allocation = services.allocation_record(
            actor=world.coordinator,
            project=project,
            pot=_pot(o),
            amount=Decimal("500.00"),
            date=date(2020, 6, 1),
        )
        spend = services.spend_record(
            actor=world.coordinator,
            allocation=allocation,
            amount=Decimal("10.00"),
            date=date(2020, 6, 2),
            description="Leaflets",
            evidence=SimpleUploadedFile("invoice.pdf", b"%PDF-1.4 matrix"),
        )
        output = services_reporting.output_add(actor=world.coordinator, project=project, name="Events held")
        o.__dict__.update(
            projects_project=project,
            projects_allocation=allocation,
            projects_spend=spend,
            projects_output=output,
        )
    return o.__dict__["projects_project"]


def _quote(o: Objects) -> ProjectQuote:
    if "projects_quote" not in o.__dict__:
        o.__dict__["projects_quote"] = services_reporting.quote_add(
            actor=o.world.coordinator, project=_project(o), text="It helped."
        )
    return o.__dict__["projects_quote"]


def _photo(o: Objects) -> ProjectPhoto:
    if "projects_photo" not in o.__dict__:
        buffer = io.BytesIO()
        Image.new("RGB", (4, 3), (20, 90, 30)).save(buffer, format="PNG")
        o.__dict__["projects_photo"] = services_reporting.photo_add(
            actor=o.world.coordinator,
            project=_project(o),
            image=SimpleUploadedFile("event.png", buffer.getvalue(), content_type="image/png"),
            alt_text="People at a stall",
        )
    return o.__dict__["projects_photo"]


def _evaluation(o: Objects) -> Any:
    if "projects_evaluation" not in o.__dict__:
        o.__dict__["projects_evaluation"] = services_reporting.evaluation_save(
            actor=o.world.coordinator,
            project=_project(o),
            delivered="Eight events",
            outcomes="More reports",
            learned="Book halls early",
            fund_again="yes",
        )
    return o.__dict__["projects_evaluation"]


def project_kw(o: Objects) -> dict[str, Any]:
    return {**o.p, "pk": _project(o).pk}


def evaluated_project_kw(o: Objects) -> dict[str, Any]:
    _evaluation(o)
    return project_kw(o)


def pot_kw(o: Objects) -> dict[str, Any]:
    return {**o.p, "pk": _pot(o).pk}


def _get(name: str, route: str, kwargs: Any, expected: Any, variant: str = "") -> Case:
    return Case(f"projects:{name}", route, kwargs, expected, variant=variant)


def _post(name: str, route: str, kwargs: Any, expected: Any, guard: Any, data: Any = None) -> Case:
    return Case(
        f"projects:{name}",
        route,
        kwargs,
        expected,
        "POST",
        guard=guard,
        changes=True,
        data_from=data,
    )


def _spend_rows(o: Objects) -> list[dict[str, Any]]:
    _project(o)
    return list(Spend.objects.filter(allocation=o.__dict__["projects_allocation"]).values())


def _allocation_rows(o: Objects) -> list[dict[str, Any]]:
    return list(Allocation.objects.filter(project=_project(o)).values())


PROJECT_CASES: list[Case] = [
    _get("list", PR, lambda o: o.p, MEMBERS),
    _get("summary_download", PR + "summary.<str:fmt>", lambda o: {**o.p, "fmt": "csv"}, MEMBERS, "csv"),
    _get("summary_download", PR + "summary.<str:fmt>", lambda o: {**o.p, "fmt": "xlsx"}, MEMBERS, "xlsx"),
    _get("project_create", PR + "new/", lambda o: o.p, COORDINATOR),
    _get("settings", PR + "settings/", lambda o: o.p, COORDINATOR),
    _get("project", ONE, project_kw, MEMBERS),
    _get("project_edit", ONE + "edit/", project_kw, COORDINATOR),
    _get("project_status", ONE + "status/", project_kw, COORDINATOR),
    _get("allocation_create", ONE + "allocate/", project_kw, COORDINATOR),
    _post(
        "allocation_create",
        ONE + "allocate/",
        project_kw,
        COORDINATOR,
        _allocation_rows,
        lambda o: {"pot": str(_pot(o).pk), "amount": "1.00", "date": "2/6/2020"},
    ),
    _get("spend_create", ONE + "spend/", project_kw, REPORTERS),
    _post(
        "spend_create",
        ONE + "spend/",
        project_kw,
        REPORTERS,
        _spend_rows,
        lambda o: {
            "allocation": str(o.__dict__["projects_allocation"].pk),
            "amount": "1.00",
            "date": "3/6/2020",
            "description": "Matrix spend",
        },
    ),
    _get(
        "spend_evidence",
        ONE + "spend/<int:spend_id>/evidence/",
        lambda o: {**project_kw(o), "spend_id": o.__dict__["projects_spend"].pk},
        MEMBERS,
    ),
    _get("output_create", ONE + "outputs/new/", project_kw, REPORTERS),
    _get(
        "output_value_create",
        ONE + "outputs/<int:output_id>/values/new/",
        lambda o: {**project_kw(o), "output_id": o.__dict__["projects_output"].pk},
        REPORTERS,
    ),
    _get("note_create", ONE + "monitoring/new/", project_kw, REPORTERS),
    _get("evaluation", ONE + "evaluation/", project_kw, REPORTERS),
    _post(
        "evaluation_approve",
        ONE + "evaluation/approve/",
        evaluated_project_kw,
        COORDINATOR,
        lambda o: rows(type(_evaluation(o)), _evaluation(o).pk),
    ),
    _get("quote_create", ONE + "quotes/new/", project_kw, REPORTERS),
    _post(
        "quote_approve",
        ONE + "quotes/<int:quote_id>/approve/",
        lambda o: {**project_kw(o), "quote_id": _quote(o).pk},
        COORDINATOR,
        lambda o: rows(ProjectQuote, _quote(o).pk),
    ),
    _get("photo_create", ONE + "photos/new/", project_kw, REPORTERS),
    _get(
        "photo",
        ONE + "photos/<int:photo_id>/",
        lambda o: {**project_kw(o), "photo_id": _photo(o).pk},
        MEMBERS,
    ),
    _post(
        "photo_approve",
        ONE + "photos/<int:photo_id>/approve/",
        lambda o: {**project_kw(o), "photo_id": _photo(o).pk},
        COORDINATOR,
        lambda o: rows(ProjectPhoto, _photo(o).pk),
    ),
    _get("pots", FUND, lambda o: o.p, MEMBERS),
    _get("pot_create", FUND + "new/", lambda o: o.p, COORDINATOR),
    _get("pot", FUND + "<int:pk>/", pot_kw, MEMBERS),
    _get("pot_edit", FUND + "<int:pk>/edit/", pot_kw, COORDINATOR),
    Case(
        "projects:pot_publish",
        FUND + "<int:pk>/publish/",
        pot_kw,
        COORDINATOR,
        "POST",
        data={"published": "yes"},
        guard=lambda o: rows(FundingPot, _pot(o).pk),
        changes=True,
    ),
    *(
        _get(
            "pot_return",
            FUND + "<int:pk>/return.<str:fmt>",
            lambda o, f=f: {**pot_kw(o), "fmt": f},
            MEMBERS,
            f,
        )
        for f in ("csv", "xlsx", "pdf")
    ),
    *(
        _get(
            "year_return",
            FUND + "years/<str:year>/return.<str:fmt>",
            lambda o, f=f: {**o.y, "fmt": f},
            MEMBERS,
            f,
        )
        for f in ("csv", "xlsx", "pdf")
    ),
]

CASES_PROJECTS: list[Case] = [
    *PROJECT_CASES,
    *(cross_partnership(c) for c in PROJECT_CASES if "<int:" in c.route and not c.variant),
]
