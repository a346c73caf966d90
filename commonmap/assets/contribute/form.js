/* Bidra med formuläret (/bidra/formular/): the fields of form.html become a record file.
 * The checks are those of commonmap/records/checks.py and the model's rules, as far as a browser can
 * make them, and every problem is shown with the catalogue's own message and hint (messages.py,
 * in the form's data-config) and the parameters `commonmap validate` gives. The file is written
 * by the one rule for unquoted values (loaded.PLAIN_KINDS, yamltext.PLAIN). Nothing is sent
 * anywhere: the routes are a GitHub page, an e-mail the volunteer sends, and a download. Values
 * go into the page with textContent and attributes only, never as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("cm-form");
  if (!form) return;
  var config = JSON.parse(form.dataset.config);
  var M = config.messages, T = config.text;
  var KINDS = config.kinds.map(function (p) { return new RegExp(p); });
  var KIND_NAMES = ["null", "boolean", "time", "date", "number"];
  var PLAIN = new RegExp(config.plain);
  var P = {};
  Object.keys(config.patterns).forEach(function (k) { P[k] = new RegExp(config.patterns[k]); });
  var TYPES = config.types; // in the order data/bidra/index.json numbers them
  var index = null; // {records: [{type (a number), id, name}], chunks} from data/bidra/index.json
  var touched = new WeakSet();
  var idEdited = false;
  var current = {};

  function format(text, params) {
    return text.replace(/\{\{|\}\}|\{(\w+)\}/g, function (m, name) {
      if (m === "{{") return "{";
      if (m === "}}") return "}";
      return String(params[name]);
    });
  }
  function problem(code, params) { return { code: code, params: params }; }

  /* ---- the one rule for unquoted values, from the writing side ---- */
  function plainKind(value) {
    for (var i = 0; i < KINDS.length; i++) if (KINDS[i].test(value)) return KIND_NAMES[i];
    return null;
  }
  function quoted(value) {
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function scalar(value) {
    var kind = plainKind(value);
    return PLAIN.test(value) && (kind === null || kind === "date") ? value : quoted(value);
  }

  /* ---- the value checks of checks.py ---- */
  function calendarDate(y, m, d) {
    var date = new Date(Date.UTC(+y, +m - 1, +d));
    return +y >= 1 && date.getUTCFullYear() === +y && date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d;
  }
  function emailReason(v) {
    if (/\s/.test(v)) return "den innehåller mellanslag";
    if (v.split("@").length !== 2) return "den ska ha exakt ett @";
    var parts = v.split("@");
    if (!parts[0]) return "det saknas något före @";
    if (!parts[1]) return "det saknas något efter @";
    if (parts[1].indexOf(".") < 0) return "delen efter @ saknar punkt";
    return null;
  }
  function urlOk(v) {
    var m = /^https?:\/\/([^\/?#]*)/i.exec(v);
    if (!m || /\s/.test(v)) return false;
    var host = m[1].split("@").pop().replace(/:\d*$/, "");
    return host.length > 0;
  }
  var CHECKS = {
    id: function (v, p) {
      if (Array.from(v).length > config.id_max || !P.id.test(v)) return problem("invalid-id", p);
      if (config.reserved.indexOf(v) >= 0) return problem("reserved-id", p);
      return null;
    },
    reference: function (v, p) { return P.id.test(v) ? null : problem("invalid-id", p); },
    date: function (v, p) {
      if (!P.date.test(v)) return problem("invalid-date", p);
      var d = v.split("-");
      return calendarDate(d[0], d[1], d[2]) ? null : problem("impossible-date", p);
    },
    "partial-date": function (v, p) {
      if (!P.partial.test(v)) return problem("invalid-partial-date", p);
      var d = (v + "-01-01").split("-");
      return calendarDate(d[0], d[1], d[2]) ? null : problem("impossible-date", p);
    },
    phone: function (v, p) { return P.phone.test(v) ? null : problem("invalid-phone", p); },
    email: function (v, p) {
      var reason = emailReason(v);
      return reason ? problem("invalid-email", Object.assign({ reason: reason }, p)) : null;
    },
    url: function (v, p) { return urlOk(v) ? null : problem("invalid-url", p); },
    time: function (v, p) { return P.time.test(v) ? null : problem("invalid-time", p); },
    language: function (v, p) { return config.languages.indexOf(v) >= 0 ? null : problem("invalid-language", p); },
    latitude: function (v, p) { return degrees(v, p, "Latitud", -90, 90); },
    longitude: function (v, p) { return degrees(v, p, "Longitud", -180, 180); }
  };
  function degrees(v, p, axis, low, high) {
    if (P.comma.test(v)) return problem("decimal-comma", Object.assign({ fixed: v.replace(",", ".") }, p));
    if (!P.degrees.test(v)) return problem("invalid-number", p);
    var n = parseFloat(v);
    if (n < low || n > high) return problem("coordinate-range", Object.assign({ axis: axis, low: low, high: high }, p));
    return null;
  }

  /* ---- the fields of the chosen type as a tree: [{key, el, value, children}] ---- */
  function fieldsOf(container) {
    return Array.prototype.filter.call(container.querySelectorAll("[data-key]"), function (el) {
      return el.parentElement.closest("[data-key], .cm-type") === container;
    });
  }
  function control(el) { return el.querySelector("input, textarea, select"); }
  function itemsOf(el) {
    return Array.prototype.filter.call(el.querySelector(".cm-items").children, function (li) { return li.matches("[data-item]"); });
  }
  function read(el) {
    var kind = el.dataset.kind, c = control(el);
    if (kind === "group") return { group: fieldsOf(el).map(node) };
    if (kind === "choices") {
      return { list: Array.prototype.filter.call(el.querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return { value: i.value, plain: true }; }) };
    }
    if (kind === "list" || kind === "rows") {
      return { list: itemsOf(el).map(function (li) { return node(li.querySelector("[data-key]")); }) };
    }
    if (kind === "flag") return { value: c.checked ? "true" : "", bare: true };
    if (kind === "flag3") return { value: c.value, bare: true };
    if (kind === "select") {
      // An optional choice left at its default (status: active) is not written, as in the template.
      var preset = el.querySelector("option[selected]");
      var unchanged = preset && c.value === preset.value && el.dataset.required === undefined;
      return { value: unchanged ? "" : c.value };
    }
    var text = c.value.trim() ? (kind === "textarea" ? c.value.replace(/\s+$/, "") : c.value.trim()) : "";
    return { value: text, number: kind === "number" };
  }
  function node(el) { var n = read(el); n.key = el.dataset.key; n.el = el; return n; }
  function filled(n) {
    if (n.group) return n.group.some(filled);
    if (n.list) return n.list.some(filled);
    return n.value !== "" && n.value !== undefined;
  }

  /* ---- the file ---- */
  function writeNode(n, pad, out, inList) {
    var lead = pad + n.key + ":";
    if (n.group) {
      out.push(lead);
      n.group.forEach(function (c) { if (filled(c) || c.el.dataset.required !== undefined) writeNode(c, pad + "  ", out); });
    } else if (n.list) {
      var items = n.list.filter(filled);
      if (!items.length) { out.push(lead); return; }
      if (items.every(function (i) { return !i.group && !/\n/.test(i.value) && scalar(i.value) === i.value; }) &&
          (lead + " [" + items.map(function (i) { return i.value; }).join(", ") + "]").length <= 100) {
        out.push(lead + " [" + items.map(function (i) { return i.value; }).join(", ") + "]");
        return;
      }
      out.push(lead);
      items.forEach(function (i) { writeItem(i, pad + "  ", out); });
    } else {
      out.push(lead + value(n, pad));
    }
  }
  function writeItem(i, pad, out) {
    if (!i.group) { out.push(pad + "-" + value(i, pad + "  ")); return; }
    var lines = [];
    i.group.forEach(function (c) { if (filled(c) || c.el.dataset.required !== undefined) writeNode(c, pad + "  ", lines); });
    if (!lines.length) return;
    lines[0] = pad + "- " + lines[0].slice(pad.length + 2);
    lines.forEach(function (l) { out.push(l); });
  }
  function value(n, pad) {
    var v = n.value;
    if (v === "" || v === undefined) return "";
    if (n.bare || n.number && P.degrees.test(v)) return " " + v;
    if (/\n/.test(v) && !/^\s/.test(v)) {
      return " |\n" + v.split("\n").map(function (l) { return l ? pad + "  " + l : ""; }).join("\n");
    }
    return " " + scalar(v);
  }
  function yamlOf(tree, type) {
    var out = ["# yaml-language-server: $schema=../../schema/" + config.schemas[type] + ".schema.json"];
    tree.forEach(function (n) { if (filled(n) || n.el.dataset.required !== undefined) writeNode(n, "", out); });
    return out.join("\n") + "\n";
  }

  /* ---- the problems, with the parameters commonmap validate gives ---- */
  function fieldName(path) { return path.filter(function (s) { return typeof s === "string"; }).join("."); }
  function checkTree(nodes, path, found) {
    nodes.forEach(function (n) { checkNode(n, path.concat([n.key]), found); });
  }
  function checkNode(n, path, found) {
    var el = n.el, field = fieldName(path);
    if (n.group) {
      if (filled(n) || el.dataset.required !== undefined) checkTree(n.group, path, found);
      return;
    }
    if (n.list) {
      var items = n.list.filter(filled);
      if (!items.length && el.dataset.empty) return found.push(emptyProblem(el));
      if (el.dataset.kind === "choices") return; // checkboxes offer only allowed values
      n.list.forEach(function (i, k) {
        if (i.group) { if (filled(i)) checkTree(i.group, path.concat([k]), found); }
        else if (filled(i)) checkValue(i, path.concat([k]), found);
      });
      return;
    }
    if (!filled(n)) { if (el.dataset.empty) found.push(emptyProblem(el)); return; }
    checkValue(n, path, found);
  }
  function emptyProblem(el) {
    var e = JSON.parse(el.dataset.empty);
    var p = problem(e.code, e.params);
    p.el = el;
    return p;
  }
  function checkValue(n, path, found) {
    var el = n.el, v = n.value, params = { field: fieldName(path), value: v }, check = el.dataset.check;
    var result = CHECKS[check] ? CHECKS[check](v, params) : null;
    var limit = el.dataset.limit && +el.dataset.limit;
    if (!result && limit && Array.from(v).length > limit) {
      result = problem("too-long", { field: params.field, length: Array.from(v).length, limit: limit });
    }
    if (!result && check === "reference") result = referenceProblem(el, v, params, path);
    if (result) { result.el = el; found.push(result); }
  }
  function referenceProblem(el, v, params, path) {
    var folder = { hosts: "organisations", organisation: "organisations", place: "places", places: "places" }[path[path.length - 1 - (typeof path[path.length - 1] === "number")]];
    if (!folder || !index) return null;
    var found = index.records.filter(function (r) { return r.id === v; })[0];
    if (found && TYPES[found.type] === folder) return null;
    var p = Object.assign({ expected: config.type_names[folder], folder: folder }, params);
    if (found) return problem("wrong-reference-type", Object.assign({ found: config.type_names[TYPES[found.type]] }, p));
    var named = index.records.filter(function (r) { return TYPES[r.type] === folder && r.name.toLowerCase() === v.toLowerCase(); })[0];
    return problem("unknown-reference", Object.assign({ suggestion: named ? " Menade du '" + named.id + "'?" : "" }, p));
  }
  function get(tree, key) { return tree.filter(function (n) { return n.key === key; })[0]; }
  function valueOf(tree, key) { var n = get(tree, key); return n ? n.value : undefined; }
  function at(tree, key, code, params, found) {
    var n = get(tree, key);
    var p = problem(code, Object.assign({ field: key }, params || {}));
    p.el = n && n.el;
    found.push(p);
  }
  function rules(tree, type, found) {
    var status = valueOf(tree, "status");
    if (status === "temporarily-closed" && !valueOf(tree, "status_reason")) at(tree, "status", "status-reason-missing", {}, found);
    if (valueOf(tree, "reopens") && status !== undefined && status !== "temporarily-closed") {
      at(tree, "reopens", "reopens-not-closed", { status: status }, found);
    }
    if (valueOf(tree, "protected") === "true") protectedRules(tree, type, found);
    var reviewed = valueOf(tree, "last_reviewed");
    if (reviewed && P.date.test(reviewed) && reviewed > today()) at(tree, "last_reviewed", "future-review", { value: reviewed }, found);
    periods(tree, found);
  }
  function protectedRules(tree, type, found) {
    if (filled(get(tree, "address") || {})) at(tree, "protected", "protected-address", { field: "address" }, found);
    if (filled(get(tree, "location") || {})) at(tree, "protected", "protected-location", { field: "location" }, found);
    var contact = get(tree, "contact");
    var reachable = contact && ["phone", "email", "website"].some(function (k) { return valueOf(contact.group, k); });
    if (!reachable) at(tree, "protected", "protected-contact-missing", {}, found);
    if (type === "places" && !filled(get(tree, "areas"))) at(tree, "protected", "protected-area-missing", {}, found);
  }
  function periods(tree, found) {
    var period = get(tree, "period");
    if (period && filled(period)) {
      var s = valueOf(period.group, "start"), e = valueOf(period.group, "end");
      if (s && e && P.partial.test(s) && P.partial.test(e) && e < s.slice(0, e.length)) {
        at(period.group, "end", "end-before-start", { field: "period.end", start: s, end: e }, found);
      }
    }
    (get(tree, "closed_periods") || { list: [] }).list.forEach(function (row) {
      if (!row.group) return;
      var s = valueOf(row.group, "start"), e = valueOf(row.group, "end");
      if (s && e && P.date.test(s) && P.date.test(e) && e < s) {
        at(row.group, "end", "end-before-start", { field: "closed_periods.end", start: s, end: e }, found);
      }
    });
  }
  function duplicateId(tree, type, found) {
    var id = valueOf(tree, "id");
    if (!id || !index || current.mode === "update") return;
    var taken = index.records.filter(function (r) { return r.id === id; })[0];
    if (taken) at(tree, "id", "duplicate-id", { value: id, other: config.directory + "/" + TYPES[taken.type] + "/" + id + ".yml" }, found);
  }

  /* ---- showing the problems ---- */
  function show(found) {
    form.querySelectorAll(".cm-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (c) { c.removeAttribute("aria-invalid"); });
    var list = document.getElementById("cm-problems");
    list.textContent = "";
    found.forEach(function (p) {
      var text = format(M[p.code][0], p.params), hint = format(M[p.code][1], p.params);
      var el = p.el, target = el && (control(el) || el);
      if (el && touched.has(el)) {
        var out = document.getElementById(target.id + "-fel") || el.querySelector(".cm-error");
        if (out) {
          out.appendChild(CMWire.el("span", { "class": "cm-message", "data-code": p.code }, text + " " + T.fix + ": " + hint));
          out.hidden = false;
        }
        target.setAttribute("aria-invalid", "true");
      }
      var link = CMWire.el("a", { href: "#" + (target ? target.id : "cm-type"), "data-code": p.code }, text);
      list.appendChild(CMWire.el("li", null, link));
    });
    var n = found.length;
    document.getElementById("cm-summary").textContent =
      n === 0 ? T.summary_none : n === 1 ? T.summary_one : format(T.summary_many, { count: n });
  }

  /* ---- the routes ---- */
  function routes(yaml, tree, type) {
    var id = valueOf(tree, "id") || "ny-post";
    var file = config.directory + "/" + type + "/" + id + ".yml";
    document.getElementById("cm-yaml").textContent = yaml;
    document.getElementById("cm-filename").textContent = file;
    var download = document.getElementById("cm-download");
    download.href = "data:text/yaml;charset=utf-8," + encodeURIComponent(yaml);
    download.setAttribute("download", id + ".yml");
    var github = document.getElementById("cm-github");
    if (github) {
      var update = current.mode === "update";
      github.href = update
        ? config.repo + "/edit/" + config.branch + "/" + file.split("/").map(encodeURIComponent).join("/")
        : config.repo + "/new/" + config.branch + "?filename=" + encodeURIComponent(file) + "&value=" + encodeURIComponent(yaml);
      github.textContent = update ? T.github_update : T.github;
      document.getElementById("cm-github-help").textContent = update ? T.github_update_help : T.github_help;
      document.getElementById("cm-copy").hidden = !update;
    }
    var email = document.getElementById("cm-email");
    if (email) {
      var name = valueOf(tree, "name") || id;
      var subject = format(current.mode === "update" ? T.email_subject_update : T.email_subject_new, { name: name });
      var body = (format(T.email_body, { file: file }) + "\n\n" + yaml).replace(/\n/g, "\r\n");
      email.href = "mailto:" + config.email + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
      document.getElementById("cm-email-long").hidden = email.href.length < 1800;
    }
  }

  /* ---- keeping it all up to date ---- */
  function chosenType() { return document.getElementById("cm-type").value; }
  function container(type) { return form.querySelector('.cm-type[data-type="' + type + '"]'); }
  function update() {
    var type = chosenType(), tree = fieldsOf(container(type)).map(node), found = [];
    checkTree(tree, [], found);
    rules(tree, type, found);
    duplicateId(tree, type, found);
    show(found);
    routes(yamlOf(tree, type), tree, type);
  }
  var pending = null;
  function soon() { clearTimeout(pending); pending = setTimeout(update, 120); }
  function today() {
    var d = new Date(), m = d.getMonth() + 1, day = d.getDate();
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }
  function asId(name) {
    return name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }
  function fieldOf(target) { return target.closest("[data-key]:not([data-kind=group]):not([data-kind=list]):not([data-kind=rows])") || target.closest("[data-key]"); }

  /* A field's problems show once the volunteer has left it (or changed it), then as they type. */
  function touch(el) {
    for (; el; el = el.parentElement && el.parentElement.closest("[data-key]")) touched.add(el);
  }
  form.addEventListener("input", function (event) {
    var el = fieldOf(event.target);
    if (el && el.dataset.key === "id" && el.parentElement.closest("[data-key]") === null) idEdited = event.target.value !== "";
    if (el && el.dataset.key === "name" && !idEdited && current.mode !== "update" && !el.parentElement.closest("[data-key]")) {
      control(container(chosenType()).querySelector('[data-key="id"]')).value = asId(event.target.value);
    }
    if (event.target.classList.contains("cm-location-paste")) pasteLocation(event.target);
    soon();
  });
  form.addEventListener("change", function (event) {
    var el = fieldOf(event.target);
    if (el) touch(el);
    soon();
  });
  form.addEventListener("focusout", function (event) {
    var el = fieldOf(event.target);
    if (el && !touched.has(el)) { touch(el); soon(); }
  });
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("cm-add")) addItem(button.closest(".cm-list"), true);
    if (button.classList.contains("cm-remove")) removeItem(button.closest("[data-item]"));
    if (button.id === "cm-load") load(document.getElementById("cm-record").value.trim());
    if (button.id === "cm-copy") copy();
  });
  document.getElementById("cm-type").addEventListener("change", function () { showType(chosenType()); });
  form.querySelectorAll('input[name="cm-mode"]').forEach(function (radio) {
    radio.addEventListener("change", function () { setMode(radio.value); });
  });
  document.querySelector(".cm-routes").addEventListener("click", function () {
    fieldsOf(container(chosenType())).forEach(touchAll);
    update();
  });
  function touchAll(el) {
    touched.add(el);
    el.querySelectorAll("[data-key]").forEach(function (c) { touched.add(c); });
  }

  /* ---- lists: rows added, removed and numbered ---- */
  function addItem(list, focus) {
    var clone = list.querySelector("template").content.cloneNode(true);
    list.querySelector(".cm-items").appendChild(clone);
    renumber(list);
    var added = itemsOf(list).pop();
    var first = added.querySelector("input, textarea, select");
    if (first && focus) first.focus();
    soon();
    return added;
  }
  function removeItem(li) {
    var list = li.closest(".cm-list");
    li.remove();
    renumber(list);
    var add = list.querySelector(".cm-add");
    add.focus();
    soon();
  }
  function renumber(list) {
    var prefix = list.dataset.id + "-";
    itemsOf(list).forEach(function (li, k) {
      li.querySelectorAll("[id], [for], [aria-describedby], [data-id]").forEach(function (e) {
        ["id", "for", "aria-describedby", "data-id"].forEach(function (a) {
          var v = e.getAttribute(a);
          if (v) e.setAttribute(a, v.split(prefix + "__n__").join(prefix + k).replace(new RegExp(escape(prefix) + "\\d+", "g"), prefix + k));
        });
      });
      li.querySelectorAll(".cm-n").forEach(function (n) { if (n.closest("[data-item]") === li) n.textContent = String(k + 1); });
    });
  }
  function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* ---- a record's values into the fields (changing a record) ---- */
  function fill(box, data) {
    fieldsOf(box).forEach(function (el) { setValue(el, data[el.dataset.key]); });
  }
  function setValue(el, v) {
    var kind = el.dataset.kind, c = control(el);
    if (kind === "group") return fill(el, v || {});
    if (kind === "choices") {
      el.querySelectorAll("input").forEach(function (i) { i.checked = (v || []).indexOf(i.value) >= 0; });
      return;
    }
    if (kind === "list" || kind === "rows") {
      itemsOf(el).forEach(function (li) { li.remove(); });
      (v || []).forEach(function (item) { setValue(addItem(el).querySelector("[data-key]"), item); });
      if (!(v || []).length && el.dataset.required !== undefined) addItem(el);
      return;
    }
    if (kind === "flag") { c.checked = v === true; return; }
    if (kind === "flag3") { c.value = v === true ? "true" : v === false ? "false" : ""; return; }
    c.value = v === undefined || v === null ? (kind === "select" ? c.value : "") : String(v);
  }
  function reset(box) {
    box.querySelectorAll("input, textarea").forEach(function (i) {
      if (i.type === "checkbox") i.checked = i.defaultChecked; else i.value = "";
    });
    box.querySelectorAll("select").forEach(function (s) {
      var chosen = s.querySelector("option[selected]");
      s.value = chosen ? chosen.value : "";
    });
    box.querySelectorAll(".cm-list").forEach(function (list) {
      itemsOf(list).forEach(function (li) { li.remove(); });
      if (list.dataset.required !== undefined) addItem(list);
    });
    var reviewed = box.querySelector('[data-key="last_reviewed"] input');
    if (reviewed) reviewed.value = today();
  }
  function load(wanted) {
    var out = document.getElementById("cm-record-fel");
    out.hidden = true;
    var type = chosenType(), typeNumber = TYPES.indexOf(type);
    var position = -1;
    if (index) {
      index.records.forEach(function (r, k) {
        if (r.type === typeNumber && (r.id === wanted || r.name === wanted) && position < 0) position = k;
      });
    }
    if (position < 0) return fail(format(T.record_missing, { type: config.type_names[type], id: wanted }));
    index.chunks.item(position).then(function (data) {
      var box = container(type);
      reset(box);
      fill(box, data);
      control(box.querySelector('[data-key="last_reviewed"]')).value = today();
      touchAll(box);
      current.id = data.id;
      history.replaceState(null, "", "?post=" + type + "/" + data.id);
      document.getElementById("cm-copied").textContent = format(T.record_loaded, { name: data.name });
      update();
    }).catch(function () { fail(T.record_failed); });
  }
  function fail(text) {
    var out = document.getElementById("cm-record-fel");
    out.textContent = text;
    out.hidden = false;
  }
  function pasteLocation(area) {
    var lat = /lat:\s*(-?[0-9.,]+)/.exec(area.value), lon = /lon:\s*(-?[0-9.,]+)/.exec(area.value);
    var group = area.closest('[data-key="location"]');
    if (lat) control(group.querySelector('[data-key="lat"]')).value = lat[1];
    if (lon) control(group.querySelector('[data-key="lon"]')).value = lon[1];
    var approximate = /approximate:\s*true/.test(area.value);
    var box = group.querySelector('[data-key="approximate"] input');
    if (box && (lat || lon)) box.checked = approximate;
    if (lat || lon) { touchAll(group); soon(); }
  }
  function copy() {
    var text = document.getElementById("cm-yaml").textContent, out = document.getElementById("cm-copied");
    navigator.clipboard.writeText(text).then(function () { out.textContent = T.copied; }, function () { out.textContent = T.copy_failed; });
  }

  /* ---- type and mode ---- */
  function showType(type) {
    form.querySelectorAll(".cm-type").forEach(function (box) { box.hidden = box.dataset.type !== type; });
    fillChooser();
    update();
  }
  function setMode(mode) {
    current.mode = mode;
    document.getElementById("cm-pick").hidden = mode !== "update";
    form.querySelector('input[name="cm-mode"][value="' + mode + '"]').checked = true;
    update();
  }
  function fillChooser() {
    var list = document.getElementById("cm-poster-vald");
    list.textContent = "";
    if (!index) return;
    var typeNumber = TYPES.indexOf(chosenType());
    index.records.forEach(function (r) {
      if (r.type === typeNumber) list.appendChild(CMWire.el("option", { value: r.id }, r.name));
    });
  }
  function fillDatalists() {
    TYPES.forEach(function (type, k) {
      var list = document.getElementById("cm-poster-" + type);
      index.records.forEach(function (r) {
        if (r.type === k) list.appendChild(CMWire.el("option", { value: r.id }, r.name));
      });
    });
  }

  form.hidden = false;
  TYPES.forEach(function (type) { reset(container(type)); });
  current.mode = "new";
  var wanted = new URLSearchParams(location.search).get("post");
  var ready = fetch(config.index).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
    index = data && { records: CMWire.objects(data), chunks: CMWire.chunks(config.index, data.chunks) };
    if (index) fillDatalists();
  }).catch(function () { index = null; });
  if (wanted && wanted.indexOf("/") > 0) {
    var parts = wanted.split("/");
    if (TYPES.indexOf(parts[0]) >= 0) document.getElementById("cm-type").value = parts[0];
    showType(chosenType());
    setMode("update");
    document.getElementById("cm-record").value = parts[1];
    ready.then(function () { fillChooser(); load(parts[1]); });
  } else {
    ready.then(function () { fillChooser(); update(); });
    showType(chosenType());
  }
})();
