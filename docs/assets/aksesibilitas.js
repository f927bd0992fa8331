// Keyboard access Material leaves out. Wide tables scroll sideways inside Material's wrapper: each wrapper
// that actually overflows becomes a focusable, named region, with a visible hint above it (nothing on screen
// said that columns past the edge were there). The navigation drawer (phones and tablets) opens
// from a <label> that keyboards cannot reach: a button takes its place. A tile of the /skk/ map that takes
// focus is scrolled wholly into its box.
"use strict";

(function () {
  function scrollableTables() {
    const wrappers = Array.from(document.querySelectorAll(".md-typeset__scrollwrap"));
    wrappers.forEach((wrapper, index) => {
      const overflows = wrapper.scrollWidth > wrapper.clientWidth;
      if (overflows && !wrapper.hasAttribute("tabindex")) {
        wrapper.tabIndex = 0;
        wrapper.setAttribute("role", "region");
        // Region names must be unique on a page: number the tables.
        wrapper.setAttribute("aria-label", `Tabel ${index + 1} (geser ke samping untuk melihat semua kolom)`);
      }
      let hint = wrapper.previousElementSibling;
      if (!hint || !hint.classList.contains("kki-geser")) {
        if (!overflows) return;
        hint = document.createElement("p");
        hint.className = "kki-geser";
        hint.setAttribute("aria-hidden", "true"); // the region's name says it to screen readers
        hint.textContent = "Geser tabel ke samping untuk kolom lainnya\u00a0→";
        wrapper.before(hint);
      }
      hint.hidden = !overflows; // a turned phone or a resized window may fit the table after all
    });
  }

  // Material opens the drawer from a <label> that keyboards cannot reach (and that may not take a button
  // role). A real button takes its place: it opens the drawer, moving focus to its first link when pressed
  // from the keyboard; Escape, or focus leaving the drawer, closes it, Escape handing focus back. katalog.css
  // keeps the closed drawer out of the Tab order, so without this the navigation is out of a keyboard's reach.
  function drawerButton() {
    const toggle = document.getElementById("__drawer");
    const label = document.querySelector('.md-header label[for="__drawer"]');
    const drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !drawer) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon kki-menu";
    button.setAttribute("aria-label", "Menu navigasi");
    button.append(...label.childNodes);
    label.replaceWith(button);
    const showState = () => button.setAttribute("aria-expanded", String(toggle.checked));
    const setOpen = (open) => {
      if (toggle.checked !== open) toggle.click(); // a click, as Material's own script does, so it follows
    };
    showState();
    toggle.addEventListener("change", showState);
    button.addEventListener("click", (event) => {
      setOpen(!toggle.checked);
      // detail 0: pressed with Enter or Space, not clicked or tapped
      if (toggle.checked && event.detail === 0) drawer.querySelector("a[href], [tabindex='0']")?.focus();
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

  // The tile map scrolls sideways inside its own box on a phone. Chromium scrolls a focused SVG link only
  // until part of it shows, so a tile at the box's edge was half hidden: bring the whole tile into view.
  function tilesScrollIntoView() {
    document.querySelectorAll(".kki-petak-gulir").forEach((box) => {
      box.addEventListener("focusin", (event) => {
        if (event.target !== box) event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
      });
    });
  }

  let resizing = 0;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(scrollableTables, 200);
  });

  function init() {
    scrollableTables();
    drawerButton();
    tilesScrollIntoView();
  }

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
