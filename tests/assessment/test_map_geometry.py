"""Map geometry and drawing without a database: projection, hexagon counts against an independent
nearest-centre count, classes, and well-formed SVG with its text alternative."""

import io
import math
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from assessment.maps import Boundary, choropleth, hex_map, make_classes
from assessment.maps.geometry import (
    Projection,
    cell_width_for,
    format_length,
    hex_cell,
    hex_centre,
    hex_corners,
)
from assessment.maps.model import rate_per_1000

SVG = "{http://www.w3.org/2000/svg}"
coords = st.floats(min_value=-5000, max_value=5000, allow_nan=False)


def test_projection_is_metres_and_round_trips():
    p = Projection(0.35, 51.28)
    x, y = p.forward(0.35, 51.28 + 0.01)
    assert x == 0 and math.isclose(y, 1111.95, abs_tol=0.1)  # 0.01° of latitude ≈ 1.11 km
    x, _ = p.forward(0.36, 51.28)
    assert math.isclose(x, 1111.95 * math.cos(math.radians(51.28)), rel_tol=1e-6)
    lon, lat = p.inverse(*p.forward(0.41, 51.22))
    assert math.isclose(lon, 0.41) and math.isclose(lat, 51.22)


def point_in_ring(point: tuple[float, float], ring) -> bool:
    """Even-odd rule: whether the point is inside the drawn outline."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def nearest_centres(x: float, y: float, size: float) -> set[tuple[int, int]]:
    """Independently of hex_cell: the lattice centres nearest to (x, y), by brute force."""
    r0 = round(y / (1.5 * size))
    q0 = round(x / (math.sqrt(3) * size) - r0 / 2)
    around = [(q, r) for q in range(q0 - 3, q0 + 4) for r in range(r0 - 3, r0 + 4)]
    distances = {c: math.dist((x, y), hex_centre(c, size)) for c in around}
    best = min(distances.values())
    return {c for c, d in distances.items() if d - best < 1e-6}


@given(coords, coords, st.sampled_from([100.0, 288.7, 1000.0]))
def test_a_point_belongs_to_the_nearest_hexagon_centre(x, y, size):
    cell = hex_cell(x, y, size)
    assert cell in nearest_centres(x, y, size)
    if math.dist((x, y), hex_centre(cell, size)) < size * 0.8:  # well inside: the drawn outline holds it
        assert point_in_ring((x, y), hex_corners(cell, size))


def test_cell_width_is_a_round_length():
    assert cell_width_for(12_000, 8_000) == 500
    assert cell_width_for(60_000, 20_000) == 2_500
    assert format_length(2000) == "2 km" and format_length(2500) == "2.5 km" and format_length(500) == "500 m"


def test_classes_cover_one_to_the_highest_without_gaps():
    values = [Decimal(v) for v in [1, 1, 2, 3, 5, 8, 13, 21, 34, 55]]
    classes = make_classes(values)
    assert [c.word for c in classes] == ["Very low", "Low", "Medium", "High", "Very high"]
    assert classes[0].low == 1 and classes[-1].high == 55
    for before, after in zip(classes, classes[1:], strict=False):
        assert after.low == before.high + 1
    assert [c.areas for c in classes] == [2, 2, 2, 2, 2]  # quantiles: as many areas in each
    assert [c.text(Decimal(1)) for c in classes] == [
        "Very low: 1", "Low: 2 to 3", "Medium: 4 to 8", "High: 9 to 21", "Very high: 22 to 55"
    ]  # fmt: skip


def test_zero_and_missing_get_their_own_classes():
    classes = make_classes([Decimal(0), Decimal("2.5"), None, Decimal("7.1")], Decimal("0.1"))
    assert [c.word for c in classes] == ["None", "Lower", "Higher", "No figure"]
    assert classes[1].low == Decimal("0.1") and classes[2].low == Decimal("2.6")
    assert rate_per_1000(3, 1_500) == Decimal("2.0") and rate_per_1000(1, 0) is None


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.split("?>", 1)[-1])  # noqa: S314 - our own output


def test_hex_map_svg_is_well_formed_with_title_desc_legend_and_escaped_text():
    points = [
        (0.35 + i * 0.002, 51.28 + (i % 7) * 0.001, 1 + i % 4, "TM <001A>", "On or near \x07Fish & Chips")
        for i in range(60)
    ]
    m = hex_map(points, title='Burglary in "Tonbridge" <script>', what="crimes", unmapped=4)
    root = parse(m.svg())
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == 'Burglary in "Tonbridge" <script>'
    desc = root.find(f"{SVG}desc").text
    assert f"{m.total:,} crimes" in desc and "4 crimes with no location are not on the map" in desc
    assert m.total == sum(n for _, _, n, _, _ in points)
    assert "\x07" not in m.svg() and "<script>" not in m.svg()
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Crimes" in texts and "Very low: 1" in texts
    assert any(t and t.endswith(" m") or t and t.endswith(" km") for t in texts)  # the scale bar
    paths = list(root.iter(f"{SVG}path"))
    assert len(paths) == len(m.areas) + len(m.classes)
    image = Image.open(io.BytesIO(m.png()))
    assert image.format == "PNG" and image.width == 1280


def test_empty_hex_map_says_so():
    m = hex_map([], title="Nothing", what="burglaries", unmapped=2)
    assert m.areas == () and m.desc.startswith("No burglaries with a location")
    parse(m.svg())
    Image.open(io.BytesIO(m.png()))


def square(code, x, y):
    ring = ((x, y), (x + 0.01, y), (x + 0.01, y + 0.01), (x, y + 0.01), (x, y))
    return Boundary(code, f"Area {code}", ((ring,),))


def test_choropleth_counts_and_rates():
    shapes = [
        square("E01000001", 0.3, 51.2),
        square("E01000002", 0.31, 51.2),
        square("E01000003", 0.32, 51.2),
    ]
    counts = {"E01000001": 30, "E01000002": 0, "E01000009": 5}
    m = choropleth(shapes, counts, title="All crime", what="crimes")
    assert [(a.key, a.count, a.value) for a in m.ranked] == [
        ("E01000001", 30, 30), ("E01000002", 0, 0), ("E01000003", 0, 0)
    ]  # fmt: skip
    assert m.class_text(m.ranked[1]) == "None"
    rates = choropleth(shapes, counts, title="All crime", what="crimes", population={"E01000001": 1_600})
    assert rates.measure == "crimes per 1,000 residents"
    assert [a.value for a in rates.ranked] == [Decimal("18.8"), None, None]
    assert "No figure" in [c.word for c in rates.classes]
    parse(rates.svg())


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0.2, max_value=0.5),
            st.floats(min_value=51.1, max_value=51.4),
            st.integers(1, 3),
        ),
        min_size=1,
        max_size=150,
    )
)
def test_hex_map_cells_hold_the_points_nearest_their_centre(rows):
    points = [(lon, lat, n, "LSOA", "Street") for lon, lat, n in rows]
    m = hex_map(points, title="t", what="crimes")
    projection = Projection.around((lon, lat) for lon, lat, _ in rows)
    size = m.cell_size / math.sqrt(3)
    expected: Counter[str] = Counter()
    for lon, lat, n in rows:
        x, y = projection.forward(lon, lat)
        nearest = nearest_centres(x, y, size)
        cell = hex_cell(x, y, size) if len(nearest) > 1 else nearest.pop()
        expected[f"{cell[0]},{cell[1]}"] += n
    assert {a.key: a.count for a in m.areas} == dict(expected)
    assert m.total == sum(n for _, _, n in rows)
