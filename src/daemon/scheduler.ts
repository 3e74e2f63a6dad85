/** node-cron jobs only enqueue work on the loop; they never act themselves. */
import cron, { type ScheduledTask } from "node-cron";
import { ConfigError } from "../errors.js";

export interface ScheduleSpec {
  name: string;
  /** Config key, for error messages. */
  key: string;
  expression: string;
  fire(): void;
}

export function validateSchedules(specs: Pick<ScheduleSpec, "key" | "expression">[]): void {
  const problems = specs
    .filter((s) => !cron.validate(s.expression))
    .map(
      (s) =>
        `${s.key}: '${s.expression}' is not a valid cron expression; expected e.g. '*/15 * * * *'`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
}

export function startSchedules(specs: ScheduleSpec[]): () => void {
  validateSchedules(specs);
  const tasks: ScheduledTask[] = specs.map((s) =>
    cron.schedule(s.expression, () => s.fire(), { name: s.name, noOverlap: true }),
  );
  return () => {
    for (const t of tasks) void t.stop();
  };
}
