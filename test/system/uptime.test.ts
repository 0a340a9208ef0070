import { expect, test } from 'vitest';
import { formatUptime } from '../../src/system/uptime.js';

// One uptime form for the daemon's last log line, --status and the briefing.
test.each([
  [0, '0s'],
  [59.4, '59s'],
  [61, '1m 1s'],
  [3600, '1h 0m'],
  [93_784, '1d 2h 3m'],
  [-5, '0s'],
])('%s seconds → %s', (seconds, expected) => {
  expect(formatUptime(seconds)).toBe(expected);
});
