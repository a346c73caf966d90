/* Sök: the site search page. Results show as the resident types; the query lives in the URL
 * (?q=) so that the header's form, a link or the back button lands on the same results. */
(function () {
  "use strict";
  var form = document.getElementById("cm-search");
  if (!form || !window.CMSearch) return;
  var PAGE = 10, WAIT = 80; // ms without a keystroke before a query is sent
  var messages = JSON.parse(form.dataset.messages);
  var input = document.getElementById("cm-search-q");
  var list = document.getElementById("cm-search-results");
  var status = document.getElementById("cm-search-status");
  var more = document.getElementById("cm-search-more");
  var base = form.dataset.base;
  var current = null, shown = PAGE, timer = null, asked = 0;
  CMSearch.setup(form.dataset.index);

  function format(text, params) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return String(params[key]); });
  }
  var el = CMWire.el; // search.js brings it
  function item(hit, doc, surfaces) {
    var link = el("a", { href: base + doc.url }, CMSearch.marked(doc.title, surfaces));
    var li = el("li", { "class": "cm-result", "data-url": doc.url }, [
      el("h3", null, link),
      el("p", { "class": "cm-kicker" }, doc.where ? doc.kind + " · " + doc.where : doc.kind),
    ]);
    if (doc.summary) li.appendChild(el("p", { "class": "cm-result-summary" }, CMSearch.marked(doc.summary, surfaces)));
    li.appendChild(CMSearch.why(hit, messages));
    return li;
  }
  function show() {
    var hits = current.result.hits, page = hits.slice(0, shown);
    return CMSearch.documents(page.map(function (h) { return h.doc; })).then(function (docs) {
      if (current === null) return;
      list.replaceChildren.apply(list, page.map(function (hit, i) { return item(hit, docs[i], current.result.folded); }));
      var count = hits.length === 0 ? format(messages.none, { query: current.query.trim() }) :
        hits.length === 1 ? messages.count_one : format(messages.count, { count: hits.length });
      status.textContent = current.result.partial ? messages.partial + " " + count : count;
      more.hidden = hits.length <= shown;
    });
  }
  function run(typing) {
    var query = input.value, number = ++asked;
    var url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query.trim()); else url.searchParams.delete("q");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
    if (!query.trim()) {
      current = null;
      list.replaceChildren();
      status.textContent = messages.empty;
      more.hidden = true;
      return;
    }
    status.textContent = messages.searching;
    CMSearch.search(query, { typing: typing }).then(function (result) {
      if (number !== asked) return; // a newer query is on its way
      current = { query: query, result: result };
      shown = PAGE;
      return show();
    }).catch(function () { if (number === asked) status.textContent = messages.failed; });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, WAIT);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(false); });
  more.addEventListener("click", function () { shown += PAGE; show(); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(false); } else { status.textContent = messages.empty; }
})();
