"""Installation-wide reference data shared by partnerships and crime data: districts and forces."""

from django.db import models


class PoliceForce(models.Model):
    """A police force as data.police.uk names it (slug `kent`, name `Kent Police`)."""

    slug = models.SlugField(max_length=64, unique=True, help_text="As in police.uk file names, e.g. kent")
    name = models.CharField(max_length=200)
    pfa_code = models.CharField(
        "ONS police force area code",
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        help_text="E23000032 for Kent; empty for a force with no area (e.g. British Transport Police).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CspArea(models.Model):
    """A community safety partnership area as the ONS codes it (CSP23: E22000148 Tonbridge and Malling)."""

    code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = "community safety partnership area"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class District(models.Model):
    """A local authority district (ONS code and name), e.g. E07000115 Tonbridge and Malling."""

    code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=200, unique=True)
    police_force = models.ForeignKey(
        PoliceForce, null=True, blank=True, on_delete=models.SET_NULL, related_name="districts"
    )
    csp_areas = models.ManyToManyField(
        CspArea,
        blank=True,
        related_name="districts",
        verbose_name="community safety partnership areas",
        help_text="Usually one; a few unitary districts have several (Buckinghamshire has four).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class AuditEventType(models.TextChoices):
    VIEWED = "viewed", "Viewed"
    SEARCHED = "searched", "Searched"
    EXPORTED = "exported", "Exported"
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    DELETED = "deleted", "Deleted"
    ACCESS_DENIED = "access_denied", "Access denied"
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"


class AuditEvent(models.Model):
    """One append-only audit event (ADR 0008). Plain values only: no foreign keys, so deleting a
    user or a record changes nothing here. Database triggers refuse UPDATE and DELETE."""

    occurred_at = models.DateTimeField(db_index=True)
    event_type = models.CharField(max_length=20, choices=AuditEventType.choices, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=150, blank=True)
    partnership_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    partnership_slug = models.CharField(max_length=80, blank=True)
    object_type = models.CharField(
        max_length=100, blank=True, help_text="app_label.model, e.g. planning.action"
    )
    object_id = models.CharField(max_length=64, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    detail = models.TextField(blank=True, help_text="Search filters, changed fields or a reason.")
    request_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username or '-'} {self.event_type} {self.object_type}#{self.object_id}"


class DataVersion(models.Model):
    """A counter per partnership that every committed write to one of its records moves on, so a
    page part cached under one value is never served after a change (`core.pagecache`, ADR 0019).
    A plain id, like the audit log: core imports no domain app."""

    partnership_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"partnership {self.partnership_id}: version {self.version}"
