"""Cache what only an import or an edit can change.

Keys carry the crime-data version: a digest of every imported force-month (count, last id, last
import time) and count row, the reference tables (population, weights, district names and aliases,
most similar groups, the ward lookup) and the crime-data folder. Importing, replacing or cleaning files, or loading reference data, changes the
version, so stale entries are never read (they expire on their own). Values live in Django's cache
(per process with the default local-memory cache).
"""

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Count, Max

from assessment.models import ComparatorGroup, LsoaWard
from core.models import District
from crimedata.models import (
    CrimeCount,
    DistrictAlias,
    ForceMonth,
    PopulationFigure,
    PopulationTable,
    WeightSet,
)
from crimedata.store import data_dir

T = TypeVar("T")
TIMEOUT = 24 * 60 * 60


def crime_data_version() -> str:
    """Changes whenever crime data or reference data are imported, replaced or removed."""
    parts = [
        ForceMonth.objects.aggregate(
            n=Count("pk"), last=Max("pk"), at=Max("imported_at"), rows=Max("row_count")
        ),
        PopulationTable.objects.aggregate(n=Count("pk"), last=Max("pk"), at=Max("imported_at")),
        CrimeCount.objects.aggregate(last=Max("pk")),
        PopulationFigure.objects.aggregate(last=Max("pk")),
        ComparatorGroup.objects.aggregate(n=Count("pk"), at=Max("imported_at")),
        LsoaWard.objects.aggregate(n=Count("pk"), last=Max("pk")),
        WeightSet.objects.aggregate(n=Count("pk"), at=Max("imported_at")),
        District.objects.aggregate(n=Count("pk"), last=Max("pk")),
        DistrictAlias.objects.aggregate(n=Count("pk"), last=Max("pk")),
        str(data_dir()),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def cached(key: Hashable, compute: Callable[[], T], *, version: str | None = None) -> T:
    """compute() once per crime-data version (and whatever else the key names)."""
    digest = hashlib.sha256(repr((version or crime_data_version(), key)).encode()).hexdigest()
    name = f"assessment:{digest}"
    found = cache.get(name)
    if found is None:
        found = compute()
        cache.set(name, found, TIMEOUT)
    return found
