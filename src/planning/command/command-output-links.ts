// Links and embeds in the command planner's output. A line with one that would reach outside the
// vault (a path climbing out, an absolute path, a file: or obsidian: URI, a remote image fetched
// when the plan is opened) is rendered as inline code after its list marker: it shows, does nothing.

const WIKILINK = /\[\[([^\]\n]*)\]\]/g;
const LINK_DEST = /\]\(([^)\n]*)\)/g;
const REFERENCE = /^ {0,3}\[[^\]\n]+\]:[ \t]*(\S+)/;
const LINE_PREFIX = /^(\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?|#{1,6}[ \t]+|>[ \t]*)?)([\s\S]*)$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const WEB_SCHEME = /^(https?|mailto):/i;

// Used on each line of accepted output, after the structural checks.
export function neutraliseLinks(line: string): string {
  // Raw HTML (an <img> fetches, an unclosed <!-- hides the rest of the plan) and Obsidian %% comments.
  let out = line.replace(/<(?=[A-Za-z!/?])/g, '&lt;').replace(/%%/g, '% %');
  // Dataview runs inline code that starts with "=" or "$=": a backslash keeps it plain text.
  out = out.replace(/(`+)([ \t]*)(\$?=)/g, '$1$2\\$3');
  return hasUnsafeLink(line) ? renderInert(out) : out;
}

function hasUnsafeLink(line: string): boolean {
  for (const [, inner] of line.matchAll(WIKILINK)) {
    if (!isInsideVault(wikilinkTarget(inner!))) return true;
  }
  const hasImage = line.includes('![');
  for (const [, dest] of line.matchAll(LINK_DEST)) {
    const target = markdownTarget(dest!);
    if (!isSafeLinkTarget(target) || (hasImage && !isPlainVaultPath(target))) return true;
  }
  const reference = REFERENCE.exec(line);
  return reference !== null && !isPlainVaultPath(markdownTarget(reference[1]!));
}

// "- [ ] Read ![](https://x/p.png)" → "- [ ] ``` Read ![](https://x/p.png) ```": still a step, no fetch.
function renderInert(line: string): string {
  const [, prefix = '', rest = ''] = LINE_PREFIX.exec(line) ?? [];
  let longest = 0;
  for (const run of rest.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const ticks = '`'.repeat(longest + 1);
  return `${prefix}${ticks} ${rest.trim()} ${ticks}`;
}

// [[target#heading|alias]] → target
function wikilinkTarget(inner: string): string {
  return inner.split('|')[0]!.split('#')[0]!.split('^')[0]!;
}

// <target> "title" or target "title" → target
function markdownTarget(dest: string): string {
  const trimmed = dest.trim();
  if (trimmed.startsWith('<')) {
    const close = trimmed.indexOf('>');
    return trimmed.slice(1, close === -1 ? undefined : close);
  }
  return trimmed.split(/\s+/)[0] ?? '';
}

// A link the user may click: a web or mail address, or a note inside the vault.
function isSafeLinkTarget(target: string): boolean {
  return WEB_SCHEME.test(target.trim()) || isPlainVaultPath(target);
}

// A markdown destination decodes entities and backslash escapes ("&#x66;ile:", ".\./"): a vault
// path has no need of either, so one that uses them is refused rather than decoded.
function isPlainVaultPath(target: string): boolean {
  return !/[&\\]/.test(target) && isInsideVault(target);
}

// A relative path that stays inside the vault: no scheme, no drive, no leading / \ ~, no "..".
function isInsideVault(target: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.trim());
  } catch {
    return false;
  }
  if (/^[\\/~]/.test(decoded) || SCHEME.test(decoded)) return false;
  return !decoded.split(/[\\/]/).some((segment) => segment.trim() === '..');
}
