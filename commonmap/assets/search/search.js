/* The site's search engine, shared by the site search (/sok/) and the finder (/hitta-stod/).
 * The same rules as commonmap/base/words.py: folded words, Snowball's Swedish stem (ported
 * below from snowballstemmer's swedish_stemmer.py, Snowball 3), stop words dropped. Nothing is
 * fetched until the first search: then the manifest, one term shard per word and, for the
 * results shown, their document chunks (data/sok/, written by commonmap/search/index.py; the
 * formats: commonmap/site/wire.py).
 * Every text is put into the page as text nodes, never as HTML. */
(function () {
  "use strict";

  /* ---- Snowball's Swedish stemmer ---- */
  var VOWELS = "aeiouyäåö", S_ENDING = "bcdfghjklmnoprtvy", OST_ENDING = "iklnprtuv";
  var MAIN = {
    a: 1, arna: 1, erna: 1, heterna: 1, orna: 1, ad: 1, e: 1, ade: 1, ande: 1, arne: 1, are: 1,
    aste: 1, en: 1, anden: 1, aren: 1, heten: 1, ern: 1, ar: 1, er: 1, heter: 1, or: 1, s: 2,
    as: 1, arnas: 1, ernas: 1, ornas: 1, es: 1, ades: 1, andes: 1, ens: 1, arens: 1, hetens: 1,
    erns: 1, at: 1, et: 3, andet: 1, het: 1, ast: 1
  };
  var ET_EXCEPTIONS = ["fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit",
    "mit", "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit"];
  var PAIRS = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
  var OTHER = { ig: 1, lig: 1, els: 1, fullt: 3, "öst": 2 };

  function vowel(ch) { return ch !== undefined && VOWELS.indexOf(ch) >= 0; }
  function endsWith(w, suffix) { return w.length >= suffix.length && w.slice(w.length - suffix.length).join("") === suffix; }
  /* R1: after the first non-vowel that follows a vowel, and at least 3 letters in. */
  function region1(w) {
    if (w.length < 3) return w.length;
    var i = 0;
    while (i < w.length && !vowel(w[i])) i++;
    if (i >= w.length) return w.length;
    i++;
    while (i < w.length && vowel(w[i])) i++;
    if (i >= w.length) return w.length;
    return Math.max(i + 1, 3);
  }
  /* The longest suffix of w from `table` that lies in R1 (at or after p1). */
  function longest(w, table, p1) {
    for (var length = Math.min(7, w.length - p1); length > 0; length--) {
      var suffix = w.slice(w.length - length).join("");
      if (Object.prototype.hasOwnProperty.call(table, suffix)) return suffix;
    }
    return null;
  }
  /* "et" at position c may go: a non-vowel after a vowel before it, not one of the exceptions. */
  function etCondition(w, c) {
    if (c - 2 <= 0 || vowel(w[c - 1]) || !vowel(w[c - 2])) return false;
    var before = w.slice(0, c);
    return !ET_EXCEPTIONS.some(function (e) { return endsWith(before, e); });
  }
  function mainSuffix(w, p1) {
    var suffix = longest(w, MAIN, p1);
    if (!suffix) return w;
    var at = w.length - suffix.length, action = MAIN[suffix];
    if (action === 1) return w.slice(0, at);
    if (action === 3) return etCondition(w, at) ? w.slice(0, at) : w;
    if (endsWith(w.slice(0, at), "et") && etCondition(w, at - 2)) return w.slice(0, at - 2);
    return at >= 1 && S_ENDING.indexOf(w[at - 1]) >= 0 ? w.slice(0, at) : w;
  }
  function consonantPair(w, p1) {
    if (w.length - 2 < p1) return w;
    var last = w.slice(w.length - 2).join("");
    return PAIRS.indexOf(last) >= 0 ? w.slice(0, w.length - 1) : w;
  }
  function otherSuffix(w, p1) {
    var suffix = longest(w, OTHER, p1);
    if (!suffix) return w;
    var at = w.length - suffix.length, action = OTHER[suffix];
    if (action === 1) return w.slice(0, at);
    if (action === 3) return w.slice(0, at).concat(["f", "u", "l", "l"]);
    return at >= 1 && OST_ENDING.indexOf(w[at - 1]) >= 0 ? w.slice(0, at).concat(["ö", "s"]) : w;
  }
  function snowball(word) {
    var w = Array.from(word), p1 = region1(w);
    w = otherSuffix(consonantPair(mainSuffix(w, p1), p1), p1);
    return w.join("");
  }
  /* As words.stem: once more when the stem still ends in s or e ("mötesplatser" → "mötesplat"), and
   * the endings -lig, -ig and -els kept ("tidigare" → "tidig", not "tid"), and "caféet" as "café". */
  var KEPT = ["lig", "ig", "els"];
  function stem(word) {
    var base = snowball(/eet$/.test(word) ? word.slice(0, -2) : word);
    if (/[se]$/.test(base)) base = snowball(base);
    for (var i = 0; i < KEPT.length; i++) if (word.indexOf(base + KEPT[i]) === 0) return base + KEPT[i];
    return base;
  }

  /* ---- words, as words.fold and words.tokens ---- */
  var WORD = /[\p{L}\p{N}]+/gu;
  var rules = null; // the manifest: stop words, folding, weights, sizes
  function fold(text) {
    var lower = text.normalize("NFC").toLowerCase(), out = "";
    for (var ch of lower) out += (rules && rules.fold[ch]) || ch;
    return out;
  }
  function tokens(text) { return fold(text).match(WORD) || []; }

  /* ---- the index files ---- */
  var base = null, manifestLoad = null, shards = {}, docs = null;
  function getJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }
  function manifest() {
    if (!manifestLoad) {
      manifestLoad = getJson(base + "index.json").then(function (m) {
        rules = Object.assign({}, m, { fields: CMWire.objects(m.fields), boosts: CMWire.objects(m.boosts) });
        docs = CMWire.chunks(base + "index.json", m.chunks);
        return m;
      });
    }
    return manifestLoad;
  }
  function shardOf(term) {
    var chars = Array.from(term), first = chars[0].codePointAt(0), second = chars.length > 1 ? chars[1].codePointAt(0) : 0;
    return (first * 31 + second) % rules.shards;
  }
  function shard(n) {
    if (!shards[n]) shards[n] = getJson(base + "t" + n + ".json");
    return shards[n];
  }

  /* ---- a query ---- */
  function boostOf(doc) {
    var boost = 1;
    rules.boosts.forEach(function (run) { if (doc >= run.first) boost = run.boost; });
    return boost;
  }
  /* The terms a query word stands for: its stem. For the word still being typed also the word
   * as typed so far (the stem of a half-typed word may be another word: "kurat" → "kur"), the
   * words it begins, and words it begins with an ending on the way ("föreningarn"). A complete
   * word never matches the start of a longer one ("ung" never finds "ungefär"). */
  function has(table, term) { return Object.prototype.hasOwnProperty.call(table, term); }
  function candidates(word, typing, table) {
    var term = stem(word);
    if (!typing) return has(table, term) ? [[term, 1]] : [];
    var found = {};
    if (has(table, term)) found[term] = term === word ? 1 : rules.prefix;
    if (Array.from(word).length >= 2) {
      Object.keys(table).forEach(function (t) {
        if (t === word) found[t] = 1;
        else if (t.indexOf(word) === 0 || (word.indexOf(t) === 0 && t.length >= 5 && word.length - t.length <= 3)) {
          found[t] = Math.max(found[t] || 0, rules.prefix);
        }
      });
    }
    return Object.keys(found).map(function (t) { return [t, found[t]]; });
  }
  /* {docs: doc -> the best {value, field, part, surface}, surfaces: the words matched} of one query word. */
  function matchesOf(word, typing, table, limit) {
    var found = { docs: new Map(), surfaces: [] };
    candidates(word, typing, table).forEach(function (candidate) {
      var entry = table[candidate[0]], surfaces = entry[0], flat = entry[1], doc = 0;
      for (var i = 0; i < flat.length; i += 3) {
        doc += flat[i];
        if (doc >= limit) break;
        var field = flat[i + 1] >> 1, part = flat[i + 1] & 1;
        var value = rules.fields[field].weight * (part ? rules.part : 1) * candidate[1];
        var best = found.docs.get(doc);
        if (!best || value > best.value) {
          found.docs.set(doc, { value: value, field: rules.fields[field].name, about: rules.fields[field].about, part: part, surface: surfaces[flat[i + 2]] });
        }
      }
      found.surfaces = found.surfaces.concat(surfaces);
    });
    return found;
  }
  /* Ranked documents for a query: [{doc, score, why: [match per word], surfaces}], with
   * `partial` when no document had every word and those with some of them are given instead.
   * options.limit keeps only documents below it (the finder: the records); options.typing says
   * the last word is still being typed (an input event, not a submitted or linked query). */
  function search(query, options) {
    var limit = (options && options.limit) || Infinity, typingNow = !!(options && options.typing);
    return manifest().then(function () {
      var words = tokens(query).filter(function (w) { return rules.stop.indexOf(w) < 0; });
      var typingLast = typingNow && !/\s$/.test(query);
      var needed = {};
      words.forEach(function (w) { needed[shardOf(stem(w))] = 1; needed[shardOf(w)] = 1; });
      return Promise.all(Object.keys(needed).map(function (n) { return shard(n).then(function (s) { return [n, s]; }); }))
        .then(function (loaded) {
          var tables = {};
          loaded.forEach(function (pair) { tables[pair[0]] = pair[1]; });
          var perWord = words.map(function (w, i) {
            var table = tables[shardOf(stem(w))];
            var typing = typingLast && i === words.length - 1;
            var found = matchesOf(w, typing, table, limit);
            if (typing && !found.docs.size && tables[shardOf(w)] !== table) found = matchesOf(w, typing, tables[shardOf(w)], limit);
            return found;
          });
          return rank(perWord);
        });
    });
  }
  function rank(perWord) {
    var result = { hits: [], partial: false, surfaces: [], folded: [] };
    if (!perWord.length) return result;
    perWord.forEach(function (m) { result.surfaces = result.surfaces.concat(m.surfaces); });
    var scored = combine(perWord, true);
    if (!scored.length && perWord.length > 1) { scored = combine(perWord, false); result.partial = scored.length > 0; }
    scored.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    result.hits = scored;
    result.folded = result.surfaces.map(fold);
    return result;
  }
  function combine(perWord, every) {
    var docs = new Map();
    perWord.forEach(function (matches) {
      matches.docs.forEach(function (match, doc) {
        var hit = docs.get(doc) || { doc: doc, score: 0, why: [], count: 0 };
        hit.score += match.value;
        hit.count += 1;
        hit.why.push(match);
        docs.set(doc, hit);
      });
    });
    var hits = [];
    docs.forEach(function (hit) {
      if (every && hit.count < perWord.length) return;
      hit.score = (hit.score + hit.count * 100) * boostOf(hit.doc); // more of the words first
      hits.push(hit);
    });
    return hits;
  }
  /* The shown documents' texts: {title, url, kind, where, summary} per document number. */
  function documents(numbers) {
    return manifest().then(function () { return Promise.all(numbers.map(docs.item)); });
  }

  /* ---- showing why a result matched ---- */
  /* `text` as nodes, the words found by the search (a result's `folded` words) in <mark>. */
  function marked(text, surfaces) {
    var fragment = document.createDocumentFragment(), last = 0, match;
    var re = new RegExp(WORD.source, "gu");
    while ((match = re.exec(text)) !== null) {
      if (surfaces.indexOf(fold(match[0])) < 0) continue;
      fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
      fragment.appendChild(CMWire.el("mark", { "class": "cm-hit" }, match[0]));
      last = match.index + match[0].length;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }
  /* "Träff på: kurator (vanligt ord för Psykisk hälsa), unga (kategorin)" as a <p>. */
  function why(hit, labels) {
    var p = CMWire.el("p", { "class": "cm-why" }, labels.why + ": ");
    hit.why.forEach(function (match, i) {
      var field = labels.fields[match.field] + (match.about ? " " + match.about : "");
      if (i) p.appendChild(document.createTextNode(", "));
      p.appendChild(CMWire.el("mark", { "class": "cm-hit" }, match.surface));
      p.appendChild(document.createTextNode(" (" + field + ")"));
    });
    return p;
  }

  window.CMSearch = {
    setup: function (folder) { base = folder; },
    prefetch: function () { manifest().catch(function () {}); },
    search: search,
    documents: documents,
    marked: marked,
    why: why,
    tokens: tokens,
    stem: stem,
    fold: fold,
    manifest: manifest
  };
})();
