import { escapeForLog } from './escape.js';

// What every part of the agent logs through; the sink (file, stderr, memory) is chosen by the CLI.
export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LineSink = (line: string, level: LogLevel) => void;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// §13: "YYYY-MM-DD HH:MM:SS - LEVEL - message", local time.
export function formatLogLine(when: Date, level: LogLevel, message: string): string {
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`;
  return `${stamp} - ${level} - ${escapeForLog(message)}`;
}

export function createLogger(sinks: LineSink[], now: () => Date = () => new Date()): Logger {
  const emit = (level: LogLevel) => (message: string) => {
    const line = formatLogLine(now(), level, message);
    for (const sink of sinks) sink(line, level);
  };
  return { debug: emit('DEBUG'), info: emit('INFO'), warn: emit('WARNING'), error: emit('ERROR') };
}

// A logger that keeps lines in memory: for tests and for commands that print instead of logging.
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger([(line) => lines.push(line)]), { lines });
}
