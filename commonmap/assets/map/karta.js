/* Gemensam karta: what the folium maps of /karta/ and /bidra/plats/ do that folium has no element
 * for. Each function is called once by an element of commonmap/map/map_elements.py with folium's
 * objects. The data comes from JSON files (their formats: commonmap/site/wire.py) and the page's <script type="application/json"
 * id="cm-map-config">, never from the generated script (no text passes through folium's
 * templates), and every string from the data reaches the page as text (textContent, title). */
window.CommonMapKarta = (function () {
  "use strict";
  var node = document.getElementById("cm-map-config");
  var config = node ? JSON.parse(node.textContent) : { text: {}, types: {}, categories: [] };
  var text = config.text;
  var base = new URL(config.base || "./", window.location.href).href;
  var wrapper = document.getElementById("cm-map");
  var status = document.getElementById("cm-status");
  var api = { config: config, map: null, markers: [], ready: null };
  // The page's language (issue 17): data in Swedish inside a page in another language is tagged and
  // isolated; a record opens on its page in Swedish, else in that language's finder.
  function swedish(found) {
    if (config.lang && config.lang !== "sv") { found.setAttribute("lang", "sv"); found.setAttribute("dir", "auto"); }
    return found;
  }
  function recordUrl(type, id) {
    if (config.view) return base + config.prefix + "hitta-stod/?post=" + encodeURIComponent(id);
    return base + config.types[type].folder + "/" + encodeURIComponent(id) + "/";
  }

  function say(message) {
    if (status) status.textContent = message;
  }

  function el(tag, className, value, parent) {
    var found = CMWire.el(tag, { "class": className || null }, value === undefined || value === null ? null : String(value));
    if (parent) parent.appendChild(found);
    return found;
  }

  function getJSON(path) {
    return fetch(base + path).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.json();
    });
  }

  // A marker's icon (assets/map/cm.js, loaded on every page before this deferred script).
  function icon(type, categoryIndex, approximate) {
    return CMPin(type, !!config.types[type], categoryIndex, approximate);
  }

  // Popups open clear of the map's controls: below the top corners, above the attribution.
  function popupOptions(map) {
    var container = map.getContainer();
    function height(selector) {
      var corner = container.querySelector(selector);
      return corner ? corner.getBoundingClientRect().height : 0;
    }
    var top = Math.max(height(".leaflet-top.leaflet-left"), height(".leaflet-top.leaflet-right"));
    var bottom = Math.max(height(".leaflet-bottom.leaflet-left"), height(".leaflet-bottom.leaflet-right"));
    return { autoPanPaddingTopLeft: L.point(8, top + 8), autoPanPaddingBottomRight: L.point(8, bottom + 8) };
  }
  api.popupOptions = popupOptions;

  // --- Where the map opens: "#59.27,15.21,15" in the address, else the city or the municipality ---
  api.openingView = function (map) {
    api.map = map;
    function fromHash() {
      var match = /^#(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?$/.exec(window.location.hash);
      if (!match) return false;
      var lat = parseFloat(match[1]);
      var lon = parseFloat(match[2]);
      var zoom = match[3] ? Math.min(18, Math.max(8, parseFloat(match[3]))) : 16;
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return false;
      map.setView([lat, lon], zoom);
      return true;
    }
    if (!fromHash() && config.bounds) {
      map.fitBounds(window.matchMedia(config.narrow).matches ? config.bounds.city : config.bounds.all);
    }
    window.addEventListener("hashchange", fromHash);
  };

  // --- The catalogue's names for Leaflet's buttons, and its errors in the status line (no dialog) ---
  api.controls = function (map, layers, locate) {
    var container = map.getContainer();
    function name(selector, label) {
      var found = container.querySelector(selector);
      if (found && label) {
        found.title = label;
        found.setAttribute("aria-label", label);
      }
    }
    name(".leaflet-control-zoom-in", text.zoom_in);
    name(".leaflet-control-zoom-out", text.zoom_out);
    name(".leaflet-control-layers-toggle", text.layers_button);
    if (map.attributionControl) map.attributionControl.setPrefix("Leaflet");
    if (locate) {
      locate.options.onLocationError = function () { say(text.locate_failed); };
      map.on("locateactivate", function () { say(text.locating); });
    }
  };

  // --- Records: one marker per row of the table, in its type's layer; a popup on first click ---
  api.records = function (map, cluster) {
    var groups = Array.prototype.slice.call(arguments, 2);
    var table = null, c = null, summaries = null; // c: the table's column -> position

    function categoryLabel(id) {
      var found = config.categories.find(function (c) { return c.id === id; });
      return found ? found.label : id;
    }

    function popup(marker) {
      var row = table.rows[marker.cmIndex];
      var type = table.types[row[c.type]];
      var root = el("div", "cm-popup");
      var link = swedish(el("a", null, row[c.name], el("p", "cm-popup-name", null, root)));
      link.href = recordUrl(type, row[c.id]);
      el("p", "cm-popup-type", config.types[type].label, root);
      var summaryNode = swedish(el("p", "cm-popup-summary", null, root));
      summaryNode.hidden = true;
      summaries.item(marker.cmIndex).then(function (value) {
        if (!value) return;
        summaryNode.textContent = value;
        summaryNode.hidden = false;
        if (marker.isPopupOpen()) marker.getPopup().update();
      }).catch(function () {}); // without its summary the popup still has the name, link and categories
      var labels = row[c.categories].map(function (i) { return categoryLabel(table.categories[i]); });
      if (labels.length) {
        var list = el("ul", "cm-popup-categories", null, root);
        list.setAttribute("aria-label", text.categories);
        labels.forEach(function (label) { el("li", null, label, list); });
      }
      if (row[c.approximate]) el("p", "cm-popup-note", text.approximate, root);
      return root;
    }

    // Bound on the first click (binding 10,000 popups up front delays the first clusters).
    cluster.on("click", function (event) {
      var marker = event.layer;
      if (marker.cmIndex === undefined || marker.getPopup()) return;
      marker.bindPopup(popup(marker), popupOptions(map)).openPopup();
    });

    function loaded(count) {
      wrapper.setAttribute("data-markers", String(count));
      wrapper.setAttribute("data-loaded", "true");
      say(text.shown.replace("{count}", String(count)));
    }

    api.ready = getJSON(config.data.markers).then(function (found) {
      table = api.table = found;
      c = api.columns = CMWire.index(table);
      summaries = CMWire.chunks(base + config.data.markers, table.chunks);
      var byType = {};
      api.markers = table.rows.map(function (row, index) {
        var type = table.types[row[c.type]], approximate = row[c.approximate] === 1;
        var title = approximate ? row[c.name] + " (" + text.approximate_short + ")" : row[c.name];
        var marker = L.marker([row[c.lat], row[c.lon]], { icon: icon(type, row[c.categories][0], approximate), title: title });
        marker.cmIndex = index;
        (byType[type] = byType[type] || []).push(marker);
        return marker;
      });
      // The markers join their type's layer as the sub-group's own members (LayerGroup._layers,
      // what its addLayer does when it is off the map) and go to the cluster in one chunked batch,
      // as one clustering pass: through each sub-group's addLayer they would be clustered one by one.
      groups.forEach(function (group, i) {
        (byType[config.typeOrder[i]] || []).forEach(function (marker) {
          marker.cmGroup = group;
          marker.addEventParent(group);
          group._layers[L.stamp(marker)] = marker;
        });
      });
      var shown = api.markers.filter(function (marker) { return map.hasLayer(marker.cmGroup); });
      var done = false;
      cluster.options.chunkProgress = function (count, total) {
        if (count === total && !done) {
          done = true;
          loaded(api.markers.length);
        }
      };
      cluster.addLayers(shown);
      return api.markers;
    });
    api.ready.catch(function () {
      say(text.failed);
      wrapper.setAttribute("data-loaded", "error");
    });
  };

  // --- Areas: boundaries with their names, out of the tab order, shaded by the chosen category ---
  api.areas = function (map, group) {
    var select = document.getElementById("cm-category");
    var legend = document.getElementById("cm-legend-steps");
    var layer = null;

    function countOf(properties, choice) {
      if (choice === "all") return properties.total;
      var index = config.categories.findIndex(function (c) { return c.id === choice; });
      return index < 0 ? 0 : properties.counts[index];
    }

    function shade() {
      var choice = select ? select.value : "none";
      var shading = config.shading && config.shading[choice];
      if (!shading) {
        layer.setStyle({ fillOpacity: 0 });
        if (legend) legend.replaceChildren();
      } else {
        var index = 0;
        layer.eachLayer(function (area) {
          area.setStyle({ fillColor: shading.fills[index++], fillOpacity: 0.55 });
        });
        if (legend) {
          legend.replaceChildren();
          shading.steps.forEach(function (step) {
            var item = el("li", null, null, legend);
            var swatch = el("span", "cm-swatch", null, item);
            swatch.style.background = step.colour;
            swatch.setAttribute("aria-hidden", "true");
            el("span", null, step.label, item);
          });
        }
      }
      if (wrapper) wrapper.setAttribute("data-choropleth", choice);
    }

    function popup(properties) {
      var root = el("div", "cm-popup");
      var link = el("a", null, properties.name, el("p", "cm-popup-name", null, root));
      link.href = base + "omraden/" + encodeURIComponent(properties.id) + "/";
      if (select && select.value !== "none") {
        var label = select.options[select.selectedIndex].text;
        el("p", null, text.area_count.replace("{label}", label).replace("{count}", countOf(properties, select.value)), root);
      }
      return root;
    }

    api.areasReady = getJSON(config.data.areas).then(function (collection) {
      layer = L.geoJSON(collection, {
        style: function (feature) {
          var id = String(feature.properties.id).replace(/[^a-z0-9-]/g, "");
          return { color: "#3949ab", weight: 1.5, fillOpacity: 0, className: "cm-area cm-area-" + id };
        },
        onEachFeature: function (feature, area) {
          area.bindTooltip(el("span", null, feature.properties.name), { sticky: true });
          if (select) area.bindPopup(function () { return popup(feature.properties); }, popupOptions(map));
          // Blink makes an SVG shape with a focus listener (the tooltip's) a tab stop: 36 unnamed
          // stops. The list under the map is the areas' text alternative. (A shape gets a new
          // element each time its layer is shown again.)
          area.on("add", function () { area.getElement().setAttribute("tabindex", "-1"); });
        },
      });
      group.addLayer(layer);
      layer.bringToBack();
      if (select) {
        select.addEventListener("change", shade);
        shade();
      }
      return collection;
    });
    return api.areasReady;
  };

  // --- "Visa min position": the position with the nearest records around it, named in the status ---
  api.nearest = function (map, locate) {
    var count = 5;
    function nearest(latlng) {
      return api.markers
        .filter(function (marker) { return marker.cmGroup === undefined || map.hasLayer(marker.cmGroup); })
        .map(function (marker) { return { marker: marker, metres: latlng.distanceTo(marker.getLatLng()) }; })
        .sort(function (a, b) { return a.metres - b.metres; })
        .slice(0, count);
    }
    locate.options.getLocationBounds = function (event) {
      var bounds = L.latLngBounds(event.bounds.getSouthWest(), event.bounds.getNorthEast());
      var found = nearest(event.latlng);
      found.forEach(function (item) { bounds.extend(item.marker.getLatLng()); });
      var format = new Intl.NumberFormat(document.documentElement.lang || "sv", { maximumFractionDigits: 1 });
      var names = found.map(function (item) {
        var distance = item.metres < 1000
          ? text.near_m.replace("{m}", format.format(Math.max(10, Math.round(item.metres / 10) * 10)))
          : text.near_km.replace("{km}", format.format(item.metres / 1000));
        var row = api.table.rows[item.marker.cmIndex];
        if (row[api.columns.approximate]) distance = text.near_approx.replace("{distance}", distance);
        return item.marker.options.title + " (" + distance + ")";
      });
      say(names.length ? text.located_near.replace("{names}", names.join(", ")) : text.located);
      return bounds;
    };
  };

  api.el = el;
  api.say = say;
  api.getJSON = getJSON;
  return api;
})();
