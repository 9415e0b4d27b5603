"""Synthetic data.police.uk street files, fast and deterministic (DuckDB does the work).

Rows look like real ones: 64-hex Crime IDs (blank for anti-social behaviour, some repeated),
coordinates near their LSOA, `On or near …` locations, LSOA names `<District> 012C`, a share of
no-location rows and of rows in another force's LSOAs, CRLF line endings. LSOA codes are in a
range no real LSOA uses (E01/W01 9xxxxx), so a real ONS lookup never claims them.
"""
# ruff: noqa: S608  (DuckDB SQL built from constants and sql_string()-quoted paths, never user text)

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from crimedata.store import sql_string

FORCES: list[tuple[str, str]] = [
    ("avon-and-somerset", "Avon and Somerset Constabulary"), ("bedfordshire", "Bedfordshire Police"),
    ("cambridgeshire", "Cambridgeshire Constabulary"), ("cheshire", "Cheshire Constabulary"),
    ("city-of-london", "City of London Police"), ("cleveland", "Cleveland Police"),
    ("cumbria", "Cumbria Constabulary"), ("derbyshire", "Derbyshire Constabulary"),
    ("devon-and-cornwall", "Devon & Cornwall Police"), ("dorset", "Dorset Police"),
    ("durham", "Durham Constabulary"), ("dyfed-powys", "Dyfed-Powys Police"), ("essex", "Essex Police"),
    ("gloucestershire", "Gloucestershire Constabulary"), ("greater-manchester", "Greater Manchester Police"),
    ("gwent", "Gwent Police"), ("hampshire", "Hampshire Constabulary"), ("hertfordshire", "Hertfordshire Constabulary"),
    ("humberside", "Humberside Police"), ("kent", "Kent Police"), ("lancashire", "Lancashire Constabulary"),
    ("leicestershire", "Leicestershire Police"), ("lincolnshire", "Lincolnshire Police"),
    ("merseyside", "Merseyside Police"), ("metropolitan", "Metropolitan Police Service"),
    ("norfolk", "Norfolk Constabulary"), ("north-wales", "North Wales Police"),
    ("north-yorkshire", "North Yorkshire Police"), ("northamptonshire", "Northamptonshire Police"),
    ("northumbria", "Northumbria Police"), ("nottinghamshire", "Nottinghamshire Police"),
    ("south-wales", "South Wales Police"), ("south-yorkshire", "South Yorkshire Police"),
    ("staffordshire", "Staffordshire Police"), ("suffolk", "Suffolk Constabulary"), ("surrey", "Surrey Police"),
    ("sussex", "Sussex Police"), ("thames-valley", "Thames Valley Police"), ("warwickshire", "Warwickshire Police"),
    ("west-mercia", "West Mercia Police"), ("west-midlands", "West Midlands Police"),
    ("west-yorkshire", "West Yorkshire Police"), ("wiltshire", "Wiltshire Police"),
]  # fmt: skip
WELSH = {"dyfed-powys", "gwent", "north-wales", "south-wales"}
# Kent's districts as 2011 LSOA names spell them (Shepway = Folkestone and Hythe), with a centre.
KENT_DISTRICTS: list[tuple[str, float, float]] = [
    ("Ashford", 0.87, 51.15), ("Canterbury", 1.08, 51.28), ("Dartford", 0.22, 51.44), ("Dover", 1.31, 51.13),
    ("Gravesham", 0.37, 51.44), ("Maidstone", 0.52, 51.27), ("Sevenoaks", 0.19, 51.27), ("Shepway", 1.17, 51.08),
    ("Swale", 0.75, 51.34), ("Thanet", 1.38, 51.36), ("Tonbridge and Malling", 0.35, 51.28),
    ("Tunbridge Wells", 0.26, 51.13), ("Medway", 0.55, 51.39),
]  # fmt: skip
SUFFIXES = [
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Vale",
    "Coast",
    "Forest",
    "Downs",
    "Valley",
    "Heath",
    "Moor",
]
LSOAS_PER_DISTRICT = 80
# Crime types with rough national shares (per 1,000 rows).
TYPE_SHARES: list[tuple[str, int]] = [
    ("Anti-social behaviour", 250), ("Violence and sexual offences", 330), ("Criminal damage and arson", 80),
    ("Public order", 75), ("Other theft", 60), ("Shoplifting", 50), ("Vehicle crime", 45), ("Burglary", 40),
    ("Drugs", 20), ("Other crime", 15), ("Theft from the person", 10), ("Bicycle theft", 10),
    ("Robbery", 8), ("Possession of weapons", 7),
]  # fmt: skip
OUTCOMES = [
    "Investigation complete; no suspect identified", "Unable to prosecute suspect", "Under investigation",
    "Status update unavailable", "Awaiting court outcome", "Local resolution", "Offender given a caution",
    "Court result unavailable", "Further investigation is not in the public interest",
    "Action to be taken by another organisation",
]  # fmt: skip
STREETS = [
    "High Street", "Station Road", "Church Lane", "London Road", "Park Avenue", "Mill Lane", "The Green",
    "Victoria Road", "Queens Road", "Kings Road", "School Lane", "North Street", "New Road", "Manor Road",
    "Parking Area", "Supermarket", "Petrol Station", "Shopping Area", "Sports/Recreation Area", "Nightclub",
    "Hospital", "Conference/Exhibition Centre", "Further/Higher Educational Building", "Police Station",
    "Bridge Street", "Castle Street", "Chapel Road", "Elm Grove", "Green Lane", "Hill Road", "Mount Pleasant",
    "Orchard Close", "West Street", "York Road", "Albert Road", "Grange Road", "Oak Avenue", "Meadow Way",
]  # fmt: skip
HEADER_SQL = (
    'crime_id AS "Crime ID", month_key AS "Month", force_name AS "Reported by", force_name AS "Falls within", '
    'lon AS "Longitude", lat AS "Latitude", location AS "Location", lsoa_code AS "LSOA code", '
    'lsoa_name AS "LSOA name", crime_type AS "Crime type", outcome AS "Last outcome category", '
    'NULL::VARCHAR AS "Context"'
)


