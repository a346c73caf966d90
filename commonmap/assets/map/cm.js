/* Gemensam karta: turns <div class="cm-minimap"> (record and area pages) into small Leaflet maps.
 * Loaded on every page; does nothing where there is none (the map page /karta/ is folium's,
 * commonmap/map/karta.py). A record page's map holds its own point; an area page's fetches only that
 * area's file (data/omraden/<id>.geojson), never the whole directory. Every string from the data
 * reaches the page as text (title), never as HTML. */
(function () {
  "use strict";
  var CONFIG = /*CONFIG*/ null;

  var icons = {};
  // A marker icon, also /karta/'s (karta.js runs deferred, after this script at the end of every
  // page's body): its shape tells the record type (`known`: one of the directory's types), its
  // colour the first category (map.css). An approximate point is larger, hollow and dashed:
  // "somewhere about here".
  window.CMPin = function (type, known, categoryIndex, approximate) {
    var name = "cm-pin cm-t-" + (known ? type : "other") + " cm-c" + Math.max(categoryIndex, 0);
    name += approximate ? " cm-approx" : "";
    var size = approximate ? 24 : 18;
    if (!icons[name]) icons[name] = L.divIcon({ className: name, html: "", iconSize: [size, size] });
    return icons[name];
  };

  var minis = document.querySelectorAll(".cm-minimap");
  if (!CONFIG || !minis.length) return;

  // This file is <site>/assets/map/cm.js: everything else is found relative to it.
  var base = new URL("../../", document.currentScript.src).href;
  var link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = base + "assets/map/leaflet/leaflet.css";
  document.head.appendChild(link);

  function icon(type, categories, approximate) {
    return CMPin(type, !!CONFIG.types[type], CONFIG.categories.indexOf((categories || [])[0]), approximate);
  }

  function miniMap(element) {
    var map = L.map(element, { scrollWheelZoom: false, keyboard: false });
    L.tileLayer(CONFIG.tiles.url, { attribution: CONFIG.tiles.attribution, maxZoom: 18 }).addTo(map);
    var area = element.getAttribute("data-area");
    if (area) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(area)) return;
      map.fitBounds(CONFIG.bounds);
      fetch(base + "data/omraden/" + area + ".geojson")
        .then(function (response) { return response.json(); })
        .then(function (collection) {
          var layer = L.geoJSON(collection, {
            style: function () { return { color: "#3949ab", weight: 2, fillOpacity: 0.08, className: "cm-area" }; },
            pointToLayer: function (feature, latlng) {
              var p = feature.properties;
              return L.marker(latlng, { icon: icon(p.type, p.categories, p.approximate), title: p.name, keyboard: false });
            },
          }).addTo(map);
          var outline = layer.getLayers().filter(function (l) { return l.feature.properties.kind === "area"; })[0];
          map.invalidateSize();
          map.fitBounds((outline || layer).getBounds(), { padding: [12, 12] });
          element.setAttribute("data-loaded", "true");
        });
      return;
    }
    var lat = parseFloat(element.getAttribute("data-lat"));
    var lon = parseFloat(element.getAttribute("data-lon"));
    if (!isFinite(lat) || !isFinite(lon)) return;
    map.setView([lat, lon], 15);
    var type = element.getAttribute("data-type") || "places";
    var approximate = element.getAttribute("data-approximate") === "true";
    L.marker([lat, lon], { icon: icon(type, [], approximate), title: element.getAttribute("data-name") || "", keyboard: false }).addTo(map);
    element.setAttribute("data-loaded", "true");
  }

  var script = document.createElement("script");
  script.src = base + "assets/map/leaflet/leaflet.js";
  script.onload = function () { Array.prototype.forEach.call(minis, miniMap); };
  document.head.appendChild(script);
})();
