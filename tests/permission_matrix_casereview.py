"""Permission matrix rows for the ASB Case Review pages (imported by tests/permission_matrix_data.py).

Case reviews are for the partnership's Community Safety Unit coordinators (and, to read, the
partnership coordinator), with a session verified by a second factor. Nobody in the matrix world
holds the CSU coordinator role, so by default every case page is refused (404) to everyone but
the coordinator, whom the two-factor guard sends to set up a second factor (a redirect). The
variants give the coordinator a verified session, with and without the CSU coordinator role.
"""

import datetime
import time
from typing import Any

from django.core import signing
from django.core.cache import cache
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereviews import services
from casereviews.forms import form_token
from casereviews.models import (
    Application,
    DiscretionaryRoute,
    DissatisfactionReview,
    FiguresPublication,
    Procedure,
    QualifyingComplaint,
    Recommendation,
    Review,
    ReviewAttendee,
    ThresholdDecision,
    ThresholdSetting,
)
from casereviews.services import ComplaintInput
from casereviews.views.public import RECEIVED_SALT
from core.actors import system_user
from partnership.models import Grant, Membership, RoleGrant
from tests.permission_matrix_data import (
    ANON,
    COORD,
    DENIED,
    LOGIN,
    OK,
    PP,
    PUB,
    REDIRECT,
    ROLES,
    Case,
    Expected,
    Objects,
    everyone,
    rows,
)

CR = PP + "asb-case-reviews/"
APP = CR + "<int:pk>/"
D = datetime.date


def _expect(coordinator: Any) -> Expected:
    return {**dict.fromkeys(ROLES, DENIED), ANON: LOGIN, COORD: coordinator}


UNVERIFIED = _expect(REDIRECT)  # the coordinator is sent to set up two-factor sign-in
COORD_OK = _expect(OK)
COORD_DENIED = _expect(DENIED)
SETTINGS_PAGES = _expect(OK)  # the procedure and figures: coordinators, no second factor needed


def verified(client: Client, o: Objects) -> None:
    user = o.world.coordinator
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()


def csu_verified(client: Client, o: Objects) -> None:
    membership = Membership.objects.get(user=o.world.coordinator, partnership=o.world.partnership)
    RoleGrant.objects.get_or_create(membership=membership, grant=Grant.CSU_COORDINATOR)
    verified(client, o)


def _fresh_cache(client: Client, o: Objects) -> None:
    cache.clear()


def _application(o: Objects, name: str, *, acknowledged: bool = False, reviewed: bool = False) -> Application:
    def make() -> Application:
        actor = system_user()
        made = services.application_record(
            actor=actor,
            partnership=o.world.partnership,
            route="phone",
            application_date=D(2019, 6, 3),
            applicant_name="Matrix Applicant",
            description="Noise.",
            complaints=[
                ComplaintInput(D(2019, 5, 1), D(2019, 5, 1)),
                ComplaintInput(D(2019, 5, 8), D(2019, 5, 8)),
                ComplaintInput(D(2019, 5, 15), D(2019, 5, 15)),
            ],
        )
        if acknowledged or reviewed:
            services.application_acknowledge(actor=actor, application=made, on=D(2019, 6, 4))
        if reviewed:
            services.threshold_decide(actor=actor, application=made, decided_on=D(2019, 6, 5))
            services.review_save(
                actor=actor, application=made, meeting_date=D(2019, 7, 1), outcome="No actions."
            )
            services.dissatisfaction_add(
                actor=actor, application=made, received_on=D(2019, 8, 1), grounds="Too slow"
            )
        return made

    found: Application = o.__dict__.setdefault(name, None) or make()
    o.__dict__[name] = found
    return found


def new_app(o: Objects) -> Application:
    return _application(o, "cr_new")


def acknowledged_app(o: Objects) -> Application:
    return _application(o, "cr_acknowledged", acknowledged=True)


def reviewed_app(o: Objects) -> Application:
    return _application(o, "cr_reviewed", reviewed=True)


def route(o: Objects) -> DiscretionaryRoute:
    found = o.__dict__.get("cr_route")
    if found is None:
        found = DiscretionaryRoute.objects.create(
            partnership=o.world.partnership, kind="hate_incident", number=1
        )
        o.__dict__["cr_route"] = found
    return found


def kw_app(make: Any) -> Any:
    return lambda o: {**o.p, "pk": make(o).pk}


def kw_request(o: Objects) -> dict[str, Any]:
    app = reviewed_app(o)
    request = DissatisfactionReview.objects.filter(application=app).first()
    assert request is not None
    return {**o.p, "pk": app.pk, "request_id": request.pk}


