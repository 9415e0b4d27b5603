"""Permission-matrix rows of the crime map and its downloads: any member of the partnership reads
them (the district's crime data is reference data; the partnership is the door)."""

from tests.permission_matrix_data import ASSESS, MEMBERS, Case, get

CASES_MAPS: list[Case] = [
    get("assessment:map", ASSESS + "map/", "p", MEMBERS),
    get("assessment:map_svg", ASSESS + "map.svg", "p", MEMBERS),
    get("assessment:map_png", ASSESS + "map.png", "p", MEMBERS),
]
