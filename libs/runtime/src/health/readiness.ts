import { messageOf } from '@toc/domain';
import { StoreHealth } from '@toc/event-store';
import { ProjectionRunner } from '@toc/read-models';

/** A readiness check that does not answer in this time counts as down: readiness never hangs. */
export const CHECK_TIMEOUT_MS = 2_000;

/** One check's answer: up with its figures, or down with why. */
export type CheckResult = { readonly up: true; readonly details: Record<string, unknown> } | { readonly up: false; readonly message: string };

/** Runs a check, which throws what makes it down, within CHECK_TIMEOUT_MS. */
export const probe = async (check: () => Promise<Record<string, unknown>>): Promise<CheckResult> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)));
  try {
    return { up: true, details: await Promise.race([check(), timeout]) };
  } catch (error) {
    return { up: false, message: messageOf(error) };
  } finally {
    clearTimeout(timer);
  }
};

/** A damaged store refuses writes, so a process on it is not ready although it answers reads. */
export const eventStoreReadiness = async (events: StoreHealth & { headPosition(): Promise<number> }): Promise<Record<string, unknown>> => {
  const damage = events.damage();
  if (damage) throw new Error(`the event store is damaged (${damage.check}): ${damage.detail}`);
  return { headPosition: await events.headPosition() };
};

/**
 * The projection's state, read from the read-model store; throws what makes it not ready: a
 * failure, a store outage it is retrying after, or (when `maxLagEvents` is given) a lag beyond it.
 */
export const projectionReadiness = async (projector: ProjectionRunner, maxLagEvents?: number): Promise<Record<string, unknown>> => {
  const { name, state, runningHere, lagEvents, lagSeconds, lastError } = await projector.statusView();
  if (state === 'failed') throw new Error(`projection ${name} failed: ${lastError?.message}`);
  // A store outage: the projection retries by itself, but what it serves meanwhile is behind.
  if (state === 'retrying') throw new Error(`projection ${name} is retrying after: ${lastError?.message}`);
  if (maxLagEvents !== undefined && lagEvents > maxLagEvents) throw new Error(`projection ${name} is ${lagEvents} events behind (limit ${maxLagEvents})`);
  return { name, state, runningHere, lagEvents, lagSeconds };
};
