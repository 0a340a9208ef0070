import { capList as capLines, describeItem, dueLines } from '../dashboard/render-block.js';
import { describeAge, describeWaiting } from '../item-summary.js';
import { localMinute, parseLocalDay } from '../../vault/local-day.js';
import { safeInline } from '../../vault/note-link.js';
import type { BriefingModel } from './briefing-model.js';
import { renderGoals, renderHealth, renderJobs } from './render-status.js';

// The daily briefing as a note: short sections, most urgent first, every item a [[link]].

const LIST_CAP = 20;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Shows at most LIST_CAP lines, then "…and N more" for the rest of `total`.
function capList(lines: string[], total = lines.length): string[] {
  return capLines(lines, total, LIST_CAP);
}

function longDate(day: string): string {
  const date = parseLocalDay(day);
  return date ? `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}` : day;
}

function greeting(now: Date): string {
  const hour = now.getHours();
  return hour < 12 ? 'Good morning.' : hour < 18 ? 'Good afternoon.' : 'Good evening.';
}

// What the counts cover, as the summary and the activity heading say it.
function describeWindow(model: BriefingModel): string {
  if (model.otherDay) return `In the 24 hours before ${localMinute(model.now)}`;
  return model.sinceLastBriefing ? 'Since the last briefing' : 'In the last 24 hours';
}

// The one-paragraph summary a person reads first; a greeting only when it is read the day it is for.
export function renderSummary(model: BriefingModel): string {
  const since = describeWindow(model);
  const urgent = [
    model.overdue.count > 0 ? `${model.overdue.count} overdue` : '',
    model.dueToday.count > 0 ? `${model.dueToday.count} due today` : '',
    model.highPriority.count > 0 ? `${model.highPriority.count} high priority` : '',
  ].filter(Boolean);
  const open = model.open === 0 ? 'Nothing is open.' : `${plural(model.open, 'item')} open${urgent.length > 0 ? `: ${urgent.join(', ')}` : ''}.`;
  const problems = model.health.errors > 0 || model.jobs.records.some((run) => run.result !== 'ok') ? ' The agent has something to report below.' : '';
  const greet = model.otherDay ? '' : `${greeting(model.now)} `;
  return `${greet}${since}: ${plural(model.received.count, 'new item')}, ${model.completed.length} completed. ${open}${problems}`;
}

function section(title: string, lines: string[], empty: string | null): string[] {
  if (lines.length === 0 && empty === null) return [];
  return [`## ${title}`, ...(lines.length > 0 ? lines : [empty!]), ''];
}

function renderAttention(model: BriefingModel): string[] {
  const due = dueLines(model, model.date, LIST_CAP);
  const high = model.highPriority.items.map((item) => `- ⏫ ${describeItem(item)} · ${describeWaiting(item.ageDays)}${item.due ? ` · 📅 ${item.due}` : ''}`);
  const stale = model.stale.items.map((item) => `- ⏳ ${describeItem(item)} · waiting ${describeAge(item.ageDays)}`);
  return [
    ...section('Due today and overdue', due, 'Nothing is due today or overdue.'),
    ...section('High priority', capList(high, model.highPriority.count), 'No open high-priority items.'),
    ...section(`Waiting more than ${plural(model.staleDays, 'day')}`, capList(stale, model.stale.count), 'Nothing has been waiting that long.'),
  ];
}

function renderActivity(model: BriefingModel): string[] {
  const title = model.sinceLastBriefing && !model.otherDay ? `Since the last briefing (${localMinute(model.since)})` : describeWindow(model);
  const received = model.received.items.map((item) => `- ${item.done ? '✅' : '📥'} ${describeItem(item)}`);
  const completed = model.completed.map((item) => `- ✅ ${describeItem(item)} · ${localMinute(new Date(item.completed))}`);
  return [
    `## ${title}`,
    `**Received (${model.received.count})**`,
    ...(received.length > 0 ? capList(received, model.received.count) : ['- nothing new']),
    '',
    `**Completed (${model.completed.length})**`,
    ...(completed.length > 0 ? capList(completed) : ['- nothing completed']),
    '',
  ];
}

// The briefing's frontmatter: Obsidian properties a person can sort and chart briefings by.
export function briefingProperties(model: BriefingModel): Record<string, unknown> {
  return {
    date: model.date,
    tags: ['briefing'],
    received: model.received.count,
    completed: model.completed.length,
    open: model.open,
    high_priority: model.highPriority.count,
    overdue: model.overdue.count,
    due_today: model.dueToday.count,
    stale: model.stale.count,
    jobs_failed: model.jobs.records.filter((run) => run.result !== 'ok').length,
  };
}

function writtenLine(model: BriefingModel): string {
  const at = safeInline(localMinute(model.writtenAt));
  if (!model.otherDay) return `_Written by ai-employee at ${at}._`;
  return `_Written by ai-employee at ${at} for ${model.date}: received and completed count that day's 24 hours; open items are those received by then that are still open now._`;
}

// The agent's block of the note (what goes between the markers).
export function renderBriefingBlock(model: BriefingModel): string {
  return [
    `# Briefing — ${longDate(model.date)}`,
    '',
    renderSummary(model),
    '',
    ...renderAttention(model),
    ...renderActivity(model),
    ...renderGoals(model.goals),
    ...renderJobs(model.jobs),
    ...renderHealth(model.health),
    writtenLine(model),
  ].join('\n');
}
