/**
 * The readiness check's matching rules: the only implementation, run in the reader's browser.
 *
 * A pure module: no DOM, no storage, no network, no imports, so the tests load it unchanged in Chromium and in
 * an embedded engine (tests/fixtures/kesiapan/kasus.json is its golden table). Every vocabulary comes from the
 * JSON block the build embeds in the check page (hooks/katalog/replication.py, `check_data`):
 *   data.rules = {levels: [level, lowest first], continuing: [status], stopped: [status],
 *                 attributes: [profile key, in the order an "undocumented" caution names them]}
 *   data.messages = {code: {text, vocabulary}} and data.vocabularies = {name: {id: label}}: the wording
 *
 * A profile (data.innovations[i].profile):
 *   {slug, fields: [bidang], digital: "digital"|"non-digital"|null, cost_class: level|null,
 *    complexity: level|null, partner_kinds: [kind], status: status|null}
 * Answers:
 *   {fields: [bidang], budget: level|null, capacity: level|null, digital: "ada"|"tidak"|null, partners: [kind]}
 * A suggestion:
 *   {slug, verdict: "cocok"|"tunda", reasons, blockers, cautions}, each reason {code, values: [id]}; every
 *   code is a key of data.messages, every verdict one of data.vocabularies.putusan
 *
 * The rules:
 * 1. Only innovations sharing at least one bidang with the answers are suggested.
 * 2. Blockers ("tunda"): a digital innovation without digital capacity; a known cost class above the budget;
 *    a known complexity above the team's capacity.
 * 3. Reasons: shared bidang (in the innovation's order); digital with capacity or non-digital without it; cost
 *    and complexity within reach; every partner kind already at hand; a continuing status.
 * 4. Cautions: partner kinds not at hand; a stopped status; every attribute left undocumented. Unknown is never
 *    counted for or against an innovation.
 * 5. Order: "cocok" first, then more shared bidang, then more reasons, then slug.
 */

// The verdicts, best first: suggestions are listed in this order (their labels come from the data).
const VERDICTS = ["cocok", "tunda"];

const reason = (code, values = []) => ({ code, values });

function isUnknown(value) {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
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
  const reasons = [reason("bidang", shared), ...digitalReasons, ...costReasons, ...levelReasons];
  reasons.push(...partnerReasons, ...statusReasons);
  const blockers = [...digitalBlockers, ...costBlockers, ...levelBlockers];
  const cautions = [...partnerCautions, ...statusCautions];
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

/** The sentence for a reason, from the messages and vocabularies the build embeds. */
export function describe(item, data) {
  const message = data.messages[item.code];
  const names = message.vocabulary ? data.vocabularies[message.vocabulary] : {};
  const values = item.values.map((value) => names[value] ?? value).join(", ");
  return message.text.replace("{nilai}", values);
}
