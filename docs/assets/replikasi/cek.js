/**
 * The readiness check's page: reads the questions, keeps the answers, shows the suggestions and the plan.
 *
 * Everything stays in this browser: the answers live in localStorage and in the page address after "#"
 * (a fragment is never sent to a server), and nothing is fetched. The rules are in ./aturan.js; the data they
 * read, with every label and sentence, is the JSON block the build puts in the page (id "kki-data-replikasi").
 */
import { badge, describe, suggest } from "./aturan.js";

const STORAGE_KEY = "kki-cek-kesiapan";
const HASH_PREFIX = "#jawaban";
const LISTS = ["bidang", "sasaran", "latar", "mitra", "siap"];
const SINGLES = ["anggaran", "kapasitas", "digital", "kecamatan", "penanggung"];
const KIND_LABELS = { reasons: "Alasan cocok", blockers: "Alasan menunda", cautions: "Perlu dicek" };
// The questions the plan's answer summary repeats, in the page's order.
const PLAN_QUESTIONS = ["bidang", "sasaran", "latar", "anggaran", "kapasitas", "digital", "mitra"];
// "Kecamatan Tiris", "Kec. Tiris" and "kec tiris" all name Tiris: the plan adds "Kecamatan" itself.
const KECAMATAN_PREFIX = /^\s*(?:kecamatan|kec\.?)(?:\s+|(?<=\.))/i;

const form = document.getElementById("kki-cek");
const output = document.getElementById("kki-hasil");
const dataBlock = document.getElementById("kki-data-replikasi");

/** A DOM element with attributes and children; text always goes in as text, never as markup. */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

function emptyState() {
  return Object.fromEntries([...LISTS.map((name) => [name, []]), ...SINGLES.map((name) => [name, ""])]);
}

function readForm() {
  const state = emptyState();
  for (const input of form.querySelectorAll("input")) {
    if (LISTS.includes(input.name) && input.checked) state[input.name].push(input.value);
    else if (input.type === "radio" && input.checked) state[input.name] = input.value;
    else if (input.type === "text") state[input.name] = input.value.trim();
  }
  return state;
}

function writeForm(state) {
  for (const input of form.querySelectorAll("input")) {
    if (LISTS.includes(input.name)) input.checked = state[input.name].includes(input.value);
    else if (input.type === "radio") input.checked = input.value === state[input.name];
    else if (input.type === "text") input.value = state[input.name];
  }
}

function encode(state) {
  const params = new URLSearchParams();
  for (const name of LISTS) for (const value of state[name]) params.append(name, value);
  for (const name of SINGLES) if (state[name]) params.set(name, state[name]);
  return params.toString();
}

function decode(text) {
  const params = new URLSearchParams(text);
  const state = emptyState();
  for (const name of LISTS) state[name] = params.getAll(name);
  for (const name of SINGLES) state[name] = params.get(name) ?? "";
  return state;
}

function save(state) {
  const encoded = encode(state);
  try {
    if (encoded) localStorage.setItem(STORAGE_KEY, encoded);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be off (private browsing); the address still keeps the answers.
  }
  if (!encoded && !location.hash.startsWith(HASH_PREFIX)) return; // leave a reader's own #anchor alone
  const address = location.pathname + location.search + (encoded ? `${HASH_PREFIX}&${encoded}` : "");
  history.replaceState(history.state, "", address);
}

function load() {
  if (location.hash.startsWith(HASH_PREFIX)) return decode(location.hash.slice(HASH_PREFIX.length));
  try {
    return decode(localStorage.getItem(STORAGE_KEY) ?? "");
  } catch {
    return emptyState();
  }
}

/** The check's answers in the rules' terms. */
export function toAnswers(state) {
  return {
    fields: state.bidang,
    budget: state.anggaran || null,
    capacity: state.kapasitas || null,
    digital: state.digital || null,
    partners: state.mitra,
    groups: state.sasaran,
    settings: state.latar,
  };
}

