"""The optional tile layer: without MAP_TILE_URL nothing comes from another site (policy and page);
with it only the tile host joins img-src and the map page carries the interactive map (self-hosted
Leaflet, the areas as GeoJSON that match the SVG map's geometry)."""

import json
import re

import pytest
from django.urls import reverse

from assessment.analysis import Period
from assessment.mapping import build_map
from assessment.maps.example import example_boundaries
from assessment.maps.geojson import map_geojson, recovered_projection
from assessment.maps.geometry import Projection
from assessment.maps.model import Boundary, choropleth, hex_map
from assessment.selectors import DistrictRef
from assessment.selectors.maps import lsoa_centres
from core.map_tiles import tile_origin_of
from tests.assessment.helpers import district
from tests.assessment.map_helpers import APR, MAY, street_rows, write_street_parquet

TILES = "https://tiles.example/{z}/{x}/{y}.png"
MAP_QUERY = {"crime_type": "Burglary", "start": "2019-04", "end": "2019-05", "kind": "hex"}
RESOURCE = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)="([^"]*)\"""")


def img_src(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if part.strip().startswith("img-src"))


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        (TILES, "https://tiles.example"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://localhost:8080/tiles/{z}/{x}/{y}.png", "http://localhost:8080"),
        ("", ""),
        ("https://tiles.example/osm.png", ""),  # no {z}/{x}/{y}
        ("ftp://tiles.example/{z}/{x}/{y}.png", ""),
        ("https://tiles.example; script-src *;/{z}/{x}/{y}.png", ""),
        ("https://a.example,b.example/{z}/{x}/{y}.png", ""),
        ("https://user@tiles.example/{z}/{x}/{y}.png", ""),
    ],
)
def test_tile_origin(url, origin):
    assert tile_origin_of(url) == origin


def test_geojson_matches_the_svg_maps_geometry():
    points = [
        (0.27 + i * 0.004, 51.19 + (i % 5) * 0.003, 1 + i % 3, "E01099001", "On or near X") for i in range(40)
    ]
    m = hex_map(points, title="Test", what="crimes")
    truth = Projection.around((lon, lat) for lon, lat, *_ in points)
    found = recovered_projection(m)
    assert found is not None
    assert abs(found.lon0 - truth.lon0) < 1e-6 and abs(found.lat0 - truth.lat0) < 1e-6
    collection = map_geojson(m)
    assert len(collection["features"]) == len(m.areas)
    for feature, area in zip(collection["features"], m.areas, strict=True):
        ring = feature["geometry"]["coordinates"][0]
        assert ring[0] == ring[-1] and len(ring) == len(area.rings[0]) + 1
        for (lon, lat), (x, y) in zip(ring, area.rings[0], strict=False):
            want = truth.inverse(x, y)
            assert abs(lon - want[0]) < 1e-5 and abs(lat - want[1]) < 1e-5
        assert feature["properties"]["colour"] == m.colour_of(area)
        assert feature["properties"]["label"].startswith(area.name + ": ")
    square = ((0.30, 51.20), (0.32, 51.20), (0.32, 51.21), (0.30, 51.21), (0.30, 51.20))
    lsoa = choropleth(
        [Boundary("E01099001", "Test 001A", ((square,),))], {"E01099001": 7}, title="T", what="crimes"
    )
    (feature,) = map_geojson(lsoa)["features"]
    for (lon, lat), (want_lon, want_lat) in zip(feature["geometry"]["coordinates"][0], square, strict=True):
        assert abs(lon - want_lon) < 1e-5 and abs(lat - want_lat) < 1e-5
    assert feature["properties"]["label"] == "Test 001A: 7 crimes (Every area)"


@pytest.fixture
def mapped(client, world, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path / "store"
    write_street_parquet(street_rows())
    world.partnership.districts.add(district())
    client.force_login(world.member)
    return reverse("assessment:map", args=["test-csp"])


@pytest.mark.django_db
def test_without_the_setting_nothing_comes_from_another_site(client, mapped, settings):
    settings.MAP_TILE_URL = ""
    response = client.get(mapped, MAP_QUERY)
    page = response.content.decode()
    assert img_src(response) == "img-src 'self' data:"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    resources = RESOURCE.findall(page)
    assert resources and all(url.startswith("/") and not url.startswith("//") for url in resources)
    assert "leaflet" not in page and "csp-tile-map" not in page
    assert 'role="img"' in page  # the SVG map stands alone


@pytest.mark.django_db
def test_with_the_setting_the_tile_host_alone_joins_img_src(client, mapped, settings):
    settings.MAP_TILE_URL = TILES
    settings.MAP_TILE_ATTRIBUTION = "© Example <Tiles>"
    response = client.get(mapped, MAP_QUERY)
    page = response.content.decode()
    assert img_src(response) == "img-src 'self' data: https://tiles.example"
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy"]
    # Scripts and styles are still this site's own; only the tiles' address names another host.
    assert all(url.startswith("/") for url in RESOURCE.findall(page))
    assert '/static/vendor/leaflet/leaflet.js"' in page and '/static/assessment/tile-map.js"' in page
    assert f'data-tiles="{TILES}"' in page and 'data-attribution="© Example &lt;Tiles&gt;"' in page
    assert "<script>" not in page.replace('<script id="csp-tile-map-data" type="application/json">', "")
    data = json.loads(
        re.search(r'id="csp-tile-map-data" type="application/json">(.*?)</script>', page).group(1)
    )
    result = build_map([DistrictRef.of(district())], Period(APR, MAY), crime_type="Burglary", kind="hex")
    assert len(data["features"]) == len(result["map"].areas)
    assert 'role="img"' in page  # the SVG map stays
    other = client.get(reverse("assessment:index", args=["test-csp"]))
    assert "https://tiles.example" in img_src(other) and "leaflet" not in other.content.decode()


@pytest.mark.django_db
def test_a_bad_setting_widens_nothing(client, mapped, settings):
    settings.MAP_TILE_URL = "https://tiles.example; script-src * /{z}/{x}/{y}.png"
    response = client.get(mapped, MAP_QUERY)
    assert img_src(response) == "img-src 'self' data:"
    assert "csp-tile-map" not in response.content.decode()


@pytest.mark.django_db
def test_lsoa_map_gets_the_tile_layer_too(client, mapped, settings, tmp_path):
    from crimedata.boundaries import boundaries_import

    settings.MAP_TILE_URL = TILES
    ref = DistrictRef.of(district())
    path = tmp_path / "lsoas.geojson"
    path.write_text(json.dumps(example_boundaries(lsoa_centres([ref], Period(APR, MAY)))))
    boundaries_import(user=None, path=path, name="Example hexagon LSOAs", source="generated", is_example=True)
    page = client.get(mapped, {**MAP_QUERY, "kind": "lsoa"}).content.decode()
    data = json.loads(
        re.search(r'id="csp-tile-map-data" type="application/json">(.*?)</script>', page).group(1)
    )
    assert {f["properties"]["label"].split(":")[0] for f in data["features"]} >= {
        "Tonbridge and Malling 004A"
    }
