"""Permission-matrix rows of the public summary of an assessment: members see the versions,
coordinators publish and withdraw; the public pages answer everyone once a version is published and
404 before (and through another partnership's URL)."""

from typing import Any

from assessment.models import SummaryPublication, SummaryWithdrawal
from assessment.services.summary import summary_publish
from tests.permission_matrix_data import AS, COORDINATOR, DENIED, MEMBERS, OK, Case, everyone, get, post
from tests.permission_matrix_records import Objects

PUB_A = "p/<slug:partnership>/assessment/<str:slug>/"
PUB_AV = PUB_A + "versions/<int:number>/"


def _summary(o: Objects) -> SummaryPublication:
    """The assessment's published summary (version 1), made once per `Objects`."""
    if "_pubsum" not in o.__dict__:
        o.__dict__["_pubsum"] = summary_publish(
            assessment=o.assessment, actor=o.world.coordinator, sections=["summary"]
        )
    found: SummaryPublication = o.__dict__["_pubsum"]
    return found


def _version(o: Objects) -> dict[str, Any]:
    return {**o.assessment_kwargs(), "number": _summary(o).number}


def _published(o: Objects) -> dict[str, Any]:
    _summary(o)
    return o.assessment_kwargs()


def _versions(o: Objects) -> list[int]:
    return list(SummaryPublication.objects.filter(assessment=o.assessment).values_list("number", flat=True))


def _withdrawals(o: Objects) -> list[int]:
    return list(SummaryWithdrawal.objects.filter(publication=_summary(o)).values_list("pk", flat=True))


PUBLIC = [
    ("public_assessment:summary", PUB_A, _published),
    ("public_assessment:summary_pdf", PUB_A + "summary.pdf", _published),
    ("public_assessment:version", PUB_AV, _version),
    ("public_assessment:version_pdf", PUB_AV + "summary.pdf", _version),
]
WITHDRAW = AS + "public-summary/<int:number>/withdraw/"

CASES_PUBSUM: list[Case] = [
    get("assessment:summary", AS + "public-summary/", "assessment", MEMBERS),
    post(
        "assessment:summary",
        AS + "public-summary/",
        "assessment",
        COORDINATOR,
        _versions,
        data={"sections": "summary"},
    ),
    Case("assessment:summary_withdraw", WITHDRAW, _version, COORDINATOR),
    Case(
        "assessment:summary_withdraw",
        WITHDRAW,
        _version,
        COORDINATOR,
        "POST",
        data={"reason": "Withdrawn by the permission matrix"},
        guard=_withdrawals,
        changes=True,
    ),
    *(Case(name, route, kw, everyone(OK), variant="published") for name, route, kw in PUBLIC),
    *(
        Case(
            name,
            route,
            lambda o, route=route: {
                **o.assessment_kwargs(),
                **({"number": 1} if "<int:number>" in route else {}),
            },
            everyone(DENIED),
            variant="nothing published",
        )
        for name, route, _ in PUBLIC
    ),
    *(
        Case(
            name,
            route,
            lambda o, kw=kw: {**kw(o), "partnership": o.other_partnership_ready},
            everyone(DENIED),
            variant="test-csp published, other-csp's URL",
        )
        for name, route, kw in PUBLIC
    ),
]
