/* teikit search box: Pagefind's index (pagefind/), queried in the browser, no server.
 *
 * Progressive enhancement: the box is in every page's header but hidden; this script shows
 * it once the page is served over http(s) (browsers refuse to fetch the index from file://).
 * Results give the title, the date, who speaks in the passage and the passage itself, and
 * link to the paragraph or turn where the words are.  Everything is plain DOM: a text input,
 * filter menus and a list of links, so it is used with the keyboard like any form.
 */
(function () {
  "use strict";
  if (location.protocol !== "http:" && location.protocol !== "https:") return;
  var script = document.currentScript;
  var form = document.querySelector("form.site-search");
  if (!form || !script) return;
  var root = new URL("..", script.src);  // the site folder: this file is assets/…
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("site-search-status");
  var list = document.getElementById("site-search-results");
  var filterBox = form.querySelector(".search-filters");
  var FILTERS = [["speaker", "Speaker"], ["year", "Year"], ["type", "Type"],
                 ["source", "Source"], ["language", "Language"]];
  var PAGE = 10;
  var pagefind = null, shown = 0, current = [], timer = 0, generation = 0;
  var segmented = [];  /* languages Pagefind segments into words: zh, ja */
  var CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

  /* Pagefind keeps one index per page language (each with its stemmer, and for Chinese
     its word segmenter) and loads only the one of the page's <html lang>; the edition is
     searched as a whole: its main language's index first (the query is stemmed by that
     language's module), every other language's index merged into it. */
  function load() {
    if (!pagefind) {
      var bundle = new URL("pagefind/", root).href;
      var opts = { baseUrl: root.pathname, excerptLength: 24 };
      pagefind = fetch(bundle + "pagefind-entry.json").then(function (r) {
        return r.json();
      }).then(function (entry) {
        var langs = Object.keys(entry.languages || {}).sort(function (a, b) {
          return entry.languages[b].page_count - entry.languages[a].page_count ||
            (a < b ? -1 : a > b ? 1 : 0);
        });
        segmented = langs.filter(function (l) { return /^(zh|ja)\b/.test(l); });
        return import(bundle + "pagefind.js").then(function (pf) {
          return pf.options(opts).then(function () {
            /* Pagefind reads the language from <html lang> when it starts, synchronously:
               the main language is set for that moment and the page's put back. */
            var html = document.documentElement, own = html.getAttribute("lang");
            if (langs.length) html.setAttribute("lang", langs[0]);
            var started = pf.init();
            if (own === null) html.removeAttribute("lang"); else html.setAttribute("lang", own);
            return started;
          }).then(function () {
            /* the same folder under another name: Pagefind skips a merge of the path it
               already loaded, whatever the language asked for */
            return langs.slice(1).reduce(function (done, lang) {
              return done.then(function () {
                return pf.mergeIndex(bundle + "./", Object.assign({ language: lang }, opts));
              });
            }, Promise.resolve());
          }).then(function () {
            return pf.filters();
          }).then(function (filters) { makeFilters(filters); return pf; });
        });
      });
    }
    return pagefind;
  }

  var years = [];

  function menu(name, text, values, counts) {
    var label = document.createElement("label");
    label.textContent = text + " ";
    var select = document.createElement("select");
    select.name = name;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "any";
    select.appendChild(all);
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = counts ? v + " (" + counts[v] + ")" : v;
      select.appendChild(o);
    });
    select.addEventListener("change", run);
    label.appendChild(select);
    filterBox.appendChild(label);
  }

  function makeFilters(filters) {
    var any = false;
    FILTERS.forEach(function (f) {
      var values = Object.keys(filters[f[0]] || {});
      if (!values.length) return;
      any = true;
      values.sort(function (a, b) { return a.localeCompare(b, undefined, { numeric: true }); });
      if (f[0] === "year") {  /* a range of years: from … to … */
        years = values;
        menu("year-from", "Year from", values, filters.year);
        menu("year-to", "to", values, null);
      } else {
        menu(f[0], f[1], values, filters[f[0]]);
      }
    });
    filterBox.hidden = !any;
  }

  function chosenFilters() {
    var chosen = {}, n = 0, from = "", to = "";
    filterBox.querySelectorAll("select").forEach(function (s) {
      if (!s.value) return;
      if (s.name === "year-from") from = s.value;
      else if (s.name === "year-to") to = s.value;
      else { chosen[s.name] = s.value; n++; }
    });
    if (from || to) {  /* every year in the range: Pagefind matches any of them */
      var inRange = years.filter(function (y) {
        return (!from || +y >= +from) && (!to || +y <= +to);
      });
      chosen.year = { any: inRange.length ? inRange : ["none"] };
      n++;
    }
    return n ? chosen : null;
  }

  /* Pagefind's excerpt is escaped text with <mark>; only text and <mark> are copied. */
  function excerpt(html) {
    var t = document.createElement("template"), p = document.createElement("p");
    t.innerHTML = html;
    p.className = "search-excerpt";
    t.content.childNodes.forEach(function (n) {
      if (n.nodeType === 1 && n.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = n.textContent;
        p.appendChild(m);
      } else {
        p.appendChild(document.createTextNode(n.textContent));
      }
    });
    return p;
  }

  /* Where the words are: the paragraph (or turn) holding the first hit in the text, and
     who speaks there (the page's "turns" metadata maps turn ids to speakers). */
  function passage(data) {
    var anchors = (data.anchors || []).slice().sort(function (a, b) {
      return a.location - b.location;
    });
    var textStart = 0;
    anchors.forEach(function (a) { if (a.id === "text-heading") textStart = a.location; });
    var locs = (data.locations || []).slice().sort(function (a, b) { return a - b; });
    var hit = locs.filter(function (l) { return l >= textStart; })[0];
    if (hit === undefined) hit = locs[0];
    var turns = {};
    (data.meta.turns || "").split("|").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) turns[pair.slice(0, i)] = pair.slice(i + 1);
    });
    var target = null, turn = null;
    if (hit !== undefined) {
      anchors.forEach(function (a) {
        if (a.location > hit) return;
        /* a paragraph, turn or note; a word of the header panel ("About this document")
           links to that panel's heading */
        if (a.element === "p" || a.element === "div" || a.element === "li" ||
            (a.element === "h2" && a.id)) target = a;
        if (a.element === "h2") turn = null;  /* a new section (the notes): no one speaks */
        if (turns[a.id] !== undefined) turn = a;
      });
    }
    return { id: target ? target.id : "", speaker: turn ? turns[turn.id] : "" };
  }

  function item(data) {
    var where = passage(data);
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = data.url + (where.id ? "#" + encodeURIComponent(where.id) : "");
    a.className = "search-title";
    a.textContent = data.meta.title || data.url;
    li.appendChild(a);
    var about = [data.meta.date, where.speaker ? "speaker: " + where.speaker :
                 (data.meta.speakers ? "speakers: " + data.meta.speakers : "")];
    about = about.filter(Boolean);
    if (about.length) {
      var m = document.createElement("p");
      m.className = "search-meta";
      m.textContent = about.join(" · ");
      li.appendChild(m);
    }
    if (data.excerpt) li.appendChild(excerpt(data.excerpt));
    return li;
  }

  function more() {
    var batch = current.slice(shown, shown + PAGE);
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (ds) {
      var old = list.querySelector(".search-more");
      if (old) old.remove();
      ds.forEach(function (d) { list.appendChild(item(d)); });
      if (shown < current.length) {
        var li = document.createElement("li"), b = document.createElement("button");
        li.className = "search-more";
        b.type = "button";
        b.textContent = "More results";
        b.addEventListener("click", function () {
          var next = list.children.length - 1;
          more().then(function () { var l = list.children[next]; if (l) l.querySelector("a").focus(); });
        });
        li.appendChild(b);
        list.appendChild(li);
      }
    });
  }

  function plainWords(html) {
    var t = document.createElement("template");
    t.innerHTML = html || "";
    return Array.prototype.map.call(t.content.querySelectorAll("mark"), function (m) {
      return m.textContent.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
    });
  }

  /* In a Chinese or Japanese index Pagefind also matches a word of the page that begins a
     query word ("a" for "assuredly", "in" for "international"): right for unspaced text,
     noise for the English words of such a page (its title, its header).  For a query in
     spaced script, those pages' results are kept only where a marked word is the query
     word, begins with it, or is it less an ending ("talk" for "talks"). */
  function search(pf, term, filters) {
    var options = filters ? { filters: filters } : {};
    if (!term || CJK.test(term) || !segmented.length || (filters && filters.language)) {
      return pf.search(term || null, options).then(function (f) { return f.results; });
    }
    var words = term.toLowerCase().split(/\s+/).map(function (w) {
      return w.replace(/[^\p{L}\p{N}]+/gu, "");
    }).filter(Boolean);
    function only(langs) {
      return { filters: Object.assign({}, filters || {}, { language: langs }) };
    }
    return Promise.all([pf.search(term, only({ none: segmented })),
                        pf.search(term, only({ any: segmented }))]).then(function (two) {
      return Promise.all(two[1].results.map(function (r) {
        return r.data().then(function (d) { return { r: r, marked: plainWords(d.excerpt) }; });
      })).then(function (checked) {
        var kept = checked.filter(function (c) {
          return c.marked.some(function (m) {
            return words.some(function (w) {
              return m.indexOf(w) === 0 ||
                (w.indexOf(m) === 0 && m.length >= Math.max(4, w.length - 3));
            });
          });
        }).map(function (c) { return c.r; });
        return two[0].results.concat(kept).sort(function (a, b) { return b.score - a.score; });
      });
    });
  }

  function run() {
    var term = input.value.trim(), filters = chosenFilters(), mine = ++generation;
    if (!term && !filters) { list.textContent = ""; status.textContent = ""; return; }
    load().then(function (pf) {
      return search(pf, term, filters);
    }).then(function (results) {
      if (mine !== generation || !results) return;
      current = results;
      shown = 0;
      list.textContent = "";
      status.textContent = current.length === 1 ? "1 document found" :
        current.length + " documents found";
      return more();
    }).catch(function (e) {
      status.textContent = "Search is not available: " + e.message;
    });
  }

  form.hidden = false;
  input.addEventListener("focus", function () { load(); }, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; run(); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
