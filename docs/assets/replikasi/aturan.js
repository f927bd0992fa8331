/**
 * The readiness check's matching rules, run in the reader's browser.
 *
 * This is the browser twin of hooks/katalog/replication.py: the same rules, the same order, the same
 * output shape. The browser tests feed both the same answers and compare the results, so change a rule
 * in both places together. Pure functions only: no DOM, no storage, no network.
 *
 * A profile (from the JSON the build embeds in the page):
 *   {slug, fields: [bidang], digital: "digital"|"non-digital"|null, cost_class, complexity: level|null,
 *    partner_kinds: [kind], status: "berlanjut"|"berkembang"|"berhenti"|"vakum"|null}
 * Answers:
 *   {fields: [bidang], budget: level|null, capacity: level|null, digital: "ada"|"tidak"|null, partners: [kind]}
 * A suggestion:
 *   {slug, verdict: "cocok"|"tunda", reasons, blockers, cautions}, each reason {code, values: [id]}
 *
 * The rules:
 * 1. Only innovations sharing at least one bidang with the answers are suggested.
 * 2. Blockers ("tunda"): digital innovation without digital capacity; a known cost class above the budget;
 *    a known complexity above the team's capacity.
 * 3. Reasons: shared bidang; digital with capacity or non-digital without it; cost and complexity within
 *    reach; every partner kind already at hand; status berlanjut/berkembang.
 * 4. Cautions: partner kinds not at hand; status berhenti/vakum; every matching attribute left undocumented.
 * 5. Order: "cocok" first, then more shared bidang, then more reasons, then slug.
 */

export const LEVELS = ["rendah", "sedang", "tinggi"];
export const VERDICTS = ["cocok", "tunda"];
const CONTINUING = ["berlanjut", "berkembang"];
const STOPPED = ["berhenti", "vakum"];
// The attributes the rules read, in the order an "undocumented" caution names them.
const ATTRIBUTES = ["digital", "cost_class", "complexity", "partner_kinds", "status"];

const reason = (code, values = []) => ({ code, values });

function isUnknown(value) {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** Whether a known level exceeds a known limit; null when either is unknown. */
function above(level, limit) {
  if (!level || !limit) return null;
  return LEVELS.indexOf(level) > LEVELS.indexOf(limit);
}

function digitalFit(profile, answers) {
  if (profile.digital === "digital" && answers.digital === "ada") return [[reason("digital-siap")], []];
  if (profile.digital === "digital" && answers.digital === "tidak") return [[], [reason("butuh-digital")]];
  if (profile.digital === "non-digital" && answers.digital === "tidak") return [[reason("tanpa-aplikasi")], []];
  return [[], []];
}

function levelFit(value, limit, fits, exceeds) {
  const over = above(value, limit);
  if (over === null) return [[], []];
  return over ? [[], [reason(exceeds, [value])]] : [[reason(fits, [value])], []];
}

function partnerFit(profile, answers) {
  if (profile.partner_kinds.length === 0) return [[], []];
  const missing = profile.partner_kinds.filter((kind) => !answers.partners.includes(kind));
  if (missing.length > 0) return [[], [reason("mitra-kurang", missing)]];
  return [[reason("mitra-ada", profile.partner_kinds)], []];
}

function statusFit(profile) {
  if (CONTINUING.includes(profile.status)) return [[reason("berlanjut", [profile.status])], []];
  if (STOPPED.includes(profile.status)) return [[], [reason("berhenti", [profile.status])]];
  return [[], []];
}

/** One innovation against the answers; null when it shares no bidang with them. */
export function assess(profile, answers) {
  const shared = profile.fields.filter((field) => answers.fields.includes(field));
  if (shared.length === 0) return null;
  const [digitalReasons, digitalBlockers] = digitalFit(profile, answers);
  const [costReasons, costBlockers] = levelFit(profile.cost_class, answers.budget, "biaya-sesuai", "biaya-melebihi");
  const [levelReasons, levelBlockers] = levelFit(
    profile.complexity,
    answers.capacity,
    "kompleksitas-sesuai",
    "kompleksitas-melebihi",
  );
  const [partnerReasons, partnerCautions] = partnerFit(profile, answers);
  const [statusReasons, statusCautions] = statusFit(profile);
  const reasons = [reason("bidang", shared), ...digitalReasons, ...costReasons, ...levelReasons];
  reasons.push(...partnerReasons, ...statusReasons);
  const blockers = [...digitalBlockers, ...costBlockers, ...levelBlockers];
  const cautions = [...partnerCautions, ...statusCautions];
  const unknown = ATTRIBUTES.filter((name) => isUnknown(profile[name]));
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
export function suggest(profiles, answers) {
  const found = profiles.map((profile) => assess(profile, answers)).filter((item) => item !== null);
  found.sort(
    (a, b) =>
      VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) ||
      b.sharedFields - a.sharedFields ||
      b.reasons.length - a.reasons.length ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  return found.map(({ sharedFields, ...suggestion }) => suggestion);
}

/** The sentence for a reason, from the messages and vocabularies the build embeds. */
export function describe(item, data) {
  const message = data.messages[item.code];
  const names = message.vocabulary ? data.vocabularies[message.vocabulary] : {};
  const values = item.values.map((value) => names[value] ?? value).join(", ");
  return message.text.replace("{nilai}", values);
}
