/* Gemensam karta: the reader of the wire formats (commonmap/site/wire.py) and the scripts' one DOM
 * helper, served in front of each script that uses them (a page loads only its own scripts), and
 * defined once a page. */
var CMWire = window.CMWire || (window.CMWire = (function () {
  "use strict";
  /* A table's column -> position: row[c.name]. */
  function index(table) {
    var found = {};
    table.columns.forEach(function (name, i) { found[name] = i; });
    return found;
  }
  /* A table's rows as objects, for small tables (vocabularies). */
  function objects(table) {
    return table.rows.map(function (row) {
      var found = {};
      table.columns.forEach(function (name, i) { found[name] = row[i]; });
      return found;
    });
  }
  /* The chunks of a file read from `url` (its "chunks" entry `spec`): item(i) is a promise of item i,
   * file(n) of chunk n's items (objects where the chunks have columns); each file is fetched once. */
  function chunks(url, spec) {
    var files = {}, base = new URL(url, window.location.href);
    function file(n) {
      if (!files[n]) {
        files[n] = fetch(new URL(spec.path.replace("{n}", n), base)).then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + spec.path);
          return response.json();
        }).then(function (items) { return spec.columns ? objects({ columns: spec.columns, rows: items }) : items; });
      }
      return files[n];
    }
    return {
      of: function (i) { return Math.floor(i / spec.size); },
      file: file,
      item: function (i) { return file(Math.floor(i / spec.size)).then(function (items) { return items[i % spec.size]; }); }
    };
  }
  /* An element: attributes ("class" as className), then children (text becomes a text node). */
  function el(tag, attrs, children) {
    var found = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null) return;
      if (name === "class") found.className = value; else found.setAttribute(name, value);
    });
    [].concat(children === undefined || children === null ? [] : children).forEach(function (child) {
      found.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    });
    return found;
  }
  return { index: index, objects: objects, chunks: chunks, el: el };
})());
