/* Gemensam karta: turns <div id="cm-map"> (the map page) and <div class="cm-minimap"> (record
 * and area pages) into Leaflet maps. Loaded on every page; does nothing where neither exists.
 * Every string from the data reaches the page as text (textContent, title), never as HTML. */
(function () {
  "use strict";
  var CONFIG = /*CONFIG*/ null;
  var big = document.getElementById("cm-map");
  var minis = document.querySelectorAll(".cm-minimap");
  if (!CONFIG || (!big && !minis.length)) return;

  // This file is <site>/assets/map/cm.js: everything else is found relative to it.
  var base = new URL("../../", document.currentScript.src).href;

  function stylesheet(path) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base + path;
    document.head.appendChild(link);
  }

  function scripts(paths) {
    // Downloaded in parallel, run in order (async = false); resolves when the last has run.
    return Promise.all(
      paths.map(function (path) {
        return new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = base + path;
          tag.async = false;
          tag.onload = resolve;
          tag.onerror = reject;
          document.head.appendChild(tag);
        });
      })
    );
  }

  function getJSON(path) {
    return fetch(base + path).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.json();
    });
  }

  var icons = {};
  var api = {
    config: CONFIG,
    base: base,
    getJSON: getJSON,
    tiles: function (map) {
      L.tileLayer(CONFIG.tiles.url, { attribution: CONFIG.tiles.attribution, maxZoom: 18 }).addTo(map);
    },
    // A marker icon: its shape tells the record type, its colour the first category (CSS classes).
    icon: function (type, categories, approximate) {
      var index = CONFIG.categories.findIndex(function (c) { return c.id === (categories || [])[0]; });
      var name = "cm-pin cm-t-" + (CONFIG.types[type] ? type : "other") + " cm-c" + Math.max(index, 0);
      name += approximate ? " cm-approx" : "";
      // An approximate point is larger, hollow and dashed: "somewhere about here".
      var size = approximate ? 24 : 18;
      if (!icons[name]) icons[name] = L.divIcon({ className: name, html: "", iconSize: [size, size] });
      return icons[name];
    },
    recordUrl: function (type, id) {
      return base + CONFIG.types[type].folder + "/" + encodeURIComponent(id) + "/";
    },
    text: function (tag, className, value, parent) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (value !== undefined && value !== null) node.textContent = String(value);
      if (parent) parent.appendChild(node);
      return node;
    },
  };

  function miniMap(element) {
    var map = L.map(element, { scrollWheelZoom: false, keyboard: false });
    api.tiles(map);
    var area = element.getAttribute("data-area");
    if (area) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(area)) return;
      map.fitBounds(CONFIG.bounds);
      getJSON("data/omraden/" + area + ".geojson").then(function (collection) {
        var layer = L.geoJSON(collection, {
          style: function () { return { color: "#3949ab", weight: 2, fillOpacity: 0.08, className: "cm-area" }; },
          pointToLayer: function (feature, latlng) {
            var p = feature.properties;
            return L.marker(latlng, { icon: api.icon(p.type, p.categories, p.approximate), title: p.name, keyboard: false });
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
    L.marker([lat, lon], { icon: api.icon(type, [], approximate), title: element.getAttribute("data-name") || "", keyboard: false }).addTo(map);
    element.setAttribute("data-loaded", "true");
  }

  var paths = ["assets/map/leaflet/leaflet.js"];
  stylesheet("assets/map/leaflet/leaflet.css");
  var data = null;
  if (big) {
    // Start fetching the data while the scripts download.
    data = Promise.all([getJSON("data/karta/poster.json"), getJSON("data/karta/omraden.geojson")]);
    data.catch(function () {});
    stylesheet("assets/map/markercluster/MarkerCluster.css");
    stylesheet("assets/map/markercluster/MarkerCluster.Default.css");
    paths.push("assets/map/markercluster/leaflet.markercluster.js", "assets/map/karta.js");
  }
  scripts(paths).then(function () {
    window.CommonMap = api;
    Array.prototype.forEach.call(minis, miniMap);
    if (big) window.CommonMapKarta(big, api, data);
  });
})();
