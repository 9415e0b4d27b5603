"""Funded projects and the money: funding pots, projects, allocations, spend, outputs, evaluation.

Every record belongs to a plan year (and so to one partnership). Amounts are Decimal pence; the
sums and the refusal rules are pure functions in `projects.rules`.
"""

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from partnership.models import Organisation, Partnership
from planning.models import Action, Measure, Place, PlanYear, Priority, Theme
from publishing.storage import private_storage

EVIDENCE_EXTENSIONS = (".pdf", ".jpg", ".png")


def evidence_upload_to(instance: Any, filename: str) -> str:
    """A random name keeping only a checked extension (the service names the file by its format)."""
    extension = Path(filename).suffix.lower()
    return f"projects/evidence/{uuid.uuid4().hex}{extension if extension in EVIDENCE_EXTENSIONS else ''}"


def photo_upload_to(instance: Any, filename: str) -> str:
    extension = Path(filename).suffix.lower()
    return f"projects/photos/{uuid.uuid4().hex}{extension if extension in ('.jpg', '.png') else ''}"


class FunderKind(models.TextChoices):
    PCC_GRANT = "pcc_grant", "PCC grant"
    PCC_TACTICAL = "pcc_tactical", "PCC tactical pot"
    COUNCIL = "council", "Council"
    OTHER = "other", "Other funder"


class FundingPot(models.Model):
    """Money one funder gives the partnership for one plan year, with its conditions and themes."""

    plan_year = models.ForeignKey(PlanYear, on_delete=models.CASCADE, related_name="funding_pots")
    name = models.CharField(max_length=200)
    funder_kind = models.CharField(max_length=20, choices=FunderKind.choices, default=FunderKind.PCC_GRANT)
    funder_name = models.CharField(max_length=200, blank=True, help_text='e.g. "Kent PCC"')
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    conditions = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="funding_pots")
    return_deadlines = models.JSONField(
        default=list, blank=True, help_text="ISO dates when the funder's returns are due."
    )
    amounts_published = models.BooleanField(
        default=False, help_text="Whether the amounts may appear in published documents."
    )
    is_example = models.BooleanField(default=False, help_text="Example data made up for the demo.")
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_year", "name"]
        constraints = [
            models.UniqueConstraint("plan_year", Lower("name"), name="funding_pot_name_unique_in_year")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def funder(self) -> str:
        return self.funder_name or self.get_funder_kind_display()


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    RUNNING = "running", "Running"
    COMPLETED = "completed", "Completed"
    EVALUATED = "evaluated", "Evaluated"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Project(models.Model):
    """A project or initiative the partnership runs or funds in one plan year."""

    plan_year = models.ForeignKey(PlanYear, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="Markdown.")
    priorities = models.ManyToManyField(Priority, blank=True, related_name="projects")
    actions = models.ManyToManyField(Action, blank=True, related_name="projects")
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="led_projects"
    )
    delivery_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="delivered_projects"
    )
    places = models.ManyToManyField(Place, blank=True, related_name="projects")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    next_monitoring_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED)
    order = models.PositiveIntegerField(default=0)
    in_plan_review = models.BooleanField(
        "shown in the plan's review of projects",
        default=False,
        help_text="Printed under its priority in the next plan's review of projects and initiatives.",
    )
    review_order = models.PositiveIntegerField(
        "position in the review", default=0, help_text="Lower numbers come first under the priority."
    )
    is_example = models.BooleanField(default=False, help_text="Example data made up for the demo.")
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_year", "order", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class ProjectStep(models.Model):
    """One step of a project's status workflow: from, to, who and when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=12, choices=ProjectStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ProjectStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.project}: {self.get_to_status_display()}"


class MonitoringNote(models.Model):
    """A note from the partnership's regular monitoring of a project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="monitoring_notes")
    date = models.DateField()
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-date", "-pk"]

    def __str__(self) -> str:
        return f"Monitoring of {self.project} on {self.date}"


class FundAgain(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "Not sure"


class Evaluation(models.Model):
    """The evaluation of a completed project; drafted by a delivery organisation, approved by the
    coordinator (only an approved evaluation lets the project become evaluated or be published)."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="evaluation")
    delivered = models.TextField("What was delivered")
    outcomes = models.TextField("Outcomes")
    learned = models.TextField("What we learned")
    fund_again = models.CharField(
        "Would we fund it again", max_length=10, choices=FundAgain.choices, default=FundAgain.NOT_SURE
    )
    is_approved = models.BooleanField(default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Evaluation of {self.project}"


class Allocation(models.Model):
    """Money from one pot to one project (a decision with a reference)."""

    pot = models.ForeignKey(FundingPot, on_delete=models.PROTECT, related_name="allocations")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="allocations")
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    date = models.DateField()
    decision_ref = models.CharField("decision reference", max_length=100, blank=True)
    override_reason = models.TextField(
        blank=True, help_text="Why the pot may go below zero (only when it does)."
    )
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pot", "date", "pk"]

    def __str__(self) -> str:
        return f"£{self.amount:,.2f} from {self.pot} to {self.project}"


class Spend(models.Model):
    """Money spent, charged to one allocation, with optional evidence (a private upload)."""

    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="spend")
    date = models.DateField()
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    description = models.CharField(max_length=300)
    # Private, under a random name: served only by the evidence view, after its door (ADR 0012).
    evidence = models.FileField(upload_to=evidence_upload_to, storage=private_storage, blank=True)
    override_reason = models.TextField(
        blank=True, help_text="Why the spend may exceed its allocation (only when it does)."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["allocation", "date", "pk"]
        verbose_name_plural = "spend"

    def __str__(self) -> str:
        return f"£{self.amount:,.2f} on {self.date}: {self.description}"


class ProjectOutput(models.Model):
    """A measure (planning's model: target and periodic values) that counts what a project delivered."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="outputs")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="project_outputs")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "measure"], name="project_output_measure_once")
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.measure.name}"


class ProjectQuote(models.Model):
    """Feedback about a project, in the words of someone it helped (published once approved)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField()
    attribution = models.CharField(max_length=200, blank=True)
    is_approved = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ProjectPhoto(models.Model):
    """A photograph of a project, stored privately; alternative text is required."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=photo_upload_to, storage=private_storage)
    alt_text = models.CharField(
        max_length=300, help_text="What the photograph shows, for people who cannot see it."
    )
    caption = models.CharField(max_length=500, blank=True)
    is_approved = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "order", "pk"]

    def __str__(self) -> str:
        return self.caption or self.alt_text


class FundingSettings(models.Model):
    """The partnership's funding settings: when a pot counts as nearly spent."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="funding_settings")
    nearly_spent_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="A pot is nearly spent when its remaining money is below this share of its amount.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "funding settings"

    def __str__(self) -> str:
        return f"Funding settings of {self.partnership}"
