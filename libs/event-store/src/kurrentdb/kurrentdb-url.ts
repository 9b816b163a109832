import { messageOf } from '@toc/domain';
type ParseConnectionString = typeof import('@kurrent/kurrentdb-client/dist/Client/parseConnectionString').parseConnectionString;

/** The client's own parser, loaded on first use: start-up of a process on SQLite does not pay for loading the client. */
const parseConnectionString: ParseConnectionString = (connectionString) =>
  (require('@kurrent/kurrentdb-client/dist/Client/parseConnectionString') as { parseConnectionString: ParseConnectionString }).parseConnectionString(connectionString);

/** The connection string with any `user:password@` hidden, for messages and logs. */
export const redactConnectionString = (url: string): string => url.replace(/^([^:]+:\/\/)[^@/?]*@/, '$1***@');

/**
 * Why the client would refuse this connection string (null when it accepts it), checked with
 * the client's own parser so start-up fails with its message instead of at the first call.
 */
export const connectionStringProblem = (url: string): string | null => {
  try {
    parseConnectionString(url);
    return null;
  } catch (error) {
    return messageOf(error);
  }
};
