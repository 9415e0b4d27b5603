"""`{% tile_map r %}`: the interactive map over a tile server, when `MAP_TILE_URL` names one.

An enhancement only: the SVG map, its text alternative and table stay on the page; the interactive
map is hidden until its self-hosted script (no inline script) shows it.
"""

from typing import Any

from django import template

from assessment.maps.geojson import map_geojson
from core.map_tiles import tile_attribution, tile_url

register = template.Library()


@register.inclusion_tag("assessment/includes/tile_map.html", takes_context=True)
def tile_map(context: template.Context, r: dict[str, Any] | None) -> dict[str, Any]:
    url = tile_url()
    request = context.get("request")
    return {
        "tiles": url,
        "attribution": tile_attribution(),
        "geojson": map_geojson(r["map"]) if url and r and r["map"].areas else None,
        "title": r["title"] if r else "",
        "nonce": getattr(request, "csp_nonce", ""),
    }
