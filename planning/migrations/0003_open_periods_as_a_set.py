"""Open reporting periods become a set: `ReportingPeriod.is_open` replaces `PlanYear.open_period`."""

from django.db import migrations, models

HELP = "Open for updates; several periods may be open at once (Q4 and year-end)."


def copy_open_period(apps, schema_editor):
    PlanYear = apps.get_model("planning", "PlanYear")
    ReportingPeriod = apps.get_model("planning", "ReportingPeriod")
    open_ids = PlanYear.objects.exclude(open_period=None).values_list("open_period_id", flat=True)
    ReportingPeriod.objects.filter(pk__in=list(open_ids)).update(is_open=True)


def copy_back(apps, schema_editor):
    PlanYear = apps.get_model("planning", "PlanYear")
    ReportingPeriod = apps.get_model("planning", "ReportingPeriod")
    for period in ReportingPeriod.objects.filter(is_open=True).order_by("plan_year_id", "order"):
        PlanYear.objects.filter(pk=period.plan_year_id).update(open_period_id=period.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0002_status_meaning"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalreportingperiod",
            name="is_open",
            field=models.BooleanField(default=False, help_text=HELP),
        ),
        migrations.AddField(
            model_name="reportingperiod",
            name="is_open",
            field=models.BooleanField(default=False, help_text=HELP),
        ),
        migrations.RunPython(copy_open_period, copy_back),
        migrations.RemoveField(model_name="historicalplanyear", name="open_period"),
        migrations.RemoveField(model_name="planyear", name="open_period"),
    ]
