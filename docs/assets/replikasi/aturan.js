/**
 * The readiness check's matching rules: the only implementation, run in the reader's browser.
 *
 * A pure module: no DOM, no storage, no network, no imports, so the tests load it unchanged in Chromium and in
 * an embedded engine (tests/fixtures/kesiapan/kasus.json is its golden table). Every vocabulary comes from the
 * JSON block the build embeds in the check page (hooks/katalog/replication.py, `readiness_data`):
 *   data.rules = {levels: [level, lowest first], continuing: [status], stopped: [status],
 *                 attributes: [profile key, in the order an "undocumented" caution names them],
 *                 bound_settings: [setting an innovation cannot leave behind, e.g. an island],
 *                 implied_settings: {setting: [settings it includes]}, everyone: target group "everyone"}
 *   data.messages = {code: {text, vocabulary, short, attribute}}, data.vocabularies = {name: {id: label}} and
 *   data.notes = {redaksi, belum}: the wording (`short` is a reason's words on a badge; `attribute` the profile key
 *   whose origin, data.innovations[i].origins, adds the editors' note to its sentence)
 *
 * A profile (data.innovations[i].profile):
 *   {slug, fields: [bidang], digital: "digital"|"non-digital"|null, cost_class: level|null,
 *    complexity: level|null, partner_kinds: [kind], status: status|null, target_groups: [group],
 *    settings: [setting]}
 * Answers:
 *   {fields: [bidang], budget: level|null, capacity: level|null, digital: "ada"|"tidak"|null, partners: [kind],
 *    groups: [group], settings: [setting]}
 * A suggestion:
 *   {slug, verdict: "cocok"|"tunda", reasons, blockers, cautions}, each reason {code, values: [id]}; every
 *   code is a key of data.messages, every verdict one of data.vocabularies.putusan
 *
 * The rules:
 * 1. Only innovations sharing at least one bidang with the answers are suggested.
 * 2. Blockers ("tunda"): a known setting the innovation depends on (an island, a coast) that the reader's
 *    kecamatan lacks; a digital innovation without digital capacity; a known cost class above the budget;
 *    a known complexity above the team's capacity.
 * 3. Reasons: shared bidang (in the innovation's order); shared target groups, or an innovation for everyone
 *    when the reader named groups; shared settings (a reader's island counts as coast too); digital with
 *    capacity or non-digital without it; cost and complexity within reach; every partner kind already at
 *    hand; a continuing status.
 * 4. Cautions: known target groups none of which the reader named; known settings none of which the reader
 *    shares, when none is binding (urban and rural ask for adaptation, not a wait); partner kinds not at hand;
 *    a stopped status; every attribute left undocumented. Unknown is never counted for or against an
 *    innovation, and an unanswered question compares nothing.
 * 5. Order: "cocok" first, then more shared bidang, then more reasons, then slug.
 */

// The verdicts, best first: suggestions are listed in this order (their labels come from the data).
const VERDICTS = ["cocok", "tunda"];

const reason = (code, values = []) => ({ code, values });

