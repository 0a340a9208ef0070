// Obsidian links the agent writes and reads back: "[[PLAN_x]]" ⇄ "PLAN_x".

export function toWikilink(target: string): string {
  return `[[${target}]]`;
}

// The target of a single wikilink field, or undefined when it is not one or could leave its folder.
export function wikilinkTarget(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*!?\[\[([^\]|#^]+)(?:[|#^][^\]]*)?\]\]\s*$/.exec(value);
  const target = match?.[1]?.trim();
  if (!target || target.includes('/') || target.includes('\\') || target === '.' || target === '..' || target.includes('\0')) return undefined;
  return target;
}
