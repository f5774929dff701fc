// eenplan's own behaviour on every page. A static file, never inline code, so the
// Content-Security-Policy can forbid inline scripts and eval (script-src 'self').
(function () {
  "use strict";

  // Print buttons ([data-afdrukken]): hidden without JavaScript, shown and wired when it runs.
  function afdrukknoppen() {
    document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
      knop.hidden = false;
      knop.addEventListener("click", function () { window.print(); });
    });
  }

  // After htmx replaced a region marked data-focus-na-swap="id", move focus to that element
  // (e.g. the heading of a refreshed list), so screen-reader users hear the new content.
  document.addEventListener("htmx:afterSwap", function (event) {
    var doel = event.target && event.target.closest && event.target.closest("[data-focus-na-swap]");
    if (!doel) { return; }
    var element = document.getElementById(doel.getAttribute("data-focus-na-swap"));
    if (element) { element.focus(); }
  });

  // Free text with a limit ([data-maximaal]): the counter under the field follows the typing
  // and says when the text is too long (the server refuses it then, with the same limit).
  function tellers() {
    document.querySelectorAll("textarea[data-maximaal]").forEach(function (veld) {
      var teller = document.getElementById(veld.getAttribute("data-teller"));
      if (!teller) { return; }
      var maximaal = parseInt(veld.getAttribute("data-maximaal"), 10);
      var bij = function () {
        var lengte = veld.value.length;
        teller.textContent = lengte + " van " + maximaal + " tekens" +
          (lengte > maximaal ? " — " + (lengte - maximaal) + " te veel" : "");
        teller.classList.toggle("eenplan-teller--te-lang", lengte > maximaal);
      };
      veld.addEventListener("input", bij);
      bij();
    });
  }

  // A table that is wider than the screen scrolls inside itself (eenplan.css, 390 px); such a
  // region must be reachable with the keyboard to scroll it (WCAG 2.1.1, axe
  // scrollable-region-focusable). Only while it really scrolls: no needless tab stops.
  var SCROLLBAAR = "main table, main .utrecht-table-container";
  function scrollbareTabellen() {
    document.querySelectorAll(SCROLLBAAR).forEach(function (el) {
      var scrollt = el.scrollWidth > el.clientWidth + 1;
      if (scrollt && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("data-scrollfocus", "");
      } else if (!scrollt && el.hasAttribute("data-scrollfocus")) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-scrollfocus");
      }
    });
  }
  var gepland = false;
  window.addEventListener("resize", function () {
    if (gepland) { return; }
    gepland = true;
    window.requestAnimationFrame(function () { gepland = false; scrollbareTabellen(); });
  });
  document.addEventListener("htmx:afterSettle", scrollbareTabellen);

  function start() { afdrukknoppen(); tellers(); scrollbareTabellen(); }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
