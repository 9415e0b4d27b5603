"""Case work: people, cases about them, risk, incidents, tasks, notes, documents, per-case grants
and enforcement under the Anti-social Behaviour, Crime and Policing Act 2014.

Every record belongs to one partnership (directly or through its case) and is read only through
`casework.access`. No record keeps a history table: a deleted or anonymised case leaves nothing
behind but its audit events, which hold ids, never content.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower

from casework.storage import casework_storage, document_upload_to
from partnership.models import Organisation, Partnership
from planning.models import Place


class LawfulBasis(models.Model):
    """A lawful basis for sharing without consent, from the list the partnership maintains."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "lawful bases"
        constraints = [
            models.UniqueConstraint("partnership", Lower("name"), name="lawful_basis_unique_in_partnership")
        ]

    def __str__(self) -> str:
        return self.name


class CaseType(models.Model):
    """A kind of case, per partnership, with its retention review period and risk questionnaire.

    `risk_questions` is a list of {"key": ..., "text": ..., "weight": n} yes/no questions; the score
    is the sum of the weights answered yes, banded by `risk_medium_from` and `risk_high_from`.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100)
    retention_years = models.PositiveSmallIntegerField(
        "retention review after closure (years)",
        default=6,
        help_text="Local default, not law: when a closed case is due for review by the data protection lead.",
    )
    risk_questions = models.JSONField(default=list, blank=True)
    risk_medium_from = models.PositiveSmallIntegerField(default=3)
    risk_high_from = models.PositiveSmallIntegerField(default=6)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("partnership", Lower("name"), name="case_type_unique_in_partnership")
        ]

    def __str__(self) -> str:
        return self.name


class Vulnerability(models.TextChoices):
    REPEAT_VICTIM = "repeat_victim", "Repeat victim"
    MENTAL_HEALTH = "mental_health", "Mental health needs"
    LEARNING_DISABILITY = "learning_disability", "Learning disability"
    PHYSICAL_DISABILITY = "physical_disability", "Physical disability"
    OLDER_PERSON = "older_person", "Older person living alone"
    CHILD = "child", "Child or young person"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"


class Contact(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "E-mail"
    LETTER = "letter", "Letter"
    VISIT = "visit", "Home visit"


class Consent(models.TextChoices):
    NOT_ASKED = "not_asked", "Not asked"
    GIVEN = "given", "Given"
    REFUSED = "refused", "Refused"


SPECIAL_CATEGORIES = ("health", "ethnicity", "religion", "sexuality")


class Person(models.Model):
    """A person the partnership holds case work about. One person, many cases."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    first_names = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    aliases = models.CharField(max_length=300, blank=True, help_text="Other names, separated by commas.")
    date_of_birth = models.DateField(null=True, blank=True)
    addresses = models.TextField(blank=True, help_text="One address per line, the current one first.")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    preferred_contact = models.CharField(max_length=10, choices=Contact.choices, blank=True)
    vulnerabilities = models.JSONField(default=list, blank=True)
    health = models.CharField("health", max_length=300, blank=True)
    health_reason = models.CharField("reason for recording health", max_length=300, blank=True)
    ethnicity = models.CharField(max_length=100, blank=True)
    ethnicity_reason = models.CharField("reason for recording ethnicity", max_length=300, blank=True)
    religion = models.CharField(max_length=100, blank=True)
    religion_reason = models.CharField("reason for recording religion", max_length=300, blank=True)
    sexuality = models.CharField(max_length=100, blank=True)
    sexuality_reason = models.CharField("reason for recording sexuality", max_length=300, blank=True)
    consent = models.CharField(
        "consent to share", max_length=10, choices=Consent.choices, default=Consent.NOT_ASKED
    )
    consent_date = models.DateField(null=True, blank=True)
    consent_recorded_by = models.CharField(max_length=150, blank=True)
    lawful_basis = models.ForeignKey(LawfulBasis, null=True, blank=True, on_delete=models.PROTECT)
    example = models.BooleanField(default=False, help_text="Made-up example data (ADR 0011).")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_names", "pk"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.first_names} {self.last_name}"

    @property
    def vulnerability_labels(self) -> list[str]:
        labels = dict(Vulnerability.choices)
        return [labels.get(v, v) for v in self.vulnerabilities]

    @property
    def special_categories(self) -> list[tuple[str, str, str]]:
        """(category, what is recorded, why) for each special category recorded."""
        return [
            (name.capitalize(), getattr(self, name), getattr(self, f"{name}_reason"))
            for name in SPECIAL_CATEGORIES
            if getattr(self, name)
        ]


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    MONITORING = "monitoring", "Monitoring"
    CLOSED = "closed", "Closed"


class Case(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, related_name="+")
    summary = models.CharField(
        max_length=200, help_text="A short description for lists. Do not put names in it."
    )
    lead_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    involved_organisations = models.ManyToManyField(Organisation, blank=True, related_name="+")
    places = models.ManyToManyField(Place, blank=True, related_name="+")
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    closed_reason = models.CharField(max_length=300, blank=True)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    example = models.BooleanField(default=False, help_text="Made-up example data (ADR 0011).")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return f"Case {self.reference}"

    @property
    def reference(self) -> str:
        return f"C{self.pk:06d}" if self.pk else "(new)"


class PersonRole(models.TextChoices):
    VICTIM = "victim", "Victim"
    PERPETRATOR = "perpetrator", "Perpetrator"
    VULNERABLE = "vulnerable", "Vulnerable person"
    WITNESS = "witness", "Witness"
    APPLICANT = "applicant", "Applicant"
    REPRESENTATIVE = "representative", "Representative"


