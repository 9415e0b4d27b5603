"""ASB Case Reviews (s.104 of the Anti-social Behaviour, Crime and Policing Act 2014): a partnership's
local procedure, applications with their qualifying complaints, threshold decisions, reviews,
dissatisfaction requests and the published yearly figures."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from casereviews.clock import ClockDays
from casereviews.threshold import STATUTORY_MAXIMUM, RouteKind
from partnership.models import Organisation, Partnership


class Procedure(models.Model):
    """The partnership's local review procedure (s.104(2)); the defaults until a coordinator sets it."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="case_review_procedure"
    )
    individuals_may_apply = models.BooleanField(default=True)
    businesses_may_apply = models.BooleanField(default=True)
    groups_may_apply = models.BooleanField(default=True, verbose_name="Community groups may apply")
    incident_counts_once = models.BooleanField(
        default=True,
        verbose_name="Reports of one incident to several organisations count once",
    )
    acknowledgement_days = models.PositiveSmallIntegerField(default=10)
    decision_days = models.PositiveSmallIntegerField(default=15)
    meeting_days = models.PositiveSmallIntegerField(default=20)
    letter_days = models.PositiveSmallIntegerField(default=5)
    chair_independent = models.BooleanField(
        default=False, verbose_name="The procedure asks for an independent chair"
    )
    dissatisfaction_body = models.CharField(
        max_length=200,
        blank=True,
        verbose_name="Who hears dissatisfied applicants",
        help_text="Blank until the partnership sets it.",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"ASB Case Review procedure of {self.partnership}"

    @property
    def clock(self) -> ClockDays:
        return ClockDays(self.acknowledgement_days, self.decision_days, self.meeting_days, self.letter_days)


class ThresholdSetting(models.Model):
    """The local number of qualifying complaints from a date (dated configuration, s.104(4))."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="case_review_thresholds"
    )
    effective_from = models.DateField()
    count = models.PositiveSmallIntegerField(default=STATUTORY_MAXIMUM)
    note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "effective_from"], name="one_threshold_per_day"),
            models.CheckConstraint(
                condition=models.Q(count__gte=1, count__lte=STATUTORY_MAXIMUM), name="threshold_count_1_to_3"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.count} from {self.effective_from:%-d %B %Y}"


class DiscretionaryRoute(models.Model):
    """A local route to the threshold under s.104(5)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="case_review_routes")
    kind = models.CharField(
        max_length=20,
        choices=[
            (RouteKind.HATE_INCIDENT.value, "Hate incidents (harm or potential harm, s.104(5)(b))"),
            (
                RouteKind.COMPLAINANTS.value,
                "Different complainants about the same issue (persistence, s.104(5)(a))",
            ),
        ],
    )
    number = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(max_length=120, blank=True, help_text="How the procedure names it (optional).")
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "kind", "number"]

    def __str__(self) -> str:
        return self.name or f"{self.get_kind_display()}: {self.number}"


class ApplicantKind(models.TextChoices):
    INDIVIDUAL = "individual", "An individual"
    BUSINESS = "business", "A business"
    GROUP = "group", "A community group"


class ApplicationRoute(models.TextChoices):
    PUBLIC_FORM = "public_form", "Online form"
    PHONE = "phone", "Telephone"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    OFFICER = "officer", "Referred by an officer"


class Involvement(models.TextChoices):
    UNDECIDED = "", "Not yet chosen"
    ATTEND = "attend", "Attend part of the review meeting"
    WRITTEN = "written", "Give views in writing"
    INFORMED = "informed", "Be kept informed only"


