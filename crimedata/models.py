"""Installation-wide police.uk crime data and other reference tables.

Raw rows live in Parquet files (one current file per force and month, found through ForceMonth);
the main database keeps only monthly counts by district and crime type, never LSOA × type × month.
"""

from django.conf import settings
from django.db import models

from core.models import District, PoliceForce

CRIME_TYPES: list[str] = [
    "Anti-social behaviour",
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
]
ASB = "Anti-social behaviour"
VICTIM_BASED: list[str] = [
    "Violence and sexual offences",
    "Robbery",
    "Burglary",
    "Vehicle crime",
    "Theft from the person",
    "Bicycle theft",
    "Shoplifting",
    "Other theft",
    "Criminal damage and arson",
]
OTHER_AGAINST_SOCIETY: list[str] = ["Drugs", "Possession of weapons", "Public order", "Other crime"]


class ForceMonth(models.Model):
    """The current Parquet file of one force's street-level rows for one month."""

    force = models.ForeignKey(PoliceForce, on_delete=models.PROTECT, related_name="months")
    month = models.DateField(help_text="First day of the month.")
    parquet_path = models.CharField(max_length=400, help_text="Relative to CRIME_DATA_DIR.")
    row_count = models.PositiveIntegerField(default=0)
    source_name = models.CharField(max_length=400, blank=True, help_text="The file it came from.")
    is_example = models.BooleanField(
        default=False, help_text="Generated example (demo) data, not real police.uk data."
    )
    imported_at = models.DateTimeField(auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["force__slug", "month"]
        constraints = [models.UniqueConstraint(fields=["force", "month"], name="one_file_per_force_month")]

    def __str__(self) -> str:
        return f"{self.force.slug} {self.month:%Y-%m}"


class CrimeCount(models.Model):
    """Rows of one force-month file by district and crime type.

    district_name is blank for rows with no location (they count for their force only).
    district_code is null when no LSOA lookup or known district gives it.
    """

    force_month = models.ForeignKey(ForceMonth, on_delete=models.CASCADE, related_name="counts")
    month = models.DateField(db_index=True)
    district_name = models.CharField(max_length=200, blank=True, db_index=True)
    district_code = models.CharField(max_length=9, null=True, blank=True, db_index=True)
    crime_type = models.CharField(max_length=60)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["district_code", "month"]),
            models.Index(fields=["district_name", "month"]),
        ]

    def __str__(self) -> str:
        return f"{self.district_name} {self.month:%Y-%m} {self.crime_type}: {self.count}"


class DistrictAlias(models.Model):
    """An old or other name of a district as LSOA names use it: Shepway → Folkestone and Hythe."""

    alias = models.CharField(max_length=200, unique=True)
    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        verbose_name_plural = "district aliases"

    def __str__(self) -> str:
        return f"{self.alias} → {self.district.name}"


class LsoaDistrict(models.Model):
    """An LSOA → district lookup row (ONS). Both 2011 and 2021 LSOAs may be present."""

    lsoa_code = models.CharField(max_length=9, unique=True)
    lsoa_name = models.CharField(max_length=200, blank=True)
    district_code = models.CharField(max_length=9, db_index=True)
    district_name = models.CharField(max_length=200)
    vintage = models.CharField(max_length=4, blank=True, help_text="2011 or 2021")

    def __str__(self) -> str:
        return f"{self.lsoa_code} → {self.district_name}"


class PopulationTable(models.Model):
    """A population table (area code, area name, year, population) with where it came from."""

    name = models.CharField(max_length=200, unique=True)
    source = models.TextField(blank=True)
    is_example = models.BooleanField(default=False, help_text="Made-up example figures, not real data.")
    imported_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class PopulationFigure(models.Model):
    table = models.ForeignKey(PopulationTable, on_delete=models.CASCADE, related_name="figures")
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField()
    population = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["table", "area_code", "year"], name="one_population_per_area_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_name} {self.year}: {self.population}"


class WeightSet(models.Model):
    """Harm weights per crime type (e.g. derived from the ONS Crime Severity Score)."""

    name = models.CharField(max_length=200)
    version = models.CharField(max_length=60, blank=True)
    source = models.TextField(blank=True)
    is_example = models.BooleanField(default=False)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="weight_set_unique")]

    def __str__(self) -> str:
        return f"{self.name} {self.version}".strip()


class CrimeWeight(models.Model):
    weight_set = models.ForeignKey(WeightSet, on_delete=models.CASCADE, related_name="weights")
    crime_type = models.CharField(max_length=60)
    weight = models.DecimalField(max_digits=12, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["weight_set", "crime_type"], name="one_weight_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.crime_type}: {self.weight}"


class ImportRun(models.Model):
    """One upload of police.uk files imported by a background task, with its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    message = models.TextField(blank=True)
    file_name = models.CharField(max_length=400, help_text="The name the file was uploaded with.")
    upload_path = models.CharField(max_length=400, blank=True, help_text="Relative to MEDIA_ROOT.")
    rows = models.PositiveIntegerField(default=0)
    force_months = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Last sign of life of the worker running it."
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class BoundarySet(models.Model):
    """LSOA boundaries from one file (ONS GeoJSON, 2011 or 2021 codes), installed by a site
    administrator as reference data; maps shade these areas (a choropleth)."""

    name = models.CharField(max_length=200, unique=True)
    vintage = models.CharField(max_length=4, blank=True, help_text="2011 or 2021")
    source = models.TextField(blank=True)
    is_example = models.BooleanField(default=False, help_text="Made-up example shapes, not real boundaries.")
    imported_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class LsoaBoundary(models.Model):
    """One LSOA's outline in longitude/latitude (WGS84): a list of polygons, each a list of rings
    (the first the outside, the rest holes), each a list of [lon, lat]."""

    boundary_set = models.ForeignKey(BoundarySet, on_delete=models.CASCADE, related_name="areas")
    lsoa_code = models.CharField(max_length=9, db_index=True)
    lsoa_name = models.CharField(max_length=200, blank=True)
    polygons = models.JSONField()
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["boundary_set", "lsoa_code"], name="one_boundary_per_lsoa_in_set")
        ]

    def __str__(self) -> str:
        return f"{self.lsoa_code} {self.lsoa_name}".strip()
