// The one model of an item: what the agent knows about a file it took in, apart from the user's own keys.

export type ItemKind = 'note' | 'email' | 'pdf' | 'docx' | 'html' | 'text' | 'image' | 'file';

export type ItemStatus = 'needs_action' | 'planned' | 'done';

// What an email's headers say, decoded; `bulk` for newsletters and lists, `automated` for no-reply senders and notices.
export interface EmailFacts {
  from?: string;
  fromAddress?: string;
  to?: string;
  subject?: string;
  date?: Date;
  messageId?: string;
  bulk?: boolean;
  automated?: boolean;
}

export interface Item {
  id: string;
  kind: ItemKind;
  status: ItemStatus;
  received: Date;
  // Where the agent met it: dropped in Inbox/, or found in Needs_Action/ without the agent's fields.
  source: 'inbox' | 'needs_action';
  originalName?: string;
  // The plan's stem, "PLAN_x".
  plan?: string;
  completed?: Date;
  // A companion note's file, beside it.
  attachment?: string;
  // An email's attachments, saved beside it.
  attachments?: string[];
  sizeBytes?: number;
  sha256?: string;
  email?: EmailFacts;
  // A document's own title (PDF, .docx, HTML).
  title?: string;
  // The item an identical earlier drop became.
  duplicateOf?: string;
  // Why a note was taken in as a plain file, or why its content could not be read.
  intakeNote?: string;
  // Written before the ai_ prefix: its un-prefixed fields are read and updated in place.
  legacy: boolean;
}
