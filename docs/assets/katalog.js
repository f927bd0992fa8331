// Catalogue filters and search, as progressive enhancement: without JavaScript every card is listed.
// Facets filter the server-rendered cards; a text query goes to Pagefind (Indonesian stemming),
// fetched only when someone types. The whole state lives in the URL, so links and Back work.
"use strict";

(function () {
  // Each shown result costs one Pagefind fragment download: keep the first screen small on slow phones.
  const PAGE_SIZE = 12;
  const OTHER_PAGES = 3;

  function init() {
    const root = document.querySelector(".kki-katalog");
    if (!root || root.dataset.siap) return;
    root.dataset.siap = "1";

    const form = root.querySelector("#kki-saring");
    const list = root.querySelector("#kki-daftar");
    const groups = Array.from(list.children); // lists of cards, so a phone can skip those off screen
    const groupSize = Number(list.dataset.kelompok);
    const unknown = list.dataset.tanpaNilai; // the facet value of a card without that data attribute
    const cards = Array.from(list.querySelectorAll("li"));
    const idOf = (card) => card.id.slice("kartu-".length);
    const cardById = new Map(cards.map((card) => [idOf(card), card]));
    const count = root.querySelector("#kki-jumlah");
    const empty = root.querySelector("#kki-kosong-hasil");
    const others = root.querySelector("#kki-hasil-lain"); // other pages, under their own heading
    const otherList = others.querySelector("ol");
    const folded = root.querySelector("#kki-segi"); // the one "Saring" control around every facet
    const activeCount = root.querySelector("#kki-segi-aktif");
    const query = form.querySelector("#kki-q");
    const sort = form.querySelector("#kki-urut");
    const boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
    const facetKeys = Array.from(new Set(boxes.map((box) => box.name)));
    const siteRoot = new URL(root.dataset.siteRoot, window.location.href);
    // Pagefind's page-type filter and its values for profiles and for every other page, from the build.
    const pageType = root.dataset.saringHalaman;
    const more = document.createElement("button");
    more.type = "button";
    more.className = "md-button";
    more.textContent = "Tampilkan lebih banyak";
    more.hidden = true;
    list.after(more);

    let pagefind = null;
    let run = 0;
    let shown = PAGE_SIZE;
    let typing = false;

    function readUrl() {
      const params = new URLSearchParams(window.location.search);
      const facets = {};
      for (const key of facetKeys) facets[key] = params.getAll(key);
      return { q: params.get("q") || "", urut: params.get("urut") || "", facets };
    }

    function readForm() {
      const facets = {};
      for (const key of facetKeys) {
        facets[key] = boxes.filter((box) => box.name === key && box.checked).map((box) => box.value);
      }
      return { q: query.value.trim(), urut: sort.value, facets };
    }

    function writeForm(state) {
      query.value = state.q;
      sort.value = state.urut;
      for (const box of boxes) box.checked = state.facets[box.name].includes(box.value);
      showActiveCount(state);
      // A facet in use stays open, so a shared link shows why the list is short.
      for (const details of form.querySelectorAll("details[data-segi]")) {
        if (state.facets[details.dataset.segi].length) details.open = true;
      }
    }

    function urlOf(state) {
      const params = new URLSearchParams();
      if (state.q) params.set("q", state.q);
      for (const key of facetKeys) for (const value of state.facets[key]) params.append(key, value);
      if (state.urut) params.set("urut", state.urut);
      const search = params.toString();
      return window.location.pathname + (search ? "?" + search : "");
    }

    // How many choices are ticked, on the folded control, so a closed "Saring" still says a filter is on.
    function showActiveCount(state) {
      const ticked = facetKeys.reduce((sum, key) => sum + state.facets[key].length, 0);
      activeCount.textContent = ticked ? `(${ticked} dipilih)` : "";
    }

    function hasFacets(state) {
      return facetKeys.some((key) => state.facets[key].length > 0);
    }

    function matches(card, state) {
      return facetKeys.every((key) => {
        const wanted = state.facets[key];
        if (wanted.length === 0) return true;
        const values = (card.dataset[key] || unknown).split(" ");
        return wanted.some((value) => values.includes(value));
      });
    }

    let names = null;
    function compare(urut) {
      if (urut !== "nama") return null; // the server's order: newest award year, then rank, then name
      names = names || new Map(cards.map((card) => [card, card.querySelector("h2").textContent]));
      return (a, b) => names.get(a).localeCompare(names.get(b), "id");
    }

    function show(ordered, total, state) {
      const visible = new Set(ordered);
      for (const card of cards) card.hidden = !visible.has(card);
      // Move cards only when the order really changes: re-appending a thousand nodes costs a phone dearly.
      const current = Array.from(list.querySelectorAll("li:not([hidden])"));
      if (ordered.some((card, index) => current[index] !== card)) {
        const rest = cards.filter((card) => !visible.has(card));
        ordered.concat(rest).forEach((card, index) => groups[Math.floor(index / groupSize)].appendChild(card));
      }
      count.textContent = state.q ? `${total} inovasi cocok dengan “${state.q}”` : `${total} inovasi`;
      empty.hidden = total > 0;
    }

    async function loadPagefind() {
      if (!pagefind) {
        pagefind = await import(new URL(root.dataset.pagefindUrl, window.location.href).href);
        await pagefind.options({ excerptLength: 24 });
      }
      return pagefind;
    }

    function pagefindFilters(state) {
      const filters = { [pageType]: root.dataset.halamanProfil };
      for (const key of facetKeys) if (state.facets[key].length) filters[key] = { any: state.facets[key] };
      return filters;
    }

    function textOf(html) {
      return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
    }

    async function showOtherPages(engine, state, current) {
      otherList.replaceChildren();
      others.hidden = true;
      if (hasFacets(state)) return;
      const search = await engine.search(state.q, { filters: { [pageType]: root.dataset.halamanLain } });
      const results = await Promise.all(search.results.slice(0, OTHER_PAGES).map((result) => result.data()));
      if (current !== run) return;
      for (const data of results) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = new URL("." + data.url, siteRoot).href;
        link.textContent = data.meta.title || data.url;
        const excerpt = document.createElement("p");
        excerpt.textContent = textOf(data.excerpt);
        item.append(link, excerpt);
        otherList.append(item);
      }
      others.hidden = otherList.children.length === 0;
    }

    async function apply(state) {
      const current = ++run;
      more.hidden = true;
      if (!state.q) {
        otherList.replaceChildren();
        others.hidden = true;
        const byOrder = compare(state.urut);
        const ordered = cards.filter((card) => matches(card, state)); // in the server's order
        if (byOrder) ordered.sort(byOrder);
        show(ordered, ordered.length, state);
        return;
      }
      count.textContent = "Mencari…";
      const engine = await loadPagefind();
      const sortBy = state.urut === "nama" ? { nama: "asc" } : state.urut === "tahun" ? { peringkat: "asc" } : undefined;
      const search = await engine.search(state.q, { filters: pagefindFilters(state), sort: sortBy });
      if (current !== run) return;
      const page = await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
      if (current !== run) return;
      const ordered = page.map((data) => cardById.get(data.meta.id)).filter(Boolean);
      await showOtherPages(engine, state, current);
      if (current !== run) return;
      show(ordered, search.results.length, state);
      more.hidden = search.results.length <= shown;
    }

    function changed(push) {
      const state = readForm();
      showActiveCount(state);
      shown = PAGE_SIZE;
      const url = urlOf(state);
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
      apply(state);
    }

    let timer = 0;
    query.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        changed(!typing); // one history entry per search, not per keystroke
        typing = true;
      }, 250);
    });
    form.addEventListener("change", (event) => {
      if (event.target === query) return;
      typing = false;
      changed(true);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      typing = false;
      changed(true);
    });
    function reset() {
      typing = false;
      writeForm({ q: "", urut: "", facets: Object.fromEntries(facetKeys.map((key) => [key, []])) });
      changed(true);
      query.focus();
    }
    root.querySelector("#kki-atur-ulang").addEventListener("click", reset);
    root.querySelector("#kki-atur-ulang-2").addEventListener("click", reset);
    more.addEventListener("click", () => {
      shown += PAGE_SIZE;
      apply(readForm());
    });
    window.addEventListener("popstate", () => {
      typing = false;
      const state = readUrl();
      writeForm(state);
      apply(state);
    });

    // Folded on phones, so the count and the first card stay near the search field; open on wide screens.
    if (window.matchMedia("(min-width: 60em)").matches) folded.open = true;

    // On this page the header's search box searches here, without reloading the page.
    const headerForm = document.querySelector(".kki-cari-kepala");
    if (headerForm) {
      headerForm.addEventListener("submit", (event) => {
        event.preventDefault();
        query.value = headerForm.elements.q.value.trim();
        typing = false;
        changed(true);
        query.focus();
      });
    }

    const state = readUrl();
    writeForm(state);
    // The server already rendered the unfiltered list in its default order: only a shared view needs work.
    if (state.q || state.urut || hasFacets(state)) apply(state);
  }

  // Material's document$ fires on every page load, including instant navigation when enabled.
  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
