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
      // Keep the box on the screen: a short form near the right edge opens its box further left.
      var room = document.documentElement.clientWidth - 8;
      var box = tip.getBoundingClientRect();
      if (box.right > room) {
        tip.style.left = Math.max(room - box.right, 8 - el.getBoundingClientRect().left) + "px";
      }
    }
    function hide() { if (tip) { tip.remove(); tip = null; } }
    el.addEventListener("focus", show);
    el.addEventListener("mouseenter", show);
    el.addEventListener("blur", hide);
    el.addEventListener("mouseleave", hide);
    el.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  });
});

// Sources: the notes at the foot of a page are folded into one "Sources" section. Following a
// note marker opens it, so the browser can scroll to the note (below the header, highlighted by
// :target); so does opening the page at a note's address (#fn:...), or going Back to one. The
// note's link opens the passage, as before. (Chromium opens it by itself too, even without
// JavaScript; this is for the browsers that do not.)
(function () {
  function reveal(hash, scroll) {
    var target = null;
    try { target = hash.length > 1 && document.getElementById(decodeURIComponent(hash.slice(1))); } catch (e) { return; }
    var folded = target && target.closest("details:not([open])");
    if (!folded) return;
    folded.open = true;
    if (scroll) target.scrollIntoView();
  }
  document.addEventListener("click", function (event) {  // before the browser follows the link
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link) reveal(link.getAttribute("href"), false);
  });
  window.addEventListener("hashchange", function () { reveal(location.hash, true); });
  document$.subscribe(function () { reveal(location.hash, true); });
})();

// Printing: show where each link goes, as a full web address.
document$.subscribe(function () {
  document.querySelectorAll("article a[href]").forEach(function (a) {
    var skip = a.classList.contains("headerlink") || a.classList.contains("footnote-backref") ||
      a.classList.contains("md-content__button") ||
      a.closest(".footnote-ref") || a.closest(".footnote") || a.getAttribute("href").charAt(0) === "#";
    if (!skip) a.setAttribute("data-print-url", a.href);
  });
});