class Application(models.Model):
    """An application for an ASB case review (s.104(1)(a)), by any route."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="case_review_applications"
    )
    reference = models.CharField(max_length=20)
    route = models.CharField(max_length=20, choices=ApplicationRoute.choices)
    applicant_kind = models.CharField(
        max_length=20, choices=ApplicantKind.choices, default=ApplicantKind.INDIVIDUAL
    )
    applicant_name = models.CharField(max_length=200)
    applicant_email = models.EmailField(blank=True)
    applicant_phone = models.CharField(max_length=40, blank=True)
    applicant_address = models.TextField(blank=True)
    on_behalf = models.BooleanField(default=False, verbose_name="Made on behalf of the victim")
    victim_name = models.CharField(max_length=200, blank=True)
    victim_consent = models.BooleanField(default=False, verbose_name="The victim consents")
    description = models.TextField(verbose_name="What has been happening")
    application_date = models.DateField()
    received_at = models.DateTimeField(auto_now_add=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    contact_officer = models.CharField(
        max_length=200, blank=True, verbose_name="Single point of contact for the applicant"
    )
    involvement = models.CharField(
        max_length=20,
        choices=Involvement.choices,
        blank=True,
        verbose_name="The applicant's chosen involvement",
    )
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-application_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "reference"], name="case_review_reference_unique")
        ]

    def __str__(self) -> str:
        return f"ASB Case Review application {self.reference}"

    @property
    def history_name(self) -> str:
        return self.reference


class QualifyingComplaint(models.Model):
    """A complaint about the behaviour the application relates to (s.104(4)(b), (11))."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="complaints")
    behaviour_date = models.DateField(verbose_name="Date of the behaviour")
    complaint_date = models.DateField(verbose_name="Date of the complaint")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(
        max_length=200, blank=True, verbose_name="Organisation complained to (if not a partner)"
    )
    reference = models.CharField(max_length=60, blank=True, verbose_name="The organisation's reference")
    complainant = models.CharField(max_length=200, blank=True, verbose_name="Who complained")
    incident = models.CharField(
        max_length=60,
        blank=True,
        verbose_name="Incident key",
        help_text="Give reports of one incident to several organisations the same key.",
    )
    issue = models.CharField(max_length=120, blank=True, verbose_name="What the complaint was about")
    hate_incident = models.BooleanField(default=False, verbose_name="Reported as a hate incident")
    case_incident = models.ForeignKey(
        "casework.Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The case-work complaint or incident it was copied from (its dates, organisation "
        "and reference are copied, so the decision stays explained if the case is later deleted).",
    )
    case_reference = models.CharField(max_length=20, blank=True, help_text="The case it came from.")
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "complaint_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "case_incident"], name="case_incident_linked_once_per_application"
            )
        ]

    def __str__(self) -> str:
        return f"Complaint of {self.complaint_date:%-d %B %Y} to {self.organisation_label}"

    @property
    def organisation_label(self) -> str:
        if self.organisation_id is not None:
            return str(self.organisation)
        return self.organisation_name or "an organisation not named"


class ThresholdDecision(models.Model):
    """Whether the threshold for a review is met (s.104(1)(b)), with the engine's reasons."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="decision")
    decided_on = models.DateField()
    met = models.BooleanField()
    engine_met = models.BooleanField(help_text="What the rules decided.")
    rule = models.CharField(max_length=300)
    explanation = models.TextField()
    complaint_ids = models.JSONField(default=list)
    officer_differs = models.BooleanField(default=False)
    reasons = models.TextField(blank=True, verbose_name="Reasons for a different decision")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Threshold {'met' if self.met else 'not met'} ({self.application.reference})"


class Review(models.Model):
    """The case review held when the threshold is met (s.104(1))."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="review")
    meeting_date = models.DateField(null=True, blank=True, verbose_name="Date of the review meeting")
    chair_name = models.CharField(max_length=200, blank=True)
    chair_organisation = models.CharField(max_length=200, blank=True)
    chair_independent = models.BooleanField(default=False, verbose_name="The chair is independent")
    case_history = models.TextField(blank=True, verbose_name="Case history")
    applicant_views = models.TextField(blank=True, verbose_name="The applicant's views")
    outcome = models.TextField(blank=True, verbose_name="Outcome of the review")
    outcome_letter_date = models.DateField(null=True, blank=True, verbose_name="Outcome letter sent on")
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Review of {self.application.reference}"


class ReviewAttendee(models.Model):
    """Someone at the review meeting, for an organisation."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="attendees")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Recommendation(models.Model):
    """A recommendation of the review (s.104(7)), owned by an organisation, with a due date."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField()
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    made_on = models.DateField()
    due_date = models.DateField()
    task = models.OneToOneField(
        "casework.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_review_recommendation",
        help_text="The case-work task on a linked case that carries it out.",
    )
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "due_date", "pk"]

    def __str__(self) -> str:
        return f"Recommendation for {self.owner} by {self.due_date:%-d %B %Y}"


class DissatisfactionReview(models.Model):
    """An applicant's request to review how the application was handled."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="dissatisfactions")
    received_on = models.DateField()
    grounds = models.TextField()
    heard_by = models.CharField(max_length=200, blank=True)
    decision = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "received_on", "pk"]

    def __str__(self) -> str:
        return f"Request of {self.received_on:%-d %B %Y} about {self.application.reference}"


class FiguresPublication(models.Model):
    """The coordinator published the year's four figures on the public page."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="case_review_publications"
    )
    year = models.CharField(max_length=7, help_text="Plan year slug, for example 2019-20.")
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="case_review_figures_once")
        ]

    def __str__(self) -> str:
        return f"ASB Case Review figures {self.year.replace('-', '/')}"
