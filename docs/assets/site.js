// Short forms (acronyms): the first use of each on a page can be reached with the keyboard, and
// its meaning shows in a box below it on focus or hover (Escape closes it).
document$.subscribe(function () {
  var seen = {};
  document.querySelectorAll("article abbr[title]").forEach(function (el) {
    var key = el.textContent;
    if (!seen[key]) {
      seen[key] = true;
      el.setAttribute("tabindex", "0");
    }
    var tip = null;
    function show() {
      if (tip) return;
      tip = document.createElement("span");
      tip.className = "abbr-tip";
      tip.setAttribute("role", "tooltip");
      tip.textContent = el.getAttribute("title");
      el.appendChild(tip);
    }
    function hide() { if (tip) { tip.remove(); tip = null; } }
    el.addEventListener("focus", show);
    el.addEventListener("mouseenter", show);
    el.addEventListener("blur", hide);
    el.addEventListener("mouseleave", hide);
    el.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  });
});

// Printing: show where each link goes, as a full web address.
document$.subscribe(function () {
  document.querySelectorAll("article a[href]").forEach(function (a) {
    var skip = a.classList.contains("headerlink") || a.classList.contains("footnote-backref") ||
      a.classList.contains("md-content__button") ||
      a.closest(".footnote-ref") || a.getAttribute("href").charAt(0) === "#";
    if (!skip) a.setAttribute("data-print-url", a.href);
  });
});

// Tables: on a narrow screen each row becomes a block, each cell labelled with its column's
// heading (site.css). A table still wider than its box scrolls, in a box keyboard users can reach.
document$.subscribe(function () {
  var boxes = [];
  document.querySelectorAll("article table").forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (heads.length) {
      table.setAttribute("data-stack", "");
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (heads[i]) cell.setAttribute("data-label", heads[i]);
        });
      });
    }
    boxes.push([table.closest(".md-typeset__scrollwrap") || table, table]);
  });
  function check() {
    boxes.forEach(function (entry) {
      var box = entry[0], table = entry[1];
      var caption = table.closest("figure") && table.closest("figure").querySelector("figcaption");
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", (caption ? caption.textContent.trim() : "Table") + " (scrolls sideways)");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  check();
  window.addEventListener("resize", check);
});

// Finders (the council's work, the indicators): show the filter boxes and hide what does not match.
// Without JavaScript the boxes are hidden by site.css and the whole list shows.
document$.subscribe(function () {
  document.querySelectorAll("form.finder-form").forEach(function (form) {
    var list = document.getElementById(form.getAttribute("data-list"));
    if (!list) return;
    var items = list.querySelectorAll(".finder-item");
    var count = form.querySelector(".finder-count");
    function update() {
      var shown = 0;
      items.forEach(function (item) {
        var match = Array.prototype.every.call(form.querySelectorAll("fieldset"), function (set) {
          var wanted = Array.prototype.map.call(set.querySelectorAll("input:checked"), function (box) { return box.value; });
          if (!wanted.length) return true;
          var has = (item.getAttribute("data-" + set.getAttribute("data-facet").replace(/_/g, "-")) || "").split(" ");
          return wanted.some(function (value) { return has.indexOf(value) !== -1; });
        });
        item.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + items.length + ".";
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
});