function isUnknown(value) {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function groupFit(profile, answers, rules) {
  if (isUnknown(profile.target_groups) || isUnknown(answers.groups)) return [[], []];
  const shared = profile.target_groups.filter((group) => answers.groups.includes(group));
  if (shared.length > 0) return [[reason("sasaran-sama", shared)], []];
  if (profile.target_groups.includes(rules.everyone)) return [[reason("sasaran-umum")], []];
  return [[], [reason("sasaran-lain", profile.target_groups)]];
}

/** [reasons, blockers, cautions] of the innovation's settings against the reader's kecamatan. */
function settingFit(profile, answers, rules) {
  if (isUnknown(profile.settings) || isUnknown(answers.settings)) return [[], [], []];
  const own = new Set(answers.settings.flatMap((setting) => [setting, ...(rules.implied_settings[setting] ?? [])]));
  const shared = profile.settings.filter((setting) => own.has(setting));
  const missing = profile.settings.filter((setting) => rules.bound_settings.includes(setting) && !own.has(setting));
  const reasons = shared.length > 0 ? [reason("latar-sama", shared)] : [];
  const blockers = missing.length > 0 ? [reason("latar-berbeda", missing)] : [];
  const cautions = shared.length === 0 && missing.length === 0 ? [reason("latar-lain", profile.settings)] : [];
  return [reasons, blockers, cautions];
}

function digitalFit(profile, answers) {
  if (profile.digital === "digital" && answers.digital === "ada") return [[reason("digital-siap")], []];
  if (profile.digital === "digital" && answers.digital === "tidak") return [[], [reason("butuh-digital")]];
  if (profile.digital === "non-digital" && answers.digital === "tidak") return [[reason("tanpa-aplikasi")], []];
  return [[], []];
}

/** A known level within a known limit is a reason, above it a blocker; nothing when either is unknown. */
function levelFit(value, limit, levels, fits, exceeds) {
  if (isUnknown(value) || isUnknown(limit)) return [[], []];
  if (levels.indexOf(value) > levels.indexOf(limit)) return [[], [reason(exceeds, [value])]];
  return [[reason(fits, [value])], []];
}

function partnerFit(profile, answers) {
  if (profile.partner_kinds.length === 0) return [[], []];
  const missing = profile.partner_kinds.filter((kind) => !answers.partners.includes(kind));
  if (missing.length > 0) return [[], [reason("mitra-kurang", missing)]];
  return [[reason("mitra-ada", profile.partner_kinds)], []];
}

function statusFit(profile, rules) {
  if (rules.continuing.includes(profile.status)) return [[reason("berlanjut", [profile.status])], []];
  if (rules.stopped.includes(profile.status)) return [[], [reason("berhenti", [profile.status])]];
  return [[], []];
}

/** One innovation against the answers; null when it shares no bidang with them. */
export function assess(profile, answers, rules) {
  const shared = profile.fields.filter((field) => answers.fields.includes(field));
  if (shared.length === 0) return null;
  const [groupReasons, groupCautions] = groupFit(profile, answers, rules);
  const [settingReasons, settingBlockers, settingCautions] = settingFit(profile, answers, rules);
  const [digitalReasons, digitalBlockers] = digitalFit(profile, answers);
  const [costReasons, costBlockers] = levelFit(
    profile.cost_class,
    answers.budget,
    rules.levels,
    "biaya-sesuai",
    "biaya-melebihi",
  );
  const [levelReasons, levelBlockers] = levelFit(
    profile.complexity,
    answers.capacity,
    rules.levels,
    "kompleksitas-sesuai",
    "kompleksitas-melebihi",
  );
  const [partnerReasons, partnerCautions] = partnerFit(profile, answers);
  const [statusReasons, statusCautions] = statusFit(profile, rules);
  const reasons = [reason("bidang", shared), ...groupReasons, ...settingReasons, ...digitalReasons];
  reasons.push(...costReasons, ...levelReasons, ...partnerReasons, ...statusReasons);
  const blockers = [...settingBlockers, ...digitalBlockers, ...costBlockers, ...levelBlockers];
  const cautions = [...groupCautions, ...settingCautions, ...partnerCautions, ...statusCautions];
  const unknown = rules.attributes.filter((name) => isUnknown(profile[name]));
  if (unknown.length > 0) cautions.push(reason("belum-terdokumentasi", unknown));
  return {
    slug: profile.slug,
    verdict: blockers.length > 0 ? "tunda" : "cocok",
    reasons,
    blockers,
    cautions,
    sharedFields: shared.length,
  };
}

/** The innovations that answer the reader's problem, best first. */
export function suggest(profiles, answers, rules) {
  const found = profiles.map((profile) => assess(profile, answers, rules)).filter((item) => item !== null);
  found.sort(
    (a, b) =>
      VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) ||
      b.sharedFields - a.sharedFields ||
      b.reasons.length - a.reasons.length ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  return found.map(({ sharedFields, ...suggestion }) => suggestion);
}

/**
 * The sentence for a reason, from the messages and vocabularies the build embeds. `origins` (an innovation's
 * {attribute: "sumber"|"redaksi"|null}) adds the editors' note to a sentence about a value they classified.
 */
export function describe(item, data, origins = {}) {
  const message = data.messages[item.code];
  const names = message.vocabulary ? data.vocabularies[message.vocabulary] : {};
  const values = item.values.map((value) => names[value] ?? value).join(", ");
  const text = message.text.replace("{nilai}", values);
  const editorial = message.attribute && origins[message.attribute] === "redaksi";
  return editorial ? `${text} ${data.notes.redaksi}` : text;
}

/**
 * The badge of a suggestion: what it rests on, never more. A suggestion without blockers names what matched
 * ("Bidang sama · sasaran sama") and how much is unknown; one on hold names what holds it.
 */
export function badge(suggestion, data) {
  const shorts = (items) => items.map((item) => data.messages[item.code].short).filter(Boolean);
  const unknown = suggestion.cautions.find((item) => item.code === "belum-terdokumentasi");
  const parts =
    suggestion.verdict === "tunda"
      ? [`${data.vocabularies.putusan.tunda}: ${shorts(suggestion.blockers).join(", ")}`]
      : shorts(suggestion.reasons);
  if (suggestion.verdict !== "tunda" && unknown) {
    parts.push(data.notes.belum.replace("{jumlah}", String(unknown.values.length)));
  }
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
