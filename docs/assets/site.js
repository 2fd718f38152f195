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