@dataclass(frozen=True)
class Generated:
    files: int
    rows: int


def _list(values: list[str]) -> str:
    return "[" + ", ".join(sql_string(v) for v in values) + "]"


def _districts(force_slug: str, index: int) -> list[tuple[str, float, float]]:
    if force_slug == "kent":
        return KENT_DISTRICTS
    base = FORCES[index][1].split(" Police")[0].split(" Constabulary")[0].replace("Metropolitan", "London")
    digest = hashlib.sha256(force_slug.encode()).digest()
    count = 6 + digest[0] % 7
    lon0, lat0 = -3.0 + (digest[1] / 255) * 4.5, 50.5 + (digest[2] / 255) * 4.5
    return [(f"{base} {SUFFIXES[k]}", lon0 + 0.15 * (k % 4), lat0 + 0.12 * (k // 4)) for k in range(count)]


def setup(
    con: duckdb.DuckDBPyConnection,
    force_slugs: list[str],
    districts: dict[str, list[tuple[str, float, float]]] | None = None,
) -> None:
    """Tables `gen_forces(f, slug, force_name, lsoa_count)` and `gen_lsoas(f, k, district,
    lsoa_code, lsoa_name, lon, lat)` for the given forces (f = position in FORCES)."""
    con.execute(
        "CREATE OR REPLACE TABLE gen_districts (f INT, d INT, district VARCHAR, lon DOUBLE, lat DOUBLE)"
    )
    con.execute(
        "CREATE OR REPLACE TABLE gen_forces (f INT, slug VARCHAR, force_name VARCHAR, prefix VARCHAR)"
    )
    for slug in force_slugs:
        f = next(i for i, (s, _) in enumerate(FORCES) if s == slug)
        con.execute(
            "INSERT INTO gen_forces VALUES (?, ?, ?, ?)",
            [f, slug, FORCES[f][1], "W01" if slug in WELSH else "E01"],
        )
        con.executemany(
            "INSERT INTO gen_districts VALUES (?, ?, ?, ?, ?)",
            [
                (f, d, name, lon, lat)
                for d, (name, lon, lat) in enumerate((districts or {}).get(slug) or _districts(slug, f))
            ],
        )
    con.execute(
        f"""CREATE OR REPLACE TABLE gen_lsoas AS
        SELECT d.f, d.d, d.d * {LSOAS_PER_DISTRICT} + r.k AS k, d.district,
            g.prefix || lpad(CAST(900000 + d.f * 2000 + d.d * 100 + r.k AS VARCHAR), 6, '0') AS lsoa_code,
            d.district || ' ' || lpad(CAST(r.k // 4 + 1 AS VARCHAR), 3, '0') || chr(65 + CAST(r.k % 4 AS INT)) AS lsoa_name,
            d.lon + ((hash(d.f, d.d, r.k, 'x') % 1000) / 1000.0 - 0.5) * 0.12 AS lon,
            d.lat + ((hash(d.f, d.d, r.k, 'y') % 1000) / 1000.0 - 0.5) * 0.08 AS lat
        FROM gen_districts d JOIN gen_forces g USING (f), range({LSOAS_PER_DISTRICT}) r(k)"""
    )
    con.execute(
        "CREATE OR REPLACE TABLE gen_force_sizes AS SELECT f, count(*) AS lsoa_count FROM gen_lsoas GROUP BY f"
    )


def _row_details_sql(seed: int, key: str) -> str:
    """Columns common to both generators; `key` is a SQL expression unique per row."""
    return f"""
        CASE WHEN crime_type = 'Anti-social behaviour' THEN NULL
             WHEN hash({seed}, {key}, 'rep') % 150 = 0 THEN sha256(CAST({seed} AS VARCHAR) || 'repeat' || month_key || slug)
             ELSE sha256(CAST({seed} AS VARCHAR) || month_key || slug || CAST({key} AS VARCHAR)) END AS crime_id,
        CASE WHEN lsoa_code IS NULL THEN NULL ELSE printf('%.6f', lsoa_lon + ((hash({seed}, {key}, 'lo') % 10000) / 10000.0 - 0.5) * 0.01) END AS lon,
        CASE WHEN lsoa_code IS NULL THEN NULL ELSE printf('%.6f', lsoa_lat + ((hash({seed}, {key}, 'la') % 10000) / 10000.0 - 0.5) * 0.007) END AS lat,
        CASE WHEN lsoa_code IS NULL THEN 'No Location'
             ELSE 'On or near ' || {_list(STREETS)}[1 + CAST(hash({seed}, {key}, 'st') % {len(STREETS)} AS INT)] END AS location,
        CASE WHEN crime_type = 'Anti-social behaviour' THEN NULL
             ELSE {_list(OUTCOMES)}[1 + CAST(hash({seed}, {key}, 'out') % {len(OUTCOMES)} AS INT)] END AS outcome"""


def generate(
    output: Path, *, forces: int, months: int, rows: int, seed: int, start: date = date(2019, 4, 1)
) -> Generated:
    """Write `forces` × `months` files of `rows` rows each under output/YYYY-MM/."""
    if not 1 <= forces <= len(FORCES):
        raise ValueError(f"--forces must be 1 to {len(FORCES)}.")
    slugs = [slug for slug, _ in FORCES]
    # Kent first so small runs include the demo force; the rest in alphabetical order.
    chosen = ["kent", *[s for s in slugs if s != "kent"]][:forces]
    type_pool = [t for t, share in TYPE_SHARES for _ in range(share // 5)]
    con = duckdb.connect(":memory:")
    con.execute("SET threads = 2")
    setup(con, chosen)
    n_forces = len(chosen)
    total = 0
    for m in range(months):
        month = date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1)
        month_key = f"{month:%Y-%m}"
        folder = output / month_key
        folder.mkdir(parents=True, exist_ok=True)
        for index, slug in enumerate(chosen):
            f = next(i for i, (s, _) in enumerate(FORCES) if s == slug)
            other = next(i for i, (s, _) in enumerate(FORCES) if s == chosen[(index + 1) % n_forces])
            target = folder / f"{month_key}-{slug}-street.csv"
            con.execute(
                f"""COPY (
                WITH base AS (
                    SELECT i, {_list(type_pool)}[1 + CAST(hash({seed}, {f}, {m}, i, 't') % {len(type_pool)} AS INT)] AS crime_type,
                        hash({seed}, {f}, {m}, i, 'loc') % 1000 AS u_loc,
                        hash({seed}, {f}, {m}, i, 'lsoa') AS u_lsoa
                    FROM range({rows}) r(i)),
                placed AS (
                    SELECT b.*, CASE WHEN u_loc < 15 THEN NULL WHEN u_loc < 18 THEN {other} ELSE {f} END AS tf
                    FROM base b),
                joined AS (
                    SELECT p.*, l.lsoa_code, l.lsoa_name, l.lon AS lsoa_lon, l.lat AS lsoa_lat,
                        {sql_string(month_key)} AS month_key, {sql_string(slug)} AS slug, g.force_name
                    FROM placed p
                    LEFT JOIN gen_force_sizes s ON s.f = p.tf
                    LEFT JOIN gen_lsoas l ON l.f = p.tf AND l.k = p.u_lsoa % s.lsoa_count
                    CROSS JOIN (SELECT force_name FROM gen_forces WHERE f = {f}) g)
                SELECT {HEADER_SQL} FROM (SELECT *, {_row_details_sql(seed, f"{f}::BIGINT * 100000000 + {m}::BIGINT * 1000000 + i")} FROM joined)
                ORDER BY lsoa_code NULLS LAST, i
                ) TO {sql_string(target)} (FORMAT csv, HEADER, NEW_LINE '\r\n')"""
            )
            total += rows
    con.close()
    return Generated(files=months * n_forces, rows=total)
