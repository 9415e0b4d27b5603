"""Maps of crime: points counted in hexagons, or LSOAs shaded by count or rate (choropleth), drawn
as accessible SVG on pages and in the PDF and as PNG in Word. Pure: the selectors pass rows in."""

from assessment.maps.model import Area, Boundary, Map, MapClass, choropleth, hex_map, make_classes

__all__ = ["Area", "Boundary", "Map", "MapClass", "choropleth", "hex_map", "make_classes"]
