"""Reporting on a project: outputs and their values, monitoring notes, the evaluation, quotes and
photographs, and the coordinator's approvals. Like `projects.services`, each service checks access
itself, runs in one transaction and saves through `core.history.save_as`."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from PIL import Image

from core.actors import Actor, person_id
from core.errors import ServiceError
from core.history import save_as
from planning.models import Measure, MeasureKind, MeasureValue
from projects import access
from projects.models import (
    Evaluation,
    FundAgain,
    MonitoringNote,
    Project,
    ProjectOutput,
    ProjectPhoto,
    ProjectQuote,
    ProjectStatus,
)


@transaction.atomic
def output_add(
    *,
    actor: Actor,
    project: Project,
    name: str,
    unit: str = "",
    target_value: Decimal | None = None,
    value: Decimal | None = None,
    value_qualifier: str = "",
    is_example: bool = False,
) -> ProjectOutput:
    """Add an output to a project: a measure of kind "project output" linked to the project."""
    access.require_reporter(actor, project)
    name = name.strip()
    if not name:
        raise ServiceError("Enter what the output counts, for example young people engaged.")
    if len(name) > 200 or len(unit) > 60 or len(value_qualifier) > 30:
        raise ServiceError("Shorten the output's name (200), unit (60) or qualifier (30 characters).")
    for number in (target_value, value):
        if number is not None and (not number.is_finite() or abs(number) >= Decimal("1e12")):
            raise ServiceError("Enter a number below a trillion.")
    partnership = project.plan_year.partnership
    last = ProjectOutput.objects.filter(project=project).aggregate(m=Max("order"))["m"]
    measure = Measure(
        partnership=partnership,
        kind=MeasureKind.PROJECT_OUTPUT,
        plan_year=project.plan_year,
        name=name,
        unit=unit.strip(),
        value=value,
        value_qualifier=value_qualifier.strip(),
        target_value=target_value,
        period_label=project.plan_year.label,
        is_example=is_example,
    )
    save_as(measure, actor)
    output = ProjectOutput(project=project, measure=measure, order=(last or 0) + 1)
    return save_as(output, actor)


@transaction.atomic
def output_link(*, actor: Actor, project: Project, measure: Measure) -> ProjectOutput:
    """Count an existing measure (a key figure, say) as one of the project's outputs."""
    access.require_reporter(actor, project)
    if measure.partnership_id != project.plan_year.partnership_id:
        raise ServiceError("Choose a measure of this partnership.")
    found = ProjectOutput.objects.filter(project=project, measure=measure).first()
    if found is not None:
        return found
    last = ProjectOutput.objects.filter(project=project).aggregate(m=Max("order"))["m"] or 0
    return save_as(ProjectOutput(project=project, measure=measure, order=last + 1), actor)


@transaction.atomic
def output_value_record(
    *,
    actor: Actor,
    output: ProjectOutput,
    period_label: str,
    value: Decimal,
    note: str = "",
) -> MeasureValue:
    """A periodic value of a project's output (its latest value is what the return reports)."""
    access.require_reporter(actor, output.project)
    period_label = period_label.strip()
    if not period_label:
        raise ServiceError("Enter the period, for example Q1 2020/21.")
    if len(period_label) > 60:
        raise ServiceError("Shorten the period to 60 characters or fewer.")
    if not value.is_finite() or abs(value) >= Decimal("1e12"):
        raise ServiceError("Enter a number below a trillion.")
    measure = output.measure
    last = MeasureValue.objects.filter(measure=measure).aggregate(m=Max("order"))["m"] or 0
    measure_value = MeasureValue(
        measure=measure, period_label=period_label, value=value, note=note, order=last + 1
    )
    return save_as(measure_value, actor)


@transaction.atomic
def monitoring_note_add(
    *,
    actor: Actor,
    project: Project,
    date: datetime.date,
    text: str,
    next_monitoring_date: datetime.date | None = None,
) -> MonitoringNote:
    """A monitoring note; with a next monitoring date, the project's date moves on too."""
    access.require_reporter(actor, project)
    if not text.strip():
        raise ServiceError("Enter what the monitoring found.")
    if next_monitoring_date is not None and next_monitoring_date < date:
        raise ServiceError("The next monitoring date must be on or after the date of this note.")
    note = MonitoringNote(project=project, date=date, text=text.strip(), author_id=person_id(actor) or None)
    save_as(note, actor)
    if next_monitoring_date is not None:
        project.next_monitoring_date = next_monitoring_date
        save_as(project, actor, update_fields=["next_monitoring_date"])
    return note


