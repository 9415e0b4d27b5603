"""Shared argument handling of the publishing commands."""

from pathlib import Path

from django.core.management.base import CommandError

from partnership.models import Partnership
from planning.models import PlanYear


def plan_year_or_error(partnership_slug: str, year_slug: str) -> PlanYear:
    partnership = Partnership.objects.filter(slug=partnership_slug).first()
    if partnership is None:
        known = ", ".join(Partnership.objects.order_by("slug").values_list("slug", flat=True)) or "none"
        raise CommandError(f"There is no partnership {partnership_slug!r}. Known partnerships: {known}.")
    plan_year = partnership.plan_years.filter(slug=year_slug).first()
    if plan_year is None:
        known = (
            ", ".join(partnership.plan_years.order_by("start_date").values_list("slug", flat=True)) or "none"
        )
        raise CommandError(
            f"{partnership.name} has no plan year {year_slug!r}. Its plan years: {known} (use the form 2020-21)."
        )
    plan_year.partnership = partnership
    return plan_year


def write_output(path: str, data: bytes) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise CommandError(f"--output: the folder {str(target.parent)!r} does not exist.")
    target.write_bytes(data)
    return target
