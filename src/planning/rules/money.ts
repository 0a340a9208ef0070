// Money in an item: owed by the reader (an invoice, a bill, a payment asked for) or already paid (a receipt).

const MONEY_OWED = /\b(?:invoice|bill|amount due|balance due|total due|payment (?:due|request|reminder)|please pay|overdue|past due)\b/i;
const PAID = /\b(?:receipt|paid|thank you for your (?:payment|purchase|order)|payment (?:received|confirmation|successful))\b/i;

// Used for priority and steps: money is owed and no receipt says it was paid.
export function owesMoney(text: string): boolean {
  return MONEY_OWED.test(text) && !PAID.test(text);
}

// Used for priority and steps: a receipt of a payment made, asking for nothing more.
export function isReceipt(text: string): boolean {
  return PAID.test(text) && !/\b(?:amount due|balance due|please pay|overdue|past due)\b/i.test(text);
}
