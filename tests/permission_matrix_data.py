"""The permission matrix: for every URL pattern, how to build it from the `world`, which method to
send and what each role must get. Used by `tests/test_permission_matrix.py`.

Rules (issue 2, ADR 0003): members of any role read the partnership's records; lead officers update
the actions their organisation owns while a period is open; coordinators manage everything; site
administrators without a membership are treated like strangers inside a partnership (404) and alone
manage /crime-data/; a user of another partnership gets 404 everywhere in test-csp; published plans
under /p/ are public (404 when nothing is published); sign-in, password reset and invitation
acceptance need no sign-in. "Not found" is how the project answers "forbidden".
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from django.test import Client

from assessment.models import CandidateIssue, CommunityView, ScoringCriterion
from partnership.models import GlossaryTerm, Invitation, Membership
from planning.models import (
    Action,
    Approach,
    Contribution,
    Measure,
    MeasureValue,
    Place,
    PlanYear,
    Priority,
    Strategy,
    Theme,
    Update,
)
from planning.models import Outcome as PlanOutcome
from publishing.models import (
    FeedbackQuote,
    PlanPublication,
    PlanWithdrawal,
    ProjectPhoto,
    ProjectReview,
    StrategyPublication,
    StrategyWithdrawal,
)
from tests.permission_matrix_records import (
    Objects,
    coordinator_is_dpo,
    grants_of,
    pending_import,
    plan_actions,
    rows,
)


class Who(StrEnum):
    """The seven people who knock on every door (coordinator last: its POSTs change things)."""

    ANONYMOUS = "anonymous"
    OUTSIDER = "outsider"  # coordinator of another partnership
    SITE_ADMIN = "site_admin"  # superuser without a membership
    MEMBER = "member"
    OTHER_LEAD = "other_lead_officer"  # lead officer of an organisation that does not own world.action
    LEAD = "lead_officer"  # lead officer of the organisation that owns world.action
    COORDINATOR = "coordinator"


ROLES: tuple[Who, ...] = tuple(Who)
ANON, OUTSIDER, ADMIN, MEMBER, OTHER_LEAD, LEAD, COORD = ROLES


class Outcome(StrEnum):
    OK = "ok"  # 2xx; for a POST also a redirect that is not to the sign-in page
    REDIRECT = "redirect"  # 3xx somewhere other than the sign-in page
    LOGIN = "login"  # 302 to the sign-in page
    DENIED = "denied"  # 404
    FORBIDDEN = "forbidden"  # 403 with its reason (an invitation sent to another e-mail address)


OK, REDIRECT, LOGIN, DENIED = Outcome.OK, Outcome.REDIRECT, Outcome.LOGIN, Outcome.DENIED
FORBIDDEN = Outcome.FORBIDDEN
Expected = dict[Who, Outcome]


def everyone(outcome: Outcome) -> Expected:
    return dict.fromkeys(ROLES, outcome)


def signed_in(outcome: Outcome, **overrides: Outcome) -> Expected:
    """Anonymous people are sent to sign in; everyone signed in gets `outcome` unless overridden."""
    expected = {**everyone(outcome), ANON: LOGIN}
    expected.update({Who(role): value for role, value in overrides.items()})
    return expected


def allowed(*roles: Who) -> Expected:
    """Sign-in needed; only `roles` get the page, every other signed-in person gets 404."""
    return {**signed_in(DENIED), **dict.fromkeys(roles, OK)}


MEMBERS = allowed(MEMBER, OTHER_LEAD, LEAD, COORD)  # reads: any role in the partnership
COORDINATOR = allowed(COORD)  # management pages
REPORTERS = allowed(LEAD, COORD)  # the update form of an action the lead officer's organisation owns
LEADS = allowed(OTHER_LEAD, LEAD, COORD)  # scoring and partner indicators: any lead officer
SITE_ADMIN = allowed(ADMIN)  # installation-wide crime and reference data
NOBODY = allowed()  # no signed-in person may (anonymous people are sent to sign in)


Kwargs = Callable[[Objects], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    """One request to one URL pattern, and what each role must get.

    `guard` reads what a POST could change: it must read the same after every request by a role
    that is not allowed (`changes` also demands that the allowed requests changed it, which shows
    the guard can see a change). `prepare` sets up each role's client before its request.
    """

    name: str
    route: str
    kwargs: Kwargs
    expected: Expected
    method: str = "GET"
    variant: str = ""
    data: dict[str, str] = field(default_factory=dict)
    data_from: Callable[[Objects], dict[str, str]] | None = None  # POST data that needs the records
    prepare: Callable[[Client, Objects], None] | None = None
    guard: Callable[[Objects], Any] | None = None
    changes: bool = False
    renew: str = ""  # an `Objects` attribute to create afresh for each role

    @property
    def id(self) -> str:
        return f"{self.method} {self.name} /{self.route}" + (f" ({self.variant})" if self.variant else "")


PP = "partnerships/<slug:partnership>/"
PY = PP + "years/<str:year>/"
DOCS = PP + "plan-documents/<str:year>/"
REVIEW = DOCS + "projects/<int:review>/"
ASSESS = PP + "assessment/"
AS = ASSESS + "<str:slug>/"
PUB = "p/<slug:partnership>/"
PUB_Y = PUB + "plan/<str:year>/"
PUB_V = PUB_Y + "versions/<int:number>/"
STRAT = PP + "strategies/<str:span>/"
SDOCS = PP + "strategy-documents/<str:span>/"
PUB_S = PUB + "strategy/<str:span>/"
PUB_SV = PUB_S + "versions/<int:number>/"


# How each URL's arguments are built from the world (by key, to keep the table short).
KW: dict[str, Kwargs] = {
    "none": lambda o: {},
    "p": lambda o: o.p,
    "y": lambda o: o.y,
    "action": lambda o: o.action(o.world.action.pk),
    "other_action": lambda o: o.action(o.other_action.pk),
    "joint_action": lambda o: o.action(o.joint_action.pk),
    "closed_action": lambda o: {**o.y, "year": "2019-20", "pk": o.closed_year_action.pk},
    "closed_action_this_year": lambda o: o.action(o.closed_year_action.pk),
    "unopened_action": lambda o: {**o.y, "year": "2021-22", "pk": o.unopened_year_action.pk},
    "priority": lambda o: o.action(o.world.priority.pk),
    "theme": lambda o: {**o.p, "pk": o.theme.pk},
    "place": lambda o: {**o.p, "pk": o.place.pk},
    "approach": lambda o: {**o.action(o.world.priority.pk), "approach_id": o.approach.pk},
    "outcome": lambda o: {**o.action(o.world.priority.pk), "outcome_id": o.outcome.pk},
    "empty_priority": lambda o: o.action(o.empty_priority.pk),
    "organisation": lambda o: {**o.p, "pk": o.world.organisation.pk},
    "term": lambda o: {**o.p, "pk": o.glossary_term.pk},
    "membership": lambda o: {**o.p, "pk": o.membership.pk},
    "invitation": lambda o: {**o.p, "pk": o.invitation[0].pk},
    "dpo_membership": lambda o: {**o.p, "pk": o.dpo_membership.pk},
    "token": lambda o: {"token": o.invitation[1]},
    "reset": lambda o: o.reset_link,
    "period": lambda o: {**o.y, "code": "Q1"},
    "status": lambda o: {**o.p, "pk": o.status_pk},
    "measure": lambda o: {**o.p, "pk": o.measure.pk},
    "measure_value": lambda o: {**o.p, "pk": o.measure.pk, "value_pk": o.measure_value.pk},
    "review": lambda o: o.review_kwargs(),
    "quote": lambda o: o.review_kwargs(quote=o.quote.pk),
    "photo": lambda o: o.review_kwargs(photo=o.photo.pk),
    "assessment": lambda o: o.assessment_kwargs(),
    "issue": lambda o: o.assessment_kwargs(issue_id=o.issue_pk),
    "criterion": lambda o: o.assessment_kwargs(criterion_id=o.criterion_pk),
    "view": lambda o: o.assessment_kwargs(view_id=o.community_view_pk),
    "indicator": lambda o: {**o.p, "measure_id": o.indicator_pk},
    "run": lambda o: {"run_id": o.import_run.pk},
    "kind": lambda o: {"kind": "population"},
    "version": lambda o: {**o.y, "number": 1},
    "published_version": lambda o: {**o.y, "number": o.publication.number},
    "strategy": lambda o: o.strategy_kwargs(),
    "empty_strategy": lambda o: o.strategy_kwargs(o.empty_strategy),
    "strategy_version": lambda o: o.strategy_kwargs(number=1),
    "published_strategy_version": lambda o: o.strategy_kwargs(number=o.strategy_publication.number),
}


def get(name: str, route: str, kw: str, expected: Expected, variant: str = "") -> Case:
    return Case(name, route, KW[kw], expected, variant=variant)


def post(
    name: str,
    route: str,
    kw: str,
    expected: Expected,
    guard: Callable[[Objects], Any] | None = None,
    *,
    changes: bool = True,
    **extra: Any,
) -> Case:
    """A POST; with a guard, by default the allowed roles must change what it reads."""
    return Case(
        name, route, KW[kw], expected, "POST", guard=guard, changes=changes and guard is not None, **extra
    )


def get_and_post(
    name: str, route: str, kw: str, expected: Expected, guard: Callable[[Objects], Any], **extra: Any
) -> list[Case]:
    """A page that asks first (GET) and deletes or changes on POST."""
    return [get(name, route, kw, expected), post(name, route, kw, expected, guard, **extra)]


def row_of(model: Any, attribute: str) -> Callable[[Objects], Any]:
    """Guard: the stored values of the record `Objects.<attribute>` (its pk, or the record)."""

    def read(o: Objects) -> Any:
        value = getattr(o, attribute)
        return rows(model, value if isinstance(value, int) else value.pk)

    return read


def published(kw: str) -> Kwargs:
    return lambda o: (o.publication, KW[kw](o))[1]


def other_csp(kw: str) -> Kwargs:
    return lambda o: {**published(kw)(o), "partnership": o.other_partnership_ready}


def cross_partnership(case: Case) -> Case:
    """The same request through other-csp's URL (which the outsider coordinates) with test-csp's
    record id: every selector must scope the id to the partnership in the URL."""
    return replace(
        case,
        kwargs=lambda o: {**case.kwargs(o), "partnership": o.other_partnership_ready},
        expected=NOBODY,
        variant="test-csp record id in other-csp's URL",
        changes=False,
    )


ACTION = PY + "actions/<int:pk>/"
MEASURE = PP + "key-figures/<int:pk>/"
PRIORITY = PY + "priorities/<int:pk>/"
MEMBERS_PAGE = PP + "people/<int:pk>/"
SCORING = AS + "scoring/"
INDICATOR = ASSESS + "indicators/<int:measure_id>/"
UPDATE_BODY = {"narrative": "Written by the permission matrix", "version": "0"}

BASE: list[Case] = [
    # core: one partnership takes you to its dashboard; the site admin (none) gets the choice page
    get("core:home", "", "none", signed_in(REDIRECT, site_admin=OK)),
    get("core:healthz", "healthz", "none", everyone(OK)),
    # accounts (signed-in people are sent on from sign-in; logging out ends at the sign-in page)
    get("accounts:login", "accounts/sign-in/", "none", {**everyone(REDIRECT), ANON: OK}),
    get("accounts:two_factor_verify", "accounts/sign-in/code/", "none", signed_in(OK)),
    post("accounts:logout", "accounts/sign-out/", "none", everyone(LOGIN)),
    get("accounts:account", "accounts/", "none", signed_in(OK)),
    get("accounts:two_factor_setup", "accounts/two-factor/set-up/", "none", signed_in(OK)),
    # nobody here has an authenticator app: sent to set one up, or back to the account page
    get("accounts:backup_codes", "accounts/two-factor/backup-codes/", "none", signed_in(REDIRECT)),
    get("accounts:two_factor_disable", "accounts/two-factor/turn-off/", "none", signed_in(REDIRECT)),
    get("accounts:password_change", "accounts/password/change/", "none", signed_in(OK)),
    get("accounts:password_change_done", "accounts/password/change/done/", "none", signed_in(OK)),
    get("accounts:password_reset", "accounts/password/reset/", "none", everyone(OK)),
    get("accounts:password_reset_done", "accounts/password/reset/sent/", "none", everyone(OK)),
    # a valid link: Django keeps the token in the session and redirects to the new-password form
    get(
        "accounts:password_reset_confirm",
        "accounts/password/reset/<uidb64>/<token>/",
        "reset",
        everyone(REDIRECT),
    ),
    get("accounts:password_reset_complete", "accounts/password/reset/done/", "none", everyone(OK)),
    # an invitation is accepted only by the address it was sent to (nobody in the world has it)
    get(
        "accounts:accept_invitation",
        "accounts/invitations/<str:token>/",
        "token",
        {**everyone(FORBIDDEN), ANON: OK},
    ),
    # partnership
    get("partnership:members", PP + "members/", "p", MEMBERS),
    get("partnership:organisation_add", PP + "organisations/new/", "p", COORDINATOR),
    get("partnership:organisation", PP + "organisations/<int:pk>/", "organisation", MEMBERS),
    get("partnership:organisation_edit", PP + "organisations/<int:pk>/edit/", "organisation", COORDINATOR),
    get("partnership:glossary", PP + "glossary/", "p", MEMBERS),
    get("partnership:glossary_add", PP + "glossary/new/", "p", COORDINATOR),
    get("partnership:glossary_edit", PP + "glossary/<int:pk>/edit/", "term", COORDINATOR),
    *get_and_post(
        "partnership:glossary_delete",
        PP + "glossary/<int:pk>/delete/",
        "term",
        COORDINATOR,
        row_of(GlossaryTerm, "glossary_term"),
    ),
    get("partnership:settings", PP + "settings/", "p", COORDINATOR),
    get("partnership:people", PP + "people/", "p", COORDINATOR),
    get("partnership:invite", PP + "people/invite/", "p", COORDINATOR),
    get("partnership:membership_edit", MEMBERS_PAGE, "membership", COORDINATOR),
    *get_and_post(
        "partnership:membership_deactivate",
        MEMBERS_PAGE + "remove/",
        "membership",
        COORDINATOR,
        row_of(Membership, "membership"),
    ),
    post(
        "partnership:role_grant_add",
        MEMBERS_PAGE + "roles/add/",
        "membership",
        COORDINATOR,
        lambda o: grants_of(o.membership),
        data={"grant": "data_protection_lead"},
    ),
    post(
        "partnership:role_grant_remove",
        MEMBERS_PAGE + "roles/remove/",
        "dpo_membership",
        COORDINATOR,
        lambda o: grants_of(o.dpo_membership),
        data={"grant": "data_protection_lead"},
    ),
    # the audit log: only the partnership's data protection lead (nobody in the world holds the role)
    get("partnership:audit", PP + "audit/", "p", NOBODY),
    get("partnership:audit_export", PP + "audit/export/", "p", NOBODY),
    Case(
        "partnership:audit",
        PP + "audit/",
        KW["p"],
        COORDINATOR,
        variant="coordinator holds the data protection lead role",
        prepare=coordinator_is_dpo,
    ),
    Case(
        "partnership:audit_export",
        PP + "audit/export/",
        KW["p"],
        COORDINATOR,
        variant="coordinator holds the data protection lead role",
        prepare=coordinator_is_dpo,
    ),
    post(
        "partnership:invitation_cancel",
        PP + "people/invitations/<int:pk>/cancel/",
        "invitation",
        COORDINATOR,
        lambda o: rows(Invitation, o.invitation[0].pk),
    ),
    # planning: dashboard and action plans
    get("planning:dashboard", PP, "p", MEMBERS),
    get("planning:dashboard_year", PY, "y", MEMBERS),
    # setting up a partnership (test-csp has plan years: the page lists the next steps)
    get("planning:set_up", PP + "set-up/", "p", COORDINATOR),
    post(
        "planning:set_up",
        PP + "set-up/",
        "p",
        COORDINATOR,
        lambda o: sorted(
            PlanYear.objects.filter(partnership=o.world.partnership).values_list("slug", flat=True)
        ),
        changes=False,
        data={"start_year": "2030"},
    ),
    get("planning:action_list", PP + "actions/", "p", MEMBERS),
    get("planning:action_list", PY + "actions/", "y", MEMBERS),
    get("planning:action_create", PY + "actions/new/", "y", COORDINATOR),
    get("planning:action", ACTION, "action", MEMBERS),
    get("planning:action", ACTION, "closed_action", MEMBERS, "closed plan year"),
    # lead officers report on their organisation's actions while a period is open; coordinators on any
    get("planning:action_update", ACTION + "update/", "action", REPORTERS),
    get(
        "planning:action_update",
        ACTION + "update/",
        "other_action",
        allowed(OTHER_LEAD, COORD),
        "other org's action",
    ),
    get("planning:action_update", ACTION + "update/", "closed_action", NOBODY, "closed plan year"),
    get("planning:action_update", ACTION + "update/", "unopened_action", NOBODY, "no period open"),
    get(
        "planning:action_update",
        ACTION + "update/",
        "closed_action_this_year",
        NOBODY,
        "last year's action id",
    ),
    post(
        "planning:action_update",
        ACTION + "update/",
        "action",
        REPORTERS,
        lambda o: list(Update.objects.filter(action=o.world.action).values()),
        data=UPDATE_BODY,
    ),
    # joint actions: the lead organisation writes the update, the other owners a contribution
    get(
        "planning:action_update",
        ACTION + "update/",
        "joint_action",
        allowed(OTHER_LEAD, COORD),
        "joint action, lead organisation",
    ),
    get("planning:action_contribution", ACTION + "contribution/", "joint_action", allowed(LEAD)),
    get("planning:action_contribution", ACTION + "contribution/", "action", NOBODY, "one owner"),
    post(
        "planning:action_contribution",
        ACTION + "contribution/",
        "joint_action",
        allowed(LEAD),
        lambda o: list(
            Contribution.objects.filter(action=o.joint_action).values("organisation_id", "narrative")
        ),
        data={"narrative": "Our patrols ran weekly", "version": "0", "period": "Q1"},
    ),
    # a lead officer's own actions, and all their updates for a period in one POST
    get("planning:my_actions", PP + "my-actions/", "p", MEMBERS),
    get("planning:my_actions", PY + "my-actions/", "y", MEMBERS),
    get("planning:my_period_updates", PY + "my-actions/<str:code>/", "period", allowed(OTHER_LEAD, LEAD)),
    post(
        "planning:my_period_updates",
        PY + "my-actions/<str:code>/",
        "period",
        allowed(OTHER_LEAD, LEAD),
        lambda o: list(Update.objects.filter(action=o.world.action).values("narrative")),
        data_from=lambda o: {
            f"a{o.world.action.pk}-narrative": "All done",
            f"a{o.world.action.pk}-version": "0",
        },
    ),
    get("planning:action_edit", ACTION + "edit/", "action", COORDINATOR),
    *get_and_post(
        "planning:action_delete", ACTION + "delete/", "action", COORDINATOR, row_of(Action, "world_action")
    ),
    post("planning:action_move", ACTION + "move/", "action", COORDINATOR, data={"direction": "up"}),
    get("planning:priority_create", PY + "priorities/new/", "y", COORDINATOR),
    # a priority's page, its approaches and outcomes; the partnership's themes and places
    get("planning:priority", PRIORITY, "priority", MEMBERS),
    get("planning:approach_create", PRIORITY + "approaches/new/", "priority", COORDINATOR),
    post(
        "planning:approach_create",
        PRIORITY + "approaches/new/",
        "priority",
        COORDINATOR,
        lambda o: sorted(Approach.objects.filter(priority=o.world.priority).values_list("title", flat=True)),
        data={"title": "Managing perpetrators"},
    ),
    *get_and_post(
        "planning:approach_edit",
        PRIORITY + "approaches/<int:approach_id>/edit/",
        "approach",
        COORDINATOR,
        row_of(Approach, "approach"),
        data={"title": "Early help"},
    ),
    *get_and_post(
        "planning:approach_delete",
        PRIORITY + "approaches/<int:approach_id>/delete/",
        "approach",
        COORDINATOR,
        row_of(Approach, "approach"),
        renew="approach",
    ),
    *get_and_post(
        "planning:outcome_create",
        PRIORITY + "outcomes/new/",
        "priority",
        COORDINATOR,
        lambda o: sorted(
            PlanOutcome.objects.filter(priority=o.world.priority).values_list("text", flat=True)
        ),
        data={"text": "Fewer victims"},
    ),
    *get_and_post(
        "planning:outcome_edit",
        PRIORITY + "outcomes/<int:outcome_id>/edit/",
        "outcome",
        COORDINATOR,
        row_of(PlanOutcome, "outcome"),
        data={"text": "Fewer repeat victims of domestic abuse"},
    ),
    *get_and_post(
        "planning:outcome_delete",
        PRIORITY + "outcomes/<int:outcome_id>/delete/",
        "outcome",
        COORDINATOR,
        row_of(PlanOutcome, "outcome"),
        renew="outcome",
    ),
    get("planning:themes", PP + "themes/", "p", MEMBERS),
    *get_and_post(
        "planning:theme_create",
        PP + "themes/new/",
        "p",
        COORDINATOR,
        lambda o: sorted(
            Theme.objects.filter(partnership=o.world.partnership).values_list("name", flat=True)
        ),
        data={"name": "Reduce reoffending"},
    ),
    *get_and_post(
        "planning:theme_edit",
        PP + "themes/<int:pk>/edit/",
        "theme",
        COORDINATOR,
        row_of(Theme, "theme"),
        data={"name": "VAWG"},
    ),
    *get_and_post(
        "planning:theme_delete",
        PP + "themes/<int:pk>/delete/",
        "theme",
        COORDINATOR,
        row_of(Theme, "theme"),
        renew="theme",
    ),
    *get_and_post(
        "planning:place_create",
        PP + "places/new/",
        "p",
        COORDINATOR,
        lambda o: sorted(
            Place.objects.filter(partnership=o.world.partnership).values_list("name", flat=True)
        ),
        data={"name": "Snodland", "lsoa_codes": "E01024386"},
    ),
    *get_and_post(
        "planning:place_edit",
        PP + "places/<int:pk>/edit/",
        "place",
        COORDINATOR,
        row_of(Place, "place"),
        data={"name": "Tonbridge town centre"},
    ),
    *get_and_post(
        "planning:place_delete",
        PP + "places/<int:pk>/delete/",
        "place",
        COORDINATOR,
        row_of(Place, "place"),
        renew="place",
    ),
    get("planning:priority_edit", PRIORITY + "edit/", "priority", COORDINATOR),
    *get_and_post(
        "planning:priority_delete",
        PRIORITY + "delete/",
        "empty_priority",
        COORDINATOR,
        row_of(Priority, "empty_priority"),
    ),
    post("planning:priority_move", PRIORITY + "move/", "priority", COORDINATOR, data={"direction": "up"}),
    # planning: year-end review, roll forward, plan year settings, statuses, key figures
    get("planning:review", PP + "review/", "p", MEMBERS),
    get("planning:review", PY + "review/", "y", MEMBERS),
    get("planning:roll_forward", PP + "roll-forward/", "p", COORDINATOR),
    get("planning:roll_forward", PY + "roll-forward/", "y", COORDINATOR),
    get("planning:year_settings", PP + "plan-years/", "p", COORDINATOR),
    get("planning:year_settings", PY + "settings/", "y", COORDINATOR),
    get("planning:period_edit", PY + "periods/<str:code>/", "period", COORDINATOR),
    get("planning:statuses", PP + "statuses/", "p", COORDINATOR),
    get("planning:status_create", PP + "statuses/new/", "p", COORDINATOR),
    get("planning:status_edit", PP + "statuses/<int:pk>/edit/", "status", COORDINATOR),
    post(
        "planning:status_move",
        PP + "statuses/<int:pk>/move/",
        "status",
        COORDINATOR,
        data={"direction": "down"},
    ),
    get("planning:key_figures", PP + "key-figures/", "p", MEMBERS),
    get("planning:measure_create", PP + "key-figures/new/", "p", COORDINATOR),
    get("planning:measure_edit", PP + "key-figures/<int:pk>/edit/", "measure", COORDINATOR),
    *get_and_post(
        "planning:measure_delete",
        PP + "key-figures/<int:pk>/delete/",
        "measure",
        COORDINATOR,
        row_of(Measure, "measure"),
    ),
    # a measure's page: members read; its values: coordinators and the lead officer of a linked action
    get("planning:measure", PP + "key-figures/<int:pk>/", "measure", MEMBERS),
    get("planning:measure_value_create", MEASURE + "values/new/", "measure", allowed(LEAD, COORD)),
    post(
        "planning:measure_value_create",
        MEASURE + "values/new/",
        "measure",
        allowed(LEAD, COORD),
        lambda o: list(MeasureValue.objects.filter(measure=o.measure).values()),
        data={"period_label": "Q2 2020/21", "value": "4"},
    ),
    get(
        "planning:measure_value_edit",
        MEASURE + "values/<int:value_pk>/edit/",
        "measure_value",
        allowed(LEAD, COORD),
    ),
    post(
        "planning:measure_value_edit",
        MEASURE + "values/<int:value_pk>/edit/",
        "measure_value",
        allowed(LEAD, COORD),
        row_of(MeasureValue, "measure_value"),
        data={"period_label": "Q1 2020/21", "value": "9"},
    ),
    *get_and_post(
        "planning:measure_value_delete",
        MEASURE + "values/<int:value_pk>/delete/",
        "measure_value",
        allowed(LEAD, COORD),
        row_of(MeasureValue, "measure_value"),
        renew="measure_value",
    ),
    # planning: import and export (every role's session holds a checked file when confirming)
    get("planning_io:index_current", PP + "actions/files/", "p", MEMBERS),
    get("planning_io:index", PY + "actions/files/", "y", MEMBERS),
    get("planning_io:export_csv", PY + "actions/export.csv", "y", MEMBERS),
    get("planning_io:export_xlsx", PY + "actions/export.xlsx", "y", MEMBERS),
    get("planning_io:import", PY + "actions/import/", "y", COORDINATOR),
    post(
        "planning_io:import_confirm",
        PY + "actions/import/confirm/",
        "y",
        COORDINATOR,
        plan_actions,
        prepare=pending_import,
    ),
    # publishing: signed-in plan documents
    get("publishing:documents", PP + "plan-documents/", "p", MEMBERS),
    get("publishing:year", DOCS, "y", MEMBERS),
    get("publishing:preview", DOCS + "preview/", "y", MEMBERS),
    get("publishing:draft_pdf", DOCS + "draft.pdf", "y", MEMBERS),
    get("publishing:draft_docx", DOCS + "draft.docx", "y", MEMBERS),
    # the checklist, then publishing once confirmed
    get("publishing:publish", DOCS + "publish/", "y", COORDINATOR),
    post(
        "publishing:publish",
        DOCS + "publish/",
        "y",
        COORDINATOR,
        lambda o: PlanPublication.objects.count(),
        data={"confirm": "on"},
    ),
    *get_and_post(
        "publishing:withdraw",
        DOCS + "versions/<int:number>/withdraw/",
        "published_version",
        COORDINATOR,
        lambda o: list(PlanWithdrawal.objects.values()),
        data={"reason": "Withdrawn by the permission matrix"},
    ),
    get("publishing:narrative", DOCS + "narrative/", "y", COORDINATOR),
    get("publishing:progress_pdf", DOCS + "progress.pdf", "y", MEMBERS),
    get("publishing:progress_docx", DOCS + "progress.docx", "y", MEMBERS),
    get("publishing:progress_xlsx", DOCS + "progress.xlsx", "y", MEMBERS),
    get("publishing:project_add", DOCS + "projects/add/", "y", COORDINATOR),
    get("publishing:project", REVIEW, "review", COORDINATOR),
    post(
        "publishing:project_delete",
        REVIEW + "delete/",
        "review",
        COORDINATOR,
        row_of(ProjectReview, "review"),
    ),
    post(
        "publishing:quote_add",
        REVIEW + "quotes/",
        "review",
        COORDINATOR,
        lambda o: list(FeedbackQuote.objects.values()),
        data={"text": "Added by the permission matrix"},
    ),
    post(
        "publishing:quote_delete",
        REVIEW + "quotes/<int:quote>/delete/",
        "quote",
        COORDINATOR,
        row_of(FeedbackQuote, "quote"),
    ),
    # an empty photo form: the coordinator sees the errors, nobody else sees the page
    post(
        "publishing:photo_add",
        REVIEW + "photos/",
        "review",
        COORDINATOR,
        lambda o: list(ProjectPhoto.objects.values()),
        changes=False,
    ),
    post(
        "publishing:photo_delete",
        REVIEW + "photos/<int:photo>/delete/",
        "photo",
        COORDINATOR,
        row_of(ProjectPhoto, "photo"),
    ),
    # the uploaded file itself: members only, through the photo's door (never a /media/ path)
    get("publishing:photo_file", REVIEW + "photos/<int:photo>/file", "photo", MEMBERS),
    # strategies over several plan years: members read them, coordinators change them
    get("planning:strategies", PP + "strategies/", "p", MEMBERS),
    get("planning:strategy_create", PP + "strategies/new/", "p", COORDINATOR),
    post(
        "planning:strategy_create",
        PP + "strategies/new/",
        "p",
        COORDINATOR,
        lambda o: list(Strategy.objects.values_list("start_year", flat=True)),
        data={"title": "Added by the permission matrix", "start_year": "2040", "end_year": "2042"},
    ),
    get("planning:strategy", STRAT, "strategy", MEMBERS),
    get("planning:strategy_edit", STRAT + "edit/", "strategy", COORDINATOR),
    post(
        "planning:strategy_edit",
        STRAT + "edit/",
        "strategy",
        COORDINATOR,
        row_of(Strategy, "strategy"),
        data={"title": "Edited by the permission matrix", "start_year": "2020", "end_year": "2022"},
    ),
    *get_and_post(
        "planning:strategy_delete",
        STRAT + "delete/",
        "empty_strategy",
        COORDINATOR,
        row_of(Strategy, "empty_strategy"),
    ),
    # publishing: strategy documents
    get("publishing:strategy_document", SDOCS, "strategy", MEMBERS),
    get("publishing:strategy_preview", SDOCS + "preview/", "strategy", MEMBERS),
    get("publishing:strategy_draft_pdf", SDOCS + "draft.pdf", "strategy", MEMBERS),
    get("publishing:strategy_draft_docx", SDOCS + "draft.docx", "strategy", MEMBERS),
    get("publishing:strategy_publish", SDOCS + "publish/", "strategy", COORDINATOR),
    post(
        "publishing:strategy_publish",
        SDOCS + "publish/",
        "strategy",
        COORDINATOR,
        lambda o: StrategyPublication.objects.count(),
        data={"confirm": "on"},
    ),
    *get_and_post(
        "publishing:strategy_withdraw",
        SDOCS + "versions/<int:number>/withdraw/",
        "published_strategy_version",
        COORDINATOR,
        lambda o: list(StrategyWithdrawal.objects.values()),
        data={"reason": "Withdrawn by the permission matrix"},
    ),
    # assessment
    get("assessment:index", ASSESS, "p", MEMBERS),
    get("assessment:analysis", ASSESS + "analysis/", "p", MEMBERS),
    get("assessment:indicators", ASSESS + "indicators/", "p", MEMBERS),
    get("assessment:indicator_add", ASSESS + "indicators/add/", "p", LEADS),
    # a figure of the lead officer's organisation: that lead officer and coordinators change it
    get("assessment:indicator_edit", INDICATOR, "indicator", REPORTERS),
    *get_and_post(
        "assessment:indicator_delete",
        INDICATOR + "delete/",
        "indicator",
        REPORTERS,
        lambda o: rows(Measure, o.indicator_pk),
        renew="indicator_pk",
    ),
    get("assessment:create", ASSESS + "new/", "p", COORDINATOR),
    get("assessment:detail", AS, "assessment", MEMBERS),
    get("assessment:edit", AS + "edit/", "assessment", COORDINATOR),
    get("assessment:pdf", AS + "document.pdf", "assessment", MEMBERS),
    get("assessment:docx", AS + "document.docx", "assessment", MEMBERS),
    get("assessment:community_add", AS + "community/add/", "assessment", COORDINATOR),
    get("assessment:community_edit", AS + "community/<int:view_id>/", "view", COORDINATOR),
    *get_and_post(
        "assessment:community_delete",
        AS + "community/<int:view_id>/delete/",
        "view",
        COORDINATOR,
        lambda o: rows(CommunityView, o.community_view_pk),
    ),
    get("assessment:scoring", SCORING, "assessment", MEMBERS),
    Case(
        "assessment:scoring",
        SCORING,
        KW["assessment"],
        COORDINATOR,
        "POST",
        "choose priorities",
        {"issues": "0"},
    ),
    get("assessment:issue_add", SCORING + "issues/add/", "assessment", COORDINATOR),
    get("assessment:issue_edit", SCORING + "issues/<int:issue_id>/", "issue", COORDINATOR),
    *get_and_post(
        "assessment:issue_delete",
        SCORING + "issues/<int:issue_id>/delete/",
        "issue",
        COORDINATOR,
        lambda o: rows(CandidateIssue, o.issue_pk),
    ),
    get("assessment:score", SCORING + "issues/<int:issue_id>/score/", "issue", LEADS),
    get("assessment:criterion_add", SCORING + "criteria/add/", "assessment", COORDINATOR),
    get("assessment:criterion_edit", SCORING + "criteria/<int:criterion_id>/", "criterion", COORDINATOR),
    *get_and_post(
        "assessment:criterion_delete",
        SCORING + "criteria/<int:criterion_id>/delete/",
        "criterion",
        COORDINATOR,
        lambda o: rows(ScoringCriterion, o.criterion_pk),
    ),
    # crime data: site administrators only
    get("crimedata:index", "crime-data/", "none", SITE_ADMIN),
    get("crimedata:upload", "crime-data/upload/", "none", SITE_ADMIN),
    get("crimedata:run", "crime-data/runs/<int:run_id>/", "run", SITE_ADMIN),
    get("crimedata:reference", "crime-data/reference/", "none", SITE_ADMIN),
    get("crimedata:reference_upload", "crime-data/reference/<slug:kind>/", "kind", SITE_ADMIN),
]

# Public pages: public once a version of 2020-21 is published, 404 for everyone before that.
PUBLIC: list[tuple[str, str, str]] = [
    ("public:partnership", PUB, "p"),
    ("public:plan", PUB_Y, "y"),
    ("public:plan_pdf", PUB_Y + "plan.pdf", "y"),
    ("public:plan_docx", PUB_Y + "plan.docx", "y"),
    ("public:version", PUB_V, "version"),
    ("public:version_pdf", PUB_V + "plan.pdf", "version"),
    ("public:version_docx", PUB_V + "plan.docx", "version"),
]

# Public strategy pages: public once a version of the strategy 2020-2022 is published, 404 before.
PUBLIC_STRATEGY: list[tuple[str, str, str]] = [
    ("public:strategy", PUB_S, "strategy"),
    ("public:strategy_pdf", PUB_S + "strategy.pdf", "strategy"),
    ("public:strategy_docx", PUB_S + "strategy.docx", "strategy"),
    ("public:strategy_versions", PUB_S + "versions/", "strategy"),
    ("public:strategy_version", PUB_SV, "strategy_version"),
    ("public:strategy_version_pdf", PUB_SV + "strategy.pdf", "strategy_version"),
    ("public:strategy_version_docx", PUB_SV + "strategy.docx", "strategy_version"),
]


def strategy_published(kw: str) -> Kwargs:
    return lambda o: (o.strategy_publication, KW[kw](o))[1]


from tests.permission_matrix_analysis import CASES_ANALYSIS  # noqa: E402 - needs Case and KW above
from tests.permission_matrix_casereview import CASES_CASEREVIEW  # noqa: E402 - needs the names above
from tests.permission_matrix_casework import CASES_CASEWORK  # noqa: E402 - rows that import this module
from tests.permission_matrix_csu import CASES_CSU  # noqa: E402 - rows that import this module
from tests.permission_matrix_gov import CASES_GOV  # noqa: E402 - it imports the meetings rows' helpers
from tests.permission_matrix_maps import CASES_MAPS  # noqa: E402 - needs the names above
from tests.permission_matrix_meetings import CASES_MEETINGS  # noqa: E402 (it imports this module's helpers)
from tests.permission_matrix_pdata import CASES_PDATA  # noqa: E402 - needs the names above
from tests.permission_matrix_projects import CASES_PROJECTS  # noqa: E402 - it imports the helpers above
from tests.permission_matrix_pubsum import CASES_PUBSUM  # noqa: E402 - it imports the helpers above
from tests.permission_matrix_rounds import CASES_ROUNDS  # noqa: E402 - needs Case and the helpers above
from tests.permission_matrix_score import CASES_SCORE  # noqa: E402 - needs Case and KW above
from tests.permission_matrix_trig import CASES_TRIG  # noqa: E402 - needs the names above

CASES: list[Case] = [
    *BASE,
    *CASES_MAPS,
    *CASES_CASEREVIEW,
    *CASES_ROUNDS,
    *CASES_MEETINGS,
    *CASES_PDATA,
    *CASES_GOV,
    *CASES_ANALYSIS,
    *CASES_CASEWORK,
    *CASES_CSU,
    *CASES_PROJECTS,
    *CASES_TRIG,
    *CASES_SCORE,
    *CASES_PUBSUM,
    *(
        Case(name, route, strategy_published(kw), everyone(OK), variant="published")
        for name, route, kw in PUBLIC_STRATEGY
    ),
    *(get(name, route, kw, everyone(DENIED), "nothing published") for name, route, kw in PUBLIC_STRATEGY),
    *(
        Case(
            name,
            route,
            lambda o, kw=kw: {**strategy_published(kw)(o), "partnership": o.other_partnership_ready},
            everyone(DENIED),
            variant="test-csp published, other-csp's URL",
        )
        for name, route, kw in PUBLIC_STRATEGY
    ),
    *(Case(name, route, published(kw), everyone(OK), variant="published") for name, route, kw in PUBLIC),
    *(get(name, route, kw, everyone(DENIED), "nothing published") for name, route, kw in PUBLIC),
    *(
        Case(name, route, other_csp(kw), everyone(DENIED), variant="test-csp published, other-csp's URL")
        for name, route, kw in PUBLIC
    ),
    *(cross_partnership(c) for c in BASE if c.route.startswith(PP) and "<int:" in c.route and not c.variant),
]
