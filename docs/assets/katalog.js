// Catalogue search, filters and sorting, as progressive enhancement. Without JavaScript the page lists the
// first cards and links the static list pages holding the rest (/katalog/halaman/2/, ...). With it, any
// filter, sort or query runs over the whole catalogue through the Pagefind index (Indonesian stemming,
// facet filters) and the catalogue's order file beside it, each fetched only when first needed; the cards it
// draws carry the same words as the build's (the profile's search metadata, from katalog.pages.card_text).
// The state lives in the URL, so links and Back work.
"use strict";

(function () {
  // Each shown result costs one Pagefind fragment download: keep the first screen small on slow phones.
  const PAGE_SIZE = 12;
  const OTHER_PAGES = 3;

  function init() {
    const root = document.querySelector(".kki-katalog");
    if (!root || root.dataset.siap) return;

    const form = root.querySelector("#kki-saring");
    const list = root.querySelector("#kki-daftar > ul");
    const builtCards = Array.from(list.children); // the first page, as the build rendered it
    const pager = root.querySelector("#kki-halaman"); // links to the other list pages; absent on a short catalogue
    const total = Number(root.dataset.jumlah);
    const count = root.querySelector("#kki-jumlah");
    const empty = root.querySelector("#kki-kosong-hasil");
    const others = root.querySelector("#kki-hasil-lain"); // other pages, under their own heading
    const otherList = others.querySelector("ol");
    const otherNote = document.createElement("p");
    const otherButton = document.createElement("button");
    otherButton.type = "button";
    otherButton.className = "md-button";
    otherButton.hidden = true;
    otherList.before(otherNote, otherButton);
    const folded = root.querySelector("#kki-segi"); // the one "Saring" control around every facet
    const activeCount = root.querySelector("#kki-segi-aktif");
    const query = form.querySelector("#kki-q");
    const sort = form.querySelector("#kki-urut");
    const boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
    const facetKeys = Array.from(new Set(boxes.map((box) => box.name)));
    const siteRoot = new URL(root.dataset.siteRoot, window.location.href);
    // Pagefind's page-type filter, carried only by the indexed pages that are not profiles (katalog.urls).
    const pageType = root.dataset.saringHalaman;
    // A word every profile holds: a view with filters and no query searches for it, as Pagefind answers a
    // search for nothing by downloading its whole index (katalog.urls.PROFILE_MARKER).
    const profileMarker = root.dataset.penandaProfil;
    const more = document.createElement("button");
    more.type = "button";
    more.className = "md-button";
    more.textContent = "Tampilkan lebih banyak";
    more.hidden = true;
    root.querySelector("#kki-daftar").after(more);

    let pagefind = null;
    let orders = null;
    let run = 0;
    let shown = PAGE_SIZE;
    let typing = false;

    function readUrl() {
      const params = new URLSearchParams(window.location.search);
      const facets = {};
      for (const key of facetKeys) facets[key] = params.getAll(key);
      return { q: (params.get("q") || "").trim(), urut: params.get("urut") || "", facets };
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
    function tickedCount(state) {
      return facetKeys.reduce((sum, key) => sum + state.facets[key].length, 0);
    }

    function showActiveCount(state) {
      const ticked = tickedCount(state);
      activeCount.textContent = ticked ? `(${ticked} dipilih)` : "";
    }

    function hasFacets(state) {
      return tickedCount(state) > 0;
    }

    // The view the build already rendered: no query, no filter, the reading order (newest, then rank).
    function isBuiltView(state) {
      return !state.q && !hasFacets(state) && state.urut !== "nama";
    }

    // Each choice's count. Once the reader has opened a facet, a search's counts follow its words (Pagefind's
    // totalFilters: the words alone, before any filter), so a choice that would leave nothing shows (0) before
    // it is ticked. Those counts need every filter's data (94 KB at 5,000 innovations): it is fetched only on
    // that first opening, never for the first search. Otherwise, the catalogue-wide counts the build wrote.
    const builtCounts = new Map(boxes.map((box) => [box, countOf(box).textContent]));
    const countMeaning = document.createElement("p");
    countMeaning.className = "kki-hitung-arti";
    countMeaning.hidden = true;
    folded.querySelector("summary").after(countMeaning);
    let choiceCounts = "not asked"; // then "loading", then "ready"
    let appliedState = null;

    function countOf(box) {
      return box.parentElement.querySelector(".kki-hitung");
    }

    function showCounts(state, byFacet) {
      const following = Boolean(state.q && byFacet && choiceCounts === "ready");
      for (const box of boxes) {
        const count = following ? `(${byFacet[box.name]?.[box.value] ?? 0})` : builtCounts.get(box);
        countOf(box).textContent = count;
      }
      countMeaning.hidden = !following;
      countMeaning.textContent = following ? `Angka di samping pilihan: inovasi yang cocok dengan “${state.q}”.` : "";
    }

    async function loadChoiceCounts() {
      if (choiceCounts !== "not asked") return;
      choiceCounts = "loading";
      try {
        await (await loadPagefind()).filters();
      } catch (error) {
        choiceCounts = "not asked"; // try again on the next opening
        return;
      }
      choiceCounts = "ready";
      // The view on screen again, with its counts; not the form, which may hold words still being typed.
      if (appliedState?.q) apply(appliedState);
    }

    function showBuiltView() {
      showCounts({ q: "" }, null);
      list.replaceChildren(...builtCards);
      if (pager) pager.hidden = false;
      otherList.replaceChildren();
      otherNote.textContent = "";
      others.hidden = true;
      empty.hidden = true;
      count.textContent = `${total} inovasi`;
    }

    async function loadPagefind() {
      if (!pagefind) {
        pagefind = await import(new URL(root.dataset.pagefindUrl, window.location.href).href);
        await pagefind.options({ excerptLength: 24 });
      }
      return pagefind;
    }

    function pagefindFilters(state) {
      // Profiles are the indexed pages without the page-type filter (katalog.urls.PAGE_TYPE_FILTER).
      const filters = { not: { [pageType]: root.dataset.halamanLain } };
      for (const key of facetKeys) if (state.facets[key].length) filters[key] = { any: state.facets[key] };
      return filters;
    }

    // The order a view asks for: a name in the order file (katalog.search.write_orders), or none.
    function orderOf(state) {
      if (state.urut === "nama") return "nama";
      if (state.urut === "tahun" || !state.q) return "peringkat"; // the reading order
      return null; // a query without a chosen order: best match first
    }

    // The catalogue's orders, as a position for each Pagefind page id. Not Pagefind's own sorts: those sit in
    // the metadata every first search downloads. Revalidated, as it changes with every build of the index.
    async function loadOrders() {
      if (!orders) {
        const url = new URL("urutan.json", new URL(root.dataset.pagefindUrl, window.location.href));
        const response = await fetch(url, { cache: "no-cache" });
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        // The reading order as Pagefind page ids; every other order as positions in that list.
        const lists = await response.json();
        const ids = lists.peringkat;
        orders = {};
        for (const [name, list] of Object.entries(lists)) {
          const idOf = name === "peringkat" ? (id) => id : (position) => ids[position];
          orders[name] = new Map(list.map((entry, at) => [idOf(entry), at]));
        }
      }
      return orders;
    }

    async function inOrder(results, order) {
      if (!order) return results;
      const position = (await loadOrders())[order];
      const at = (result) => position.get(result.id) ?? position.size; // none missing; last if one were
      return [...results].sort((a, b) => at(a) - at(b));
    }

    function textOf(html) {
      return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
    }

    function siteUrl(path) {
      return new URL("." + path, siteRoot).href;
    }

    function paragraph(className, text) {
      const element = document.createElement("p");
      if (className) element.className = className;
      element.textContent = text;
      return element;
    }

    // A card like the build's (_kartu.md.j2), from a result's metadata; textContent only, never HTML.
    function cardOf(data) {
      const item = document.createElement("li");
      item.id = "kartu-" + data.meta.id;
      const heading = document.createElement("h2");
      const link = document.createElement("a");
      link.href = siteUrl(data.url);
      link.textContent = data.meta.nama || data.meta.title;
      heading.append(link);
      item.append(heading, paragraph("kki-kartu__tempat", data.meta.baris || ""));
      if (data.meta.ringkasan) item.append(paragraph("", data.meta.ringkasan));
      item.append(paragraph("kki-kartu__label", data.meta.label || ""));
      return item;
    }

    // Other pages that match, after the innovations. Each shown page costs a fragment download, so while
    // innovations matched they wait for the reader's tap; when none did, they are the results and show at once.
    async function showOtherPages(engine, state, current, innovationsFound) {
      otherList.replaceChildren();
      otherNote.textContent = "";
      otherButton.hidden = true;
      others.hidden = true;
      if (!state.q || hasFacets(state)) return;
      const search = await engine.search(state.q, { filters: { [pageType]: root.dataset.halamanLain } });
      if (current !== run || search.results.length === 0) return;
      others.hidden = false;
      const listThem = async () => {
        otherButton.hidden = true;
        const top = search.results.slice(0, OTHER_PAGES);
        const results = await Promise.all(top.map((result) => result.data()));
        if (current !== run) return;
        listOtherPages(results, search.results.length);
      };
      if (innovationsFound > 0) {
        otherButton.textContent = `Tampilkan halaman lain yang cocok (${search.results.length})`;
        otherButton.onclick = listThem;
        otherButton.hidden = false;
      } else {
        await listThem();
      }
    }

    function listOtherPages(results, found) {
      if (found > results.length) otherNote.textContent = `${results.length} yang paling cocok dari ${found} halaman.`;
      for (const data of results) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = siteUrl(data.url);
        link.textContent = data.meta.title || data.url;
        item.append(link, paragraph("", textOf(data.excerpt)));
        otherList.append(item);
      }
    }

    async function apply(state) {
      appliedState = state;
      const current = ++run;
      more.hidden = true;
      if (isBuiltView(state)) {
        showBuiltView();
        delete root.dataset.sibuk;
        return;
      }
      root.dataset.sibuk = "1"; // tests and assistive tools can tell a search is running
      count.textContent = "Mencari…";
      let search, results, page, engine;
      try {
        engine = await loadPagefind();
        search = await engine.search(state.q || profileMarker, { filters: pagefindFilters(state) });
        results = await inOrder(search.results, orderOf(state));
        if (current !== run) return;
        page = await Promise.all(results.slice(0, shown).map((result) => result.data()));
        if (current !== run) return;
        await showOtherPages(engine, state, current, search.results.length);
        if (current !== run) return;
      } catch (error) {
        if (current !== run) return;
        pagefind = null; // try again on the next change
        orders = null;
        count.textContent = "Pencarian tidak dapat dimuat. Periksa sambungan internet, lalu coba lagi.";
        delete root.dataset.sibuk;
        throw error;
      }
      list.replaceChildren(...page.map(cardOf));
      showCounts(state, search.totalFilters);
      if (pager) pager.hidden = true;
      const found = search.results.length;
      count.textContent = countText(found, state);
      empty.hidden = found > 0;
      more.hidden = found <= shown;
      delete root.dataset.sibuk;
    }

    // With a search and filters together, the count names both: "0 inovasi cocok dengan “lansia” dan 1 pilihan
    // saringan" says why nothing matched, where the search words alone would not.
    function countText(found, state) {
      if (!state.q) return `${found} inovasi`;
      const ticked = tickedCount(state);
      const filters = ticked ? ` dan ${ticked} pilihan saringan` : "";
      return `${found} inovasi cocok dengan “${state.q}”${filters}`;
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
    // A click on a facet's heading: by the reader (mouse, touch, Enter or Space), never by this script.
    form.addEventListener("click", (event) => {
      if (event.target.closest("details[data-segi] > summary")) loadChoiceCounts();
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
    // The build already rendered the unfiltered first page: only a shared view needs work.
    if (!isBuiltView(state)) apply(state);
    root.dataset.siap = "1";
  }

  // Material's document$ fires on every page load, including instant navigation when enabled.
  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
