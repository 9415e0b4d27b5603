"""The plan document's narrative, and the immutable published versions of it."""

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from simple_history.models import HistoricalRecords

from partnership.models import Partnership
from planning.models import PlanYear, Priority
from publishing.storage import photo_upload_to, private_storage


class PlanNarrative(models.Model):
    """The prose of one plan year's document (Markdown, rendered safely; never raw HTML)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plan_narratives")
    plan_year = models.OneToOneField(PlanYear, on_delete=models.CASCADE, related_name="narrative")
    introduction = models.TextField(blank=True)
    review_narrative = models.TextField(
        "review of the previous year", blank=True, help_text="Shown before the previous year's key figures."
    )
    projects_introduction = models.TextField("review of projects and initiatives: introduction", blank=True)
    priority_issues_before = models.TextField("priority issues: before the list of priorities", blank=True)
    priority_issues_after = models.TextField("priority issues: after the list of priorities", blank=True)
    contact_block = models.TextField(
        blank=True, help_text="The partnership's contact details at the end of the document."
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "plan_year"], name="one_narrative_per_plan_year")
        ]

    def __str__(self) -> str:
        return f"Narrative for {self.plan_year}"


class ProjectReview(models.Model):
    """The review of projects and initiatives under one (usually previous-year) priority."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="project_reviews")
    plan_year = models.ForeignKey(
        PlanYear,
        on_delete=models.CASCADE,
        related_name="project_reviews",
        help_text="The plan year whose document holds this review.",
    )
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="project_reviews"
    )
    title = models.CharField(max_length=300, blank=True, help_text="Leave blank to use the priority's title.")
    narrative = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_year", "order", "pk"]

    def __str__(self) -> str:
        return self.title or (self.priority.title if self.priority else "Projects and initiatives")


class ProjectPhoto(models.Model):
    review = models.ForeignKey(ProjectReview, on_delete=models.CASCADE, related_name="photos")
    # Private, under a random name: served only by the photo view, after its door (publishing.storage).
    image = models.ImageField(upload_to=photo_upload_to, storage=private_storage)
    alt_text = models.CharField(
        max_length=300, help_text="What the photograph shows, for people who cannot see it."
    )
    caption = models.CharField(max_length=500, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "order", "pk"]

    def __str__(self) -> str:
        return self.caption or self.alt_text


class FeedbackQuote(models.Model):
    review = models.ForeignKey(ProjectReview, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField()
    attribution = models.CharField(max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ImmutableError(Exception):
    """A published version was about to change."""


class PublicationQuerySet(models.QuerySet["PlanPublication"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableError("Published plan versions never change.")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PlanPublication(models.Model):
    """One published version of a plan year's document, stored byte for byte. Never changes."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="publications")
    plan_year = models.ForeignKey(PlanYear, on_delete=models.PROTECT, related_name="publications")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    html = models.BinaryField()
    pdf = models.BinaryField()
    docx = models.BinaryField()
    html_sha256 = models.CharField(max_length=64)
    pdf_sha256 = models.CharField(max_length=64)
    docx_sha256 = models.CharField(max_length=64)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["plan_year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan_year", "number"], name="publication_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan_year} version {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("Published plan versions never change; publish again for a new version.")
        self.html_sha256 = sha256(bytes(self.html))
        self.pdf_sha256 = sha256(bytes(self.pdf))
        self.docx_sha256 = sha256(bytes(self.docx))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("Published plan versions are kept.")

    @property
    def withdrawal_or_none(self) -> "PlanWithdrawal | None":
        """The version's withdrawal, None while it stands (select_related("withdrawal") to read it once)."""
        try:
            return self.withdrawal
        except ObjectDoesNotExist:
            return None

    def intact(self) -> bool:
        """Whether the stored files still match the checksums taken when they were published."""
        return (
            sha256(bytes(self.html)) == self.html_sha256
            and sha256(bytes(self.pdf)) == self.pdf_sha256
            and sha256(bytes(self.docx)) == self.docx_sha256
        )


class WithdrawalQuerySet(models.QuerySet["PlanWithdrawal"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableError("Withdrawals are kept as they were recorded.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableError("Withdrawals are kept as they were recorded.")


class PlanWithdrawal(models.Model):
    """The withdrawal of one published version: its own append-only record (the version never changes).

    A withdrawn version's public URLs answer 410 Gone; the plan year's URLs serve the newest version
    that is not withdrawn (ADR 0006, addendum).
    """

    publication = models.OneToOneField(PlanPublication, on_delete=models.PROTECT, related_name="withdrawal")
    withdrawn_at = models.DateTimeField()
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(
        help_text="Why the version was withdrawn (kept for the partnership, not shown publicly)."
    )

    objects = WithdrawalQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Withdrawal of {self.publication}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("Withdrawals are kept as they were recorded.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("Withdrawals are kept as they were recorded.")
