import type { Config, ConstraintsConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { type ConstraintName, evaluateConstraints, listFailingConstraints } from './evaluate-constraints.js';
import { type Readings, readConstraintReadings } from './readings.js';

// Which constraints may hold a piece of work (§12): cheap work waits only for disk space.
export type WorkKind = 'cheap' | 'heavy';

export type GateDecision = { ok: true } | { ok: false; reason: string };

export interface Gate {
  // `label` names the stage or job, so the gate can log "held"/"resumed" once per episode for each.
  check(kind: WorkKind, overrides?: Partial<Config['constraints']>, label?: string): Promise<GateDecision>;
}

// An always-open gate, for --ignore-constraints and for tests that are not about constraints.
export const OPEN_GATE: Gate = { check: async () => ({ ok: true }) };

// The constraint gate every stage and job asks before working (§12): reads the machine, judges, logs once per episode.

export interface GateOptions {
  vaultRoot: string;
  config: Config;
  // --ignore-constraints: every check passes and nothing is read.
  ignore: boolean;
  log: Logger;
  // Injected in tests; by default the real readings, each bounded by budgetMs.
  readings?: () => Promise<Readings>;
  now?: () => Date;
  // Readings younger than this are reused, so one iteration reads the machine once.
  maxAgeMs?: number;
  budgetMs?: number;
}

// The latest readings and the thresholds of config.constraints they break: for state.constraints and --status.
export interface LatestReadings extends Readings {
  readAt: string;
  failing: Partial<Record<ConstraintName, string>>;
}

export interface ConstraintGate extends Gate {
  // label names the stage or job asking ("planning", "job backup"); held/resumed are logged per label. Defaults to kind.
  check(kind: WorkKind, overrides?: Partial<ConstraintsConfig>, label?: string): Promise<GateDecision>;
  latest(): LatestReadings | null;
}

const NO_READINGS: Readings = { loadPerCpu: null, availableMemoryMB: null, battery: null, freeDiskMB: null, unavailable: {} };

function mergeLimits(base: ConstraintsConfig, overrides: Partial<ConstraintsConfig> | undefined): ConstraintsConfig {
  const defined = Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined);
  return { ...base, ...Object.fromEntries(defined) };
}

// Created once per run by the runner; --ignore-constraints makes it always open.
export function createGate(options: GateOptions): ConstraintGate {
  const { vaultRoot, config, ignore, log, now = () => new Date(), maxAgeMs = 10_000, budgetMs = 2_000 } = options;
  const read = options.readings ?? (() => readConstraintReadings(vaultRoot, { budgetMs, log }));
  let cached: { at: number; readings: Promise<Readings> } | undefined;
  let latest: LatestReadings | null = null;
  const heldNow = new Map<string, string>();
  const unavailableNow = new Set<string>();

  const noteUnavailable = (readings: Readings) => {
    for (const [name, why] of Object.entries(readings.unavailable)) {
      if (!unavailableNow.has(name)) log.warn(`constraint reading "${name}" unavailable (${why}); it holds no work`);
    }
    unavailableNow.clear();
    for (const name of Object.keys(readings.unavailable)) unavailableNow.add(name);
  };

  const takeReadings = async (at: Date): Promise<Readings> => {
    let readings: Readings;
    try {
      readings = await read();
    } catch (error) {
      readings = { ...NO_READINGS, unavailable: { all: (error as Error).message } };
    }
    noteUnavailable(readings);
    const failing = Object.fromEntries(listFailingConstraints(readings, config.constraints, 'heavy').map((item) => [item.constraint, item.reason]));
    latest = { ...readings, readAt: at.toISOString(), failing };
    return readings;
  };

  const currentReadings = (): Promise<Readings> => {
    const at = now();
    if (!cached || at.getTime() - cached.at >= maxAgeMs || at.getTime() < cached.at) {
      cached = { at: at.getTime(), readings: takeReadings(at) };
    }
    return cached.readings;
  };

  return {
    async check(kind, overrides, label = kind) {
      if (ignore) return { ok: true };
      const verdict = evaluateConstraints(await currentReadings(), mergeLimits(config.constraints, overrides), kind);
      if (!verdict.ok) {
        if (!heldNow.has(label)) log.info(`${label} held: ${verdict.reason}`);
        heldNow.set(label, verdict.reason);
        return { ok: false, reason: verdict.reason };
      }
      if (heldNow.delete(label)) log.info(`${label} resumed: constraints pass again`);
      return { ok: true };
    },
    latest: () => latest,
  };
}
