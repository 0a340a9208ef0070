// An imperative with any verb, told apart by the sentence's shape rather than a list of verbs:
// English puts an object right after an imperative's verb ("Ping Sarah about the deploy",
// "Renegotiate the lease", "Shred them"), while a sentence starting with a subject, an adverb or a
// preposition does not ("Tomorrow the office…", "After the call…"). So a first word followed by a
// determiner, a pronoun, a possessive, a particle or a number is taken as a verb, unless it is one
// of the closed-class or greeting words below, or has a form verbs do not take in the imperative
// (-ing, -ed, -ly, a third-person or plural -s).

// Words that come first in a sentence and are followed by such a word without being imperatives.
const NOT_VERBS = new Set(`
a an the this that these those my your our their his her its all both each every any some no none
another other such what which who whom whose where when why how whether if unless until till once
since while whilst as because though although so and or but nor yet also just only even still
already again maybe perhaps probably hopefully actually basically anyway however otherwise instead
then now here there today tomorrow tonight yesterday soon later meanwhile morning afternoon evening
monday tuesday wednesday thursday friday saturday sunday weekend week month year
january february march april may june july august september october november december
i you he she it we they me him us them one someone everyone everybody nobody something everything
is are was were be been am do does did have has had can could will would shall should may might must
about above across after against along among around at before behind below beneath beside besides
between beyond by despite down during except for from in inside into like near of off on onto out
outside over past per re regarding through throughout to toward towards under underneath unlike
until up upon via with within without
hi hello hey dear thanks thank sorry congrats congratulations welcome cheers regards best please
yes no ok okay well oh wow great good nice glad happy sad fine sure cool awesome lovely perfect
hope love like enjoy hate wish note worth given taken written seen broken chosen known
believe imagine guess think suppose wonder mind
half most many several few much more less least lot lots plenty enough quite rather very too
not never always often sometimes usually ever almost nearly
`.trim().split(/\s+/));

// Verbs whose bare form ends as a past tense does.
const ED_VERBS = new Set(['shred', 'need', 'feed', 'bleed', 'speed', 'seed', 'embed', 'heed', 'proceed', 'succeed', 'exceed', 'breed', 'wed']);

// What follows an imperative's verb: an object's first word.
// A small count ("Order 3 boxes"), not a year or a timestamp.
const OBJECT_START = /^(?:the|a|an|my|your|our|their|his|her|its|this|that|these|those|some|any|every|each|all|both|it|them|him|me|us|someone|somebody|something|everyone|everything|up|out|back|down|off|over|together|\d{1,3})$/i;
const FIRST_TWO = /^([\p{L}]+)\s+([\p{L}\p{N}]+)(?=[\s,;!?]|$)/u;

// Used by the request rules on a sentence (polite words already removed): its first word, when it
// is an imperative's verb.
export function imperativeVerb(sentence: string): string | undefined {
  const match = FIRST_TWO.exec(sentence);
  if (!match) return undefined;
  const word = match[1]!.toLowerCase();
  if (word.length < 2 || NOT_VERBS.has(word) || !OBJECT_START.test(match[2]!)) return undefined;
  if (/(?:ing|ly)$/.test(word) || (/ed$/.test(word) && !ED_VERBS.has(word)) || /[^su]s$/.test(word)) return undefined;
  return word;
}
