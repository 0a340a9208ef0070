// The process events a daemon answers: SIGINT/SIGTERM stop it, SIGHUP reloads its configuration,
// and a promise rejected by mistake somewhere inside is logged instead of ending the process.

export interface ProcessEventHandlers {
  stop(signal: NodeJS.Signals): void;
  reload(): void;
  unhandledRejection(reason: unknown): void;
}

// The part of `process` this listens on, so a test can pass an EventEmitter.
export interface ProcessEvents {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

// Installed by the daemon for its whole run; the returned function removes every listener.
export function listenForProcessEvents(handlers: ProcessEventHandlers, target: ProcessEvents = process): () => void {
  const listeners: [string, (...args: unknown[]) => void][] = [
    ...STOP_SIGNALS.map((signal): [string, () => void] => [signal, () => handlers.stop(signal)]),
    ['SIGHUP', () => handlers.reload()],
    ['unhandledRejection', (reason) => handlers.unhandledRejection(reason)],
  ];
  for (const [event, listener] of listeners) target.on(event, listener);
  return () => {
    for (const [event, listener] of listeners) target.off(event, listener);
  };
}
