import type { Config } from '../config/schema.js';
import type { PlanContext } from './planner.js';
import { readHead } from '../vault/read-head.js';
import type { VaultLayout } from '../vault/layout.js';

// The user's handbook and goals, read once per planning run (never written).
export async function readPlanContext(layout: VaultLayout, config: Config, now: Date): Promise<PlanContext> {
  const limit = config.planner.maxReadKB * 1024;
  const read = (file: string) => readHead(file, limit).then((b) => b.toString('utf8'), () => '');
  const [handbook, goals] = await Promise.all([read(layout.handbook), read(layout.goals)]);
  return { handbook, goals, highKeywords: config.planner.highKeywords, now };
}
