import { describe, expect, test } from 'vitest';
import { escapeXml, quoteSystemdArg, renderServiceUnit } from '../../src/commands/service.js';
import { UsageError } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';

const base = { vault: '/home/ann/My Vault', nodePath: '/usr/local/bin/node', binPath: '/opt/ai employee/bin/ai-employee.js', intervalMinutes: 10 };

describe('service units (§4 service --systemd | --launchd)', () => {
  test('systemd: a user unit that runs the daemon quietly, restarted on failure', () => {
    const unit = renderServiceUnit({ ...base, target: 'systemd' });
    expect(unit).toContain('ExecStart=/usr/local/bin/node --max-semi-space-size=2 "/opt/ai employee/bin/ai-employee.js" --daemon --vault "/home/ann/My Vault" --interval 10 --quiet\n');
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^WantedBy=default.target$/m);
    expect(unit).toMatch(/^\[Unit\]\nDescription=ai-employee daemon for \/home\/ann\/My Vault$/m);
  });

  test.each([
    ['/plain/path', '/plain/path'],
    ['/with space', '"/with space"'],
    ['/quote"d', '"/quote\\"d"'],
    ['/back\\slash', '"/back\\\\slash"'],
    ['/100%', '/100%%'],
    ['/$HOME', '"/$$HOME"'],
    ["/it's", '"/it\'s"'],
  ])('systemd quotes %s as %s', (arg, quoted) => {
    expect(quoteSystemdArg(arg)).toBe(quoted);
  });

  test('launchd: a LaunchAgent plist with every argument escaped, logs in <vault>/Logs/', () => {
    const plist = renderServiceUnit({ ...base, vault: '/Users/ann/R&D <notes>', target: 'launchd' });
    expect(plist).toContain('<key>ProgramArguments</key>\n  <array>\n    <string>/usr/local/bin/node</string>\n    <string>--max-semi-space-size=2</string>\n    <string>/opt/ai employee/bin/ai-employee.js</string>\n    <string>--daemon</string>\n    <string>--vault</string>\n    <string>/Users/ann/R&amp;D &lt;notes&gt;</string>\n    <string>--interval</string>\n    <string>10</string>\n    <string>--quiet</string>\n  </array>');
    expect(plist).toContain('<key>RunAtLoad</key><true/>');
    expect(plist).toContain('<key>KeepAlive</key>\n  <dict><key>SuccessfulExit</key><false/></dict>');
    expect(plist).toContain('<key>StandardOutPath</key><string>/Users/ann/R&amp;D &lt;notes&gt;/Logs/launchd.out.log</string>');
    expect(plist).toContain('<key>StandardErrorPath</key><string>/Users/ann/R&amp;D &lt;notes&gt;/Logs/launchd.err.log</string>');
    expect(plist.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')).toBe(true);
  });

  test('XML escaping covers the five special characters', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  test.each([
    ['systemd', '/vault\nExecStartPre=/bin/evil'],
    ['launchd', '/vault\u0007'],
    ['systemd', 'relative/vault'],
  ] as const)('%s refuses the vault path %j', (target, vault) => {
    expect(() => renderServiceUnit({ ...base, vault, target })).toThrow(UsageError);
  });

  test('the CLI prints a unit with absolute node and bin paths', async () => {
    const run = await runCli(['service', '--systemd', '--vault', '/tmp/some vault', '--interval', '3']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`ExecStart=${quoteSystemdArg(process.execPath)} `);
    expect(run.stdout).toMatch(/bin\/ai-employee\.js"? --daemon --vault "\/tmp\/some vault" --interval 3 --quiet/);
  });
});
