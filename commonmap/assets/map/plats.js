/* Gemensam karta: the point picker on /bidra/plats/. A volunteer clicks the map (or moves it and
 * takes its centre, from the keyboard) and gets the `location:` lines for a record file and the
 * area the point falls in, by the rule `commonmap validate` uses (in an area; in a sliver between
 * areas, within the tolerance, the nearest; else outside the municipality). Nothing is sent
 * anywhere: the page asks the site for the areas and the tile server for tiles, nothing else.
 * Loaded after karta.js, whose helpers it uses. */
(function (api) {
  "use strict";
  var config = api.config;
  var text = config.text;

  function polygons(geometry) {
    if (geometry.type === "Polygon") return [geometry.coordinates];
    return geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  }

  function inRing(x, y, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function contains(geometry, x, y) {
    return polygons(geometry).some(function (rings) {
      return inRing(x, y, rings[0]) && !rings.slice(1).some(function (hole) { return inRing(x, y, hole); });
    });
  }

  // Distance in degrees, as shapely measures lon/lat (validate's tolerance is in degrees too).
  function distance(geometry, x, y) {
    var best = Infinity;
    polygons(geometry).forEach(function (rings) {
      rings.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          var ax = ring[i - 1][0], ay = ring[i - 1][1], dx = ring[i][0] - ax, dy = ring[i][1] - ay;
          var t = dx || dy ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))) : 0;
          best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
        }
      });
    });
    return best;
  }

  // The areas a point lies in, or the nearest within the tolerance ({near: true}), or none.
  function areasAt(features, lat, lon) {
    var inside = features.filter(function (f) { return contains(f.geometry, lon, lat); });
    if (inside.length) return { features: inside, near: false };
    var nearest = null, best = Infinity;
    features.forEach(function (f) {
      var d = distance(f.geometry, lon, lat);
      if (d < best) { best = d; nearest = f; }
    });
    return best <= config.tolerance ? { features: [nearest], near: true } : { features: [], near: false };
  }

  api.picker = function (map, group) {
    var code = document.getElementById("cm-location");
    var where = document.getElementById("cm-where");
    var approximate = document.getElementById("cm-approximate");
    var copy = document.getElementById("cm-copy");
    var search = document.getElementById("cm-area-search");
    var features = [];
    var marker = null;
    var point = null;

    function lines() {
      if (!point) return;
      var found = [
        "location:",
        "  lat: " + point.lat.toFixed(config.precision),
        "  lon: " + point.lng.toFixed(config.precision),
      ];
      if (approximate && approximate.checked) found.push("  approximate: true");
      code.textContent = found.join("\n");
      if (copy) copy.hidden = false;
    }

    function describe() {
      var found = areasAt(features, point.lat, point.lng);
      var names = found.features.map(function (f) { return f.properties.name; }).join(", ");
      if (!found.features.length) where.textContent = text.picker_outside;
      else where.textContent = (found.near ? text.picker_near : text.picker_in).replace("{name}", names);
    }

    function pick(latlng) {
      point = L.latLng(Number(latlng.lat.toFixed(config.precision)), Number(latlng.lng.toFixed(config.precision)));
      if (marker) marker.setLatLng(point);
      else marker = L.marker(point, { icon: L.divIcon({ className: "cm-pin cm-t-places cm-picked", iconSize: [18, 18] }), keyboard: false }).addTo(map);
      lines();
      if (features.length) describe();
    }

    map.on("click", function (event) { pick(event.latlng); });
    var centre = document.getElementById("cm-pick-centre");
    if (centre) centre.addEventListener("click", function () { pick(map.getCenter()); });
    if (approximate) approximate.addEventListener("change", lines);
    if (copy) {
      copy.addEventListener("click", function () {
        var done = function () { where.textContent = text.picker_copied; };
        if (navigator.clipboard) navigator.clipboard.writeText(code.textContent).then(done, function () {});
        else window.getSelection().selectAllChildren(code);
      });
    }
    // An area's name typed before the areas have loaded is looked up when they have. Leaflet ends
    // a running zoom animation (the opening view's) by moving to that animation's target, which
    // would undo a view set meanwhile: so the area is fitted once the animation is over.
    function goToArea() {
      if (map._animatingZoom) { map.once("zoomend", goToArea); return; }
      var wanted = search.value.trim().toLocaleLowerCase();
      var found = features.find(function (f) { return f.properties.name.toLocaleLowerCase() === wanted; });
      if (found) map.fitBounds(L.geoJSON(found).getBounds());
    }
    if (search) search.addEventListener("input", goToArea);
    api.areasReady.then(function (collection) {
      features = collection.features;
      document.getElementById("cm-map").setAttribute("data-loaded", "true");
      if (point) describe();
      if (search && search.value) goToArea();
    });
  };
})(window.CommonMapKarta);
