// Wide tables scroll sideways inside Material's wrapper; keyboard users must be able to reach and
// scroll them, so each wrapper that actually overflows becomes a focusable, named region.
"use strict";

(function () {
  function init() {
    const wrappers = Array.from(document.querySelectorAll(".md-typeset__scrollwrap"));
    wrappers.forEach((wrapper, index) => {
      if (wrapper.scrollWidth > wrapper.clientWidth && !wrapper.hasAttribute("tabindex")) {
        wrapper.tabIndex = 0;
        wrapper.setAttribute("role", "region");
        // Region names must be unique on a page: number the tables.
        wrapper.setAttribute("aria-label", `Tabel ${index + 1} (geser ke samping untuk melihat semua kolom)`);
      }
    });
  }

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
