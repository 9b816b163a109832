import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Response } from 'express';

/** Resolves when the socket has taken what was buffered, or the client has gone. */
const drainedOrClosed = (response: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      response.off('drain', done).off('close', done);
      resolve();
    };
    response.on('drain', done).on('close', done);
  });

/**
 * Writes a long answer chunk by chunk at the pace the client reads: a client that stops reading
 * holds at most one chunk beyond the socket's buffer, one that goes away stops the reading of
 * further chunks, and other requests get a turn between chunks (the stores answer synchronously,
 * so without it one export could hold the event loop to the end).
 */
export const streamChunks = async (response: Response, chunks: AsyncIterable<string>): Promise<void> => {
  let gone = false;
  response.once('close', () => (gone = true));
  for await (const chunk of chunks) {
    // Listening right after a write that returned false cannot miss the close: events come later.
    if (!gone && !response.write(chunk)) await drainedOrClosed(response);
    if (gone) return;
    await nextTurn();
  }
  if (!gone) response.end();
};
