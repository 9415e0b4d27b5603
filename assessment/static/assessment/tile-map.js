/* The interactive crime map: the SVG map's areas (GeoJSON in the page) over the tile server named by
   MAP_TILE_URL, with Leaflet served from this site. Runs only when the page holds the map's data;
   without JavaScript the section stays hidden and the SVG map stands alone. */
(function () {
  "use strict";
  var box = document.getElementById("csp-tile-map");
  var source = document.getElementById("csp-tile-map-data");
  if (!box || !source || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var data = JSON.parse(source.textContent);
  var attribution = document.createElement("span");
  attribution.textContent = box.getAttribute("data-attribution") || "";
  box.hidden = false;
  var map = L.map(box.querySelector(".csp-tile-map__canvas"), { scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);
  L.tileLayer(box.getAttribute("data-tiles"), {
    attribution: attribution.innerHTML, // the setting as plain text, escaped
    maxZoom: 19,
  }).addTo(map);
  var areas = L.geoJSON(data, {
    style: function (feature) {
      return { color: "#0b0c0c", weight: 1, fillColor: feature.properties.colour, fillOpacity: 0.7 };
    },
    onEachFeature: function (feature, layer) {
      layer.bindTooltip(feature.properties.label, { sticky: true });
    },
  }).addTo(map);
  var bounds = areas.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [10, 10] });
  } else {
    map.setView([52.5, -1.5], 6);
  }
})();
