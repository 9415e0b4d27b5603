"""Meetings of the partnership: series, meetings, agenda items with papers, attendance, minutes,
decisions and meeting actions; the personal calendar feed's token."""

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from partnership.models import Organisation, Partnership
from publishing.storage import private_storage


class Confidentiality(models.TextChoices):
    PARTNERSHIP = "partnership", "Open to all partnership members"
    MEMBERS = "members", "Series members only"


class MeetingSeries(models.Model):
    """A recurring meeting: the Strategy Group, a working group, the Community Safety Unit."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meeting_series")
    name = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    cadence = models.CharField(
        max_length=120, blank=True, help_text="How often it meets, in words: “three times a year”, “weekly”."
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chair_name = models.CharField(
        max_length=120, blank=True, help_text="The chair's name or post when they have no account."
    )
    member_organisations = models.ManyToManyField(Organisation, blank=True, related_name="+")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    confidentiality = models.CharField(
        max_length=20, choices=Confidentiality.choices, default=Confidentiality.PARTNERSHIP
    )
    case_review = models.BooleanField(
        default=False, help_text="Reviews individual cases (case work will use this)."
    )
    prefill_agenda = models.BooleanField(
        "pre-fill agendas from the plan",
        default=False,
        help_text="Strategy Group: new agendas list the actions at risk or off track, missing updates "
        "and overdue meeting actions.",
    )
    is_example = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "meeting series"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="meeting_series_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_confidential(self) -> bool:
        return self.confidentiality == Confidentiality.MEMBERS


class MinutesState(models.TextChoices):
    NONE = "none", "No minutes yet"
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class Meeting(models.Model):
    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("date and time")
    duration_minutes = models.PositiveIntegerField(default=120)
    place = models.CharField(max_length=200, blank=True)
    online_link = models.URLField("online meeting link", max_length=500, blank=True)
    minutes_state = models.CharField(max_length=10, choices=MinutesState.choices, default=MinutesState.NONE)
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The later meeting that approved these minutes.",
    )
    is_example = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.series.name}, {self.local_start:%-d %B %Y}"

    @property
    def local_start(self) -> datetime.datetime:
        from django.utils import timezone

        return timezone.localtime(self.starts_at)

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)


def paper_upload_to(instance: Any, filename: str) -> str:
    """A random name with the checked extension (the service chooses it from the content)."""
    import uuid
    from pathlib import Path

    extension = Path(filename).suffix.lower()
    return f"governance/papers/{uuid.uuid4().hex}{extension if extension in PAPER_TYPES else ''}"


# The only paper formats stored, by extension: the content type is taken from it, never the upload.
PAPER_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    paper = models.FileField(upload_to=paper_upload_to, storage=private_storage, blank=True, max_length=200)
    paper_name = models.CharField(max_length=200, blank=True, help_text="The uploaded file's name, shown.")
    link = models.CharField(
        "link to a CSP Hub page",
        max_length=500,
        blank=True,
        help_text="A page of this site, starting with /, such as the progress report.",
    )
    minutes = models.TextField(blank=True)
    decisions = models.TextField(blank=True)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Substitute sent"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12, choices=AttendanceStatus.choices)
    substitute_name = models.CharField(max_length=120, blank=True)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="one_attendance_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_status_display()}"


class MeetingAction(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="meeting_actions")
    text = models.CharField(max_length=500)
    owner_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: datetime.date) -> bool:
        return is_overdue(self.due_date, self.done_on, today)


def is_overdue(due: datetime.date, done_on: datetime.date | None, today: datetime.date) -> bool:
    """Not done and the due date has passed (due today is not yet overdue)."""
    return done_on is None and due < today


class CalendarFeed(models.Model):
    """A person's secret calendar feed URL: only a hash of the token is kept; revoking deletes it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"


# --- The partnership's calendar of duties, and the plan sent to the policing body. ---


class DutyState(models.TextChoices):
    DONE = "done", "Done"
    OVERDUE = "overdue", "Overdue"
    DUE = "due", "Due"
    UPCOMING = "upcoming", "Upcoming"
    NO_DATE = "no_date", "No date set"


DUE_SOON_DAYS = 30


def duty_state(
    due: datetime.date | None, done_on: datetime.date | None, today: datetime.date, *, due_now: bool = False
) -> str:
    """Done once evidence is linked; overdue after the due date; due within DUE_SOON_DAYS of it (or
    when the duty is due now, like a published plan not yet sent); upcoming before; else no date."""
    if done_on is not None:
        return DutyState.DONE
    if due is not None and due < today:
        return DutyState.OVERDUE
    if due_now or (due is not None and (due - today).days <= DUE_SOON_DAYS):
        return DutyState.DUE
    return DutyState.UPCOMING if due is not None else DutyState.NO_DATE


