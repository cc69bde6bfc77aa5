/* teikit documents index: sort and filter the list in the browser, no server.
 *
 * Progressive enhancement: without this script the list is complete, in date order, with
 * the timeline's links to each year.  With it, a form above the list sorts by date (either
 * way) or title and keeps only the documents of a year, a type or a person; the choice is
 * kept in the address (#sort=…&type=…) so it can be bookmarked and shared.
 */
(function () {
  "use strict";
  var box = document.querySelector("div.browse");
  var list = document.querySelector("ol.documents");
  if (!box || !list) return;
  var items = Array.prototype.slice.call(list.children);
  var FIELDS = [["year", "Year"], ["type", "Type"], ["persons", "Person"]];

  function values(field) {
    var seen = {};
    items.forEach(function (li) {
      (li.dataset[field] || "").split("|").forEach(function (v) { if (v) seen[v] = (seen[v] || 0) + 1; });
    });
    return seen;
  }

  var form = document.createElement("form");
  form.className = "browse-form";
  form.setAttribute("aria-label", "Sort and filter the documents");
  function select(name, label, options) {
    var l = document.createElement("label"), s = document.createElement("select");
    l.textContent = label + " ";
    s.name = name;
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      s.appendChild(opt);
    });
    l.appendChild(s);
    form.appendChild(l);
    return s;
  }
  var controls = {
    sort: select("sort", "Sort by", [["date", "date, oldest first"], ["-date", "date, newest first"],
                                     ["title", "title"]])
  };
  FIELDS.forEach(function (f) {
    var seen = values(f[0]), keys = Object.keys(seen);
    if (keys.length < 2) return;
    keys.sort(function (a, b) { return a.localeCompare(b, undefined, { numeric: true }); });
    controls[f[0]] = select(f[0], f[1], [["", "all"]].concat(keys.map(function (k) {
      return [k, k + " (" + seen[k] + ")"];
    })));
  });
  var status = document.createElement("p");
  status.className = "browse-status";
  status.setAttribute("aria-live", "polite");
  form.appendChild(status);
  box.appendChild(form);
  box.hidden = false;

  function apply() {
    var sort = controls.sort.value, shown = 0;
    var sorted = items.slice().sort(function (a, b) {
      if (sort === "title") return a.dataset.title.localeCompare(b.dataset.title);
      var da = a.dataset.date || "9999", db = b.dataset.date || "9999";
      var c = da < db ? -1 : da > db ? 1 : 0;
      return sort === "-date" ? -c : c;
    });
    sorted.forEach(function (li) {
      var keep = FIELDS.every(function (f) {
        var c = controls[f[0]];
        return !c || !c.value || (li.dataset[f[0]] || "").split("|").indexOf(c.value) >= 0;
      });
      li.hidden = !keep;
      if (keep) shown++;
      list.appendChild(li);
    });
    status.textContent = shown + " of " + items.length + " documents";
    var state = Object.keys(controls).filter(function (k) {
      return controls[k].value && !(k === "sort" && controls[k].value === "date");
    }).map(function (k) { return k + "=" + encodeURIComponent(controls[k].value); }).join("&");
    history.replaceState(null, "", state ? "#" + state : location.pathname + location.search);
  }

  var wanted = location.hash.slice(1);
  if (wanted.indexOf("=") > 0) {
    wanted.split("&").forEach(function (pair) {
      var i = pair.indexOf("="), k = pair.slice(0, i), v = decodeURIComponent(pair.slice(i + 1));
      if (controls[k]) controls[k].value = v;
    });
  }
  Object.keys(controls).forEach(function (k) { controls[k].addEventListener("change", apply); });
  if (wanted.indexOf("=") > 0) apply();
})();
