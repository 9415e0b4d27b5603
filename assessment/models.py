"""A partnership's strategic assessments: narrative, community views and the priority scoring matrix.

Crime counts, population tables and weight sets are installation-wide reference data (crimedata);
everything here belongs to one partnership.
"""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from assessment.suggestion import MEASURE_CHOICES
from crimedata.models import CRIME_TYPES, PopulationTable, WeightSet
from partnership.models import Organisation, Partnership
from planning.models import YEAR_SLUG_VALIDATOR, PlanYear, Priority
from publishing.models import ImmutableError, PublicationQuerySet, StoredWithdrawal, sha256

# Narrative sections of an assessment, in document order: (field name, heading).
NARRATIVE_SECTIONS: list[tuple[str, str]] = [
    ("summary", "Summary"),
    ("levels_narrative", "Levels and patterns of crime and disorder"),
    ("changes_narrative", "What changed and why"),
    ("hotspots_narrative", "Hotspots"),
    ("partner_narrative", "Partner data"),
    ("community_narrative", "Community views"),
    ("delivery_narrative", "Delivery of last year's plan"),
    ("recommendations", "Scoring and recommended priorities"),
]


class Assessment(models.Model):
    """The Strategic Assessment that informs one plan year (slug `2021-22`)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="assessments")
    slug = models.CharField(
        max_length=7, validators=[YEAR_SLUG_VALIDATOR], help_text="The plan year it informs, e.g. 2021-22."
    )
    data_from = models.DateField(help_text="First month of the crime data analysed.")
    data_to = models.DateField(help_text="Last month of the crime data analysed (first day).")
    population_table = models.ForeignKey(
        PopulationTable, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    weight_set = models.ForeignKey(
        WeightSet, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_plan_year = models.ForeignKey(
        PlanYear,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The plan whose delivery the assessment reviews.",
    )
    summary = models.TextField(blank=True)
    levels_narrative = models.TextField(blank=True)
    changes_narrative = models.TextField(blank=True)
    hotspots_narrative = models.TextField(blank=True)
    partner_narrative = models.TextField(blank=True)
    community_narrative = models.TextField(blank=True)
    delivery_narrative = models.TextField(blank=True)
    recommendations = models.TextField(blank=True)
    is_example = models.BooleanField(default=False, help_text="Built from example data for the demo.")
    priorities_chosen_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-slug"]
        constraints = [models.UniqueConstraint(fields=["partnership", "slug"], name="assessment_slug_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def label(self) -> str:
        return self.slug.replace("-", "/")

    @property
    def title(self) -> str:
        return f"Strategic Assessment {self.label}"


class ScoringCriterion(models.Model):
    """One column of the scoring matrix, with its weight and scale (data, never hard-coded)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    weight = models.DecimalField(
        max_digits=6, decimal_places=2, default=Decimal(1), validators=[MinValueValidator(Decimal(0))]
    )
    scale_min = models.SmallIntegerField(default=1)
    scale_max = models.SmallIntegerField(default=5)
    scale_labels = models.TextField(
        blank=True, help_text='One per line: a value, "=", its meaning. For example "1 = Very low".'
    )
    order = models.PositiveIntegerField(default=0)
    # The suggested score from the data (ADR 0029): a measure and its thresholds per scale point.
    data_measure = models.CharField(max_length=20, blank=True, choices=MEASURE_CHOICES)
    data_thresholds = models.JSONField(
        default=dict, blank=True, help_text='The least value for each point, e.g. {"5": "150", "4": "120"}.'
    )
    data_significant_only = models.BooleanField(
        default=False, help_text="Trend: a change within normal variation counts as no change."
    )
    data_rule_is_example = models.BooleanField(
        default=False, help_text="An example rule made up for the demo."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "order", "pk"]
        verbose_name_plural = "scoring criteria"
        constraints = [
            models.UniqueConstraint("assessment", Lower("name"), name="criterion_name_unique_in_assessment")
        ]

    def __str__(self) -> str:
        return self.name

    def labels(self) -> dict[int, str]:
        """The scale labels as {value: meaning}; lines that do not parse are ignored."""
        result: dict[int, str] = {}
        for line in self.scale_labels.splitlines():
            value, sep, meaning = line.partition("=")
            if sep and value.strip().lstrip("-").isdigit():
                result[int(value.strip())] = meaning.strip()
        return result


class IssueKind(models.TextChoices):
    CRIME_TYPE = "crime_type", "Crime type"
    THEME = "theme", "Theme"


class CandidateIssue(models.Model):
    """An issue the partnership might adopt as a priority: a crime type or a theme."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="issues")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=IssueKind.choices, default=IssueKind.THEME)
    crime_type = models.CharField(
        max_length=60, blank=True, choices=[(t, t) for t in CRIME_TYPES], help_text="For crime types."
    )
    description = models.TextField(blank=True)
    evidence = models.TextField(blank=True, help_text="Evidence notes (Markdown).")
    order = models.PositiveIntegerField(default=0)
    chosen = models.BooleanField(default=False, help_text="Chosen as a priority of the plan year.")
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "order", "pk"]
        constraints = [
            models.UniqueConstraint("assessment", Lower("title"), name="issue_title_unique_in_assessment")
        ]

    def __str__(self) -> str:
        return self.title


class Confidence(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Score(models.Model):
    """One scorer's score of one issue on one criterion, with their confidence and reasons."""

    issue = models.ForeignKey(CandidateIssue, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ScoringCriterion, on_delete=models.CASCADE, related_name="scores")
    scorer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    value = models.SmallIntegerField()
    confidence = models.CharField(max_length=10, choices=Confidence.choices, default=Confidence.MEDIUM)
    rationale = models.TextField(blank=True)
    is_example = models.BooleanField(default=False, help_text="Example score made up for the demo.")
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["issue", "criterion__order", "scorer_id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "criterion", "scorer"], name="one_score_per_scorer")
        ]

    def __str__(self) -> str:
        return f"{self.issue} / {self.criterion}: {self.value}"


