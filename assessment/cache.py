"""Cache what only an import or an edit can change.

Keys carry the crime-data version: a digest of every imported force-month (count, last id, last
import time) and count row, the reference tables (population, weights, district names and aliases,
most similar groups, the ward lookup, the LSOA → district lookup, LSOA boundaries) and the crime-data
folder. Importing, replacing or cleaning files, or loading reference data, changes the
version, so stale entries are never read (they expire on their own). Values live in Django's cache
(per process with the default local-memory cache).
"""

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import Model

from assessment.models import ComparatorGroup, LsoaWard
from core.models import District
from crimedata.models import (
    BoundarySet,
    CrimeCount,
    DistrictAlias,
    ForceMonth,
    LsoaBoundary,
    LsoaDistrict,
    PopulationFigure,
    PopulationTable,
    WeightSet,
)
from crimedata.store import data_dir

T = TypeVar("T")
TIMEOUT = 24 * 60 * 60


# (model, aggregates) read by the version: count, last id and last import time where they tell.
VERSION_PARTS: list[tuple[type[Model], tuple[str, ...]]] = [
    (ForceMonth, ("COUNT(*)", "MAX(id)", "MAX(imported_at)", "MAX(row_count)")),
    (CrimeCount, ("MAX(id)",)),
    (PopulationTable, ("COUNT(*)", "MAX(id)", "MAX(imported_at)")),
    (PopulationFigure, ("MAX(id)",)),
    (WeightSet, ("COUNT(*)", "MAX(imported_at)")),
    (District, ("COUNT(*)", "MAX(id)")),
    (DistrictAlias, ("COUNT(*)", "MAX(id)")),
    (ComparatorGroup, ("COUNT(*)", "MAX(imported_at)")),
    (LsoaWard, ("COUNT(*)", "MAX(id)")),
    (LsoaDistrict, ("COUNT(*)", "MAX(id)")),
    (BoundarySet, ("COUNT(*)", "MAX(imported_at)")),
    (LsoaBoundary, ("COUNT(*)", "MAX(id)")),
]


def crime_data_version() -> str:
    """Changes whenever crime data or reference data are imported, replaced or removed (one query)."""
    columns = [
        f"(SELECT {aggregate} FROM {connection.ops.quote_name(model._meta.db_table)})"  # noqa: S608 - fixed names
        for model, aggregates in VERSION_PARTS
        for aggregate in aggregates
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns))  # noqa: S608 - table names and fixed aggregates
        row = cursor.fetchone()
    return hashlib.sha256(repr((row, str(data_dir()))).encode()).hexdigest()[:16]


def cached(key: Hashable, compute: Callable[[], T], *, version: str | None = None) -> T:
    """compute() once per crime-data version (and whatever else the key names)."""
    digest = hashlib.sha256(repr((version or crime_data_version(), key)).encode()).hexdigest()
    name = f"assessment:{digest}"
    found = cache.get(name)
    if found is None:
        found = compute()
        cache.set(name, found, TIMEOUT)
    return found
