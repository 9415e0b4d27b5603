"""What a crime map shows, built once for the map page, its downloads, the `crime_map` command and
the Strategic Assessment document: the Map, the table beside it and the example-data notes."""

from collections.abc import Sequence
from typing import Any, Literal

from assessment.analysis import Period
from assessment.maps import Map, choropleth, hex_map
from assessment.selectors import crime
from assessment.selectors import maps as map_data
from assessment.selectors.crime import DistrictRef
from crimedata.models import ASB, CRIME_TYPES, PopulationTable

ALL_CRIME = map_data.ALL_CRIME
ALL_CRIME_LABEL = "All crime (excluding anti-social behaviour)"
CRIME_TYPE_CHOICES: list[tuple[str, str]] = [(ALL_CRIME, ALL_CRIME_LABEL), *((t, t) for t in CRIME_TYPES)]
TOP_CELLS = 20
Kind = Literal["auto", "hex", "lsoa"]


def crime_type_label(crime_type: str) -> str:
    return ALL_CRIME_LABEL if crime_type == ALL_CRIME else crime_type


def noun(crime_type: str) -> str:
    """What the rows are called in sentences: crimes, or anti-social behaviour incidents."""
    return "anti-social behaviour incidents" if crime_type == ASB else "crimes"


def build_map(
    districts: Sequence[DistrictRef],
    period: Period,
    *,
    crime_type: str = ALL_CRIME,
    kind: Kind = "auto",
    area_name: str | None = None,
    lsoa_codes: Sequence[str] | None = None,
    population_table: PopulationTable | None = None,
) -> dict[str, Any]:
    """A hexagon map of the rows' points, or (kind "lsoa", or "auto" when boundaries are installed
    for the area's LSOAs) a choropleth of counts, or of rates per 1,000 residents with a population
    table. `lsoa_codes` limits the map to a place's LSOAs."""
    name = area_name or ", ".join(d.name for d in districts)
    what = noun(crime_type)
    title = f"{crime_type_label(crime_type)} in {name}, {period.label}"
    sets: list[Any] = []
    notes: list[str] = []
    shapes: list[Any] = []
    if kind in ("auto", "lsoa"):
        counts, names, no_lsoa = map_data.lsoa_map_counts(districts, period, crime_type, lsoa_codes)
        codes = (
            set(lsoa_codes)
            if lsoa_codes is not None
            else set(counts) | map_data.district_lsoa_codes(districts)
        )
        shapes, sets = map_data.boundaries(codes)
        if not shapes and kind == "lsoa":
            notes.append("No LSOA boundaries are installed for this area, so the map shows hexagons.")
        kind = "lsoa" if shapes else "hex"
    m: Map
    if kind == "lsoa":
        mapped = {s.code for s in shapes}
        unmapped = no_lsoa + sum(n for code, n in counts.items() if code not in mapped)
        population = None
        if population_table is not None:
            population = crime.population_for(population_table, sorted(mapped), period.start.year)
            title = f"{title}, per 1,000 residents"
        m = choropleth(
            shapes,
            counts,
            title=title,
            what=what,
            population=population,
            unmapped=unmapped,
        )
        if population is not None and len(population) < len(mapped):
            notes.append(
                f"{len(mapped) - len(population):,} of {len(mapped):,} LSOAs have no figure in "
                f"{population_table}, so they have no rate."
            )
        rows: list[dict[str, Any]] = [
            {
                "name": a.name if a.name != a.key else names.get(a.key, a.key),
                "code": a.key,
                "count": a.count,
                "population": a.population,
                "value": a.value,
                "class": m.class_text(a),
            }
            for a in m.ranked
        ]
    else:
        points, unmapped = map_data.map_points(districts, period, crime_type, lsoa_codes)
        m = hex_map(points, title=title, what=what, unmapped=unmapped)
        rows = [
            {
                "name": a.detail,
                "code": a.name.removeprefix(a.detail + ", "),
                "count": a.count,
                "lat": a.lat,
                "lon": a.lon,
                "value": a.value,
                "class": m.class_text(a),
            }
            for a in m.ranked[:TOP_CELLS]
        ]
    example = crime.example_sources(*sets, population_table if m.kind == "lsoa" else None)
    if crime.example_force_months(districts, period):
        example.append("Generated example police.uk records (demo)")
    return {
        "map": m,
        "kind": m.kind,
        "title": title,
        "rows": rows,
        "classes": [
            {
                "colour": c.colour,
                "text": c.text(m.step),
                "areas": c.areas,
                "count": sum(a.count for a in m.areas if c.holds(a.value)),
            }
            for c in m.classes
        ],
        "boundary_sets": sets,
        "population_table": population_table if m.kind == "lsoa" else None,
        "notes": notes,
        "example_sources": example,
        "period": period,
        "crime_type": crime_type,
        "crime_type_label": crime_type_label(crime_type),
        "area_name": name,
        "what": what,
        "shown_cells": min(len(m.areas), TOP_CELLS),
    }
