import { expect, test } from 'vitest';
import { createAuditLog } from '../../src/log/audit.js';
import { formatLogLine } from '../../src/log/logger.js';

const LOG_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} - (DEBUG|INFO|WARNING|ERROR) - /;

test.each(['evil\n2026-01-01 00:00:00 - ERROR - forged', 'cr\rlf', 'tab\there', 'nul\u0000', 'esc\u001b[31m', 'sep\u2028line', 'c1\u0085next'])('a message with %j stays one line', (name) => {
  const line = formatLogLine(new Date(2026, 2, 1, 9, 5, 7), 'INFO', `took in Inbox/${name}`);
  expect(line).toMatch(LOG_LINE);
  expect(line.startsWith('2026-03-01 09:05:07 - INFO - ')).toBe(true);
  expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
});

test('an audit line is one parseable JSON object even for a hostile name', () => {
  const lines: string[] = [];
  const audit = createAuditLog((line) => lines.push(line), () => new Date('2026-03-01T00:00:00Z'));
  audit.record({ action: 'intake', item: 'evil\n{"forged":true}', result: 'ok' });
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain('\n');
  expect(JSON.parse(lines[0]!)).toMatchObject({ ts: '2026-03-01T00:00:00.000Z', action: 'intake', item: 'evil\n{"forged":true}' });
});
