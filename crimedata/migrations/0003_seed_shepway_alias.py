"""Seed the one district alias every installation needs: Shepway (the name 2011 LSOAs keep) is
Folkestone and Hythe (renamed 2018), ONS code E07000112."""

from django.db import migrations


def seed(apps, schema_editor):
    District = apps.get_model("core", "District")
    DistrictAlias = apps.get_model("crimedata", "DistrictAlias")
    district = District.objects.filter(code="E07000112").first()
    if district is None:
        district = District.objects.filter(name="Folkestone and Hythe").first()
    if district is None:
        district = District.objects.create(code="E07000112", name="Folkestone and Hythe")
    DistrictAlias.objects.get_or_create(alias="Shepway", defaults={"district": district})


def unseed(apps, schema_editor):
    apps.get_model("crimedata", "DistrictAlias").objects.filter(alias="Shepway").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("crimedata", "0002_example_flag_import_run"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
