/* Hitta stöd: filters over data/finder.json, all in the browser; the free text goes through the
 * site's search engine (assets/search/search.js), so it finds what the site search finds.
 * Every value from the data is put into the page with textContent or as an attribute value,
 * never as HTML. The filter state lives in the URL so a link can be shared; the browser's
 * position is used here only and never sent anywhere. */
(function () {
  "use strict";
  var form = document.getElementById("cm-finder");
  if (!form) return;
  var PAGE = 50;
  var DAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"];
  var EVENING = "17:00";
  var messages = JSON.parse(form.dataset.messages);
  // The page's language: its labels for the vocabularies, and whether a result opens here (?post=id).
  var labels = JSON.parse(form.dataset.labels);
  var plural = new Intl.PluralRules(labels.lang);
  var base = form.dataset.base;
  var list = document.getElementById("cm-results");
  var status = document.getElementById("cm-status");
  var more = document.getElementById("cm-more");
  var data = null;
  var position = null;
  var shown = PAGE;
  var current = [];
  status.textContent = messages.loading;

  function format(text, params) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return String(params[key]); });
  }

  /* ---- time: opening hours are {days, opens: "HH:MM", closes: "HH:MM"}; closing before opening passes midnight.
   * An opening does not happen on a day the record is closed: while it is temporarily closed
   * (r.tc), in one of its closed periods (r.cp, {start, end} dates), or on a Swedish public
   * holiday (data.holidays) unless it is open on them (r.ho). An opening past midnight belongs
   * to the day it began. ---- */
  function minutes(hhmm) { var p = hhmm.split(":"); return +p[0] * 60 + +p[1]; }
  function dayIndex(date) { return (date.getDay() + 6) % 7; } // Monday = 0
  function isoDate(date) {
    var m = date.getMonth() + 1, d = date.getDate();
    return date.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }
  function addDays(date, days) { return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, 12); }
  function closedOn(r, date) {
    if (r.tc) return true;
    var day = isoDate(date);
    if (!r.ho && data.holidays.indexOf(day) >= 0) return true;
    return (r.cp || []).some(function (p) { return p.start <= day && day <= p.end; });
  }
  function openUntil(r, now) {
    var hours = r.h, yesterdayDate = addDays(now, -1);
    var today = DAYS[dayIndex(now)], yesterday = DAYS[dayIndex(yesterdayDate)];
    var closedToday = closedOn(r, now), closedYesterday = closedOn(r, yesterdayDate);
    var t = now.getHours() * 60 + now.getMinutes();
    for (var i = 0; i < hours.length; i++) {
      var days = hours[i].days, opens = minutes(hours[i].opens), closes = minutes(hours[i].closes);
      if (closes > opens) {
        if (!closedToday && days.indexOf(today) >= 0 && t >= opens && t < closes) return hours[i].closes;
      } else {
        if (!closedToday && days.indexOf(today) >= 0 && t >= opens) return hours[i].closes;
        if (!closedYesterday && days.indexOf(yesterday) >= 0 && t < closes) return hours[i].closes;
      }
    }
    return null;
  }
  /* Open from midnight to midnight on that date ("00:00"–"00:00", a whole day). */
  function wholeDay(r, date) {
    var day = DAYS[dayIndex(date)];
    return !closedOn(r, date) && r.h.some(function (h) { return h.opens === "00:00" && h.closes === "00:00" && h.days.indexOf(day) >= 0; });
  }
  function openText(r, now, until) {
    if (wholeDay(r, now) && wholeDay(r, addDays(now, 1))) return messages.open_round_the_clock;
    return format(messages.open_now, { time: until });
  }
  function nextOpening(r, now) {
    var hours = r.h, t = now.getHours() * 60 + now.getMinutes();
    if (r.tc) return null;
    for (var ahead = 0; ahead < 8; ahead++) {
      var day = DAYS[(dayIndex(now) + ahead) % 7], best = null;
      if (closedOn(r, addDays(now, ahead))) continue;
      hours.forEach(function (h) {
        if (h.days.indexOf(day) >= 0 && (ahead > 0 || minutes(h.opens) > t) && (best === null || h.opens < best)) best = h.opens;
      });
      if (best !== null) return { day: messages.days[(dayIndex(now) + ahead) % 7], time: best };
    }
    return null;
  }
  function eveningOrWeekend(hours) {
    return hours.some(function (h) {
      return h.days.indexOf("sa") >= 0 || h.days.indexOf("su") >= 0 || h.closes > EVENING || h.closes <= h.opens;
    });
  }

  /* ---- the filter state, read from and written to the form and the URL ---- */
  function state() {
    var f = new FormData(form);
    return {
      q: (f.get("q") || "").trim(),
      typed: f.get("q") || "",
      behov: f.get("behov") || "",
      omrade: f.get("omrade") || "",
      sprak: f.get("sprak") || "",
      typ: f.getAll("typ"),
      tid: f.get("tid") || "",
      gratis: f.get("gratis") === "1",
      rullstol: f.get("rullstol") === "1",
    };
  }
  function toUrl(s) {
    var p = new URLSearchParams();
    ["q", "behov", "omrade", "sprak", "tid"].forEach(function (k) { if (s[k]) p.set(k, s[k]); });
    if (s.typ.length) p.set("typ", s.typ.join(","));
    if (s.gratis) p.set("gratis", "1");
    if (s.rullstol) p.set("rullstol", "1");
    var query = p.toString();
    var post = new URLSearchParams(location.search).get("post");
    if (post) query = "post=" + encodeURIComponent(post) + (query ? "&" + query : "");
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    keepQueryInSwitcher();
  }
  function fromUrl() {
    var p = new URLSearchParams(location.search);
    ["q", "behov", "omrade", "sprak"].forEach(function (k) { if (p.has(k)) form.elements[k].value = p.get(k); });
    var types = (p.get("typ") || "").split(",");
    form.querySelectorAll("input[name=typ]").forEach(function (box) { box.checked = types.indexOf(box.value) >= 0; });
    form.querySelectorAll("input[name=tid]").forEach(function (radio) { radio.checked = radio.value === (p.get("tid") || ""); });
    form.elements.gratis.checked = p.get("gratis") === "1";
    form.elements.rullstol.checked = p.get("rullstol") === "1";
  }

  /* ---- filtering; the free text goes through the search engine (Swedish), and in other languages
   * than Swedish also matches the words of the page's language: categories, languages, own names ---- */
  function words(r) {
    var parts = [r.n, own(r, "tn") || ""].concat(
      r.c.map(label(data.categories)), r.c.map(label(data.categoriesSv)),
      r.l.map(function (code) { return data.languages[code] ? data.languages[code].text : code; }),
      r.a.map(label(data.areas)));
    if (r.sv !== undefined) parts.push(messages.serves[r.sv]);
    if (r.s) parts.push(r.s);
    if (own(r, "ts")) parts.push(own(r, "ts"));
    return parts.join(" ").toLowerCase();
  }
  // A record's name or summary as the association wrote it in the page's language, if it did.
  function own(r, field) {
    var texts = field === "tn" ? r.tn : r.ts;
    return texts && labels.id !== "sv" ? texts[labels.id] : null;
  }
  function ownWords(r, q) {
    if (labels.id === "sv" || !r._words) return false;
    return q.toLowerCase().split(/\s+/).every(function (w) { return r._words.indexOf(w) >= 0; });
  }
  function score(r) { var hit = text.hits.get(r._n); return hit ? hit.score : 0; }
  function label(vocabulary) { return function (id) { return vocabulary[id] || id; }; }
  function matches(r, s, now) {
    if (s.behov && r.c.indexOf(s.behov) < 0) return false;
    if (s.omrade && r.a.indexOf(s.omrade) < 0 && r.sv === undefined) return false; // r.sv: serves all areas
    if (s.sprak && r.l.indexOf(s.sprak) < 0) return false;
    if (s.typ.length && s.typ.indexOf(r.t) < 0) return false;
    if (s.gratis && r.f !== true) return false;
    if (s.rullstol && r.w !== "yes") return false;
    if (s.tid === "nu" && !(r.h && openUntil(r, now))) return false;
    if (s.tid === "kvall-helg" && !(r.h && eveningOrWeekend(r.h))) return false;
    if (s.q && !text.hits.has(r._n) && !ownWords(r, s.q)) return false;
    return true;
  }
  /* With an area chosen, the help in it comes first, then what serves the whole municipality,
   * county and country (r.sv: 0, 1, 2), in that order; the sort is stable within each group. */
  function rank(r, s) { return !s.omrade || r.a.indexOf(s.omrade) >= 0 ? -1 : r.sv; }
  function kilometres(point) {
    var rad = Math.PI / 180, dLat = (point.lat - position[0]) * rad, dLon = (point.lon - position[1]) * rad;
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(position[0] * rad) * Math.cos(point.lat * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.sqrt(a));
  }
  /* The record's point nearest to the resident (a collaboration meets at several places). */
  function nearest(r) {
    if (!position || !r.ll) return null;
    return r.ll.reduce(function (best, point) { return !best || kilometres(point) < kilometres(best) ? point : best; }, null);
  }
  function distance(r) { var point = nearest(r); return point ? kilometres(point) : Infinity; }

  /* ---- rendering, with DOM nodes only ---- */
  function el(tag, text, attrs) { return CMWire.el(tag, attrs, text); }
  function link(href, text) { return el("a", text, { href: href }); }
  // Numbers, e-mail and web addresses read left to right on every page (an Arabic page would
  // otherwise move a web address's hyphens and slashes to its other end).
  function ltrLink(href, text) { return el("a", text, { href: href, dir: "ltr" }); }
  // Data in Swedish inside a page in another language: tagged, and isolated in its direction.
  function tag(node, lang) {
    if (lang !== labels.lang) { node.setAttribute("lang", lang); node.setAttribute("dir", "auto"); }
    return node;
  }
  function nameOf(r) { var t = own(r, "tn"); return t ? [t, labels.lang] : [r.n, "sv"]; }
  function summaryOf(r) { var t = own(r, "ts"); return t ? [t, labels.lang] : [r.s === undefined ? "" : r.s, "sv"]; }
  function recordHref(r) { return labels.view ? "?post=" + encodeURIComponent(r.id) : base + r.u; }
  function languageName(code, parent) {
    var item = data.languages[code];
    if (!item) { parent.appendChild(document.createTextNode(code)); return; }
    var name = el("bdi", item.name);
    if (item.tag !== labels.lang) name.setAttribute("lang", item.tag);
    if (!item.own) { parent.appendChild(name); return; }
    var ownName = el("bdi", item.own, { lang: code }); // only the language's own name is in that language
    labels.label.split(/(\{name\}|\{own\})/).forEach(function (part) {
      if (part === "{name}") parent.appendChild(name);
      else if (part === "{own}") parent.appendChild(ownName);
      else if (part) parent.appendChild(document.createTextNode(part));
    });
  }
  function listOf(heading, values, each) {
    var li = el("li", heading + ": ");
    values.forEach(function (value, i) { if (i) li.appendChild(document.createTextNode(messages.separator)); each(value, li); });
    return li;
  }
  function areaName(id, parent) { parent.appendChild(tag(el("bdi", data.areas[id] || id), "sv")); }
  function item(r, now, s) {
    var li = el("li", null, { "class": "cm-result", "data-id": r.id, "data-reach": rank(r, s) < 0 ? "local" : "wide" });
    var body = el("div", null, { "class": "cm-result-body" }); // the QR code prints beside it
    var heading = el("h3"), name = nameOf(r), hit = searched() ? text.hits.get(r._n) : null;
    var anchor = link(recordHref(r));
    if (hit && name[1] === "sv") anchor.appendChild(CMSearch.marked(r.n, text.surfaces));
    else anchor.textContent = name[0];
    heading.appendChild(tag(anchor, name[1]));
    body.appendChild(heading);
    var where = r.a.length ? r.a.map(label(data.areas)).join(", ") : r.sv !== undefined ? messages.serves[r.sv] : messages.area_unknown;
    body.appendChild(el("p", data.types[r.t] + (r.st ? " · " + messages.status[r.st] : "") + " · " + where, { "class": "cm-kicker" }));
    var summary = summaryOf(r);
    body.appendChild(tag(el("p", summary[0], { "class": "cm-result-summary" }), summary[1]));
    if (hit) body.appendChild(CMSearch.why(hit, messages));
    var facts = el("ul", null, { "class": "cm-result-facts" });
    if (r.tc) facts.appendChild(el("li", messages.temporarily_closed, { "class": "cm-closed-now" }));
    if (r.pr) facts.appendChild(el("li", messages.protected, { "class": "cm-protected" }));
    if (r.h && r.h.length) {
      var until = openUntil(r, now), next = nextOpening(r, now);
      if (until) facts.appendChild(el("li", openText(r, now, until), { "class": "cm-open" }));
      else if (next) facts.appendChild(el("li", format(messages.opens, next)));
    }
    if (r.ad) { var address = el("li", messages.address + ": "); address.appendChild(tag(el("bdi", r.ad), "sv")); facts.appendChild(address); }
    if (r.sv !== undefined) facts.appendChild(el("li", messages.reach + ": " + messages.serves[r.sv], { "class": "cm-reach" }));
    if (r.a.length) facts.appendChild(listOf(messages.areas, r.a, areaName));
    if (r.l.length) facts.appendChild(listOf(messages.languages, r.l, languageName));
    var near = nearest(r);
    if (near) facts.appendChild(el("li", format(near.approximate ? messages.distance_approx : messages.distance, { km: kilometres(near).toFixed(1).replace(".", ",") })));
    var contact = el("li", null, { "class": "cm-result-contact" });
    if (r.p) { contact.appendChild(document.createTextNode(messages.phone + ": ")); contact.appendChild(ltrLink(r.tel, r.p)); contact.appendChild(document.createTextNode(" ")); }
    if (r.e) { contact.appendChild(document.createTextNode(messages.email + ": ")); contact.appendChild(ltrLink("mailto:" + r.e, r.e)); contact.appendChild(document.createTextNode(" ")); }
    if (r.web && /^https?:\/\//.test(r.web)) { contact.appendChild(document.createTextNode(messages.website + ": ")); contact.appendChild(ltrLink(r.web, r.web)); }
    if (contact.childNodes.length) facts.appendChild(contact);
    body.appendChild(facts);
    li.appendChild(body);
    li.appendChild(el("div", null, { "class": "cm-qr", "data-url": new URL(base + r.u, location.href).href }));
    return li;
  }
  /* The search engine (assets/search/search.js), loaded with the first words typed: filtering
   * without words needs none of it. */
  var engineLoad = null;
  function engine() {
    if (!engineLoad) {
      engineLoad = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = form.dataset.engine;
        script.onload = function () { CMSearch.setup(form.dataset.index); resolve(); };
        script.onerror = reject;
        document.body.appendChild(script);
      });
    }
    return engineLoad;
  }
  /* The free text's hits, from the search engine: {query, hits: record number -> hit, surfaces}. */
  var text = { query: null, hits: new Map(), surfaces: [], partial: false }, asked = null, typing = false;
  function searched() { return text.query !== null && text.query === state().typed && state().q; }
  function search(typed) {
    asked = typed;
    engine().then(function () {
      return CMSearch.search(typed, { limit: data.records.length, typing: typing });
    }).then(function (result) {
      if (asked !== typed) return; // a newer query is on its way
      var hits = new Map();
      result.hits.forEach(function (hit) { hits.set(hit.doc, hit); });
      text = { query: typed, hits: hits, surfaces: result.folded, partial: result.partial };
      render();
    }).catch(function () { if (asked === typed) status.textContent = messages.load_failed; });
  }
  function render() {
    var s = state(), now = new Date();
    if (s.q && text.query !== s.typed) {
      if (asked !== s.typed) search(s.typed);
      status.textContent = messages.searching;
      return;
    }
    current = data.records.filter(function (r) { return matches(r, s, now); });
    current.sort(function (a, b) {
      return rank(a, s) - rank(b, s) || (position ? distance(a) - distance(b) : s.q ? score(b) - score(a) : 0);
    });
    var page = current.slice(0, shown);
    list.replaceChildren.apply(list, page.map(function (r) { return item(r, now, s); }));
    var count = messages.count[plural.select(current.length)] || messages.count.other;
    status.textContent = current.length === 0 ? messages.none : format(count, { count: current.length });
    if (s.q && text.partial && current.length) status.textContent = messages.partial + " " + status.textContent;
    more.hidden = current.length <= shown;
    toUrl(s);
    showChosen(s);
    loadTexts(page.filter(function (r) { return r.s === undefined; }).map(function (r) { return texts.of(r._n); }));
  }

  /* ---- summaries come in chunks: those of the results shown ---- */
  var texts = null, asked = {}; // CMWire.chunks of data/finder.json
  function loadTexts(wanted) {
    var missing = wanted.filter(function (n, i) { return wanted.indexOf(n) === i && !asked[n]; });
    if (!missing.length) return;
    Promise.all(missing.map(function (n) {
      asked[n] = true;
      return texts.file(n).then(function (items) {
        items.forEach(function (text, i) {
          var r = data.records[n * data.chunks.size + i];
          if (typeof text === "string") { r.s = text; } else { r.s = text.sv; r.ts = text; }
          r._words = words(r);
        });
      });
    })).then(function () {
      fillSummaries();
      showRecord();
    });
  }
  function fillSummaries() {
    list.querySelectorAll(".cm-result").forEach(function (li) {
      var r = byId[li.dataset.id];
      var hit = r && searched() ? text.hits.get(r._n) : null;
      var summary = li.querySelector(".cm-result-summary");
      var own = r && r.s !== undefined ? summaryOf(r) : null;
      if (own && hit && own[1] === "sv") summary.replaceChildren(CMSearch.marked(r.s, text.surfaces));
      else if (own) summary.textContent = own[0];
    });
  }

  var qrScript = null;
  function loadQrScript() {
    if (!qrScript) {
      qrScript = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = form.dataset.qrcode;
        script.onload = resolve;
        script.onerror = resolve;
        document.body.appendChild(script);
      });
    }
    return qrScript;
  }
  function qrCodes() {
    if (typeof qrcode !== "function") return;
    list.querySelectorAll(".cm-qr:empty").forEach(function (box) {
      var code = qrcode(0, "M");
      code.addData(box.dataset.url);
      code.make();
      box.innerHTML = code.createSvgTag({ cellSize: 2, margin: 0, scalable: true }); // modules only, no data text
    });
  }

  /* ---- one record, opened by ?post=id: how a page in another language than Swedish shows a
   * record (record pages are in Swedish), with this page's headings and labels ---- */
  var recordView = document.getElementById("cm-record");
  function showRecord() {
    var id = new URLSearchParams(location.search).get("post");
    if (!id || !data) { recordView.hidden = true; return; }
    var r = byId[id], now = new Date();
    recordView.replaceChildren();
    recordView.hidden = false;
    if (!r) { recordView.appendChild(el("p", messages.not_found, { id: "cm-record-name" })); return; }
    if (r.s === undefined) loadTexts([texts.of(r._n)]);
    var name = nameOf(r), summary = summaryOf(r);
    recordView.appendChild(el("p", data.types[r.t], { "class": "cm-kicker" }));
    var heading = el("h2", null, { id: "cm-record-name" });
    heading.appendChild(tag(el("bdi", name[0]), name[1]));
    recordView.appendChild(heading);
    if (summary[0]) recordView.appendChild(tag(el("p", summary[0], { "class": "cm-summary" }), summary[1]));
    var facts = item(r, now, state()).querySelector(".cm-result-facts");
    facts.insertBefore(listOf(messages.categories, r.c, function (id, li) {
      li.appendChild(link(base + labels.prefix + "kategorier/" + id + "/", data.categories[id]));
    }), facts.firstChild);
    if (r.h && r.h.length) facts.appendChild(listOf(messages.opening_hours, r.h, function (h, li) {
      var days = h.days.map(function (d) { return messages.days[DAYS.indexOf(d)]; }).join(", ");
      var whole = h.opens === "00:00" && h.closes === "00:00"; // a whole day from midnight: "dygnet runt"
      var time = whole ? messages.round_the_clock : h.opens + "–" + h.closes + (h.closes <= h.opens ? " (" + messages.past_midnight + ")" : "");
      li.appendChild(el("bdi", days + " " + time));
    }));
    if (r.f !== undefined) facts.appendChild(el("li", messages.cost + ": " + (r.f ? messages.free : "–")));
    if (r.w) facts.appendChild(el("li", messages.accessibility + ": " + messages.wheelchair[r.w]));
    recordView.appendChild(facts);
    var full = el("p");
    full.appendChild(el("a", messages.full_page, { href: base + r.u, hreflang: "sv" }));
    recordView.appendChild(full);
    var back = el("p");
    back.appendChild(el("a", messages.back, { href: location.pathname }));
    recordView.appendChild(back);
  }
  // The language switcher keeps the filters and the open record: the same query in each language.
  function keepQueryInSwitcher() {
    document.querySelectorAll(".cm-languages a[data-cm-same-page]").forEach(function (a) {
      a.href = a.href.split("?")[0] + location.search;
    });
  }
  /* ---- on a phone the filters fold away behind "Filtrera (n valda)"; the print says which ---- */
  var toggle = document.getElementById("cm-filter-toggle");
  var printInfo = document.getElementById("cm-print-info");
  function chosen() {
    var found = [];
    ["behov", "omrade", "sprak"].forEach(function (k) {
      var select = form.elements[k];
      if (select.value) found.push(form.querySelector("label[for='" + select.id + "']").textContent + ": " + select.options[select.selectedIndex].text);
    });
    form.querySelectorAll("#cm-filters input:checked").forEach(function (box) {
      var legend = box.closest("fieldset") && box.closest("fieldset").querySelector("legend");
      if (box.value) found.push((legend ? legend.textContent + ": " : "") + box.parentNode.textContent.trim());
    });
    return found;
  }
  function showChosen(s) {
    var filters = chosen();
    var counted = messages.filter_count[plural.select(filters.length)] || messages.filter_count.other;
    toggle.textContent = filters.length === 0 ? messages.filter : format(counted, { count: filters.length });
    var date = new Date().toLocaleDateString(labels.lang, { year: "numeric", month: "long", day: "numeric" });
    var words = s.q ? [form.querySelector("label[for='cm-q']").textContent + ": \u201c" + form.elements.q.value.trim() + "\u201d"] : [];
    var all = words.concat(filters);
    printInfo.textContent = format(messages.printed, { date: date }) + " " +
      (all.length ? format(messages.print_filters, { filters: all.join("; ") }) : messages.print_no_filters) + " " +
      format(messages.print_link, { url: location.href });
  }
  toggle.addEventListener("click", function () {
    var open = !form.classList.contains("cm-filters-open");
    form.classList.toggle("cm-filters-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  });


  form.addEventListener("input", function (event) {
    if (event.target.name === "q") { typing = true; text.query = null; asked = null; }
    shown = PAGE;
    render();
  });
  form.addEventListener("change", function (event) {
    // Enter or leaving the field: the words are complete, no longer matched as prefixes.
    if (event.target.name === "q") { typing = false; text.query = null; asked = null; }
    shown = PAGE;
    render();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { position = null; shown = PAGE; render(); }); });
  more.addEventListener("click", function () { shown += PAGE; render(); });
  document.getElementById("cm-print").addEventListener("click", function () {
    loadQrScript().then(function () { qrCodes(); window.print(); });
  });
  window.addEventListener("beforeprint", qrCodes);
  document.getElementById("cm-near").addEventListener("click", function () {
    if (!navigator.geolocation) { status.textContent = messages.near_me_failed; return; }
    navigator.geolocation.getCurrentPosition(function (p) {
      position = [p.coords.latitude, p.coords.longitude];
      render();
    }, function () { status.textContent = messages.near_me_failed; });
  });

  /* The file refers to vocabularies by position (it is fetched whole; the format:
   * commonmap/site/wire.py); turn records back into ids, their hours and periods into objects. */
  var byId = {};
  function expand(loaded) {
    var types = CMWire.objects(loaded.types), categories = CMWire.objects(loaded.categories);
    var areas = CMWire.objects(loaded.areas), languages = CMWire.objects(loaded.languages);
    var ids = function (list) { return function (i) { return list[i].id; }; };
    var names = function (list) { var o = {}; list.forEach(function (item) { o[item.id] = item.label; }); return o; };
    var rows = function (columns, list) { return list && CMWire.objects({ columns: columns, rows: list }); };
    loaded.records.forEach(function (r, i) {
      var type = types[r.t];
      r.t = type.id;
      r.u = type.folder + "/" + r.id + "/";
      r.c = r.c.map(ids(categories));
      r.a = r.a.map(ids(areas));
      r.l = (r.l || []).map(ids(languages));
      r.h = rows(loaded.hours, r.h);
      r.cp = rows(loaded.closed_periods, r.cp);
      r.ll = rows(loaded.points, r.ll);
      r._n = i; // the record's number in the search index too (both follow directory.listed())
      byId[r.id] = r;
    });
    return {
      records: loaded.records, chunks: loaded.chunks, holidays: loaded.holidays || [], areas: names(areas),
      categoriesSv: names(categories), categories: Object.assign(names(categories), labels.categories),
      languages: labels.languages, types: Object.assign({}, labels.types),
    };
  }

  fetch(form.dataset.data).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (loaded) {
    data = expand(loaded);
    texts = CMWire.chunks(form.dataset.data, loaded.chunks);
    data.records.forEach(function (r) { r._words = words(r); });
    fromUrl();
    form.hidden = false;
    document.getElementById("cm-print").hidden = false;
    render();
    showRecord();
    setTimeout(loadQrScript, 1500); // for printing; not needed for the first results
  }).catch(function () { status.textContent = messages.load_failed; });
})();
