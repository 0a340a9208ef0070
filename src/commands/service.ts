import path from 'node:path';
import { UsageError } from '../errors.js';

// `ai-employee service --systemd | --launchd` (§4): a unit that starts the daemon at login. The
// daemon runs with --quiet and writes its own log to <vault>/Logs/; the service manager restarts
// it when it fails. Paths are quoted for each format, so a vault in "~/My Notes" works.

export interface ServiceUnitOptions {
  target: 'systemd' | 'launchd';
  vault: string;
  nodePath: string;
  binPath: string;
  intervalMinutes: number;
}

// The launchd label (and the plist's file name in the docs).
export const LAUNCHD_LABEL = 'com.ai-employee.daemon';

// Given to node at start: set later (bin/ai-employee.js does), V8 does not always keep the young
// generation to it, and an idle daemon then holds up to 34 MB of empty young-generation pages
// (measured idle RSS 60-89 MB without the flag, 59-62 MB with it).
const DAEMON_NODE_FLAGS = ['--max-semi-space-size=2'];

// Printed by the service command; the user saves it where the docs say (docs/daemon.md).
export function renderServiceUnit(options: ServiceUnitOptions): string {
  for (const [what, value] of [['vault', options.vault], ['node', options.nodePath], ['ai-employee', options.binPath]] as const) {
    if (!path.isAbsolute(value)) throw new UsageError(`service: the ${what} path ${JSON.stringify(value)} must be absolute`);
    // A line break cannot be written into either format safely (and no sane path has one).
    if (/[\u0000-\u001f\u007f]/.test(value)) throw new UsageError(`service: the ${what} path ${JSON.stringify(value)} contains a control character`);
  }
  const argv = [options.nodePath, ...DAEMON_NODE_FLAGS, options.binPath, '--daemon', '--vault', options.vault, '--interval', String(options.intervalMinutes), '--quiet'];
  return options.target === 'systemd' ? renderSystemdUnit(options.vault, argv) : renderLaunchdPlist(options.vault, argv);
}

function renderSystemdUnit(vault: string, argv: string[]): string {
  return [
    '[Unit]',
    `Description=ai-employee daemon for ${escapeSystemdSpecifiers(vault)}`,
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${argv.map(quoteSystemdArg).join(' ')}`,
    'Restart=on-failure',
    'RestartSec=30',
    // Exit 2 is a usage or configuration error: restarting cannot fix it until the user does.
    'RestartPreventExitStatus=2',
    // Give the daemon its 5 s to finish the item in hand and release the lock.
    'TimeoutStopSec=15',
    'KillMode=mixed',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

// systemd command lines: double quotes, with \ and " escaped, % doubled (specifiers) and $ doubled (variables).
export function quoteSystemdArg(arg: string): string {
  const escaped = escapeSystemdSpecifiers(arg).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '$$$$');
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? escaped : `"${escaped}"`;
}

function escapeSystemdSpecifiers(text: string): string {
  return text.replace(/%/g, '%%');
}

function renderLaunchdPlist(vault: string, argv: string[]): string {
  const logs = path.join(vault, 'Logs');
  const string = (value: string) => `<string>${escapeXml(value)}</string>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    `  <key>Label</key>${string(LAUNCHD_LABEL)}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...argv.map((arg) => `    ${string(arg)}`),
    '  </array>',
    '  <key>RunAtLoad</key><true/>',
    // Restart only after a failure: a clean stop (exit 0) stays stopped.
    '  <key>KeepAlive</key>',
    '  <dict><key>SuccessfulExit</key><false/></dict>',
    '  <key>ThrottleInterval</key><integer>30</integer>',
    `  <key>StandardOutPath</key>${string(path.join(logs, 'launchd.out.log'))}`,
    `  <key>StandardErrorPath</key>${string(path.join(logs, 'launchd.err.log'))}`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
