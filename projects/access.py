"""Who may see and change projects and the money: one visibility queryset and one door per record.

Members of a partnership read every project, pot and amount (VIEW); coordinators create pots and
projects, decide, allocate and close (MANAGE); lead officers of a project's lead or delivery
organisation, and coordinators, record its spend, outputs, monitoring notes, quotes, photographs
and evaluation (REPORT).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from core.access import Purpose, open_door, restricted
from core.actors import Actor, is_signed_in, person_id
from core.errors import AccessDenied
from partnership import access as partnership_access
from partnership.access import partnerships_visible_to
from partnership.models import Membership, Partnership, Role
from projects.models import (
    Allocation,
    Evaluation,
    FundingPot,
    FundingSettings,
    MonitoringNote,
    Project,
    ProjectOutput,
    ProjectPhoto,
    ProjectQuote,
    ProjectStep,
    Spend,
)

M = TypeVar("M", bound=Model)


# --- The rules for one loaded record (pages show or hide buttons with these). ---


def can_manage(actor: Actor, partnership: Partnership) -> bool:
    """Coordinators create pots and projects, decide, allocate and close."""
    return partnership_access.is_coordinator(actor, partnership)


def delivers(actor: Actor, project: Project) -> bool:
    """Whether the actor is a lead officer of the project's lead or a delivery organisation."""
    organisation_id = partnership_access.lead_organisation_id(actor, project.plan_year.partnership)
    if organisation_id is None:
        return False
    if project.lead_organisation_id == organisation_id:
        return True
    return any(org.pk == organisation_id for org in project.delivery_organisations.all())


def can_report_on(actor: Actor, project: Project) -> bool:
    """Spend, outputs, notes, quotes, photographs and the evaluation draft: coordinators and the
    project's delivery organisations' lead officers."""
    return can_manage(actor, project.plan_year.partnership) or delivers(actor, project)


def require_coordinator(actor: Actor, partnership: Partnership) -> None:
    """For services: refuse anyone but the partnership's coordinator."""
    if not can_manage(actor, partnership):
        raise AccessDenied("Only the partnership coordinator can do this.")


def require_reporter(actor: Actor, project: Project) -> None:
    """For services: refuse anyone who may not report on the project."""
    if not can_report_on(actor, project):
        raise AccessDenied("Only the coordinator or a lead officer of a delivery organisation can do this.")


# --- Visibility querysets. ---


def _in_partnerships(model: type[M], path: str, actor: Actor, for_: Purpose) -> QuerySet[M]:
    partnerships = partnerships_visible_to(actor, for_=for_)
    return model._default_manager.filter(**{f"{path}__in": partnerships})


def _lead_organisations(actor: Actor) -> QuerySet[Membership, Any]:
    if not is_signed_in(actor):
        return Membership.objects.none().values("organisation_id")
    return Membership.objects.filter(
        user_id=person_id(actor), is_active=True, role=Role.LEAD_OFFICER, organisation__isnull=False
    ).values("organisation_id")


@restricted(FundingPot, partnership="plan_year__partnership")
def funding_pots_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[FundingPot]:
    return _in_partnerships(FundingPot, "plan_year__partnership", actor, for_)


@restricted(Project, partnership="plan_year__partnership")
def projects_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Project]:
    """Projects to read (members), report on (coordinators, and lead officers of the project's lead
    or delivery organisations) or manage (coordinators)."""
    if for_ != Purpose.REPORT:
        return _in_partnerships(Project, "plan_year__partnership", actor, for_)
    coordinated = Q(plan_year__partnership__in=partnerships_visible_to(actor, for_=Purpose.MANAGE))
    organisations = _lead_organisations(actor)
    delivered = Q(plan_year__partnership__in=partnerships_visible_to(actor, for_=Purpose.REPORT)) & (
        Q(lead_organisation_id__in=organisations)
        | Q(
            pk__in=Project.delivery_organisations.through.objects.filter(
                organisation_id__in=organisations
            ).values("project_id")
        )
    )
    return Project.objects.filter(coordinated | delivered)


def _of_projects(model: type[M], actor: Actor, for_: Purpose) -> QuerySet[M]:
    if for_ == Purpose.REPORT:
        return model._default_manager.filter(project__in=projects_visible_to(actor, for_=Purpose.REPORT))
    return _in_partnerships(model, "project__plan_year__partnership", actor, for_)


@restricted(ProjectStep, partnership="project__plan_year__partnership")
def project_steps_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ProjectStep]:
    return _of_projects(ProjectStep, actor, for_)


@restricted(MonitoringNote, partnership="project__plan_year__partnership")
def monitoring_notes_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[MonitoringNote]:
    return _of_projects(MonitoringNote, actor, for_)


