"""Partnerships, the organisations in them, who belongs to them, and their glossary."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from core.models import District, PoliceForce


class Partnership(models.Model):
    """One Community Safety Partnership. Every partnership record belongs to exactly one."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    districts = models.ManyToManyField(District, related_name="partnerships")
    police_force = models.ForeignKey(
        PoliceForce, null=True, blank=True, on_delete=models.PROTECT, related_name="partnerships"
    )
    current_plan_year = models.ForeignKey(
        "planning.PlanYear",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The plan year the dashboard opens on.",
    )
    phone = models.CharField(max_length=60, blank=True)
    email = models.EmailField(blank=True)
    website = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    social_links = models.TextField(
        blank=True, help_text="One per line: label, then a space, then the address."
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationType(models.TextChoices):
    RESPONSIBLE_AUTHORITY = "responsible_authority", "Responsible authority"
    CO_OPERATING_BODY = "co_operating_body", "Co-operating body"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary sector"
    HOUSING_PROVIDER = "housing_provider", "Housing provider"
    GROUP = "group", "Group or meeting"
    OTHER = "other", "Other"


class Organisation(models.Model):
    """A partner agency or any other body or group that can own an action."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(max_length=200)
    short_name = models.CharField("short name or acronym", max_length=60, blank=True)
    org_type = models.CharField(
        "type", max_length=32, choices=OrganisationType.choices, default=OrganisationType.OTHER
    )
    phone = models.CharField(max_length=60, blank=True)
    email = models.EmailField(blank=True)
    website = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    in_membership_list = models.BooleanField("in the published membership list", default=False)
    membership_order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "partnership", Lower("name"), name="organisation_name_unique_in_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationName(models.Model):
    """Another name an organisation is known by ("Lookahead" for "Look Ahead")."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("organisation", Lower("name"), name="organisation_other_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "Partnership coordinator"
    LEAD_OFFICER = "lead_officer", "Lead officer"
    MEMBER = "member", "Member"


class Membership(models.Model):
    """A person's place in one partnership: for an organisation, with a role."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__name", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership"], name="one_membership_per_partnership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.partnership}"


class Grant(models.TextChoices):
    """Roles held in addition to the plan role. The case-work roles see case work; a plan role alone
    sees none of it."""

    DATA_PROTECTION_LEAD = "data_protection_lead", "Data protection lead"
    CASE_WORKER = "case_worker", "Case worker"
    CSU_COORDINATOR = "csu_coordinator", "Community Safety Unit coordinator"


SENSITIVE_GRANTS = frozenset({Grant.DATA_PROTECTION_LEAD, Grant.CASE_WORKER, Grant.CSU_COORDINATOR})


class RoleGrant(models.Model):
    """A further role held on a membership, beside its plan role (coordinator and DPO, say)."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="grants")
    grant = models.CharField(max_length=40, choices=Grant.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["grant"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "grant"], name="one_grant_per_membership")
        ]

    def __str__(self) -> str:
        return f"{self.membership.user} – {self.get_grant_display()}"


class Invitation(models.Model):
    """An e-mailed invitation to join a partnership with a role. Only a hash of the token is kept."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.partnership}"


class GlossaryTerm(models.Model):
    """An acronym or term and its meaning, per partnership."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="glossary")
    term = models.CharField(max_length=60)
    meaning = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint("partnership", Lower("term"), name="glossary_term_unique_in_partnership")
        ]

    def __str__(self) -> str:
        return self.term


# --- Messages: e-mails the partnership sends (round notices, reminders, chasers, digests). ---


class MessageKind(models.TextChoices):
    ROUND_OPENED = "round_opened", "Round opened"
    REMINDER = "reminder", "Reminder"
    CHASER = "chaser", "Chaser"
    DIGEST = "digest", "Digest"
    DATA_REQUEST = "data_request", "Partner data request"
    DATA_REMINDER = "data_reminder", "Partner data reminder"
    DATA_CHASER = "data_chaser", "Partner data chaser"
    CASEWORK_DIGEST = "casework_digest", "Case-work digest"


class MessageResult(models.TextChoices):
    CLAIMED = "", "Claimed, not yet sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Message(models.Model):
    """One e-mail to one person: claimed (inserted and committed) before it is sent, so the unique
    (recipient, kind, round key) stops a second send by an overlapping or later run (ADR 0022)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="messages")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    address = models.EmailField()
    kind = models.CharField(max_length=20, choices=MessageKind.choices)
    round_key = models.CharField(max_length=120, help_text="What the message is about, e.g. a round.")
    round_label = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    result = models.CharField(max_length=10, choices=MessageResult.choices, blank=True, default="")
    error = models.CharField(max_length=500, blank=True)
    provider_id = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-claimed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "round_key"], name="message_sent_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.address} ({self.round_label or self.round_key})"


class MessageText(models.Model):
    """A partnership's own subject and body for one kind of message (defaults in
    `partnership.messaging.DEFAULT_TEXTS` until the coordinator saves one)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="message_texts")
    kind = models.CharField(max_length=20, choices=MessageKind.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "kind"], name="one_message_text_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} text"


class MessagingSettings(models.Model):
    """When a partnership's reminders and digests go out."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="messaging")
    reminder_days = models.PositiveSmallIntegerField(
        "days before the due date to send the reminder",
        default=5,
        help_text="The reminder goes out on the first run this many days or fewer before the due date.",
    )
    weekly_digest = models.BooleanField(
        "send coordinators a digest on Mondays",
        default=True,
        help_text="Received and missing updates by organisation for every open round.",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Message settings of {self.partnership}"


class MessageOptOut(models.Model):
    """A person does not want one kind of message in this partnership. Invitations and password
    resets are not messages of this kind and are always sent."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="message_opt_outs")
    kind = models.CharField(max_length=20, choices=MessageKind.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["membership", "kind"], name="one_opt_out_per_kind")]

    def __str__(self) -> str:
        return f"{self.membership.user} opts out of {self.get_kind_display()}"