class CommunityView(models.Model):
    """A result of a consultation or survey about one theme."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="community_views")
    theme = models.CharField(max_length=200)
    source = models.CharField(max_length=300, help_text='e.g. "Residents\' survey 2020".')
    respondents = models.PositiveIntegerField(null=True, blank=True)
    percent = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Share of respondents who named this theme as a priority.",
    )
    finding = models.TextField(blank=True, help_text="What people said (Markdown).")
    order = models.PositiveIntegerField(default=0)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.theme} ({self.source})"


class ComparatorGroup(models.Model):
    """A most similar group of districts (installation-wide reference data a site administrator
    uploads, e.g. a Home Office or CIPFA family); a district's rate is ranked among its group."""

    name = models.CharField(max_length=200, unique=True)
    source = models.TextField(blank=True)
    is_example = models.BooleanField(default=False, help_text="A made-up example group, not an official one.")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ComparatorMember(models.Model):
    group = models.ForeignKey(ComparatorGroup, on_delete=models.CASCADE, related_name="members")
    district_code = models.CharField(max_length=9)
    district_name = models.CharField(max_length=200)

    class Meta:
        ordering = ["group", "district_name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "district_code"], name="one_member_per_group_district")
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.district_name}"


class LsoaWard(models.Model):
    """An LSOA → electoral ward lookup row (ONS reference data a site administrator imports)."""

    lsoa_code = models.CharField(max_length=9, unique=True)
    ward_code = models.CharField(max_length=9, db_index=True)
    ward_name = models.CharField(max_length=200)
    district_code = models.CharField(max_length=9, blank=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.lsoa_code} → {self.ward_name}"


# --- Partner data requests: received or missing is read from the partner indicators (planning
# Measures), never stored. ---


class DataRequest(models.Model):
    """One organisation asked for figures for one assessment, due on a date. Its notice, reminder
    and chaser are partnership messages keyed by `message_key` (each sent once per person)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="data_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField()
    requested_on = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "due_date", "organisation__name", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} for {self.assessment}"

    @property
    def message_key(self) -> str:
        return f"pdata:{self.pk}"


class RequestedFigure(models.Model):
    """One indicator for one period that the organisation was asked for."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="requested_figures")
    indicator = models.CharField(max_length=200)
    period_text = models.CharField(max_length=10, help_text="As asked: 2020-05, 2020-Q1 or 2020/21.")
    period_label = models.CharField(max_length=60)
    period_start = models.DateField()
    period_end = models.DateField()
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator}, {self.period_label}"


# --- Published public summaries: stored byte for byte like published plans (ADR 0006) ---

# The sections a coordinator may publish, in document order: (key, heading). Partner data (partner
# indicators and their narrative), the scoring matrix and case work are never among them.
SUMMARY_SECTIONS: list[tuple[str, str]] = [
    ("summary", "Summary"),
    ("levels", "Levels and patterns of crime and disorder"),
    ("changes", "What changed and why"),
    ("hotspots", "Hotspots and map"),
    ("community", "Community views"),
    ("delivery", "Delivery of last year's plan"),
    ("recommendations", "Recommended priorities"),
]
SUMMARY_SECTION_KEYS = frozenset(key for key, _ in SUMMARY_SECTIONS)


class SummaryPublication(models.Model):
    """One published version of an assessment's public summary (HTML page and PDF). Never changes."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="assessment_summaries"
    )
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="summary_publications")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sections = models.JSONField(default=list, help_text="The keys of the sections published, in order.")
    html = models.BinaryField()
    pdf = models.BinaryField()
    html_sha256 = models.CharField(max_length=64)
    pdf_sha256 = models.CharField(max_length=64)

    immutable_message = "Published summaries never change; publish again for a new version."
    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["assessment", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="summary_publication_number_unique")
        ]

    def __str__(self) -> str:
        return f"Public summary of {self.assessment} version {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError(self.immutable_message)
        self.html_sha256 = sha256(bytes(self.html))
        self.pdf_sha256 = sha256(bytes(self.pdf))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("Published versions are kept.")

    @property
    def withdrawal_or_none(self) -> Any:
        """The version's withdrawal, None while it stands (select_related("withdrawal") to read it once)."""
        try:
            return self.withdrawal
        except ObjectDoesNotExist:
            return None

    def intact(self) -> bool:
        """Whether the stored files still match the checksums taken when they were published."""
        return sha256(bytes(self.html)) == self.html_sha256 and sha256(bytes(self.pdf)) == self.pdf_sha256


class SummaryWithdrawal(StoredWithdrawal):
    """The withdrawal of one published version of a public summary."""

    publication = models.OneToOneField(
        SummaryPublication, on_delete=models.PROTECT, related_name="withdrawal"
    )
