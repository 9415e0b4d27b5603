"""Small synthetic police.uk street files for tests."""

from pathlib import Path

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
    "Crime type,Last outcome category,Context"
)


def row(
    month: str = "2019-09",
    crime_type: str = "Burglary",
    lsoa_code: str = "E01024700",
    lsoa_name: str = "Tonbridge and Malling 001A",
    crime_id: str = "abc123",
    lon: str = "0.2741",
    lat: str = "51.1950",
    location: str = "On or near High Street",
    force_name: str = "Kent Police",
    outcome: str = "Under investigation",
) -> str:
    if crime_type == "Anti-social behaviour":
        crime_id, outcome = "", ""
    return ",".join(
        [
            crime_id,
            month,
            force_name,
            force_name,
            lon,
            lat,
            location,
            lsoa_code,
            lsoa_name,
            crime_type,
            outcome,
            "",
        ]
    )


def no_location(month: str = "2019-09", crime_type: str = "Violence and sexual offences") -> str:
    return row(
        month, crime_type, lsoa_code="", lsoa_name="", lon="", lat="", location="No Location", crime_id="nl1"
    )


def write_street(
    folder: Path,
    rows: list[str],
    month: str = "2019-09",
    force: str = "kent",
    header: str = HEADER,
    newline: str = "\r\n",
    bom: bool = False,
    name: str | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{month}-{force}-street.csv")
    data = newline.join([header, *rows]) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
    return path
