// A word list, looked up word by word: one regex of all of them cost ~20 ms to compile on the
// first plan of every run (the one-note cron case).

// Verbs known to be actions even where the shape of the sentence would not say so ("Update: …" is
// not one, "Update the address" is).
const ACTION_VERBS = [
  'reply', 'respond', 'send', 'pay', 'call', 'phone', 'schedule', 'review', 'book', 'prepare', 'sign',
  'follow up', 'email', 'submit', 'renew', 'confirm', 'buy', 'order', 'fix', 'update', 'check',
  'cancel', 'contact', 'write', 'draft', 'finish', 'complete', 'arrange', 'register', 'apply', 'print',
  'scan', 'return', 'remind', 'ask', 'discuss', 'approve', 'forward', 'share', 'upload',
  'fill in', 'fill out', 'read', 'visit', 'collect', 'pick up', 'drop off', 'transfer', 'invite',
  'reset', 'get', 'bring', 'take', 'find', 'give', 'set up', 'put', 'tell', 'show', 'join', 'attend',
  'move', 'add', 'remove', 'delete', 'change', 'create', 'organize', 'organise', 'plan', 'clean',
  'install', 'test', 'verify', 'ensure', 'provide', 'request', 'reserve', 'notify', 'inform', 'let',
  'make', 'meet', 'deliver', 'post', 'mail', 'ship', 'file', 'backup', 'back up', 'restart', 'rotate',
  'revoke', 'grant', 'migrate', 'deploy', 'merge', 'publish', 'edit', 'translate', 'research', 'look into',
  'investigate', 'decide', 'choose', 'agree', 'accept', 'decline', 'reject', 'resend', 'refund',
  'reimburse', 'invoice', 'quote', 'estimate', 'sort out', 'clear', 'tidy', 'repair', 'replace', 'water',
  'feed', 'walk', 'cook', 'wash', 'charge', 'top up', 'book in', 'sign up', 'log in', 'log into', 'log on', 'sign in', 'sign into', 'download', 'run',
  // Errands and chores as people jot them ("Compare quotes", "Go hiking", "Look up flights"); not
  // words as often nouns at the head of a line ("Service Expire Date", "Design notes", "Upgrade available").
  'compare', 'go hiking', 'look at', 'look up', 'look for', 'grab', 'ping', 'donate', 'practise', 'unpack',
  'vacuum', 'mow', 'prune', 'inspect', 'withdraw', 'redeem', 'reschedule', 'postpone', 'rsvp', 'recycle',
  'refill', 'assemble',
];

const KNOWN = new Set(ACTION_VERBS);
// One or two words at the start, each whole (not followed by a digit or "_", as in "send2").
const FIRST_WORDS = /^(\p{L}+)(?![\p{N}_])(?:\s+(\p{L}+)(?![\p{N}_]))?/u;
// What an imperative's verb is followed by: a word, a number or a quotation ("Update the address", not "Update: we moved").
const THEN_OBJECT = /^\s+[\p{L}\p{N}"'“‘]/u;

// Used by the request rules: the lengths of the known action verbs `text` starts with, longest
// first ("sign up" and "sign" in "Sign up for…"); a plural or third-person "s"/"es" is allowed.
export function actionVerbLengths(text: string): number[] {
  const words = FIRST_WORDS.exec(text);
  if (!words) return [];
  const first = words[1]!.toLowerCase();
  const lengths: number[] = [];
  if (words[2] !== undefined && isActionVerb(`${first} ${words[2].toLowerCase()}`)) lengths.push(words[0].length);
  if (isActionVerb(first)) lengths.push(words[1]!.length);
  return lengths;
}

// Used by the request rules: `text` starts with a known action verb followed by its object.
export function startsWithActionVerb(text: string): boolean {
  return actionVerbLengths(text).some((length) => THEN_OBJECT.test(text.slice(length)));
}

function isActionVerb(phrase: string): boolean {
  return KNOWN.has(phrase) || (phrase.endsWith('s') && KNOWN.has(phrase.slice(0, -1))) || (phrase.endsWith('es') && KNOWN.has(phrase.slice(0, -2)));
}
