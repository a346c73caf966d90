/* Gemensam karta, on every page: the theme's header toggles work from the keyboard, the quick
 * exit leaves no entry for the Back button, and share buttons share or copy the page's link.
 * Interface strings come from the page (data attributes written from commonmap/base/ui.py). */
(function () {
  "use strict";
  var top = document.querySelector(".cm-top");

  /* ---- the theme's menu and search toggles are <label>s, which the keyboard cannot reach:
   * put a real button in front of each and keep the label out of sight ---- */
  function toggleButton(label, name, kind, opened) {
    var box = document.getElementById(label.htmlFor);
    if (!box) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon cm-toggle cm-toggle-" + kind;
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-controls", kind === "drawer" ? "cm-nav" : "cm-search");
    label.querySelectorAll("svg").forEach(function (icon) { button.appendChild(icon.cloneNode(true)); });
    label.parentNode.insertBefore(button, label);
    label.classList.add("cm-hidden");
    function sync() { button.setAttribute("aria-expanded", String(box.checked)); }
    button.addEventListener("click", function () {
      box.click();
      if (box.checked) opened();
    });
    box.addEventListener("change", sync);
    sync();
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && box.checked) { box.click(); button.focus(); }
    });
  }
  var nav = document.querySelector(".md-sidebar--primary");
  var search = document.querySelector(".md-search");
  if (nav) nav.id = "cm-nav";
  if (search) search.id = "cm-search";
  var drawer = document.querySelector(".md-header label[for='__drawer']");
  if (drawer && top && nav) {
    toggleButton(drawer, top.dataset.labelMenu, "drawer", function () {
      var first = nav.querySelector("a[href]");
      if (first) setTimeout(function () { first.focus(); }, 300); // once the menu has slid in
    });
  }
  var searchToggle = document.querySelector(".md-header label[for='__search']");
  if (searchToggle && top) {
    if (search) {
      toggleButton(searchToggle, top.dataset.labelSearch, "search", function () {
        search.querySelector("input").focus();
      });
    } else {
      searchToggle.classList.add("cm-hidden"); // a page without the site search (the finder)
    }
  }

  /* ---- "Lämna sidan snabbt": replace this page, so Back does not return to it ---- */
  var exit = document.querySelector("[data-cm-quick-exit]");
  if (exit) {
    var leave = function () {
      document.body.classList.add("cm-leaving");
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", function (event) { event.preventDefault(); leave(); });
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var now = Date.now();
      if (now - lastEscape < 1000) leave();
      lastEscape = now;
    });
  }

  /* ---- share: the Web Share API where the browser has it, else copy the link ---- */
  function fallback(button, status, url) {
    status.textContent = button.dataset.failed + " ";
    var field = document.createElement("input");
    field.className = "cm-share-fallback";
    field.readOnly = true;
    field.value = url;
    field.setAttribute("aria-label", button.dataset.copy);
    status.appendChild(field);
    field.select();
  }
  document.querySelectorAll("[data-cm-share]").forEach(function (button) {
    var status = button.parentNode.querySelector(".cm-share-status");
    var native = typeof navigator.share === "function";
    button.textContent = native ? button.dataset.share : button.dataset.copy;
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = window.location.href;
      status.textContent = "";
      if (native) {
        navigator.share({ title: document.title, url: url }).catch(function () {});
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(
          function () { status.textContent = button.dataset.copied; },
          function () { fallback(button, status, url); }
        );
      } else {
        fallback(button, status, url);
      }
    });
  });
})();
