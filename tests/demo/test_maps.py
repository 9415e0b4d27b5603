"""demo.maps: example hexagon LSOAs and LSOA population, marked example, installed once."""

import io

import pytest

from assessment.analysis import Period
from assessment.mapping import build_map
from assessment.selectors import DistrictRef
from core.actors import system_user
from crimedata.models import BoundarySet, LsoaBoundary, PopulationTable
from demo.maps import BOUNDARY_NAME, POPULATION_NAME, maps_load
from tests.assessment.helpers import district
from tests.assessment.map_helpers import APR, LSOAS, MAY, street_rows, write_street_parquet

pytestmark = pytest.mark.django_db


def test_demo_installs_example_boundaries_once_and_the_map_uses_them(crime_store):
    ref = DistrictRef.of(district())
    write_street_parquet(street_rows())
    out = io.StringIO()
    assert maps_load(actor=system_user(), stdout=out) == len(LSOAS)
    boundary_set = BoundarySet.objects.get(name=BOUNDARY_NAME)
    assert boundary_set.is_example and boundary_set.vintage == "2021"
    assert sorted(LsoaBoundary.objects.values_list("lsoa_code", flat=True)) == [c for c, *_ in LSOAS]
    assert PopulationTable.objects.get(name=POPULATION_NAME).is_example
    assert maps_load(actor=system_user(), stdout=out) == 0 and "already installed" in out.getvalue()
    result = build_map(
        [ref], Period(APR, MAY), population_table=PopulationTable.objects.get(name=POPULATION_NAME)
    )
    assert result["kind"] == "lsoa" and BOUNDARY_NAME in result["example_sources"]
    assert POPULATION_NAME in result["example_sources"]
    assert all(row["value"] is not None for row in result["rows"])