@transaction.atomic
def evaluation_save(
    *,
    actor: Actor,
    project: Project,
    delivered: str,
    outcomes: str,
    learned: str,
    fund_again: str,
    is_example: bool = False,
) -> Evaluation:
    """Draft or change a project's evaluation (running or completed projects). A change after
    approval needs the coordinator's approval again."""
    access.require_reporter(actor, project)
    if project.status not in (ProjectStatus.RUNNING, ProjectStatus.COMPLETED):
        raise ServiceError("Only a running or completed project can have its evaluation written.")
    missing = [
        label
        for label, text in (
            ("what was delivered", delivered),
            ("the outcomes", outcomes),
            ("what was learned", learned),
        )
        if not text.strip()
    ]
    if missing:
        raise ServiceError(f"Enter {', '.join(missing)}.")
    if fund_again not in FundAgain.values:
        raise ServiceError("Choose whether the partnership would fund it again.")
    evaluation = Evaluation.objects.filter(project=project).first()
    if evaluation is None:
        evaluation = Evaluation(project=project, is_example=is_example)
    evaluation.delivered, evaluation.outcomes, evaluation.learned = (
        delivered.strip(),
        outcomes.strip(),
        learned.strip(),
    )
    evaluation.fund_again = fund_again
    evaluation.is_approved, evaluation.approved_by, evaluation.approved_at = False, None, None
    return save_as(evaluation, actor)


@transaction.atomic
def evaluation_approve(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    access.require_coordinator(actor, evaluation.project.plan_year.partnership)
    evaluation.is_approved = True
    evaluation.approved_by_id = person_id(actor) or None
    evaluation.approved_at = timezone.now()
    return save_as(evaluation, actor)


@transaction.atomic
def quote_add(*, actor: Actor, project: Project, text: str, attribution: str = "") -> ProjectQuote:
    access.require_reporter(actor, project)
    if not text.strip():
        raise ServiceError("Enter the quoted feedback.")
    if len(attribution) > 200:
        raise ServiceError("Shorten who said it to 200 characters or fewer.")
    last = ProjectQuote.objects.filter(project=project).aggregate(m=Max("order"))["m"] or 0
    quote = ProjectQuote(project=project, text=text.strip(), attribution=attribution.strip(), order=last + 1)
    return save_as(quote, actor)


def _image_extension(image: Any) -> str:
    try:
        image.seek(0)
        with Image.open(image) as picture:
            found = picture.format
    except (OSError, ValueError):
        found = None
    finally:
        image.seek(0)
    if found not in ("JPEG", "PNG"):
        raise ServiceError("The photograph must be a JPEG or PNG file.")
    return ".jpg" if found == "JPEG" else ".png"


@transaction.atomic
def photo_add(
    *, actor: Actor, project: Project, image: Any, alt_text: str, caption: str = ""
) -> ProjectPhoto:
    access.require_reporter(actor, project)
    if not alt_text.strip():
        raise ServiceError("Describe the photograph for people who cannot see it (alternative text).")
    if len(alt_text) > 300 or len(caption) > 500:
        raise ServiceError("Shorten the alternative text (300) or caption (500 characters).")
    image.name = f"photo{_image_extension(image)}"
    last = ProjectPhoto.objects.filter(project=project).aggregate(m=Max("order"))["m"] or 0
    photo = ProjectPhoto(
        project=project, image=image, alt_text=alt_text.strip(), caption=caption.strip(), order=last + 1
    )
    return save_as(photo, actor)


@transaction.atomic
def quote_approve(*, actor: Actor, quote: ProjectQuote) -> ProjectQuote:
    """The coordinator approves a quote before anything is published."""
    access.require_coordinator(actor, quote.project.plan_year.partnership)
    quote.is_approved = True
    return save_as(quote, actor, update_fields=["is_approved"])


@transaction.atomic
def photo_approve(*, actor: Actor, photo: ProjectPhoto) -> ProjectPhoto:
    access.require_coordinator(actor, photo.project.plan_year.partnership)
    photo.is_approved = True
    return save_as(photo, actor, update_fields=["is_approved"])
