/**
 * Every explanation the culture engine can give, as English ICU-style templates keyed by a
 * stable code. Policies carry the code and its params as well as the English sentence, so the
 * web app can show the same explanation in Hebrew or Polish from its own catalogue.
 */
export const EXPLANATIONS = {
  'channels.oral-first':
    'Phone first: multi-active weight {multi} (Lewis) means people want a person on the line and talk the case through; written channels follow.',
  'channels.dominant-app-first':
    '{app} first: business conversations in {country} happen there (messaging data as of {asOf}); email follows for documents.',
  'channels.written-first':
    'Email first: linear-active {linear} and reactive {reactive} weights (Lewis) favour one complete written answer over calls.',
  'expectedContacts.repeated':
    'Expect about {n} contacts per case: multi-active weight {multi} (Lewis) — expressive cultures call again to make sure the case moves.',
  'expectedContacts.single':
    'Expect {n} contact per case: with multi-active weight only {multi} (Lewis), one complete answer is expected, not a conversation.',
  'cadence.proactive':
    'Call before they chase: a proactive update every {hours} business hours (multi-active {multi}); silence makes them phone again.',
  'cadence.single':
    'One complete written answer, then write only when something changes or at the promised time (linear-active {linear}, multi-active {multi}).',
  'cadence.scheduled':
    'Agreed written updates every {hours} business hours: a reactive culture (reactive {reactive}) will not chase, so silence reads as neglect; uncertainty avoidance {uai}.',
  'tone.direct':
    'Direct: feedback directness {fd}/5 in a low- to mid-context culture ({ctx}/5) — state problems and answers plainly; {warmth} (expressiveness {expr}/5, indulgence {ivr}).',
  'tone.indirect':
    'Indirect: feedback directness {fd}/5 and context {ctx}/5 — soften bad news, suggest rather than state, never blame; {warmth} (expressiveness {expr}/5, indulgence {ivr}).',
  'tone.balanced':
    'Balanced: feedback directness {fd}/5, context {ctx}/5 — be clear but courteous; {warmth} (expressiveness {expr}/5, indulgence {ivr}).',
  'register.honorific':
    'Honorific: {language} grammar has honorific speech levels and power distance is {pdi} (≥ 50), so honorific speech (keigo, jondaemal) is expected.',
  'register.formal-pdi':
    'Formal: power distance {pdi} (≥ 50) — address by surname and title until the customer offers otherwise.',
  'register.formal-tv':
    'Formal: {language} has a formal "you" and uncertainty avoidance is {uai} (≥ 65), so keep formal address until the customer switches.',
  'register.formal-middle':
    'Formal: power distance {pdi} is neither low nor high, so start formal and follow the customer.',
  'register.informal':
    'Informal: power distance {pdi} is low and {language} business writing uses first names.',
  'register.curated':
    '{register} (curated for {country}): {note}',
  'salutation.country':
    'Written in {languageName}, the first business language of {country}; {register} register gives "{example}".',
  'salutation.fallback':
    'No greeting templates for {languageName} yet, so English in the {register} register: "{example}".',
  'continuity.person':
    'Same agent throughout: a relationship culture (multi-active {multi}) deals with a person, not an institution.',
  'continuity.group':
    'Same agent throughout: a collectivist (individualism {idv}), reactive ({reactive}) culture builds trust slowly through one long-term contact.',
  'continuity.institution':
    'Any agent, with a full hand-off note: an individualist (individualism {idv}), task-focused culture bonds with the institution, not the person.',
  'hierarchy.level':
    'Power distance {pdi}: {level} hierarchy.',
  'cautions.some':
    'Power distance {pdi}, individualism {idv}, context {ctx}/5: {list}.',
  'cautions.none':
    'Power distance {pdi} is below 50: a flat hierarchy, so talking to anyone in the organisation is normal.',
  'procedure.strict-uai':
    'Follow the manual, contract and acceptance test to the letter, with a written recap after every call: uncertainty avoidance {uai} (≥ 75), power distance {pdi}.',
  'procedure.strict-lto':
    'Follow the manual, contract and acceptance test to the letter, with a written recap after every call: uncertainty avoidance {uai} with long-term orientation {lto} (≥ 60).',
  'procedure.standard':
    'Standard procedure: uncertainty avoidance {uai} but power distance {pdi} and long-term orientation {lto} are low, so pragmatic fixes are accepted{recap}.',
  'procedure.flexible':
    'Flexible: uncertainty avoidance {uai} is below 50 — outcome matters more than procedure{recap}.',
  'appearance.formal':
    'Formal dress and a tidy, orderly workspace: the work must look good as well as be good (context {ctx}/5, power distance {pdi}, individualism {idv}); a superior may come and see it.',
  'appearance.neat':
    'Neat business dress and a tidy workspace: order matters (uncertainty avoidance {uai}, context {ctx}/5).',
  'appearance.practical':
    'Practical clothing is fine: a task-oriented, low-context culture (context {ctx}/5) judges by the quality and speed of the fix.',
  'workweek.cldr':
    'Works {days} (CLDR week data: weekend {weekend}).',
  'workweek.curated':
    'Works {days}: {note}',
  'contactHours.default':
    'Reach them {days}, {hours} {timeZone}; not on public holidays ({holidayCount} in {year}, date-holidays).',
  'contactHours.noHolidays':
    'Reach them {days}, {hours} {timeZone}; we hold no public-holiday data for {country}.',
  'override.organisation':
    'Set for this organisation by {by}: {reason}',
  'override.contact':
    'Set for this contact by {by}: {reason}',
  'observed.channel':
    '{summary}: {count} of the last {total} contacts were {channelLabel}.',
  'observed.channel.kept':
    'Observed {channelLabel} in {count} of the last {total} contacts, but an admin override for channels stays in force.',
  'observed.contacts':
    'Observed {observed} contacts per case (median of the last {cases} cases) instead of the country default {expected}.',
  'observed.cadence':
    'Contacts chase {observed} times per case (median of the last {cases} cases), so update them proactively every {hours} business hours before they call.',
  'observed.cadence.calm':
    'Contacts only {observed} time per case (median of the last {cases} cases), so proactive calls would intrude: written updates every {hours} business hours instead.',
  'observed.language':
    'Writes in {languageName}: {count} of the last {total} messages; the greeting follows their language.',
  'observed.signedName':
    'Signs as "{name}": the greeting uses the name they sign with{registerNote}.',
  'contact.language':
    "The contact's own language is {languageName}; the greeting follows it, not the country's.",
  'contact.channel':
    'The contact prefers {channelLabel} (contact record), so it moves to the front.',
  'contact.timeZone':
    "Contact hours follow the contact's own time zone {timeZone}.",
} as const;

export type ExplanationCode = keyof typeof EXPLANATIONS;

export interface Explanation {
  why: string;
  whyCode: ExplanationCode;
  whyParams: Record<string, string | number>;
}

/** Fills an explanation template; unknown placeholders stay visible so a missing param is noticed in tests. */
export function explain(code: ExplanationCode, params: Record<string, string | number> = {}): Explanation {
  const why = EXPLANATIONS[code].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  return { why, whyCode: code, whyParams: params };
}
