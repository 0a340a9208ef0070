// §8: a plan is complete when it has at least one checkbox and every one is ticked or cancelled.
const CHECKBOX = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]/;

export function countCheckboxes(body: string): { total: number; ticked: number } {
  let total = 0;
  let ticked = 0;
  for (const line of body.split('\n')) {
    const match = CHECKBOX.exec(line);
    if (!match) continue;
    total++;
    if ('xX-'.includes(match[1]!)) ticked++;
  }
  return { total, ticked };
}

export function allTicked(body: string): boolean {
  const { total, ticked } = countCheckboxes(body);
  return total > 0 && ticked === total;
}