// Tables: on a narrow screen each row becomes a block, each cell labelled with its column's
// heading (labels written at build time, macros/extensions/tables.py; site.css). A table still wider than its
// box scrolls, in a box keyboard users can reach.
document$.subscribe(function () {
  var boxes = [];
  document.querySelectorAll("article table").forEach(function (table) {
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
  // After the next frame's layout, so reading the widths does not force an extra layout.
  requestAnimationFrame(check);
  window.addEventListener("resize", check);
});

// Finders (the council's work, the indicators): a count of results, then filter boxes, then a list
// of cards. The count is announced when it changes. On a phone the boxes sit behind a "Filter"
// button. The boxes chosen are kept in the page's address (?where=barton&for=families), so a
// filtered list can be shared, and Back and Forward step through the choices. An answer can also
// match other values (a place in Oxford also shows the work for the whole city): those cards come
// after the others, and the count says how many there are. Without JavaScript the button and boxes
// are hidden by site.css and the whole list shows.
document$.subscribe(function () {
  document.querySelectorAll(".finder").forEach(function (finder) {
    var list = document.getElementById(finder.getAttribute("data-list"));
    var form = finder.querySelector(".finder-form");
    var count = finder.querySelector(".finder-count");
    var toggle = finder.querySelector(".finder-toggle");
    if (!list || !form) return;
    var items = Array.prototype.slice.call(list.querySelectorAll(".finder-item"));
    var sets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-facet]"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var noun = count.getAttribute("data-noun");

    function words(el, name) { return (el.getAttribute(name) || "").split(" ").filter(Boolean); }
    function meets(has, wanted) { return wanted.some(function (v) { return has.indexOf(v) !== -1; }); }
    function fill(template, numbers) {
      return template.replace(/\{(\w+)\}/g, function (_, key) { return numbers[key] === 0 ? "none" : numbers[key]; });
    }

    // Each question with an answer ticked: the answers, and the other values they also match.
    function questions() {
      return sets.map(function (set) {
        var ticked = Array.prototype.filter.call(set.querySelectorAll("input"), function (b) { return b.checked; });
        var chosen = ticked.map(function (b) { return b.value; });
        var also = [];
        ticked.forEach(function (b) {
          words(b, "data-also").forEach(function (v) { if (chosen.indexOf(v) === -1) also.push(v); });
        });
        return { set: set, key: set.getAttribute("data-facet"), chosen: chosen, also: also,
                 unknown: set.getAttribute("data-unknown"), unknownCount: 0 };
      }).filter(function (q) { return q.chosen.length; });
    }

    function update() {
      var asked = questions();
      var shown = [], alsoShown = [], hidden = [];
      items.forEach(function (item) {
        var results = asked.map(function (q) {
          var has = words(item, "data-" + q.key);
          return meets(has, q.chosen) ? "yes" : meets(has, q.also) ? "also" : "no";
        });
        var misses = results.filter(function (r) { return r === "no"; }).length;
        if (misses === 1) {  // left out by one question only: because the report does not say?
          var q = asked[results.indexOf("no")];
          if (q.unknown && q.chosen.indexOf(q.unknown) === -1 && words(item, "data-" + q.key).indexOf(q.unknown) !== -1) {
            q.unknownCount += 1;
          }
        }
        item.hidden = misses > 0;
        (misses ? hidden : results.indexOf("also") !== -1 ? alsoShown : shown).push(item);
      });
      shown.concat(alsoShown, hidden).forEach(function (item) { item.parentNode.appendChild(item); });
      var total = shown.length + alsoShown.length;
      var text = "Showing all " + items.length + " " + noun + ".";
      if (asked.length) {
        text = "Showing " + total + " of " + items.length + " " + noun;
        var withAlso = asked.filter(function (q) { return q.also.length && q.set.getAttribute("data-also-text"); })[0];
        if (withAlso && alsoShown.length) {
          text += ": " + fill(withAlso.set.getAttribute("data-also-text"), { direct: shown.length, also: alsoShown.length });
        }
        text += ".";
        asked.forEach(function (q) {
          if (q.unknownCount) text += " " + fill(q.set.getAttribute("data-unknown-text"), { n: q.unknownCount });
        });
      }
      if (count.textContent !== text) count.textContent = text;
      var ticked = boxes.filter(function (b) { return b.checked; }).length;
      toggle.textContent = ticked ? "Filter (" + ticked + " chosen)" : "Filter";
    }

    // The page's address holds the boxes ticked, one key=value each.
    function address() {
      var params = new URLSearchParams(location.search);
      sets.forEach(function (set) { params.delete(set.getAttribute("data-facet")); });
      boxes.forEach(function (b) { if (b.checked) params.append(b.name, b.value); });
      var query = params.toString();
      return location.pathname + (query ? "?" + query : "") + location.hash;
    }
    function fromAddress() {
      var params = new URLSearchParams(location.search);
      boxes.forEach(function (b) { b.checked = params.getAll(b.name).indexOf(b.value) !== -1; });
      update();
    }
    function changed() {
      update();
      var url = address();
      if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    }

    function open(yes) {
      toggle.setAttribute("aria-expanded", yes ? "true" : "false");
      finder.classList.toggle("finder--open", yes);
    }
    toggle.addEventListener("click", function () { open(toggle.getAttribute("aria-expanded") !== "true"); });
    finder.querySelector(".finder-done").addEventListener("click", function () { open(false); toggle.focus(); });
    form.addEventListener("change", changed);
    form.addEventListener("reset", function () { setTimeout(changed, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", fromAddress);
    fromAddress();
    // A shared link with filters in it opens at the list, so its reader sees at once that the
    // list is filtered, and how (the count and "Filter (n chosen)").
    if (!location.hash && boxes.some(function (b) { return b.checked; })) finder.scrollIntoView();
  });
});

// Search: when nothing matches, help shows below the search's own line (the help is in
// overrides/partials/search-help.html): ways to search again, and links to the glossary and the
// main pages. The arrow keys move between the search box and those links, as they move between
// results when there are some.
document$.subscribe(function () {
  var help = document.querySelector(".search-help");
  var meta = document.querySelector(".md-search-result__meta");
  var box = document.querySelector(".md-search__input");
  if (!help || !meta || !box) return;
  // Only once typing pauses: while a word is being typed its first letters ("in" on the way to
  // "inspection") may match nothing for a moment.
  var timer = null;
  function update() {
    clearTimeout(timer);
    var none = box.value.trim() && meta.textContent.trim() === help.getAttribute("data-none");
    if (!none) help.hidden = true;
    else timer = setTimeout(function () { help.hidden = false; }, 500);
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  box.addEventListener("input", update);
  box.closest(".md-search").addEventListener("keydown", function (event) {
    if (help.hidden || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    var stops = [box].concat(Array.prototype.slice.call(help.querySelectorAll("a[href]")));
    var at = stops.indexOf(document.activeElement);
    if (at === -1) return;
    stops[(at + (event.key === "ArrowDown" ? 1 : stops.length - 1)) % stops.length].focus();
    event.preventDefault();
    event.stopPropagation();  // Material's own arrow keys would take the focus back to the box
  });
});

// Keyboard: the header's Menu and Search buttons open Material's menu drawer and search (they
// tick its hidden check boxes, as its own labels did, so its script follows), say whether they
// are open (aria-expanded), and take focus in and back out. Escape closes either and returns focus
// to what opened it. Tabbing out of the open menu closes it. The search opens only when asked (the
// button, a click in the box or typing in it), not when the box merely receives focus; while it is
// open, Tab (as well as Material's arrow keys) moves through its results, and tabbing out closes it.
(function () {
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var menuButton = document.querySelector(".site-header__menu");
  var searchButton = document.querySelector(".site-header__search");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var dialog = document.querySelector(".md-search");
  var query = document.querySelector(".md-search__input");
  if (!drawer || !search || !menuButton || !sidebar) return;

  function set(toggle, on) { if (toggle.checked !== on) toggle.click(); }
  function shown(el) { return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible"; }
  function stops(within) {
    return Array.prototype.filter.call(within.querySelectorAll(
      "a[href], button, input:not([type=hidden]), summary, [tabindex]:not([tabindex='-1'])"), function (el) {
      return el.tabIndex >= 0 && !el.disabled && shown(el);
    });
  }

  // The menu.
  function openMenu(on, returnFocus) {
    set(drawer, on);
    if (on) {
      var first = stops(sidebar)[0];
      if (first) first.focus();
    } else if (returnFocus && shown(menuButton)) {
      menuButton.focus();
    }
  }
  drawer.addEventListener("change", function () { menuButton.setAttribute("aria-expanded", String(drawer.checked)); });
  menuButton.addEventListener("click", function () { openMenu(!drawer.checked, true); });
  var close = sidebar.querySelector(".site-menu__close");
  if (close) close.addEventListener("click", function () { openMenu(false, true); });
  sidebar.addEventListener("focusout", function (event) {
    if (drawer.checked && event.relatedTarget && !sidebar.contains(event.relatedTarget)) set(drawer, false);
  });

  // The search.
  if (!dialog || !query) return;
  function opener() { return shown(searchButton) ? searchButton : query; }
  search.addEventListener("change", function () {
    if (searchButton) searchButton.setAttribute("aria-expanded", String(search.checked));
  });
  if (searchButton) {
    searchButton.addEventListener("click", function () { set(search, true); query.focus(); });
  }
  // Material opens the search whenever the box gains focus (it checks where focus is after each
  // focusin and focusout): while the search is closed, it does not hear focus moving to the box. It
  // still hears every key typed, and finds as before.
  function toBox(event) {
    if (!search.checked && (event.type === "focusin" ? event.target : event.relatedTarget) === query) event.stopPropagation();
  }
  window.addEventListener("focusin", toBox, true);
  window.addEventListener("focusout", toBox, true);
  query.addEventListener("click", function () { set(search, true); });
  query.addEventListener("input", function () { set(search, true); });
  query.form.addEventListener("submit", function (event) { event.preventDefault(); });
  // Material takes its results out of the Tab order (it offers the arrow keys): put them back in.
  var results = dialog.querySelector(".md-search-result");
  if (results) {
    new MutationObserver(function () {
      results.querySelectorAll("[tabindex='-1']").forEach(function (el) { el.removeAttribute("tabindex"); });
    }).observe(results, { childList: true, subtree: true });
  }

  window.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if (event.key === "Escape" && drawer.checked) {
      event.preventDefault();
      openMenu(false, true);
    } else if (event.key === "Escape" && search.checked) {
      event.stopPropagation();  // Material would close it and leave focus nowhere
      event.preventDefault();
      set(search, false);
      opener().focus();
    } else if (event.key === "Enter" && active === query && !search.checked) {
      event.preventDefault();
      set(search, true);
    } else if (search.checked && /^(Shift|Control|Alt|Meta)$/.test(event.key)) {
      event.stopPropagation();  // Material moves focus back to the box on any key, even Shift
    } else if (event.key === "Tab" && search.checked && dialog.contains(active)) {
      var inside = stops(dialog);
      var at = inside.indexOf(active);
      var leaving = event.shiftKey ? at <= 0 : at === inside.length - 1;
      if (!leaving) event.stopPropagation();  // Material closes the search on any Tab
    } else if (!search.checked && (event.key === "/" || event.key === "s" || event.key === "f") &&
               !event.ctrlKey && !event.metaKey && !event.altKey && !shown(query) &&
               !(active && (active.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)))) {
      set(search, true);  // on a phone the box is hidden until the search opens: Material then focuses it
    }
  }, true);
})();

// Telling the councils about a mistake: the page's address as the reader's browser has it, so a
// preview or a copy served elsewhere never gives the address the site was built for.
document$.subscribe(function () {
  var here = location.href.split("#")[0].split("?")[0];
  document.querySelectorAll(".suggest-change__address").forEach(function (el) { el.textContent = here; });
  document.querySelectorAll(".suggest-change a[href*='issues/new']").forEach(function (a) {
    var url = new URL(a.href);
    url.searchParams.set("page", here);
    a.href = url.toString();
  });
});
