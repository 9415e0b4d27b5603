"""Reads of crime data for the admin pages (reference data: not scoped to a partnership)."""

from django.db.models import QuerySet, Sum
from django.http import Http404

from crimedata import access
from crimedata.models import ForceMonth, ImportRun


def _require_admin(user) -> None:  # type: ignore[no-untyped-def]
    if not access.can_manage_crime_data(user):
        raise Http404("Not found")


def force_months_for(user) -> QuerySet[ForceMonth]:  # type: ignore[no-untyped-def]
    _require_admin(user)
    return ForceMonth.objects.select_related("force").order_by("force__name", "-month")


def import_totals(user) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = force_months_for(user)
    return {"force_months": rows.count(), "rows": rows.aggregate(total=Sum("row_count"))["total"] or 0}


def recent_runs_for(user, limit: int = 10) -> list[ImportRun]:  # type: ignore[no-untyped-def]
    _require_admin(user)
    return list(ImportRun.objects.select_related("created_by")[:limit])


def import_run_for(user, run_id: int) -> ImportRun:  # type: ignore[no-untyped-def]
    """One run, for a site administrator; 404 for anyone else and for missing runs."""
    _require_admin(user)
    try:
        return ImportRun.objects.get(pk=run_id)
    except ImportRun.DoesNotExist:
        raise Http404("Not found") from None
