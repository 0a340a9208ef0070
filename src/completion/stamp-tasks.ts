// §8 on filing, as Obsidian Tasks does it: a ticked line without a done date gets " ✅ YYYY-MM-DD",
// a cancelled one " ❌ YYYY-MM-DD"; the item's own open tasks that its plan carried are ticked the
// same way, so nothing open is left behind in Done/.

export type TaskMark = 'x' | '-';

export interface TaskStamp {
  day: string;
  // For the item: the plan's ticked and cancelled steps, by their text.
  marks?: [text: string, mark: TaskMark][];
}

const TASK = /^(\s*(?:[-*+]|\d+[.)])\s+\[)(.)(\]\s+)(.*?)(\s*)$/;
const FIELD_START = /\s*(?:[⏫🔼🔽⏬🔺📅⏳🛫➕🔁✅❌🆔⛔]|🏁)/u;
const HAS_DONE_DATE = /[✅❌]\s*\d{4}-\d{2}-\d{2}/u;

// Used when a plan is found complete: its ticked and cancelled steps, by text.
export function readTaskMarks(body: string): [string, TaskMark][] {
  const marks: [string, TaskMark][] = [];
  for (const line of body.split('\n')) {
    const match = TASK.exec(line);
    if (match && 'xX-'.includes(match[2]!)) marks.push([taskText(match[4]!), match[2] === '-' ? '-' : 'x']);
  }
  return marks;
}

// Used by the completion journal on the body of a note it files.
export function stampTasks(body: string, stamp: TaskStamp): string {
  const marks = stamp.marks ? new Map(stamp.marks) : undefined;
  return body
    .split('\n')
    .map((line) => {
      const match = TASK.exec(line);
      if (!match) return line;
      const [, open, mark, close, rest, trailing] = match as unknown as string[];
      const next = marks ? (mark === ' ' ? marks.get(taskText(rest!)) : undefined) : 'xX-'.includes(mark!) ? (mark as TaskMark) : undefined;
      if (!next || HAS_DONE_DATE.test(rest!)) return next && marks ? `${open}${next}${close}${rest}${trailing}` : line;
      return `${open}${marks ? next : mark}${close}${rest} ${next === '-' ? '❌' : '✅'} ${stamp.day}${trailing}`;
    })
    .join('\n');
}

function taskText(rest: string): string {
  const at = FIELD_START.exec(rest)?.index ?? rest.length;
  return rest.slice(0, at).replace(/\s+/g, ' ').trim();
}
