import type { Frontmatter } from '../vault/frontmatter.js';

// The fields intake adds to every item (§6).
export function intakeFields(id: string, type: string, received: Date, originalName: string): Frontmatter {
  return { id, type, status: 'needs_action', received: received.toISOString(), source: 'inbox', original_name: originalName };
}

export function fileTypeOf(name: string): string {
  return /\.eml$/i.test(name) ? 'email' : 'file_drop';
}