/** The kecamatan's own name from what the reader typed, without a leading "Kecamatan"/"Kec.". */
export function kecamatanName(text) {
  const name = text.replace(KECAMATAN_PREFIX, "").trim();
  return name || text.trim();
}

/** What the reader chose for each question, in the words of the page itself. */
function chosenText(fieldset) {
  const chosen = [...fieldset.querySelectorAll("input:checked")].map(
    (input) => input.closest("label").querySelector("span").firstChild.textContent.trim(),
  );
  return chosen.length > 0 ? chosen.join(", ") : "belum dipilih";
}

function planHeader(state) {
  const today = new Date().toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric" });
  const title = state.kecamatan ? `Rencana replikasi Kecamatan ${kecamatanName(state.kecamatan)}` : "Rencana replikasi";
  const answers = el("dl", { class: "kki-ringkas" });
  for (const id of PLAN_QUESTIONS) {
    const fieldset = document.getElementById(`soal-${id}`);
    const legend = fieldset.querySelector("legend").textContent.replace(/^\d+\.\s*/, "");
    answers.append(el("dt", {}, legend), el("dd", {}, chosenText(fieldset)));
  }
  const readiness = el("ul", { class: "kki-kesiapan" });
  for (const input of document.querySelectorAll("#soal-siap input")) {
    const text = input.closest("label").querySelector("span").textContent.trim();
    readiness.append(el("li", {}, `${input.checked ? "Sudah" : "Belum"}: ${text}`));
  }
  const meta = el("p", { class: "kki-meta" }, `Disusun ${today}`);
  if (state.penanggung) meta.append(` · Penanggung jawab: ${state.penanggung}`);
  return [
    el("h2", { id: "rencana" }, title),
    meta,
    el("h3", {}, "Jawaban"),
    answers,
    el("h3", {}, "Kesiapan dasar"),
    readiness,
  ];
}

/** The origin's institutional contact, or that none is recorded with the way to its profile. */
function contactLine(innovation) {
  const line = el("p", { class: "kki-kontak" }, el("strong", {}, "Kontak kelembagaan: "));
  if (innovation.contacts.length === 0) {
    const profile = new URL(innovation.url, location.href).href;
    line.append(
      "belum tercatat di katalog. Cari kanal resmi kecamatannya lewat profil inovasi: ",
      el("a", { href: innovation.url, class: "kki-layar-saja" }, innovation.name),
      el("span", { class: "kki-cetak-saja kki-url" }, profile),
    );
    return line;
  }
  innovation.contacts.forEach((contact, index) => {
    if (index > 0) line.append("; ");
    line.append(contact.institution);
    // the schema allows only http(s) addresses; checked again so no other scheme becomes a link
    if (contact.url && /^https?:\/\//.test(contact.url)) {
      line.append(" · ", el("a", { href: contact.url }, contact.url));
    }
    if (contact.email) line.append(" · ", contact.email);
  });
  return line;
}

/** What to ask the origin kecamatan: the gaps of its write-up (katalog.gaps). Folded on screen, listed in print. */
function questionsBlock(innovation, data) {
  if (innovation.gaps.length === 0) return [];
  const title = `Pertanyaan untuk Kecamatan ${innovation.kecamatan}`;
  const list = () => el("ol", {}, ...innovation.gaps.map((field) => el("li", {}, data.questions[field].question)));
  return [
    el(
      "details",
      { class: "kki-pertanyaan kki-layar-saja" },
      el("summary", {}, `${title} (${innovation.gaps.length})`),
      list(),
    ),
    el("div", { class: "kki-pertanyaan kki-cetak-saja" }, el("p", {}, el("strong", {}, `${title}:`)), list()),
  ];
}