class CasePerson(models.Model):
    """A person in a case, with their role in it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="case_links")
    role = models.CharField(max_length=16, choices=PersonRole.choices)

    class Meta:
        ordering = ["role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person", "role"], name="case_person_role_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class RiskLevel(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class RiskAssessment(models.Model):
    """One scoring of a case's questionnaire; the newest is the case's risk, the rest its history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="risk_assessments")
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=6, choices=RiskLevel.choices)
    assessed_on = models.DateField()
    assessed_by = models.CharField(max_length=150, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_level_display()} risk on {self.assessed_on:%d %B %Y}"


class IncidentKind(models.TextChoices):
    INCIDENT = "incident", "Incident"
    COMPLAINT = "complaint", "Complaint"


class Incident(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="incidents")
    kind = models.CharField(max_length=10, choices=IncidentKind.choices, default=IncidentKind.INCIDENT)
    behaviour_on = models.DateField("date of the behaviour")
    reported_on = models.DateField("date reported")
    reporting_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField("the reporting organisation's reference", max_length=60, blank=True)
    description = models.TextField()
    location = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-behaviour_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.behaviour_on:%d %B %Y}"


class Task(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    owner_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["done_on", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Confidentiality(models.TextChoices):
    CASE_MEMBERS = "members", "Everyone on the case"
    LEAD_ONLY = "lead", "Lead organisation only"


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    confidentiality = models.CharField(
        max_length=8, choices=Confidentiality.choices, default=Confidentiality.CASE_MEMBERS
    )
    author = models.CharField(max_length=150, blank=True)
    author_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"Note of {self.created:%d %B %Y}"


class CaseDocument(models.Model):
    """An uploaded file, stored privately under a random name and served only through its case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(storage=casework_storage, upload_to=document_upload_to, max_length=200)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.CharField(max_length=150, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.title


class CaseGrant(models.Model):
    """Access to one case for a named person or a whole organisation, with a reason, until a day."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=300)
    expires_on = models.DateField()
    granted_by = models.CharField(max_length=150, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-expires_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) ^ models.Q(organisation__isnull=False),
                name="case_grant_to_a_person_or_an_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"Access to {self.case} until {self.expires_on:%d %B %Y}"


class EnforcementKind(models.TextChoices):
    CPW = "cpw", "Community Protection Warning"
    CPN = "cpn", "Community Protection Notice"
    FPN = "fpn", "Fixed penalty notice"
    DISPERSAL = "dispersal", "Dispersal direction"
    INJUNCTION = "injunction", "Injunction"
    CBO = "cbo", "Criminal behaviour order"
    ABC = "abc", "Acceptable behaviour contract"
    PSPO_BREACH = "pspo_breach", "PSPO breach"


class Enforcement(models.Model):
    """One enforcement step about a person in a case (rules: `casework.rules`)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="enforcements")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enforcements")
    kind = models.CharField(max_length=12, choices=EnforcementKind.choices)
    conduct = models.CharField(
        "conduct",
        max_length=200,
        help_text="The conduct it is about, in the same words for a warning and its notice.",
    )
    issued_on = models.DateField()
    comply_by = models.DateField(
        "time to comply ends",
        null=True,
        blank=True,
        help_text="For a warning or notice: the last day to comply.",
    )
    issuing_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    recipient_is_body = models.BooleanField("issued to a body (not an individual)", default=False)
    warning = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a Community Protection Notice: the written warning it follows.",
    )
    amount = models.DecimalField(
        max_digits=7, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    outcome = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.issued_on:%d %B %Y}"


class FixedPenaltyCap(models.Model):
    """The most a fixed penalty notice may be, from a commencement date (s.52(7) of the 2014 Act).

    Installation-wide configuration kept by site administrators: £100 from 20 October 2014 is the
    only value shipped; a later cap is added with its commencement date.
    """

    commences_on = models.DateField(unique=True)
    amount = models.DecimalField(max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    source = models.CharField(
        max_length=200, default="Anti-social Behaviour, Crime and Policing Act 2014, s.52(7)"
    )

    class Meta:
        ordering = ["commences_on"]
        verbose_name = "fixed penalty cap"

    def __str__(self) -> str:
        return f"£{self.amount} from {self.commences_on:%d %B %Y}"


class ReviewExplanation(models.Model):
    """Someone explained the ASB Case Review to the victim of a case (it ends the second-report
    prompt, `casework.second_report`): who recorded it and the day it was explained."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="review_explanations")
    explained_on = models.DateField("date explained")
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.CharField(max_length=150, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-explained_on", "-pk"]

    def __str__(self) -> str:
        return f"ASB Case Review explained on {self.explained_on:%d %B %Y}"


class CaseReviewEntry(models.Model):
    """Minutes (a note of the case) or an action (a task of it) recorded for one case at a meeting of
    a case-review series (ADR 0031). The link lives in case work and goes with the case: the
    meeting itself holds no case details, and each entry is seen only by those who see its note
    or task."""

    meeting = models.ForeignKey("governance.Meeting", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="review_entries")
    note = models.OneToOneField(Note, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    task = models.OneToOneField(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name_plural = "case review entries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(note__isnull=False) ^ models.Q(task__isnull=False),
                name="case_review_entry_is_a_note_or_a_task",
            )
        ]

    def __str__(self) -> str:
        return f"{'Minutes' if self.note_id else 'Action'} for {self.case}"
