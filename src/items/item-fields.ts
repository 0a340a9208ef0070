import type { Frontmatter } from '../vault/frontmatter.js';
import { localDateTime } from '../vault/local-day.js';
import { toWikilink, wikilinkTarget } from '../vault/wikilink.js';
import type { EmailFacts, Item, ItemKind, ItemStatus } from './item.js';
import { isItemId } from './item-id.js';

// The item as frontmatter and back: the agent's fields all start with "ai_", so no user key can
// collide with them. Items written before the prefix keep their old names (LEGACY_NAMES).

export const AGENT_PREFIX = 'ai_';

type FieldName = Exclude<keyof Item, 'legacy' | 'email'> | `email.${keyof EmailFacts}`;

const NAMES: Record<FieldName, string> = {
  id: 'ai_id',
  kind: 'ai_type',
  status: 'ai_status',
  received: 'ai_received',
  source: 'ai_source',
  originalName: 'ai_original_name',
  plan: 'ai_plan',
  completed: 'ai_completed',
  attachment: 'ai_attachment',
  attachments: 'ai_attachments',
  sizeBytes: 'ai_size_bytes',
  sha256: 'ai_sha256',
  title: 'ai_title',
  duplicateOf: 'ai_duplicate_of',
  intakeNote: 'ai_intake_note',
  'email.from': 'ai_from',
  'email.fromAddress': 'ai_from_address',
  'email.to': 'ai_to',
  'email.subject': 'ai_subject',
  'email.date': 'ai_date',
  'email.messageId': 'ai_message_id',
  'email.bulk': 'ai_bulk',
  'email.automated': 'ai_automated',
};

// What versions before the prefix wrote (type was note | file_drop | email; date the raw header).
const LEGACY_NAMES: Partial<Record<FieldName, string>> = {
  id: 'id',
  kind: 'type',
  status: 'status',
  received: 'received',
  source: 'source',
  originalName: 'original_name',
  plan: 'plan',
  completed: 'completed',
  attachment: 'attachment',
  sizeBytes: 'size_bytes',
  sha256: 'sha256',
  intakeNote: 'intake_note',
  'email.from': 'from',
  'email.subject': 'subject',
  'email.date': 'date',
};

const KINDS: readonly ItemKind[] = ['note', 'email', 'pdf', 'docx', 'html', 'text', 'image', 'file'];
const STATUSES: readonly ItemStatus[] = ['needs_action', 'planned', 'done'];

// Used wherever an item note is read: the agent's fields, or undefined when the note has none.
export function readItem(data: Frontmatter): Item | undefined {
  const legacy = !(NAMES.id in data) && isLegacyItem(data);
  if (!legacy && typeof data[NAMES.id] !== 'string') return undefined;
  const names = legacy ? LEGACY_NAMES : NAMES;
  const get = (field: FieldName) => (names[field] === undefined ? undefined : data[names[field]!]);
  const item: Item = {
    id: String(get('id')),
    kind: readKind(get('kind'), legacy, get('attachment')),
    status: STATUSES.includes(get('status') as ItemStatus) ? (get('status') as ItemStatus) : 'needs_action',
    received: readTime(get('received')) ?? new Date(0),
    source: get('source') === 'needs_action' ? 'needs_action' : 'inbox',
    legacy,
  };
  assignString(item, 'originalName', get('originalName'));
  assignString(item, 'plan', wikilinkTarget(get('plan')));
  assignString(item, 'attachment', get('attachment'));
  assignString(item, 'sha256', get('sha256'));
  assignString(item, 'title', get('title'));
  assignString(item, 'duplicateOf', get('duplicateOf'));
  assignString(item, 'intakeNote', get('intakeNote'));
  const completed = readTime(get('completed'));
  if (completed) item.completed = completed;
  const size = get('sizeBytes');
  if (typeof size === 'number' && Number.isSafeInteger(size) && size >= 0) item.sizeBytes = size;
  const attachments = get('attachments');
  if (Array.isArray(attachments)) item.attachments = attachments.filter((a): a is string => typeof a === 'string');
  const email = readEmail(get);
  if (email) item.email = email;
  return item;
}

// Used to write an item's fields (all of them, or only `only`) in its own naming scheme.
export function itemFields(item: Item, only?: readonly (keyof Item)[]): Frontmatter {
  const names = item.legacy ? LEGACY_NAMES : NAMES;
  const out: Frontmatter = {};
  const put = (field: FieldName, value: unknown) => {
    const name = names[field];
    if (name !== undefined && value !== undefined) out[name] = value instanceof Date ? localDateTime(value) : value;
  };
  for (const field of Object.keys(NAMES) as FieldName[]) {
    if (field.startsWith('email.')) continue;
    if (only && !only.includes(field as keyof Item)) continue;
    const value = item[field as keyof Item];
    put(field, field === 'plan' && typeof value === 'string' ? toWikilink(value) : value);
  }
  if (item.email && (!only || only.includes('email'))) {
    for (const [key, value] of Object.entries(item.email)) put(`email.${key as keyof EmailFacts}`, value);
  }
  return out;
}

// Used to tell the user's keys from the agent's: true for a key the agent writes on this item.
export function isAgentKey(key: string, item: Item | undefined): boolean {
  if (key.startsWith(AGENT_PREFIX)) return true;
  return !!item?.legacy && Object.values(LEGACY_NAMES).includes(key);
}

// Used to keep only what the user wrote (for undo and for the planners).
export function userFields(data: Frontmatter, item: Item | undefined): Frontmatter {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !isAgentKey(key, item)));
}

// An item written before the prefix: its id in the agent's format and its source one the agent wrote.
function isLegacyItem(data: Frontmatter): boolean {
  return typeof data.id === 'string' && isItemId(data.id) && (data.source === 'inbox' || data.source === 'needs_action');
}

function readKind(value: unknown, legacy: boolean, attachment: unknown): ItemKind {
  if (KINDS.includes(value as ItemKind)) return value as ItemKind;
  if (legacy && value === 'file_drop') return typeof attachment === 'string' ? kindOfLegacyFile(attachment) : 'file';
  return legacy ? 'note' : 'file';
}

function kindOfLegacyFile(name: string): ItemKind {
  if (/\.pdf$/i.test(name)) return 'pdf';
  return /\.(?:jpe?g|png|gif|webp|heic|bmp|tiff?)$/i.test(name) ? 'image' : 'file';
}

function readEmail(get: (field: FieldName) => unknown): EmailFacts | undefined {
  const email: EmailFacts = {};
  for (const key of ['from', 'fromAddress', 'to', 'subject', 'messageId'] as const) assignString(email, key, get(`email.${key}`));
  const date = readTime(get('email.date'));
  if (date) email.date = date;
  for (const key of ['bulk', 'automated'] as const) if (get(`email.${key}`) === true) email[key] = true;
  return Object.keys(email).length > 0 ? email : undefined;
}

function assignString<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (typeof value === 'string' && value !== '') (target as Record<string, unknown>)[key as string] = value;
}

// Obsidian's local "YYYY-MM-DDTHH:mm:ss" and older ISO times with a zone both read as instants.
export function readTime(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const when = new Date(value);
  return Number.isNaN(when.getTime()) ? undefined : when;
}

