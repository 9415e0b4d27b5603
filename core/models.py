"""Installation-wide reference data shared by partnerships and crime data: districts and forces."""

from django.db import models


class PoliceForce(models.Model):
    """A police force as data.police.uk names it (slug `kent`, name `Kent Police`)."""

    slug = models.SlugField(max_length=64, unique=True, help_text="As in police.uk file names, e.g. kent")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A local authority district (ONS code and name), e.g. E07000115 Tonbridge and Malling."""

    code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=200, unique=True)
    police_force = models.ForeignKey(
        PoliceForce, null=True, blank=True, on_delete=models.SET_NULL, related_name="districts"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
