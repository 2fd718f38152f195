// Short forms (acronyms): make the first use of each on a page reachable with the keyboard, so its
// meaning shows on focus as well as on hover. Runs on every page, including after instant loading.
document$.subscribe(function () {
  var seen = {};
  document.querySelectorAll("article abbr").forEach(function (el) {
    var key = el.textContent;
    if (!seen[key]) {
      seen[key] = true;
      el.setAttribute("tabindex", "0");
    }
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

// Wide tables scroll inside their own box: make that box reachable and named for keyboard users.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    var figure = box.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    if (box.scrollWidth > box.clientWidth + 1) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", (caption ? caption.textContent.trim() : "Table") + " (scrolls sideways)");
    }
  });
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
