// Keyboard access Material leaves out. Wide tables scroll sideways inside Material's wrapper: each wrapper
// that actually overflows becomes a focusable, named region. The navigation drawer (phones and tablets) opens
// from a <label> that keyboards cannot reach: it becomes a button.
"use strict";

(function () {
  function scrollableTables() {
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

  // Enter or Space opens the drawer and moves focus to its first link; Escape, or focus leaving the drawer,
  // closes it, Escape handing focus back to the button. katalog.css keeps the closed drawer out of the Tab
  // order, so without this the navigation would be out of a keyboard's reach on a phone.
  function drawerButton() {
    const toggle = document.getElementById("__drawer");
    const button = document.querySelector('.md-header label[for="__drawer"]');
    const drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !button || !drawer || button.hasAttribute("role")) return;
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", "Menu navigasi");
    button.tabIndex = 0;
    const showState = () => button.setAttribute("aria-expanded", String(toggle.checked));
    const setOpen = (open) => {
      if (toggle.checked !== open) toggle.click(); // a click, as Material's own script does, so it follows
    };
    showState();
    toggle.addEventListener("change", showState);
    button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      setOpen(!toggle.checked);
      if (toggle.checked) drawer.querySelector("a[href], [tabindex='0']")?.focus();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !toggle.checked) return;
      setOpen(false);
      button.focus();
    });
    document.addEventListener("focusin", (event) => {
      if (toggle.checked && event.target !== button && !drawer.contains(event.target)) setOpen(false);
    });
  }

  function init() {
    scrollableTables();
    drawerButton();
  }

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
