// Signs of a scam or phishing mail. One sign is common in honest mail ("verify your account" after a
// sign-up); two or more together are how advance-fee fraud and credential phishing read.

const SIGNS = [
  /\bmillion\s+(?:united\s+states\s+|us\s+)?dollars\b|\$\s?\d{1,3}(?:,\d{3}){2,}/i,
  /\b(?:money|fund)s?\s+transfer\b|\bwire\s+transfer\b|\bwestern\s+union\b/i,
  /\bbeneficiary\b|\bnext\s+of\s+kin\b|\binheritance\b/i,
  /\brisk[- ]free\b|\b100%\s+safe\b|\bno\s+risk\b/i,
  /\bconfidential\s+(?:transaction|business|proposal)\b|\bbusiness\s+proposal\b/i,
  /\byou\s+have\s+won\b|\blottery\b|\bclaim\s+(?:this|your)\s+(?:money|prize|funds)\b/i,
  /\bverify\s+your\s+(?:account|identity|password|information|details)\b/i,
  // Loan and refinance spam: "You have qualified for the lowest rate in years".
  /\byou(?:['’]ve|\s+have)\s+(?:been\s+)?(?:qualified|pre-?approved|selected)\b/i,
  /\b(?:lowest|low|fixed)\s+(?:interest\s+)?rates?\b.{0,80}\b(?:refinanc\w*|mortgage|loan)\b|\b(?:refinanc\w*|mortgage|loan)\b.{0,80}\b(?:lowest|low|fixed)\s+(?:interest\s+)?rates?\b/i,
  /\baccount\s+(?:has\s+been|was|will\s+be)\s+(?:compromised|suspended|locked|closed)\b|\bsecurity\s+alert\b/i,
  /\bprince\b|\bcentral\s+bank\s+of\b/i,
  // Stock promotion ("pump and dump"): a ticker touted, and the promise that it will jump.
  /\b(?:investor\s+alert|ticker\s*:|st0ck|pink\s+sheets|otc\s+(?:markets?|bb)|stock\s+(?:alert|pick|play))\b/i,
  /\b(?:big\s+mover|expected\s+to\s+(?:explode|soar|skyrocket)|profit\s+big|(?:get|jump)\s+(?:in|on\s+board)\s+(?:on\s+\S+\s+)?(?:asap|now|while\s+you\s+can)|don['’]t\s+regret\s+it)\b/i,
];

// Used by the rules planner for emails: two or more different signs.
export function looksLikeScam(text: string): boolean {
  let signs = 0;
  for (const sign of SIGNS) if (sign.test(text) && ++signs >= 2) return true;
  return false;
}

export const SCAM_STEPS = [
  { text: 'Looks like a scam or phishing: do not reply, click its links or open its attachments' },
  { text: 'Delete it (or report it as spam)' },
];