function suggestionItem(suggestion, innovation, data) {
  const kitUrl = new URL(innovation.kit, location.href).href;
  const heading = el(
    "h4",
    {},
    el("a", { href: innovation.url }, innovation.name),
    " ",
    el("span", { class: `kki-lencana kki-lencana--${suggestion.verdict}` }, badge(suggestion, data)),
  );
  const reasons = el("ul", { class: "kki-alasan" });
  for (const kind of ["reasons", "blockers", "cautions"]) {
    for (const item of suggestion[kind]) {
      reasons.append(
        el(
          "li",
          { class: `kki-alasan--${kind}`, "data-code": item.code },
          el("strong", {}, `${KIND_LABELS[kind]}: `),
          describe(item, data, innovation.origins),
        ),
      );
    }
  }
  const summary = innovation.summary ?? "Ringkasannya belum tercatat di katalog.";
  return el(
    "li",
    { class: "kki-saran__butir", "data-slug": suggestion.slug, "data-verdict": suggestion.verdict },
    heading,
    el("p", { class: "kki-tempat" }, innovation.place),
    el("p", { class: "kki-deskripsi" }, summary),
    reasons,
    contactLine(innovation),
    ...questionsBlock(innovation, data),
    el("p", { class: "kki-layar-saja" }, el("a", { href: innovation.kit }, `Buka kit replikasi ${innovation.name}`)),
    el("p", { class: "kki-cetak-saja kki-url" }, `Kit replikasi: ${kitUrl}`),
  );
}

function actions() {
  const print = el("button", { type: "button", class: "md-button md-button--primary" }, "Cetak rencana");
  print.addEventListener("click", () => window.print());
  const reset = el("button", { type: "button", class: "md-button" }, "Hapus jawaban");
  reset.addEventListener("click", () => {
    writeForm(emptyState());
    update();
  });
  return el("p", { class: "kki-tindakan kki-layar-saja" }, print, " ", reset);
}

/** A bar at the foot of the questions that says how many fit and jumps to the suggestions. */
function summaryBar() {
  let bar = document.getElementById("kki-ringkasan-saran");
  if (bar) return bar;
  const jump = el("button", { type: "button", class: "md-button md-button--primary" }, "Lihat saran");
  jump.addEventListener("click", () => {
    // Focus goes to the suggestions too, so keyboard and screen-reader users land there; a focusable heading
    // also takes the scroll margin (katalog.css) that keeps it clear of the sticky header.
    const heading = document.getElementById("saran");
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ behavior: "smooth" });
  });
  bar = el("div", { id: "kki-ringkasan-saran", class: "kki-ringkasan-saran kki-layar-saja" });
  bar.append(el("span", { "aria-live": "polite" }), jump);
  form.append(bar);
  return bar;
}

function render(state, data) {
  const byslug = Object.fromEntries(data.innovations.map((item) => [item.profile.slug, item]));
  const results = suggest(
    data.innovations.map((item) => item.profile),
    toAnswers(state),
    data.rules,
  );
  const fitting = results.filter((item) => item.verdict === "cocok").length;
  const list = el("ol", { class: "kki-saran" });
  for (const suggestion of results) list.append(suggestionItem(suggestion, byslug[suggestion.slug], data));
  const body =
    state.bidang.length === 0
      ? [el("p", { class: "kki-petunjuk" }, "Pilih minimal satu bidang masalah (pertanyaan 1) untuk melihat saran.")]
      : [
          el(
            "p",
            { class: "kki-petunjuk" },
            `${results.length} inovasi sebidang: ${fitting} ${data.vocabularies.putusan.cocok.toLowerCase()}, ` +
              `${results.length - fitting} sebaiknya ditunda dulu. Labelnya menyebut apa yang cocok dan berapa ` +
              "hal yang belum diketahui.",
          ),
          list,
        ];
  output.replaceChildren(...planHeader(state), el("h3", { id: "saran" }, "Saran inovasi"), ...body, actions());
  output.hidden = false;
  summaryBar().firstChild.textContent =
    state.bidang.length === 0
      ? "Pilih bidang untuk melihat saran."
      : `${results.length} saran, ${fitting} ${data.vocabularies.putusan.cocok.toLowerCase()}.`;
}

let data = null;

function update() {
  const state = readForm();
  save(state);
  render(state, data);
}

if (form && output && dataBlock) {
  data = JSON.parse(dataBlock.textContent);
  document.documentElement.classList.add("kki-js");
  writeForm(load());
  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
}