def kw_received(o: Objects) -> dict[str, Any]:
    return {**o.p, "token": signing.dumps({"p": o.SLUG, "r": "ACR-2019-0001"}, salt=RECEIVED_SALT)}


def kw_published(o: Objects) -> dict[str, Any]:
    FiguresPublication.objects.get_or_create(partnership=o.world.partnership, year="2019-20")
    return o.p


def app_row(make: Any) -> Any:
    return lambda o: rows(Application, make(o).pk)


def children(model: Any, make: Any) -> Any:
    return lambda o: sorted(model.objects.filter(application=make(o)).values_list("pk", flat=True))


def review_children(model: Any) -> Any:
    return lambda o: sorted(
        model.objects.filter(review__application=reviewed_app(o)).values_list("pk", flat=True)
    )


def _public_form(o: Objects) -> dict[str, str]:
    return {
        "applicant_kind": "individual",
        "applicant_name": "Public Applicant",
        "on_behalf": "no",
        "description": "Noise every night.",
        "website": "",
        "form_token": form_token(time.time() - 10),
    }


def _cases(name: str, route_: str, kwargs: Any, expected: Expected, **extra: Any) -> list[Case]:
    """The unverified default and the two verified variants of a case page."""
    csu_expected = COORD_OK
    coordinator_expected = extra.pop("coordinator", COORD_OK)
    method = extra.pop("method", "GET")
    base = {"method": method, **extra}
    changes = base.pop("changes", method == "POST" and "guard" in base)
    return [
        Case(name, route_, kwargs, expected, **base, changes=False),
        Case(
            name,
            route_,
            kwargs,
            csu_expected,
            variant="coordinator holds the CSU coordinator role, verified",
            prepare=csu_verified,
            changes=changes,
            **base,
        ),
        Case(
            name,
            route_,
            kwargs,
            coordinator_expected,
            variant="coordinator verified, without the CSU coordinator role",
            prepare=verified,
            changes=False,
            **base,
        ),
    ]


def _view(name: str, route_: str, kwargs: Any) -> list[Case]:
    return _cases(name, route_, kwargs, UNVERIFIED)


def _manage(name: str, route_: str, kwargs: Any, **extra: Any) -> list[Case]:
    cases = _cases(name, route_, kwargs, UNVERIFIED, coordinator=COORD_DENIED)
    if "guard" in extra or "data" in extra:
        cases += _cases(name, route_, kwargs, UNVERIFIED, coordinator=COORD_DENIED, method="POST", **extra)
    return cases