@restricted(Evaluation, partnership="project__plan_year__partnership")
def evaluations_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Evaluation]:
    return _of_projects(Evaluation, actor, for_)


@restricted(Allocation, partnership="project__plan_year__partnership")
def allocations_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Allocation]:
    return _of_projects(Allocation, actor, for_)


@restricted(Spend, partnership="allocation__project__plan_year__partnership")
def spend_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Spend]:
    if for_ == Purpose.REPORT:
        return Spend.objects.filter(allocation__project__in=projects_visible_to(actor, for_=Purpose.REPORT))
    return _in_partnerships(Spend, "allocation__project__plan_year__partnership", actor, for_)


@restricted(ProjectOutput, partnership="project__plan_year__partnership")
def project_outputs_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ProjectOutput]:
    return _of_projects(ProjectOutput, actor, for_)


@restricted(ProjectQuote, partnership="project__plan_year__partnership")
def project_quotes_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ProjectQuote]:
    return _of_projects(ProjectQuote, actor, for_)


@restricted(ProjectPhoto, partnership="project__plan_year__partnership")
def project_photos_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ProjectPhoto]:
    return _of_projects(ProjectPhoto, actor, for_)


@restricted(FundingSettings, partnership="partnership")
def funding_settings_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[FundingSettings]:
    return _in_partnerships(FundingSettings, "partnership", actor, for_)


# --- Doors: one record by id, NotFound alike for missing and forbidden. ---


def _within(name: str, parent: Model | None) -> dict[str, Model] | None:
    return {name: parent} if parent is not None else None


def _related(*names: str) -> Callable[[QuerySet[M]], QuerySet[M]]:
    return lambda qs: qs.select_related(*names)


def access_funding_pot_by_id(
    actor: Actor, pot_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> FundingPot:
    return open_door(
        FundingPot,
        actor,
        pot_id,
        for_=for_,
        within=_within("plan_year__partnership", partnership),
        queryset=lambda qs: qs.select_related("plan_year__partnership").prefetch_related("themes"),
    )


def access_project_by_id(
    actor: Actor, project_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Project:
    return open_door(
        Project,
        actor,
        project_id,
        for_=for_,
        within=_within("plan_year__partnership", partnership),
        queryset=lambda qs: qs.select_related("plan_year__partnership", "lead_organisation").prefetch_related(
            "delivery_organisations", "priorities", "actions", "places"
        ),
    )


def access_project_step_by_id(
    actor: Actor, step_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> ProjectStep:
    return open_door(
        ProjectStep,
        actor,
        step_id,
        for_=for_,
        within=_within("project", project),
        queryset=_related("project"),
    )


def access_monitoring_note_by_id(
    actor: Actor, note_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> MonitoringNote:
    return open_door(
        MonitoringNote,
        actor,
        note_id,
        for_=for_,
        within=_within("project", project),
        queryset=_related("project"),
    )


def access_evaluation_by_id(
    actor: Actor, evaluation_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> Evaluation:
    return open_door(
        Evaluation,
        actor,
        evaluation_id,
        for_=for_,
        within=_within("project", project),
        queryset=_related("project__plan_year__partnership"),
    )


def access_allocation_by_id(
    actor: Actor, allocation_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> Allocation:
    return open_door(
        Allocation,
        actor,
        allocation_id,
        for_=for_,
        within=_within("project", project),
        queryset=_related("pot", "project__plan_year__partnership"),
    )


def access_spend_by_id(
    actor: Actor, spend_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> Spend:
    return open_door(
        Spend,
        actor,
        spend_id,
        for_=for_,
        within=_within("allocation__project", project),
        queryset=_related("allocation__pot", "allocation__project__plan_year__partnership"),
    )


def access_project_output_by_id(
    actor: Actor, output_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> ProjectOutput:
    return open_door(
        ProjectOutput,
        actor,
        output_id,
        for_=for_,
        within=_within("project", project),
        queryset=_related("measure", "project__plan_year__partnership"),
    )


def access_project_quote_by_id(
    actor: Actor, quote_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> ProjectQuote:
    return open_door(
        ProjectQuote,
        actor,
        quote_id,
        for_=for_,
        within=_within("project", project),
        queryset=_related("project"),
    )


def access_project_photo_by_id(
    actor: Actor, photo_id: object, *, for_: Purpose = Purpose.VIEW, project: Project | None = None
) -> ProjectPhoto:
    return open_door(
        ProjectPhoto,
        actor,
        photo_id,
        for_=for_,
        within=_within("project", project),
        queryset=_related("project"),
    )


def access_funding_settings_by_id(
    actor: Actor, settings_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> FundingSettings:
    return open_door(
        FundingSettings,
        actor,
        settings_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=_related("partnership"),
    )