class Duty(models.Model):
    """One item of a plan year's calendar: a recurring duty with an owner and a due-date rule, done
    by linking the evidence (a published plan version, a meeting or a document's address)."""

    plan_year = models.ForeignKey("planning.PlanYear", on_delete=models.CASCADE, related_name="duties")
    key = models.CharField(max_length=40, blank=True, help_text="Set for the standard items.")
    title = models.CharField(max_length=200)
    rule = models.CharField("due-date rule", max_length=300, blank=True)
    statutory = models.BooleanField(default=False)
    citation = models.CharField(max_length=300, blank=True)
    owner_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    evidence_publication = models.ForeignKey(
        "publishing.PlanPublication", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    evidence_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence_link = models.CharField("link to the evidence", max_length=500, blank=True)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "title"]
        verbose_name_plural = "duties"
        constraints = [
            models.UniqueConstraint(
                fields=["plan_year", "key"], condition=~models.Q(key=""), name="one_standard_duty_per_year"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def state(self, today: datetime.date) -> str:
        return duty_state(self.due_date, self.done_on, today)


class GovernanceSettings(models.Model):
    """A partnership's own answer to who receives its plan (default `settings.PLAN_RECIPIENT`)."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="+")
    plan_recipient = models.CharField(max_length=200)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Governance settings of {self.partnership}"


class PlanSent(models.Model):
    """The recorded step after publishing: which version went to whom, when, recorded by whom."""

    publication = models.ForeignKey("publishing.PlanPublication", on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField()
    recipient = models.CharField(max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = "plan sent to the policing body"
        verbose_name_plural = "plans sent to the policing body"

    def __str__(self) -> str:
        return f"{self.publication} sent to {self.recipient} on {self.sent_on:%-d %B %Y}"


# --- Consultation and engagement, and equality impact assessments. ---


class EngagementKind(models.TextChoices):
    SURVEY = "survey", "Survey"
    EVENT = "event", "Event"
    YOU_SAID_WE_DID = "you_said_we_did", "You said, we did"


class Engagement(models.Model):
    """One entry of the consultation and engagement log: a survey, an event or a "you said, we did"
    item. Published "you said, we did" items show on the public page."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=EngagementKind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField("date")
    reach = models.CharField(max_length=200, blank=True, help_text="Who and how many: “412 residents”.")
    findings = models.TextField(blank=True)
    you_said = models.TextField(blank=True)
    we_did = models.TextField(blank=True)
    community_views = models.ManyToManyField(
        "assessment.CommunityView",
        blank=True,
        related_name="+",
        help_text="The Strategic Assessment's community views it informed.",
    )
    published = models.BooleanField(default=False)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "title"]

    def __str__(self) -> str:
        return self.title


PROTECTED_CHARACTERISTICS = [
    ("age", "Age"),
    ("disability", "Disability"),
    ("gender_reassignment", "Gender reassignment"),
    ("marriage_civil_partnership", "Marriage and civil partnership"),
    ("pregnancy_maternity", "Pregnancy and maternity"),
    ("race", "Race"),
    ("religion_belief", "Religion or belief"),
    ("sex", "Sex"),
    ("sexual_orientation", "Sexual orientation"),
]


class EqualityImpactAssessment(models.Model):
    """An equality impact assessment of one plan year or one strategy."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    plan_year = models.ForeignKey(
        "planning.PlanYear", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    strategy = models.ForeignKey(
        "planning.Strategy", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    characteristics = models.JSONField(default=list, help_text="The protected characteristics considered.")
    findings = models.TextField()
    mitigations = models.TextField(blank=True)
    approver = models.CharField(max_length=120, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    print_as_appendix = models.BooleanField(default=False)
    is_example = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan_year__isnull=False, strategy__isnull=True)
                | models.Q(plan_year__isnull=True, strategy__isnull=False),
                name="eia_of_a_plan_year_or_a_strategy",
            )
        ]

    def __str__(self) -> str:
        return f"Equality impact assessment of {self.plan_year or self.strategy}"

    @property
    def characteristic_labels(self) -> list[str]:
        names = dict(PROTECTED_CHARACTERISTICS)
        return [names.get(c, c) for c in self.characteristics]
