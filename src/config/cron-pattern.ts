import { Cron } from 'croner';

// When ai-employee.yaml is read: what is wrong with a job's cron pattern, or null when it can run.
// Croner is the engine that later runs the schedule, so what passes here also runs there.
export function describeCronProblem(pattern: string): string | null {
  let cron: Cron;
  try {
    cron = new Cron(pattern, { paused: true });
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern: /, '');
    return `not a valid cron pattern (${reason}); write five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1-5"`;
  }
  return cron.nextRun(new Date(0)) === null ? 'a cron pattern that never matches a date' : null;
}
