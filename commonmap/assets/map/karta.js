/* Gemensam karta: the map page (/karta/). Loaded by cm.js after Leaflet and Leaflet.markercluster.
 * One marker per row of data/karta/poster.json inside one MarkerClusterGroup (chunkedLoading),
 * a popup bound per marker and built from DOM text nodes, the areas (GeoJSON) shaded by how many
 * records serve the chosen category. The controls and the list of records are plain HTML outside the map (karta.html). */
window.CommonMapKarta = function (element, api, data) {
  "use strict";
  var config = api.config;
  var text = config.text;
  var status = document.getElementById("cm-status");

  function say(message) {
    if (status) status.textContent = message;
  }

  performance.mark("cm-start");
  // minZoom 8 shows the whole county; fewer zoom levels make clustering 10,000 markers faster.
  var map = L.map(element, { zoomSnap: 0.5, minZoom: 8, maxZoom: 18 });
  api.bigMap = map;
  map.fitBounds(config.bounds);
  api.tiles(map);
  openFromHash();
  window.addEventListener("hashchange", openFromHash);

  // "#59.27,15.21,15" (or "#59.27,15.21"): open centred on a place; record pages link here.
  function openFromHash() {
    var match = /^#(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?$/.exec(window.location.hash);
    if (!match) return;
    var lat = parseFloat(match[1]);
    var lon = parseFloat(match[2]);
    var zoom = match[3] ? Math.min(18, Math.max(8, parseFloat(match[3]))) : 16;
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) map.setView([lat, lon], zoom);
  }

  // The summaries come in chunks (data/karta/texter/<n>.json), fetched when a popup needs one.
  var table = null;
  var chunks = {};

  function summary(index) {
    var n = Math.floor(index / table.text_chunk);
    if (!chunks[n]) chunks[n] = api.getJSON("data/karta/texter/" + n + ".json");
    return chunks[n].then(function (texts) { return texts[index - n * table.text_chunk]; });
  }

  function popup(marker) {
    var row = table.rows[marker.cmIndex];
    var type = table.types[row[3]];
    var root = api.text("div", "cm-popup");
    var heading = api.text("p", "cm-popup-name", null, root);
    var link = api.text("a", null, row[4], heading);
    link.href = api.recordUrl(type, row[2]);
    api.text("p", "cm-popup-type", config.types[type].label, root);
    var summaryNode = api.text("p", "cm-popup-summary", null, root);
    summaryNode.hidden = true;
    summary(marker.cmIndex).then(function (value) {
      if (!value) return;
      summaryNode.textContent = value;
      summaryNode.hidden = false;
      if (marker.isPopupOpen()) marker.getPopup().update();
    }).catch(function () {}); // without its summary the popup still has the name, link and categories
    var labels = row[5].map(function (i) { return categoryLabel(table.categories[i]); });
    if (labels.length) {
      var list = api.text("ul", "cm-popup-categories", null, root);
      list.setAttribute("aria-label", text.categories);
      labels.forEach(function (label) { api.text("li", null, label, list); });
    }
    if (row[6]) api.text("p", "cm-popup-note", text.approximate, root);
    return root;
  }

  function categoryLabel(id) {
    var found = config.categories.find(function (c) { return c.id === id; });
    return found ? found.label : id;
  }

  // --- Markers: one layer per record type, all in one cluster group ---
  var byType = {};
  Object.keys(config.types).forEach(function (type) { byType[type] = []; });
  var cluster = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 400,
    chunkDelay: 20,
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    chunkProgress: function (done, total) {
      if (done === total) loaded();
    },
  });
  map.addLayer(cluster);
  // Each marker gets its popup on its first click (bound per marker, so it opens inside clusters);
  // binding 10,000 popups up front would cost a tenth of a second before the first cluster shows.
  cluster.on("click", function (event) {
    var marker = event.layer;
    if (marker.cmIndex === undefined || marker.getPopup()) return;
    marker.bindPopup(popup(marker)).openPopup();
  });

  function loaded() {
    performance.mark("cm-clustered");
    element.setAttribute("data-loaded", "true");
  }

  // --- Areas: boundaries with their names, shaded by coverage ---
  var areaLayer = null;
  var categorySelect = document.getElementById("cm-category");
  var legend = document.getElementById("cm-legend-steps");
  var PALETTE = ["#ffffff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

  function countOf(properties, choice) {
    if (choice === "all") return properties.total;
    var index = config.categories.findIndex(function (c) { return c.id === choice; });
    return index < 0 ? 0 : properties.counts[index];
  }

  // Up to five classes: 0 (white: no offer), then up to four equal steps up to the largest count.
  function steps(choice) {
    var max = 0;
    areaLayer.eachLayer(function (layer) { max = Math.max(max, countOf(layer.feature.properties, choice)); });
    var width = Math.max(1, Math.ceil(max / 4));
    var limits = [0];
    for (var i = 0; i < 4 && 1 + i * width <= max; i++) limits.push(1 + i * width);
    return { limits: limits, max: max };
  }

  function colour(count, limits) {
    for (var i = limits.length - 1; i >= 0; i--) if (count >= limits[i]) return PALETTE[i];
    return PALETTE[0];
  }

  function shade() {
    if (!areaLayer) return;
    var choice = categorySelect ? categorySelect.value : "all";
    if (choice === "none") {
      areaLayer.setStyle({ fillColor: "#ffffff", fillOpacity: 0 });
      if (legend) legend.replaceChildren();
      element.setAttribute("data-choropleth", choice);
      return;
    }
    var found = steps(choice);
    var limits = found.limits;
    areaLayer.setStyle(function (feature) {
      return { fillColor: colour(countOf(feature.properties, choice), limits), fillOpacity: 0.55 };
    });
    if (legend) {
      legend.replaceChildren();
      limits.forEach(function (low, i) {
        var high = i + 1 < limits.length ? limits[i + 1] - 1 : found.max;
        var item = api.text("li", null, null, legend);
        var swatch = api.text("span", "cm-swatch", null, item);
        swatch.style.background = PALETTE[i];
        swatch.setAttribute("aria-hidden", "true");
        api.text("span", null, i === 0 ? text.none : low === high ? String(low) : low + "–" + high, item);
      });
    }
    element.setAttribute("data-choropleth", choice);
  }

  function areaPopup(properties) {
    var root = api.text("div", "cm-popup");
    var heading = api.text("p", "cm-popup-name", null, root);
    var link = api.text("a", null, properties.name, heading);
    link.href = api.base + "omraden/" + encodeURIComponent(properties.id) + "/";
    var choice = categorySelect ? categorySelect.value : "all";
    if (choice !== "none") {
      var label = categorySelect.options[categorySelect.selectedIndex].text;
      api.text("p", null, label + ": " + countOf(properties, choice), root);
    }
    return root;
  }

  if (categorySelect) categorySelect.addEventListener("change", shade);

  // --- Type switches (checkboxes outside the map) ---
  document.querySelectorAll("input[data-cm-type]").forEach(function (box) {
    box.addEventListener("change", function () {
      var markers = byType[box.getAttribute("data-cm-type")] || [];
      if (box.checked) cluster.addLayers(markers);
      else cluster.removeLayers(markers);
    });
  });
  var areaBox = document.getElementById("cm-show-areas");
  if (areaBox) {
    areaBox.addEventListener("change", function () {
      if (!areaLayer) return;
      if (areaBox.checked) areaLayer.addTo(map).bringToBack();
      else map.removeLayer(areaLayer);
    });
  }

  // --- "Show my position": only on request, and the position never leaves the browser ---
  var locate = document.getElementById("cm-locate");
  var here = null;
  if (locate) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      say(text.locating);
      map.locate({ setView: true, maxZoom: 15 });
    });
  }
  map.on("locationfound", function (event) {
    if (here) map.removeLayer(here);
    here = L.circle(event.latlng, { radius: event.accuracy, color: "#d84315", weight: 2, fillOpacity: 0.1 }).addTo(map);
    say(text.located);
  });
  map.on("locationerror", function () {
    say(text.locate_failed);
  });

  data.then(
    function (both) {
      performance.mark("cm-data");
      var points = both[0];
      var areas = both[1];
      areaLayer = L.geoJSON(areas, {
        style: function (feature) {
          var id = String(feature.properties.id).replace(/[^a-z0-9-]/g, "");
          return { color: "#3949ab", weight: 1.5, fillOpacity: 0, className: "cm-area cm-area-" + id };
        },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(api.text("span", null, feature.properties.name), { sticky: true });
          layer.bindPopup(function () { return areaPopup(feature.properties); });
        },
      });
      if (!areaBox || areaBox.checked) areaLayer.addTo(map);
      shade();

      // One marker per row, each with its popup bound (a popup per feature opens inside clusters).
      table = points;
      var all = table.rows.map(function (row, index) {
        var type = table.types[row[3]];
        var first = table.categories[row[5][0]];
        var title = row[6] === 1 ? row[4] + " (" + text.approximate_short + ")" : row[4];
        var marker = L.marker([row[1], row[0]], { icon: api.icon(type, [first], row[6] === 1), title: title });
        marker.cmIndex = index;
        if (byType[type]) byType[type].push(marker);
        return marker;
      });
      performance.mark("cm-markers");
      element.setAttribute("data-markers", String(all.length));
      var shown = [];
      document.querySelectorAll("input[data-cm-type]").forEach(function (box) {
        if (box.checked) shown = shown.concat(byType[box.getAttribute("data-cm-type")] || []);
      });
      if (!document.querySelector("input[data-cm-type]")) shown = all;
      if (shown.length) cluster.addLayers(shown);
      else loaded();
      say(text.shown.replace("{count}", String(all.length)));
    },
    function () {
      say(text.failed);
      element.setAttribute("data-loaded", "error");
    }
  );

  return map;
};
