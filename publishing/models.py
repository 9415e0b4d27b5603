"""The plan document's narrative, and the immutable published versions of it."""

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from simple_history.models import HistoricalRecords

from partnership.models import Partnership
from planning.models import PlanYear, Priority, Strategy
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


class _NeverUpdated(models.QuerySet[Any]):
    """Querysets of stored versions: `update()` refuses (the model's `immutable_message`)."""

    def update(self, **kwargs: Any) -> int:
        raise ImmutableError(self.model.immutable_message)


class PublicationQuerySet(_NeverUpdated):
    pass


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class StoredDocument(models.Model):
    """One published version of a document, stored byte for byte (HTML, PDF, Word, with checksums).
    Never changes (ADR 0006): plan years' plans and strategies both publish this way."""

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

    immutable_message = "Published versions never change; publish again for a new version."

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError(self.immutable_message)
        self.html_sha256 = sha256(bytes(self.html))
        self.pdf_sha256 = sha256(bytes(self.pdf))
        self.docx_sha256 = sha256(bytes(self.docx))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("Published versions are kept.")

    @property
    def withdrawal_or_none(self) -> Any:
        """The version's withdrawal, None while it stands (select_related("withdrawal") to read it once)."""
        try:
            return self.withdrawal  # type: ignore[attr-defined]
        except ObjectDoesNotExist:
            return None

    def intact(self) -> bool:
        """Whether the stored files still match the checksums taken when they were published."""
        return (
            sha256(bytes(self.html)) == self.html_sha256
            and sha256(bytes(self.pdf)) == self.pdf_sha256
            and sha256(bytes(self.docx)) == self.docx_sha256
        )


class PlanPublication(StoredDocument):
    """One published version of a plan year's document, stored byte for byte. Never changes."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="publications")
    plan_year = models.ForeignKey(PlanYear, on_delete=models.PROTECT, related_name="publications")

    immutable_message = "Published plan versions never change; publish again for a new version."
    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["plan_year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan_year", "number"], name="publication_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan_year} version {self.number}"


class WithdrawalQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableError("Withdrawals are kept as they were recorded.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableError("Withdrawals are kept as they were recorded.")


class StoredWithdrawal(models.Model):
    """The withdrawal of one published version: its own append-only record (the version never changes).

    A withdrawn version's public URLs answer 410 Gone; the document's URLs serve the newest version
    that is not withdrawn (ADR 0006, addendum).
    """

    withdrawn_at = models.DateTimeField()
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(
        help_text="Why the version was withdrawn (kept for the partnership, not shown publicly)."
    )

    objects = WithdrawalQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"Withdrawal of {self.publication}"  # type: ignore[attr-defined]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("Withdrawals are kept as they were recorded.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("Withdrawals are kept as they were recorded.")


class PlanWithdrawal(StoredWithdrawal):
    """The withdrawal of one published version of a plan year's document."""

    publication = models.OneToOneField(PlanPublication, on_delete=models.PROTECT, related_name="withdrawal")


class StrategyPublication(StoredDocument):
    """One published version of a strategy's document, stored byte for byte. Never changes."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="strategy_publications"
    )
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="publications")

    immutable_message = "Published strategy versions never change; publish again for a new version."
    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_publication_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.strategy} version {self.number}"


class StrategyWithdrawal(StoredWithdrawal):
    """The withdrawal of one published version of a strategy's document."""

    publication = models.OneToOneField(
        StrategyPublication, on_delete=models.PROTECT, related_name="withdrawal"
    )