CASES_CASEREVIEW: list[Case] = [
    # Public: the application form, its acknowledgement, the published figures.
    Case("casereviews_public:apply", PUB + "asb-case-review/apply/", lambda o: o.p, everyone(OK)),
    Case(
        "casereviews_public:apply",
        PUB + "asb-case-review/apply/",
        lambda o: o.p,
        everyone(OK),
        method="POST",
        data_from=_public_form,
        prepare=_fresh_cache,
        guard=lambda o: Application.objects.filter(partnership=o.world.partnership).count(),
        variant="anyone may apply",
    ),
    Case(
        "casereviews_public:received",
        PUB + "asb-case-review/apply/received/<str:token>/",
        kw_received,
        everyone(OK),
    ),
    Case(
        "casereviews_public:figures",
        PUB + "asb-case-reviews/",
        kw_published,
        everyone(OK),
        variant="published",
    ),
    Case(
        "casereviews_public:figures",
        PUB + "asb-case-reviews/",
        lambda o: o.p,
        everyone(DENIED),
        variant="nothing published",
    ),
    # The CSU coordinator's pages (two-factor).
    *_view("casereviews:applications", CR, lambda o: o.p),
    *_view("casereviews:application", APP, kw_app(new_app)),
    *_view("casereviews:letter_pdf", APP + "outcome-letter.pdf", kw_app(reviewed_app)),
    *_view("casereviews:letter_docx", APP + "outcome-letter.docx", kw_app(reviewed_app)),
    *_manage(
        "casereviews:application_create",
        CR + "new/",
        lambda o: o.p,
        data={
            "route": "letter",
            "application_date": "2019-06-03",
            "applicant_kind": "individual",
            "applicant_name": "Letter Writer",
            "on_behalf": "no",
            "description": "Graffiti.",
        },
        guard=lambda o: Application.objects.filter(partnership=o.world.partnership).count(),
    ),
    *_manage(
        "casereviews:acknowledge",
        APP + "acknowledge/",
        kw_app(new_app),
        data={"on": "2019-06-05"},
        guard=app_row(new_app),
    ),
    *_manage(
        "casereviews:contact",
        APP + "contact/",
        kw_app(new_app),
        data={"contact_officer": "A Officer", "involvement": "written"},
        guard=app_row(new_app),
    ),
    *_manage(
        "casereviews:complaint_create",
        APP + "complaints/new/",
        kw_app(new_app),
        data={"behaviour_date": "2019-05-20", "complaint_date": "2019-05-21"},
        guard=children(QualifyingComplaint, new_app),
    ),
    *_manage(
        "casereviews:decision",
        APP + "decision/",
        kw_app(acknowledged_app),
        data={"decided_on": "2019-06-06", "outcome": "rules"},
        guard=children(ThresholdDecision, acknowledged_app),
    ),
    *_manage(
        "casereviews:review",
        APP + "review/",
        kw_app(reviewed_app),
        data={"meeting_date": "2019-07-02", "outcome": "Changed."},
        guard=lambda o: list(
            Review.objects.filter(application=reviewed_app(o)).values("meeting_date", "outcome")
        ),
    ),
    *_manage(
        "casereviews:attendee_create",
        APP + "review/attendees/new/",
        kw_app(reviewed_app),
        data_from=lambda o: {"organisation": str(o.world.organisation.pk), "name": "B Officer"},
        guard=review_children(ReviewAttendee),
    ),
    *_manage(
        "casereviews:recommendation_create",
        APP + "review/recommendations/new/",
        kw_app(reviewed_app),
        data_from=lambda o: {
            "text": "Joint visit",
            "owner": str(o.world.organisation.pk),
            "made_on": "2019-07-01",
            "due_date": "2019-08-01",
        },
        guard=review_children(Recommendation),
    ),
    *_manage(
        "casereviews:dissatisfaction_create",
        APP + "requests/new/",
        kw_app(reviewed_app),
        data={"received_on": "2019-08-02", "grounds": "Not heard"},
        guard=children(DissatisfactionReview, reviewed_app),
    ),
    *_manage(
        "casereviews:dissatisfaction_decide",
        APP + "requests/<int:request_id>/",
        kw_request,
        data={"decision": "Upheld", "decided_on": "2019-08-10"},
        guard=lambda o: rows(DissatisfactionReview, kw_request(o)["request_id"]),
    ),
    # The local procedure and the figures: coordinators (and CSU coordinators), no second factor.
    Case("casereviews:procedure", CR + "procedure/", lambda o: o.p, SETTINGS_PAGES),
    Case(
        "casereviews:procedure",
        CR + "procedure/",
        lambda o: o.p,
        SETTINGS_PAGES,
        method="POST",
        data={
            "individuals_may_apply": "on",
            "acknowledgement_days": "8",
            "decision_days": "15",
            "meeting_days": "20",
            "letter_days": "5",
        },
        guard=lambda o: list(Procedure.objects.filter(partnership=o.world.partnership).values()),
        changes=True,
    ),
    Case("casereviews:threshold_create", CR + "procedure/threshold/new/", lambda o: o.p, SETTINGS_PAGES),
    Case(
        "casereviews:threshold_create",
        CR + "procedure/threshold/new/",
        lambda o: o.p,
        SETTINGS_PAGES,
        method="POST",
        data={"effective_from": "2019-04-01", "count": "2"},
        guard=lambda o: list(ThresholdSetting.objects.filter(partnership=o.world.partnership).values()),
        changes=True,
    ),
    Case("casereviews:route_create", CR + "procedure/routes/new/", lambda o: o.p, SETTINGS_PAGES),
    Case(
        "casereviews:route_create",
        CR + "procedure/routes/new/",
        lambda o: o.p,
        SETTINGS_PAGES,
        method="POST",
        data={"kind": "complainants", "number": "2"},
        guard=lambda o: DiscretionaryRoute.objects.filter(partnership=o.world.partnership).count(),
        changes=True,
    ),
    Case(
        "casereviews:route_toggle",
        CR + "procedure/routes/<int:route_id>/switch/",
        lambda o: {**o.p, "route_id": route(o).pk},
        SETTINGS_PAGES,
        method="POST",
        guard=lambda o: rows(DiscretionaryRoute, route(o).pk),
        changes=True,
    ),
    Case("casereviews:figures", CR + "figures/", lambda o: o.p, SETTINGS_PAGES),
    Case(
        "casereviews:figures_publish",
        CR + "figures/<str:year>/publish/",
        lambda o: {**o.p, "year": "2019-20"},
        SETTINGS_PAGES,
        method="POST",
        guard=lambda o: FiguresPublication.objects.filter(partnership=o.world.partnership).count(),
        changes=True,
    ),
]
