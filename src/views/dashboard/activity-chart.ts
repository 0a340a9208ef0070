import type { DayActivity } from '../snapshot.js';

// The Mermaid chart of items received (bars) and completed (line) per day, as a fenced block.
export function renderActivityChart(days: DayActivity[]): string {
  const labels = days.map((entry) => `"${entry.day.slice(5)}"`).join(', ');
  const received = days.map((entry) => entry.received);
  const completed = days.map((entry) => entry.completed);
  const top = Math.max(1, ...received, ...completed);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Received (bars) and completed (line) per day"`,
    `    x-axis [${labels}]`,
    `    y-axis "Items" 0 --> ${top}`,
    `    bar [${received.join(', ')}]`,
    `    line [${completed.join(', ')}]`,
    '```',
  ].join('\n');
}

// One line under the chart with the totals, for readers whose viewer does not draw Mermaid.
export function summarizeActivity(days: DayActivity[]): string {
  const received = days.reduce((sum, entry) => sum + entry.received, 0);
  const completed = days.reduce((sum, entry) => sum + entry.completed, 0);
  return `Last ${days.length} days: ${received} received, ${completed} completed.`;
}
