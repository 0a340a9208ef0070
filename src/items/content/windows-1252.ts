// Node ≥ 20.18.3 decodes windows-1252 as Latin-1 (nodejs/node#60888), so 0x80–0x9F come out as C1
// controls; browsers map them to these characters. C1 controls never appear in real text, so every
// decoded string gets the mapping (0x81, 0x8D, 0x8F, 0x90, 0x9D have none and are dropped).
const C1 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

export function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = C1[c.charCodeAt(0) - 0x80]!;
    return mapped === '\u0000' ? '' : mapped;
  });
}
