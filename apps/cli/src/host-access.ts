import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { AccessAction, AccessLog } from '@toc/runtime';
import { ParsedArgs } from './args';

/** Flags whose value is a secret stay out of the log. */
const SECRET_FLAGS = new Set(['api-key']);

/**
 * Runs a command that reads every record or changes a projection and writes it to the access log
 * as the API does. The service does not authenticate an operator on the host, so the entry names
 * the operating-system user; `method` is CLI and `status` the exit code (0 done, 1 failed).
 */
export const loggedOnHost = async <T>(log: AccessLog, action: AccessAction, words: readonly (string | undefined)[], flags: ParsedArgs['flags'], run: () => Promise<T>): Promise<T> => {
  const user = userInfo().username;
  const entry = {
    at: new Date().toISOString(),
    principalSubject: `host:${user}`,
    principalName: user,
    role: 'operator',
    action,
    method: 'CLI',
    route: words.filter(Boolean).join(' '),
    target: null,
    query: Object.fromEntries(Object.entries(flags).filter(([name]) => !SECRET_FLAGS.has(name))),
    correlationId: randomUUID(),
  };
  let status = 1;
  try {
    const result = await run();
    status = 0;
    return result;
  } finally {
    await log.append({ ...entry, status });
  }
};
