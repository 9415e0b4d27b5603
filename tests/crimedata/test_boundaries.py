"""LSOA boundaries from GeoJSON: installed whole, or refused with a message naming the file,
the feature and the field, with nothing saved."""

import json

import pytest
from django.core.management import CommandError, call_command

from crimedata.boundaries import boundaries_import
from crimedata.importer.errors import ImportValidationError
from crimedata.models import BoundarySet, LsoaBoundary

pytestmark = pytest.mark.django_db
RING = [[0.30, 51.20], [0.31, 51.20], [0.31, 51.21], [0.30, 51.21], [0.30, 51.20]]


def feature(code="E01099001", name="Tonbridge and Malling 001A", geometry=None, key="LSOA21CD"):
    return {
        "type": "Feature",
        "properties": {key: code, key[:-2] + "NM": name},
        "geometry": geometry or {"type": "Polygon", "coordinates": [RING]},
    }


def write(tmp_path, data, name="lsoas.geojson"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def test_import_polygons_and_multipolygons_replacing_a_set(tmp_path):
    multi = {"type": "MultiPolygon", "coordinates": [[RING], [[[p[0] + 0.1, p[1]] for p in RING]]]}
    path = write(tmp_path, collection(feature(), feature("E01099002", "B", multi)))
    out = __import__("io").StringIO()
    call_command("import_lsoa_boundaries", str(path), "--name", "LSOA 2021", "--source", "ONS", stdout=out)
    assert "2 LSOAs (2021 codes)" in out.getvalue()
    second = LsoaBoundary.objects.get(lsoa_code="E01099002")
    assert len(second.polygons) == 2 and second.max_lon == pytest.approx(0.41)
    path = write(tmp_path, collection(feature("E01099003", key="LSOA11CD")))
    boundary_set = boundaries_import(user=None, path=path, name="LSOA 2021", source="ONS again")
    assert boundary_set.vintage == "2011"
    assert list(LsoaBoundary.objects.values_list("lsoa_code", flat=True)) == ["E01099003"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "lsoas.geojson: this is not valid JSON (line 1, column 2"),
        ({"type": "Feature"}, "not a GeoJSON FeatureCollection"),
        (collection(), "the file has no features"),
        (
            collection(feature(), feature(code="E0109")),
            'feature 2, field "LSOA21CD": "E0109" is not an LSOA code',
        ),
        (
            collection(feature(), feature()),
            'feature 2 (E01099001), field "LSOA21CD": E01099001 is in the file twice',
        ),
        (
            collection({"type": "Feature", "properties": {"code": "E01099001"}, "geometry": None}),
            "feature 1: no LSOA code property",
        ),
        (
            collection(feature(geometry={"type": "Point", "coordinates": [0.3, 51.2]})),
            'feature 1 (E01099001), field "geometry": the geometry is Point',
        ),
        (
            collection(
                feature(
                    geometry={"type": "Polygon", "coordinates": [[[560000, 150000], [1, 2], [3, 4], [5, 6]]]}
                )
            ),
            "looks like British National Grid metres",
        ),
        (
            collection(feature(geometry={"type": "Polygon", "coordinates": [RING[:3]]})),
            "a ring has fewer than 4 positions",
        ),
        (
            collection(feature(geometry={"type": "Polygon", "coordinates": [[["a", 1], *RING]]})),
            "is not a [longitude, latitude] position",
        ),
        (collection(feature(), feature("E01099002", key="LSOA11CD")), "mixes 2011 and 2021 LSOA codes"),
    ],
)
def test_bad_files_say_where_and_save_nothing(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(ImportValidationError) as error:
        boundaries_import(user=None, path=path, name="Bad", source="", display="lsoas.geojson")
    assert message in str(error.value)
    assert str(error.value).startswith("lsoas.geojson")
    assert not BoundarySet.objects.exists() and not LsoaBoundary.objects.exists()


def test_geopackage_is_refused_by_name(tmp_path):
    path = tmp_path / "lsoas.gpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(CommandError, match="GeoPackage; only GeoJSON can be imported"):
        call_command("import_lsoa_boundaries", str(path), "--name", "x", "--source", "y")


def test_reference_page_installs_boundaries_or_names_the_problem(client, world, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(world.site_admin)
    target = reverse("crimedata:reference_upload", args=["boundaries"])
    data = {
        "boundaries-file": SimpleUploadedFile("lsoas.geojson", json.dumps(collection(feature())).encode()),
        "boundaries-name": "Example LSOAs", "boundaries-source": "Made up", "boundaries-is_example": "on",
    }  # fmt: skip
    response = client.post(target, data)
    assert response.status_code == 302 and BoundarySet.objects.get().is_example
    data["boundaries-file"] = SimpleUploadedFile(
        "bad.geojson", json.dumps(collection(feature(code="X"))).encode()
    )
    data["boundaries-name"] = "Other"
    page = client.post(target, data).content.decode()
    assert "govuk-error-summary" in page and "bad.geojson: feature 1, field" in page
    assert BoundarySet.objects.count() == 1
